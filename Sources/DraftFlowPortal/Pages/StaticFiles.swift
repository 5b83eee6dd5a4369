import Hummingbird

/// The portal's style sheet and script, served from the binary (the CSP allows only these).
/// The script only improves the pages: the deadline in the browser's time zone, a countdown, and
/// the proposed text's changes shown as it is typed. It writes text nodes only, never HTML.
enum StaticFiles {
    static func response(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let css = """
    :root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #8a8a8a; --accent: #0b4f8a; --bg: #ffffff; --soft: #eef3f8; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 1rem/1.5 "Noto Sans", "Noto Sans SC", "Noto Naskh Arabic", system-ui, sans-serif; color: var(--ink); background: var(--bg); }
    main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
    header.site { display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: .5rem 1rem; background: var(--accent); color: #fff; }
    header.site p { margin: 0; font-weight: 600; }
    .skip { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .skip:focus { width: auto; height: auto; clip-path: none; inset-inline-start: 1rem; top: 1rem; background: #fff; color: var(--accent); padding: .5rem; z-index: 1; }
    a { color: var(--accent); } a:focus, button:focus, textarea:focus, select:focus, input:focus, summary:focus { outline: 3px solid #f0a400; outline-offset: 2px; }
    button { font: inherit; padding: .5rem 1rem; border: 2px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
    header.site button { background: #fff; color: var(--accent); }
    label { display: block; margin-top: .5rem; font-weight: 600; }
    fieldset label { font-weight: normal; }
    textarea, select, input[type=file] { width: 100%; font: inherit; padding: .4rem; border: 1px solid var(--line); border-radius: 4px; }
    .block { border-top: 1px solid #d0d0d0; padding: .5rem 0; }
    .block.heading p { font-weight: 700; font-size: 1.1rem; }
    .num { font-weight: 700; margin-inline-end: .4rem; }
    details { margin: .25rem 0 .5rem; } summary { cursor: pointer; color: var(--accent); }
    form.comment, section form { background: var(--soft); padding: .75rem; border-radius: 4px; margin: .5rem 0; }
    .notice { background: #e3f4e6; border: 1px solid #2e7d32; padding: .5rem; }
    .deadline { background: var(--soft); padding: .5rem 1rem; border-inline-start: 4px solid var(--accent); }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; }
    .diff ins { background: #d8f0d8; text-decoration: underline; } .diff del { background: #f6d6d6; }
    .scroll { overflow-x: auto; } table { border-collapse: collapse; } th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: start; }
    tr.late td { background: #fff3d6; } tr.none td { color: var(--muted); }
    pre.text { background: var(--soft); padding: .5rem; }
    nav.languages ul { display: flex; flex-wrap: wrap; gap: .25rem .75rem; list-style: none; margin: 0; padding: 0; }
    nav.languages a { color: #fff; } nav.languages a[aria-current] { font-weight: 700; text-decoration: none; }
    .note { background: #fff8e1; border-inline-start: 4px solid #b26a00; padding: .5rem; }
    details.original p { color: var(--muted); margin: .25rem 0; }
    [dir=rtl] .num { margin-inline-end: .4rem; }
    @media (max-width: 40rem) { main { padding: .5rem; } header.site { flex-direction: column; align-items: flex-start; } }
    """

    static let script = """
    "use strict";
    (function () {
      function pad(n) { return n < 10 ? "0" + n : "" + n; }
      document.querySelectorAll("[data-local]").forEach(function (el) {
        var when = new Date(el.getAttribute("data-local"));
        if (isNaN(when)) return;
        el.querySelector("span").textContent = when.toLocaleString(document.documentElement.lang || undefined, { dateStyle: "full", timeStyle: "long" });
        el.hidden = false;
      });
      var counters = document.querySelectorAll("[data-countdown]");
      var loaded = Date.now();
      function tick() {
        counters.forEach(function (el) {
          // Counted from the server's instant when the page was made, not the browser's clock.
          var now = new Date(el.getAttribute("data-now")).getTime() + (Date.now() - loaded);
          var left = Math.floor((new Date(el.getAttribute("datetime")).getTime() - now) / 1000);
          if (left <= 0) { el.textContent = el.getAttribute("data-closed-text"); return; }
          var d = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
          el.textContent = (d > 0 ? d + " " + el.getAttribute("data-day") + " " : "") + pad(h) + ":" + pad(m) + ":" + pad(s);
        });
      }
      if (counters.length) { tick(); setInterval(tick, 1000); }
      // Words, and each Chinese or Japanese character on its own (those scripts have no spaces).
      function words(t) { return t.match(/[\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]|[^\\s\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]+|\\s+/g) || []; }
      function diff(a, b) {
        var n = a.length, m = b.length, i, j;
        if (n * m > 400000) return null;
        var t = []; for (i = 0; i <= n; i++) { t.push(new Array(m + 1).fill(0)); }
        for (i = n - 1; i >= 0; i--) for (j = m - 1; j >= 0; j--) t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
        var out = []; i = 0; j = 0;
        while (i < n && j < m) {
          if (a[i] === b[j]) { out.push(["", a[i]]); i++; j++; }
          else if (t[i + 1][j] >= t[i][j + 1]) { out.push(["del", a[i]]); i++; }
          else { out.push(["ins", b[j]]); j++; }
        }
        while (i < n) out.push(["del", a[i++]]); while (j < m) out.push(["ins", b[j++]]);
        return out;
      }
      document.querySelectorAll("textarea[data-original]").forEach(function (area) {
        var box = area.parentNode.querySelector(".diff");
        function show() {
          var parts = diff(words(area.getAttribute("data-original")), words(area.value));
          while (box.firstChild) box.removeChild(box.firstChild);
          if (!parts || area.value === area.getAttribute("data-original")) { box.hidden = true; return; }
          parts.forEach(function (p) {
            var node = p[0] ? document.createElement(p[0]) : document.createElement("span");
            node.textContent = p[1]; box.appendChild(node);
          });
          box.hidden = false;
        }
        area.addEventListener("input", show);
      });
    })();
    """
}
