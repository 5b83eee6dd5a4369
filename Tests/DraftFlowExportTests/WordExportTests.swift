import DraftFlow
@testable import DraftFlowExport
import Foundation
import Testing
import TestSupport

/// The Word documents DraftFlow writes, read back from their XML and by pandoc.
@Suite struct WordExportTests {

    @Test func theJSONPandocIsGiven() throws {
        let document = PandocDocument(blocks: [
            .header(1, [.text("Title")]),
            .para([.text("a\nb "), .deletion("删", author: "China", date: "2020-02-20T09:00:00Z"),
                   .commentStart(id: "1", author: "Canada", date: "2020-02-20T09:00:00Z", text: [.text("ge: ok")]), .commentEnd(id: "1")]),
            .openXML("<w:p/>"),
        ], meta: ["subject": "C20/45"])
        let json = String(decoding: try document.json(), as: UTF8.self)
        #expect(json == #"""
        {"blocks":[{"c":[1,["",[],[]],[{"c":"Title","t":"Str"}]],"t":"Header"},{"c":[{"c":"a","t":"Str"},{"t":"LineBreak"},{"c":"b ","t":"Str"},{"c":[["",["deletion"],[["author","China"],["date","2020-02-20T09:00:00Z"]]],[{"c":"删","t":"Str"}]],"t":"Span"},{"c":[["1",["comment-start"],[["author","Canada"],["date","2020-02-20T09:00:00Z"]]],[{"c":"ge: ok","t":"Str"}]],"t":"Span"},{"c":[["1",["comment-end"],[]],[]],"t":"Span"}],"t":"Para"},{"c":["openxml","<w:p/>"],"t":"RawBlock"}],"meta":{"subject":{"c":[{"c":"C20/45","t":"Str"}],"t":"MetaInlines"}},"pandoc-api-version":[1,22,2,1]}
        """#)
    }

    @Test func boldAndItalicsOfTheDraftAreWordRuns() {
        #expect(WordText.marked("The *Council* **welcomes** 2 \\* 3.") == [
            .text("The "), .emph([.text("Council")]), .text(" "), .strong([.text("welcomes")]), .text(" 2 * 3."),
        ])
        #expect(WordText.marked("no marks") == [.text("no marks")])
    }

    @Test(.enabled(if: Pandoc.locate() != nil)) func aSingleDeletedChineseCharacterIsATrackedDeletionAndTheHeaderIsEscaped() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-word-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("redline.docx")
        let blocks = Redline.compare(old: "1.1 国际电联支持可持续发展的目标。\n", new: "1.1 国际电联支持可持续发展目标。\n")
        try await Pandoc.writeDocx(RedlineWord.document(blocks, author: "Secretariat", date: Date(timeIntervalSince1970: 1_582_189_200)),
                                   header: "A & <B>", output: output)
        let xml = try Self.unzip(output, "word/document.xml")
        #expect(xml.contains("<w:del w:id=\"1\" w:author=\"Secretariat\" w:date=\"2020-02-20T09:00:00Z\"><w:r><w:delText xml:space=\"preserve\">的</w:delText></w:r></w:del>"))
        #expect(try Self.unzip(output, "word/header1.xml").contains("<w:t>A &amp; &lt;B&gt;</w:t>"))
    }

    @Test func aDocumentTooLargeForPandocIsRefusedBeforeItRuns() async throws {
        // Given to pandoc in pieces, a Word document may have up to 250,000 blocks (ExportLimits.docxDocument).
        let document = PandocDocument(blocks: Array(repeating: .para([.text("x")]), count: 250_001))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-never-\(UUID().uuidString).docx")
        let error = try await #require(throws: DraftFlowError.self) {
            try await Pandoc.writeDocx(document, header: "h", output: output)
        }
        #expect(error.message == "the document is too large to convert to DOCX: it has 250,001 paragraphs, headings and table rows; pandoc is given at most 250,000 (README.md, \"Export limits\")")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    static func unzip(_ file: URL, _ member: String) throws -> String {
        try processOutput("/usr/bin/unzip", ["-p", file.path, member])
    }
}
