import DraftFlow
import Foundation
import Testing
import TestSupport

/// Issue 11, item 17, as a user meets it: `export` of a text too large for DOCX stops at once with
/// exit 3 (refused), says what to do and writes nothing; HTML of the same text works.
@Suite struct ExportLimitCommandTests {
    @Test func aTextTooLargeForDocxIsRefusedAtOnce() throws {
        let scratch = try ScratchDirectory()
        // One paragraph of 60,003 bytes ("1. " and 12,000 words): pandoc's time grows faster than a paragraph's length, and a
        // paragraph cannot be cut into pieces (a long document can: WordPiecesTests).
        let text = "# Large\n\n1. " + String(repeating: "word ", count: 12_000) + "\n"
        let draft = try scratch.write("draft.md", text)
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        #expect(try CLI.run(["init", "ws", "--title", "Large", "--document", draft.path], now: cli.now, in: scratch.url).status == 0)
        #expect(try cli.run(["publish", "v1"]).status == 0)

        let docx = scratch.url.appendingPathComponent("packet.docx")
        let export = try cli.run(["export", "v1", "--format", "docx", "-o", docx.path])
        #expect(export.status == 3)
        #expect(export.output == "")
        #expect(export.error == """
            error: the document is too large to convert to DOCX: its longest paragraph is 60,003 bytes; pandoc is given at most 50,000 (README.md, "Export limits")
              fix: use --format html (it prints to PDF from a browser) or --format md, or split the text into smaller documents

            """)
        #expect(!FileManager.default.fileExists(atPath: docx.path))

        let html = scratch.url.appendingPathComponent("packet.html")
        #expect(try cli.run(["export", "v1", "--format", "html", "-o", html.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: html.path))
    }
}
