/// The portal's page templates (mustache). Every `{{value}}` is escaped by `HTMLEscaping` (the
/// `DRAFTFLOW_HTML` content type); `{{{body}}}` is used only for a page the portal rendered itself.
enum Templates {
    static let pragma = "{{% CONTENT_TYPE: DRAFTFLOW_HTML}}"

    static let layout = pragma + """
    <!DOCTYPE html>
    <html lang="{{lang}}" dir="{{dir}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · DraftFlow</title>
    <link rel="stylesheet" href="/static/portal.css">
    </head>
    <body>
    <a class="skip" href="#main">{{t.skip}}</a>
    <header class="site"><p>DraftFlow · {{workspaceTitle}}</p>
    <nav class="languages" aria-label="{{t.languages}}"><ul>{{#languages}}<li><a href="?lang={{tag}}" lang="{{tag}}" hreflang="{{tag}}"{{#current}} aria-current="true"{{/current}}>{{name}}</a></li>{{/languages}}</ul></nav>
    {{#signedIn}}<form method="post" action="/signout"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.signOut}}</button></form>{{/signedIn}}</header>
    <main id="main">
    {{{body}}}
    </main>
    <script src="/static/portal.js" defer></script>
    </body>
    </html>

    """

    static let message = pragma + """
    <h1>{{heading}}</h1>
    <p class="message">{{text}}</p>
    {{#fix}}<p class="fix">{{fix}}</p>{{/fix}}
    {{#back}}<p><a href="{{back}}">{{t.back}}</a></p>{{/back}}
    """

    static let deadline = pragma + """
    <section class="deadline" aria-labelledby="deadline-heading">
    <h2 id="deadline-heading">{{t.round}} {{name}} {{t.on}} {{version}}{{#silence}}{{t.silenceProcedure}}{{/silence}}</h2>
    <p>{{#open}}{{t.closes}}{{/open}}{{^open}}{{t.closed}}{{/open}} <strong><bdi>{{closesHuman}}</bdi></strong> ({{t.genevaTime}}, <bdi>{{zone}}</bdi>).</p>
    <p class="local" data-local="{{closesISO}}" hidden>{{t.inYourZone}} <span></span></p>
    <p>{{#open}}{{t.timeLeft}} <time datetime="{{closesISO}}" data-now="{{nowISO}}" data-closed-text="{{t.roundHasClosed}}" data-day="{{t.dayShort}}" data-countdown>{{timeLeft}}</time>{{/open}}{{^open}}<strong>{{t.roundClosed}}</strong> {{t.lateRule}}{{/open}}</p>
    </section>
    """
}
