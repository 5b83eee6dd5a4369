/// The secretariat's pages: the status dashboard and the texts it links to.
extension Templates {
    static let secretariat = pragma + """
    <h1>{{t.sec_headingBefore}}{{workspaceTitle}}</h1>
    <p>{{t.sec_now}} <bdi>{{now}}</bdi></p>
    {{#round}}{{> deadline}}
    <p>{{summary}}</p>
    {{/round}}
    {{^round}}<p>{{t.sec_noRound}}</p>{{/round}}
    <section aria-labelledby="members-heading">
    <h2 id="members-heading">{{t.sec_members}}</h2>
    <div class="scroll"><table>
    <thead><tr><th scope="col">{{t.sec_col_code}}</th><th scope="col">{{t.sec_col_member}}</th><th scope="col">{{t.sec_col_state}}</th><th scope="col">{{t.sec_col_received}}</th><th scope="col">{{t.sec_col_comments}}</th><th scope="col">{{t.sec_col_copy}}</th></tr></thead>
    <tbody>
    {{#members}}<tr class="{{state}}"><td>{{code}}</td><td>{{name}}</td><td>{{stateText}}</td><td>{{received}}</td><td>{{comments}}</td><td>{{#proposal}}{{t.sec_yes}}{{/proposal}}{{^proposal}}{{t.sec_no}}{{/proposal}}</td></tr>
    {{/members}}
    </tbody></table></div>
    </section>
    {{#merge}}
    <section aria-labelledby="merge-heading">
    <h2 id="merge-heading">{{t.sec_mergeHeading}} {{round}}</h2>
    <p>{{summary}}</p>
    </section>
    {{/merge}}
    <section aria-labelledby="texts-heading">
    <h2 id="texts-heading">{{t.sec_texts}}</h2>
    <ul>
    <li><a href="/secretariat/compilation">{{t.sec_compilation}}</a></li>
    <li><a href="/secretariat/collisions">{{t.sec_collisions}}</a></li>
    <li><a href="/secretariat/dispositions">{{t.sec_dispositions}}</a></li>
    <li><a href="/secretariat/packet">{{t.sec_packet}}</a></li>
    </ul>
    <p>{{t.sec_decisions}}</p>
    </section>
    """

    /// A text the secretariat reads: a heading and preformatted, escaped text.
    static let preformatted = pragma + """
    <h1>{{heading}}</h1>
    <p><a href="/secretariat">{{t.sec_back}}</a></p>
    <pre class="text">{{text}}</pre>
    """
}
