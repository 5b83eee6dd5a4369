/// The member's page: the text under comment with a form on each paragraph, uploads, the silence
/// reply, and the member's own submissions with receipts and dispositions.
extension Templates {
    static let member = pragma + """
    <h1>{{name}} ({{code}})</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    {{#round}}{{> deadline}}{{/round}}
    {{^round}}<p>{{t.noRound}}</p>{{/round}}

    <section aria-labelledby="mine-heading">
    <h2 id="mine-heading">{{t.yourSubmissions}}</h2>
    {{^submissions}}<p>{{t.nothingFromBefore}}{{code}}{{t.nothingFromAfter}}</p>{{/submissions}}
    {{#submissions}}
    <article class="submission{{#current}} current{{/current}}">
    <h3>{{t.round}} {{round}}, {{t.submission}} {{number}}{{#current}}{{t.counts}}{{/current}}</h3>
    <p>{{t.received}} <bdi>{{received}}</bdi>{{#late}}, <strong>{{t.late}}</strong>{{/late}}. {{commentCount}} {{t.comments}}{{#proposal}}{{t.withCopy}}{{/proposal}}{{#noObjection}}{{t.confirmingNoObjection}}{{/noObjection}}. <a href="/member/{{code}}/receipts/{{round}}/{{number}}">{{t.receipt}} {{receipt}}</a></p>
    {{#hasComments}}<ul class="comments">
    {{#comments}}<li><span class="id">{{id}}</span> {{t.onParagraph}} <bdi>{{reference}}</bdi> ({{type}}): <span class="text" dir="auto">{{text}}</span>{{#proposed}}<br>{{t.proposed}} <span class="text" dir="auto">{{proposed}}</span>{{/proposed}}{{#disposition}}<br>{{t.disposition}} <strong>{{disposition}}</strong>{{#observation}}: {{observation}}{{/observation}}{{/disposition}}</li>
    {{/comments}}</ul>{{/hasComments}}
    </article>
    {{/submissions}}
    </section>

    {{#everyone}}
    <section aria-labelledby="everyone-heading">
    <h2 id="everyone-heading">{{t.everyoneHeading}} {{round}}</h2>
    <p>{{#closed}}{{t.closedEveryoneIntro}}{{/closed}}{{^closed}}{{t.everyoneIntro}}{{/closed}}</p>
    {{^entries}}<p>{{t.nobodyYet}}</p>{{/entries}}
    {{#entries}}
    <article class="submission other">
    <h3>{{name}} ({{code}}), {{t.submission}} {{number}}</h3>
    <p>{{t.received}} <bdi>{{received}}</bdi>{{#late}}, <strong>{{t.late}}</strong>{{/late}}. {{commentCount}} {{t.comments}}{{#proposal}}{{t.withCopy}}{{/proposal}}{{#noObjection}}{{t.confirmingNoObjection}}{{/noObjection}}.</p>
    {{#hasComments}}<ul class="comments">
    {{#comments}}<li><span class="id">{{id}}</span> {{t.onParagraph}} <bdi>{{reference}}</bdi> ({{type}}): <span class="text" dir="auto">{{text}}</span>{{#proposed}}<br>{{t.proposed}} <span class="text" dir="auto">{{proposed}}</span>{{/proposed}}</li>
    {{/comments}}</ul>{{/hasComments}}
    </article>
    {{/entries}}
    </section>
    {{/everyone}}

    {{#silenceForms}}
    <section aria-labelledby="silence-heading">
    <h2 id="silence-heading">{{t.silenceHeading}}</h2>
    <p>{{t.silenceIntro}}</p>
    <form method="post" action="/member/{{code}}/silence">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="reply" value="no-objection">
    <button type="submit">{{t.confirmNoObjection}}</button>
    </form>
    <form method="post" action="/member/{{code}}/silence">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="reply" value="object">
    <label for="objection">{{t.yourObjection}}</label>
    <textarea id="objection" name="objection" rows="4" required></textarea>
    <button type="submit">{{t.object}}</button>
    </form>
    </section>
    {{/silenceForms}}

    {{#commentForms}}
    <section aria-labelledby="general-heading">
    <h2 id="general-heading">{{t.generalHeading}}</h2>
    <form method="post" action="/member/{{code}}/comments" class="comment">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="paragraph" value="general">
    <label for="type-general">{{t.type}}</label>
    <select id="type-general" name="type"><option value="general">{{t.typeGeneral}}</option><option value="technical">{{t.typeTechnical}}</option><option value="editorial">{{t.typeEditorial}}</option></select>
    <label for="comment-general">{{t.comment}}</label>
    <textarea id="comment-general" name="comment" rows="4"></textarea>
    <button type="submit">{{t.sendGeneral}}</button>
    </form>
    </section>

    <section aria-labelledby="upload-heading">
    <h2 id="upload-heading">{{t.uploadHeading}}</h2>
    <form method="post" action="/member/{{code}}/upload" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <fieldset><legend>{{t.fileIs}}</legend>
    <label><input type="radio" name="kind" value="copy" checked> {{t.fileCopy}}</label>
    <label><input type="radio" name="kind" value="comments"> {{t.fileComments}}</label>
    </fieldset>
    <label for="file">{{t.fileLimit}}</label>
    <input id="file" type="file" name="file" required>
    <button type="submit">{{t.sendFile}}</button>
    </form>
    </section>
    {{/commentForms}}

    {{#round}}
    <section aria-labelledby="text-heading" class="draft">
    <h2 id="text-heading">{{t.textHeading}} {{version}}</h2>
    {{#languageVersion}}<p class="note">{{t.languageVersionBefore}}{{languageVersion}}{{t.languageVersionAfter}}</p>{{/languageVersion}}
    {{#blocks}}
    <div class="block{{#heading}} heading{{/heading}}" id="p-{{domID}}">
    <p><span class="num">{{number}}</span> {{body}}</p>
    {{#original}}<details class="original"><summary>{{t.inOriginal}}</summary><p class="text" dir="auto">{{original}}</p></details>{{/original}}
    {{#commentForms}}
    <details><summary>{{t.commentOn}} {{anchor}}</summary>
    <form method="post" action="/member/{{code}}/comments" class="comment">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="paragraph" value="{{anchor}}">
    <label for="type-{{domID}}">{{t.type}}</label>
    <select id="type-{{domID}}" name="type"><option value="general">{{t.typeGeneral}}</option><option value="technical">{{t.typeTechnical}}</option><option value="editorial">{{t.typeEditorial}}</option></select>
    <label for="comment-{{domID}}">{{t.comment}}</label>
    <textarea id="comment-{{domID}}" name="comment" rows="3"></textarea>
    <label for="proposed-{{domID}}">{{t.proposedFor}} {{anchor}} {{t.proposedHint}}</label>
    <textarea id="proposed-{{domID}}" name="proposed" rows="4" data-original="{{proposable}}">{{proposable}}</textarea>
    <p class="diff" aria-live="polite" hidden></p>
    <button type="submit">{{t.sendOn}} {{anchor}}</button>
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
    {{#objection}}<blockquote class="text" dir="auto">{{objection}}</blockquote>{{/objection}}
    <form method="post" action="/member/{{code}}/silence">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="reply" value="{{reply}}">
    <input type="hidden" name="objection" value="{{objection}}"><input type="hidden" name="confirm" value="yes">
    <button type="submit">{{button}}</button>
    </form>
    <p><a href="/member/{{code}}">{{t.cancel}}</a></p>
    """
}
