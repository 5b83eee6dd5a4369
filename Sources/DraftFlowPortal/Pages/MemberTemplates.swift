/// The member's page: the text under comment with a form on each paragraph, uploads, the silence
/// reply, and the member's own submissions with receipts and dispositions.
extension Templates {
    static let member = pragma + """
    <h1>{{name}} ({{code}})</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    {{#round}}{{> deadline}}{{/round}}
    {{^round}}<p>No round is open: there is nothing to comment on yet.</p>{{/round}}

    <section aria-labelledby="mine-heading">
    <h2 id="mine-heading">Your submissions</h2>
    {{^submissions}}<p>Nothing from {{code}} is recorded yet.</p>{{/submissions}}
    {{#submissions}}
    <article class="submission{{#current}} current{{/current}}">
    <h3>Round {{round}}, submission {{number}}{{#current}} (the one that counts){{/current}}</h3>
    <p>Received {{received}}{{#late}}, <strong>late</strong>{{/late}}. {{commentCount}} comment(s){{#proposal}}, with an edited copy{{/proposal}}{{#noObjection}}, confirming no objection{{/noObjection}}. <a href="/member/{{code}}/receipts/{{round}}/{{number}}">Receipt {{receipt}}</a></p>
    {{#hasComments}}<ul class="comments">
    {{#comments}}<li><span class="id">{{id}}</span> on {{reference}} ({{type}}): <span class="text">{{text}}</span>{{#proposed}}<br>Proposed: <span class="text">{{proposed}}</span>{{/proposed}}{{#disposition}}<br>Disposition: <strong>{{disposition}}</strong>{{#observation}}: {{observation}}{{/observation}}{{/disposition}}</li>
    {{/comments}}</ul>{{/hasComments}}
    </article>
    {{/submissions}}
    </section>

    {{#silenceForms}}
    <section aria-labelledby="silence-heading">
    <h2 id="silence-heading">Your reply to the silence procedure</h2>
    <p>The text is adopted unless a member objects before the close.</p>
    <form method="post" action="/member/{{code}}/silence">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="reply" value="no-objection">
    <button type="submit">Confirm no objection…</button>
    </form>
    <form method="post" action="/member/{{code}}/silence">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="reply" value="object">
    <label for="objection">Your objection</label>
    <textarea id="objection" name="objection" rows="4" required></textarea>
    <button type="submit">Object…</button>
    </form>
    </section>
    {{/silenceForms}}

    {{#commentForms}}
    <section aria-labelledby="general-heading">
    <h2 id="general-heading">A comment on the whole text</h2>
    <form method="post" action="/member/{{code}}/comments" class="comment">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="paragraph" value="general">
    <label for="type-general">Type</label>
    <select id="type-general" name="type"><option value="general">General</option><option value="technical">Technical</option><option value="editorial">Editorial</option></select>
    <label for="comment-general">Comment</label>
    <textarea id="comment-general" name="comment" rows="4"></textarea>
    <button type="submit">Send the comment on the whole text</button>
    </form>
    </section>

    <section aria-labelledby="upload-heading">
    <h2 id="upload-heading">Send a file</h2>
    <form method="post" action="/member/{{code}}/upload" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <fieldset><legend>The file is</legend>
    <label><input type="radio" name="kind" value="copy" checked> your edited copy of the draft (Markdown or text, or Word)</label>
    <label><input type="radio" name="kind" value="comments"> a comment file (Markdown, or the ISO template as CSV)</label>
    </fieldset>
    <label for="file">File (at most 10 MiB)</label>
    <input id="file" type="file" name="file" required>
    <button type="submit">Send the file</button>
    </form>
    </section>
    {{/commentForms}}

    {{#round}}
    <section aria-labelledby="text-heading" class="draft">
    <h2 id="text-heading">The text under comment: {{version}}</h2>
    {{#blocks}}
    <div class="block{{#heading}} heading{{/heading}}" id="p-{{domID}}">
    <p><span class="num">{{number}}</span> {{body}}</p>
    {{#commentForms}}
    <details><summary>Comment on {{anchor}}</summary>
    <form method="post" action="/member/{{code}}/comments" class="comment">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="paragraph" value="{{anchor}}">
    <label for="type-{{domID}}">Type</label>
    <select id="type-{{domID}}" name="type"><option value="general">General</option><option value="technical">Technical</option><option value="editorial">Editorial</option></select>
    <label for="comment-{{domID}}">Comment</label>
    <textarea id="comment-{{domID}}" name="comment" rows="3"></textarea>
    <label for="proposed-{{domID}}">Proposed text for {{anchor}} (leave as it is to propose no change)</label>
    <textarea id="proposed-{{domID}}" name="proposed" rows="4" data-original="{{body}}">{{body}}</textarea>
    <p class="diff" aria-live="polite" hidden></p>
    <button type="submit">Send the comment on {{anchor}}</button>
    </form>
    </details>
    {{/commentForms}}
    </div>
    {{/blocks}}
    </section>
    {{/round}}
    """

    /// The confirmation step of a silence reply.
    static let confirm = pragma + """
    <h1>{{heading}}</h1>
    <p>{{text}}</p>
    {{#objection}}<blockquote class="text">{{objection}}</blockquote>{{/objection}}
    <form method="post" action="/member/{{code}}/silence">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="reply" value="{{reply}}">
    <input type="hidden" name="objection" value="{{objection}}"><input type="hidden" name="confirm" value="yes">
    <button type="submit">{{button}}</button>
    </form>
    <p><a href="/member/{{code}}">Cancel</a></p>
    """
}
