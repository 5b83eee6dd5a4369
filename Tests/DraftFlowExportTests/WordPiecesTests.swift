import DraftFlow
@testable import DraftFlowExport
import Foundation
import Testing
import TestSupport

/// A large Word document is given to pandoc in pieces (`WordPieces`), and the joined document is
/// the one a single pandoc run of the whole writes.
@Suite struct WordPiecesTests {
    static let date = "2020-02-20T09:00:00Z"

    /// Headings, paragraphs with tracked changes and Word comments, a styled paragraph, a section
    /// break and a table, `sections` times.
    static func document(sections: Int) -> PandocDocument {
        var blocks: [PandocBlock] = []
        for section in 1...sections {
            blocks.append(.header(2, [.text("\(section) Section")]))
            blocks.append(.para([.text("\(section).1 The Council "), .deletion("notes", author: "Canada", date: date),
                                 .insertion("welcomes", author: "Canada", date: date), .text(" the report.")]))
            blocks.append(.para([.commentStart(id: "c\(section)", author: "China", date: date, text: [.text("technical: be precise")]),
                                 .text("\(section).2 "), .strong([.text("Broadband")]), .text(" is a key enabler."), .commentEnd(id: "c\(section)"),
                                 .insertion(" for all", author: "China, France", date: date)]))
            blocks.append(.styled("Note", [.emph([.text("A note")]), .deletion(" (draft)", author: "France", date: date)]))
            if section == 2 { blocks.append(.openXML("<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/></w:sectPr></w:pPr></w:p>")) }
            blocks.append(.table(PandocTable(widths: [0.5, 0.5], head: [[.plain([.text("Id")])], [.plain([.text("Comment")])]],
                                             rows: [[[.plain([.text("CAN-\(section)")])], [.plain([.insertion("yes", author: "Canada", date: date)])]]])))
        }
        return PandocDocument(blocks: blocks, meta: ["title": "Pieces"])
    }

    @Test func theDocumentIsCutBeforeAHeadingOnceAPieceIsFull() {
        let blocks: [PandocBlock] = [.header(1, [.text("A")])] + Array(repeating: .para([.text("p")]), count: 4)
            + [.header(2, [.text("B")]), .para([.text("q")]), .header(2, [.text("C")])]
        let pieces = WordPieces.split(PandocDocument(blocks: blocks, meta: ["title": "T"]), blocksPerPiece: 3)
        #expect(pieces.map(\.blocks.count) == [5, 3])
        // The document's properties (pandoc's title block) go with the first piece only.
        #expect(pieces.map(\.meta) == [["title": "T"], [:]])
        #expect(pieces[1].blocks.first == .header(2, [.text("B")]))
        // With no heading, a piece ends anyway at twice the size.
        #expect(WordPieces.split(PandocDocument(blocks: Array(repeating: .para([.text("p")]), count: 7)), blocksPerPiece: 3).map(\.blocks.count) == [6, 1])
        #expect(WordPieces.split(PandocDocument(blocks: []), blocksPerPiece: 3).map(\.blocks.count) == [0])
    }

    @Test func trackedChangesAreRenumberedAfterThePreviousPieces() {
        let xml = Data(#"<w:p><w:ins w:id="1" w:author="A"><w:r/></w:ins><w:del w:id="1" w:author="A"/><w:ins w:id="2"/><w:id w:id="3"/></w:p>"#.utf8)
        let (renumbered, insertions, deletions) = WordPieces.renumber(xml, insertionsAfter: 10, deletionsAfter: 99)
        #expect(String(decoding: renumbered, as: UTF8.self)
                == #"<w:p><w:ins w:id="11" w:author="A"><w:r/></w:ins><w:del w:id="100" w:author="A"/><w:ins w:id="12"/><w:id w:id="3"/></w:p>"#)
        #expect(insertions == 12)
        #expect(deletions == 100)
        #expect(WordPieces.renumber(Data("<w:p/>".utf8), insertionsAfter: 4, deletionsAfter: 5) == (Data("<w:p/>".utf8), 4, 5))
    }

    @Test(.enabled(if: Pandoc.locate() != nil)) func thePiecesJoinedAreTheDocumentOneRunWrites() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = Self.document(sections: 4)
        #expect(WordPieces.split(document, blocksPerPiece: 6).count == 4)
        let whole = directory.appendingPathComponent("whole.docx"), pieced = directory.appendingPathComponent("pieced.docx")
        try await Pandoc.writeDocx(document, header: "C20/45", output: whole)
        try await Pandoc.writeDocx(document, header: "C20/45", output: pieced, blocksPerPiece: 6)

        let wholeXML = try WordExportTests.unzip(whole, "word/document.xml")
        #expect(wholeXML.components(separatedBy: #"<w:pStyle w:val="Title" />"#).count == 2)
        #expect(wholeXML.contains(#"<w:del w:id="8" w:author="France""#))
        #expect(try WordExportTests.unzip(pieced, "word/document.xml") == wholeXML)
        #expect(try WordExportTests.unzip(pieced, "word/comments.xml") == WordExportTests.unzip(whole, "word/comments.xml"))
        #expect(try WordExportTests.unzip(whole, "word/comments.xml").components(separatedBy: "<w:comment ").count == 5)
        for part in ["word/styles.xml", "word/header1.xml", "word/_rels/document.xml.rels", "[[]Content_Types].xml", "word/settings.xml"] {
            #expect(try WordExportTests.unzip(pieced, part) == WordExportTests.unzip(whole, part), "\(part)")
        }
        #expect(try Self.entries(pieced) == Self.entries(whole))
    }

    @Test(.enabled(if: Pandoc.locate() != nil)) func aDocumentWithoutCommentsJoinsToOneWithout() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = PandocDocument(blocks: (1...6).flatMap { [PandocBlock.header(2, [.text("\($0)")]), .para([.text("Paragraph \($0).")])] })
        let whole = directory.appendingPathComponent("whole.docx"), pieced = directory.appendingPathComponent("pieced.docx")
        try await Pandoc.writeDocx(document, header: "h", output: whole)
        try await Pandoc.writeDocx(document, header: "h", output: pieced, blocksPerPiece: 2)
        #expect(try WordExportTests.unzip(pieced, "word/document.xml") == WordExportTests.unzip(whole, "word/document.xml"))
        #expect(try WordExportTests.unzip(pieced, "word/comments.xml") == WordExportTests.unzip(whole, "word/comments.xml"))
        #expect(try WordExportTests.unzip(whole, "word/comments.xml").hasSuffix(" />"))
    }

    /// The names of a zip's entries, in order.
    static func entries(_ file: URL) throws -> String {
        try processOutput("/usr/bin/unzip", ["-Z1", file.path])
    }
}
