import Foundation
import Testing
@testable import DraftFlowExport

@Suite struct TemplateTests {

    @Test func slotsAreReadOnceAndFilledInOnePass() {
        let template = Template("<h1>{{title}}</h1>\n{{body}}{{title}}")
        #expect(template.pieces == [.text("<h1>"), .slot("title"), .text("</h1>\n"), .slot("body"), .slot("title")])
        #expect(template.slots == ["title", "body"])
        // What goes into a slot is not searched for slots.
        #expect(template.filled(["title": "{{body}}", "body": "x"]) == "<h1>{{body}}</h1>\nx{{body}}")
    }

    @Test func bracesThatMakeNoSlotAreText() {
        let template = Template("a { b } {{ c }} {{Upper}} {{}} {{ok}} {{open")
        #expect(template.pieces == [.text("a { b } {{ c }} {{Upper}} {{}} "), .slot("ok"), .text(" {{open")])
        #expect(Template("").pieces == [])
        #expect(Template("plain").filled([:]) == "plain")
    }

    @Test func writesToHTMLOutput() {
        var out = HTMLOutput()
        Template("<p>{{text}}</p>").write(to: &out) { slot, out in
            #expect(slot == "text")
            out.escaped("a < b")
        }
        #expect(out.string == "<p>a &lt; b</p>")
    }

    @Test func theResourcesAreFoundAndHoldTheirSlots() {
        #expect(ExportResources.document.slots == ["title", "style", "body"])
        #expect(ExportResources.packetStyle.slots == ["running-header"])
        #expect(ExportResources.page.slots == ["title", "style", "body"])
        // Style sheets are put in pages without their final line end.
        for css in [ExportResources.dispositionsStyle, ExportResources.dispositionsTableStyle, ExportResources.pageStyle] {
            #expect(!css.isEmpty && !css.hasSuffix("\n"))
        }
        #expect(ExportResources.dispositionsTableStyle.hasPrefix("table.dispositions { border-collapse: collapse;"))
    }

    @Test func pageAroundAFragment() {
        #expect(HTMLPage.wrap(title: "Draft <1> & \"2\"", body: "<p dir=\"auto\">Text</p>") == """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Draft &lt;1&gt; &amp; &quot;2&quot;</title>
        <style>
        @page { size: A4; margin: 20mm 18mm; }
        body { font-family: "Times New Roman", "Noto Serif", "Noto Serif CJK SC", "Noto Naskh Arabic", serif; font-size: 12pt; line-height: 1.45; max-width: 46em; margin: 2em auto; color: #111; }
        h1 { font-size: 16pt; border-bottom: 1px solid #999; padding-bottom: .3em; }
        ins { color: #05620f; background: #e3f6e5; text-decoration: underline; }
        del { color: #9b0018; background-color: #fde3e6; text-decoration: none; padding: 0 0.06em; border-bottom: 0.07em dotted #9b0018;
          /* The strike is painted behind the text, so it never covers a stroke (a deleted Chinese character stays legible). */
          background-image: linear-gradient(to bottom, transparent 0.5em, rgba(155, 0, 24, 0.6) 0.5em, rgba(155, 0, 24, 0.6) 0.58em, transparent 0.58em);
          -webkit-box-decoration-break: clone; box-decoration-break: clone; }
        .by { color: #555; font-style: italic; font-size: 10pt; }
        .moved, .note { color: #555; font-size: 10pt; font-style: italic; }
        p, h2, h3, h4 { unicode-bidi: plaintext; }
        </style>
        </head>
        <body>
        <h1>Draft &lt;1&gt; &amp; &quot;2&quot;</h1>
        <p dir="auto">Text</p>
        </body>
        </html>

        """)
    }
}
