import DraftFlow
import Foundation
import Testing
@testable import DraftFlowExport

/// Issue 11, item 15: raw HTML, links and attribute lists in a member's text (an accepted edited
/// copy, a comment) stay text in the Markdown packet, and the redline's marks never fall inside a tag
/// or an entity. Checked with the readers people use: pandoc's Markdown and CommonMark.
@Suite struct MarkdownPacketSafetyTests {
    static let hostileText = """
        # Council <svg onload=alert(1)>

        1.1 Text <script>alert(1)</script> & more.

        1.2 See [x](javascript:alert(1)), ![i](http://e.example/x.png), `<b>`{=html} and [y]{onclick=alert(1)}.

        1.3 An <img src=x onerror=alert(1)> and &lt;b&gt; with \\<kept\\> and ~~not struck~~.

        """

    static let hostileOld = """
        # Council <svg>

        1.1 Text <scr>alert(0)</scr> & less.

        1.2 See.

        1.3 An <img src=y onerror=alert(0)> and &amp;b&gt; with \\<kept\\> and ~~not~~.

        """

    static func packet() -> FinalTextPacket {
        var packet = ExportTests.packet()
        packet.cleanText = hostileText
        packet.redline = Redline.compare(old: hostileOld, new: hostileText)
        packet.dispositions = [
            DispositionRow(id: "CAN-1", member: "CAN", memberName: "Canada", paragraph: "1.2", paragraphNow: "1.2",
                           orphaned: false, type: .editorial,
                           comment: "See [here](javascript:alert(1)) <img src=x onerror=alert(1)> `<b>`{=html} [z]{onclick=alert(1)}",
                           proposedChange: "<svg onload=alert(1)>", decision: .accepted, observation: nil,
                           modifiedText: nil, late: false),
        ]
        return packet
    }

    @Test func escapingRule() {
        #expect(MarkdownText.escaped("a <b> & [c](d) `e` {f} ~g~ ^h^ _i_ | j") ==
                "a \\<b\\> \\& \\[c\\](d) \\`e\\` \\{f\\} \\~g\\~ \\^h\\^ \\_i\\_ \\| j")
        // The text's own escapes are kept; a lone backslash at the end is doubled.
        #expect(MarkdownText.escaped("\\<x\\> \\\\<y> \\q end\\") == "\\<x\\> \\\\\\<y\\> \\q end\\\\")
        // Emphasis stays; a combining mark does not hide the character before it.
        #expect(MarkdownText.escaped("**a** *b* <\u{338}c") == "**a** *b* \\<\u{338}c")
        #expect(MarkdownText.escapedBlock("#### Title <x>") == "#### Title \\<x\\>")
    }

    /// `draftflow redline` prints the same escaped redline.
    @Test func theRedlineCommandsMarkdownIsEscapedAlike() {
        let blocks = Redline.compare(old: "1.1 A <b>x</b> & y.\n", new: "1.1 A <b>z</b> & y.\n")
        #expect(MarkdownText.redline(blocks) == "1.1 A \\<b\\>~~x~~**z**\\</b\\> \\& y.\n")
    }

    static func render(_ markdown: String, from format: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-md-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("packet.md")
        try Data(markdown.utf8).write(to: input)
        return try ExportTests.run(try #require(Pandoc.locate()).path, ["-f", format, "-t", "html", "--wrap=none", input.path])
    }

    /// Every element and attribute in `html`, as `name` and `name attribute=value`.
    static func markup(_ html: String) -> [String] {
        var found: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            let close = rest[open...].firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[rest.index(after: open)..<close]
            rest = close < rest.endIndex ? rest[rest.index(after: close)...] : ""
            guard !tag.hasPrefix("/") else { continue }
            let parts = tag.split(separator: " ", maxSplits: 1)
            guard let name = parts.first else { continue }
            found.append(String(name))
            if parts.count > 1 { found.append(String(name) + " " + String(parts[1])) }
        }
        return found
    }

    @Test(.enabled(if: Pandoc.locate() != nil)) func pandocShowsTheTextAsWritten() throws {
        let html = try Self.render(FinalTextPacket.markdown(Self.packet()), from: "markdown")
        let text = try #require(html.range(of: "<h3 id=\"council-svg-onloadalert1\">")?.lowerBound)
        let table = try #require(html.range(of: "<h2 id=\"disposition-of-comments\">")?.lowerBound)
        #expect(html[text..<table] == """
            <h3 id="council-svg-onloadalert1">Council &lt;svg onload=alert(1)&gt;</h3>
            <p>1.1 Text &lt;script&gt;alert(1)&lt;/script&gt; &amp; more.</p>
            <p>1.2 See [x](javascript:alert(1)), ![i](http://e.example/x.png), `&lt;b&gt;`{=html} and [y]{onclick=alert(1)}.</p>
            <p>1.3 An &lt;img src=x onerror=alert(1)&gt; and &amp;lt;b&amp;gt; with &lt;kept&gt; and ~~not struck~~.</p>
            <h2 id="redline-from-draft-1-to-final">3. Redline from draft-1 to final</h2>
            <p>Deletions are <del>struck through</del>, insertions are in <strong>bold</strong>; moved paragraphs are noted.</p>
            <h3 id="council-svg-onloadalert1-1">Council &lt;svg <strong>onload=alert(1)</strong>&gt;</h3>
            <p>1.1 Text &lt;<del>scr</del><strong>script</strong>&gt;alert(<del>0</del><strong>1</strong>)&lt;/<del>scr</del><strong>script</strong>&gt; &amp; <del>less</del><strong>more</strong>.</p>
            <p><del>1.2 See.</del></p>
            <p><strong>1.2 See [x](javascript:alert(1)), ![i](http://e.example/x.png), `&lt;b&gt;`{=html} and [y]{onclick=alert(1)}.</strong></p>
            <p>1.3 An &lt;img src=<del>y</del><strong>x</strong> onerror=alert(<del>0</del><strong>1</strong>)&gt; and &amp;<del>amp</del><strong>lt</strong>;b&amp;gt; with &lt;kept&gt; and ~~not <strong>struck</strong>~~.</p>

            """)
        #expect(html.contains("""
            <td>See [here](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; `&lt;b&gt;`{=html} [z]{onclick=alert(1)}</td>
            <td>&lt;svg onload=alert(1)&gt;</td>
            """))
    }

    /// Whatever reader is used, the packet's HTML holds only the elements its own markup makes, with
    /// no handler, no script URL and nothing fetched: the member's text made none.
    @Test(.enabled(if: Pandoc.locate() != nil), arguments: ["markdown", "commonmark", "gfm"])
    func noReaderMakesAnElementOfTheText(format: String) throws {
        let html = try Self.render(FinalTextPacket.markdown(Self.packet()), from: format)
        let allowed: Set<String> = ["h1", "h2", "h3", "h4", "p", "strong", "em", "del", "br", "code",
                                    "table", "thead", "tbody", "tr", "th", "td", "colgroup", "col"]
        for item in Self.markup(html) {
            let parts = item.split(separator: " ", maxSplits: 1)
            if parts.count == 1 {
                // GitHub's reader links a bare http URL, as it would in any text.
                #expect(allowed.contains(item) || item == "a", "element \(item)")
                continue
            }
            let attributes = String(parts[1])
            let harmless = attributes == "/" || attributes.hasPrefix("id=\"") || attributes.hasPrefix("class=\"") || attributes.hasPrefix("style=\"width")
                || attributes == "href=\"http://e.example/x.png\""
            #expect(harmless, "attributes of \(parts[0]): \(attributes)")
        }
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("javascript:alert(1)\""))
    }
}
