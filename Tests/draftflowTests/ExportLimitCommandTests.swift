import DraftFlow
import Foundation
import Testing
import TestSupport

/// Issue 11, item 17, as a user meets it: `export` of a text too large for DOCX stops at once with
/// exit 3 (refused), says what to do and writes nothing; HTML of the same text works.
@Suite struct ExportLimitCommandTests {
    @Test func aTextTooLargeForDocxIsRefusedAtOnce() throws {
        let scratch = try ScratchDirectory()
        // 10,001 paragraphs: the packet holds each twice (the text and the redline), and its tables
        // (facts, timeline, sources) add their rows, and the Word packet its title block: 20,032 blocks.
        let text = "# Large\n\n" + (1...10_001).map { "\($0). Paragraph \($0)." }.joined(separator: "\n\n") + "\n"
        let draft = try scratch.write("draft.md", text)
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        #expect(try CLI.run(["init", "ws", "--title", "Large", "--document", draft.path], now: cli.now, in: scratch.url).status == 0)
        #expect(try cli.run(["publish", "v1"]).status == 0)

        let docx = scratch.url.appendingPathComponent("packet.docx")
        let export = try cli.run(["export", "v1", "--format", "docx", "-o", docx.path])
        #expect(export.status == 3)
        #expect(export.output == "")
        #expect(export.error == """
            error: the document is too large to convert to DOCX: it has 20,032 paragraphs, headings and table rows; pandoc is given at most 20,000 (README.md, "Export limits")
              fix: use --format html (it prints to PDF from a browser) or --format md, or split the text into smaller documents

            """)
        #expect(!FileManager.default.fileExists(atPath: docx.path))

        let html = scratch.url.appendingPathComponent("packet.html")
        #expect(try cli.run(["export", "v1", "--format", "html", "-o", html.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: html.path))
    }
}
