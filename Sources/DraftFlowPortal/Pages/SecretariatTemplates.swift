/// The secretariat's pages: the status dashboard and the texts it links to.
extension Templates {
    static let secretariat = pragma + """
    <h1>Secretariat: {{workspaceTitle}}</h1>
    <p>Now: {{now}}</p>
    {{#round}}{{> deadline}}
    <p>{{responded}} of {{memberCount}} members responded; {{lateCount}} late; {{waiting}} not heard from.</p>
    {{/round}}
    {{^round}}<p>No round has been opened.</p>{{/round}}
    <section aria-labelledby="members-heading">
    <h2 id="members-heading">Members</h2>
    <div class="scroll"><table>
    <thead><tr><th scope="col">Code</th><th scope="col">Member</th><th scope="col">State</th><th scope="col">Received</th><th scope="col">Comments</th><th scope="col">Edited copy</th></tr></thead>
    <tbody>
    {{#members}}<tr class="{{state}}"><td>{{code}}</td><td>{{name}}</td><td>{{stateText}}</td><td>{{received}}</td><td>{{comments}}</td><td>{{#proposal}}yes{{/proposal}}{{^proposal}}no{{/proposal}}</td></tr>
    {{/members}}
    </tbody></table></div>
    </section>
    {{#merge}}
    <section aria-labelledby="merge-heading">
    <h2 id="merge-heading">Merge of round {{round}}</h2>
    <p>Open collisions: {{collisions}}. Comments without a disposition: {{undecided}}.</p>
    </section>
    {{/merge}}
    <section aria-labelledby="texts-heading">
    <h2 id="texts-heading">Texts</h2>
    <ul>
    <li><a href="/secretariat/compilation">The compilation of the proposals</a></li>
    <li><a href="/secretariat/collisions">The collisions</a></li>
    <li><a href="/secretariat/dispositions">The disposition table</a></li>
    <li><a href="/secretariat/packet">Download the packet for the chair (HTML)</a></li>
    </ul>
    <p>Decisions (merge, resolve, dispose, publish) stay in the command-line tool.</p>
    </section>
    """

    /// A text the secretariat reads: a heading and preformatted, escaped text.
    static let preformatted = pragma + """
    <h1>{{heading}}</h1>
    <p><a href="/secretariat">Back to the dashboard</a></p>
    <pre class="text">{{text}}</pre>
    """
}
