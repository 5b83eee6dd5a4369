import DraftFlow
import Foundation

/// The ISO commenting template as a Word table (.docx), read in process from word/document.xml.
///
/// The template is the first table of the document (in document order) holding the template's
/// header (`TemplateTable.header`); the title rows above the header ("Date:", "Document:") and
/// the document's other paragraphs and tables are not read. A cell's text is its paragraphs
/// joined by line breaks, tabs and line breaks kept; tracked deletions and moved-away text are
/// not part of it (the table reads as if every change were accepted), and a deleted row is no
/// row. A cell spanning columns (`gridSpan`) fills them, the first with its text; a cell merged
/// with the one above (`vMerge`) reads as that cell, so an MB/NC cell merged down many rows
/// names the member of each. Rows are numbered from 1, the table's first row, as a person counts
/// them in Word.
public enum ISOTemplateTable {
    /// `file` with the comments of its ISO template table, or nil when the document holds no
    /// table with the template's header (it is then a Word copy of the draft, or no template).
    /// - Throws: `DraftFlowError(.invalidInput)` for a file that is not a Word document, or a
    ///   template the comment parser refuses (naming the row).
    public static func read(docx file: IncomingFile) throws -> IncomingFile? {
        try read(docx: file, package: try OOXMLPackage(file.data, name: file.name))
    }

    /// `read(docx:)` on the package of `file` opened already (the Word-copy reader may share it).
    public static func read(docx file: IncomingFile, package: OOXMLPackage) throws -> IncomingFile? {
        guard let table = try table(in: package) else { return nil }
        var read = file
        read.read = ReadSubmission(comments: try CommentParser.parseISOTemplate(table, fileName: file.name))
        return read
    }

    /// The rows of the document's first table holding the template's header; nil when none does.
    public static func table(of file: IncomingFile) throws -> TemplateTable? {
        try table(in: try OOXMLPackage(file.data, name: file.name))
    }

    static func table(in package: OOXMLPackage) throws -> TemplateTable? {
        guard let document = try package.part("word/document.xml") else {
            throw DraftFlowError(.invalidInput, "\(SafeName.display(package.name)) is not a Word document (it has no word/document.xml)",
                                 fix: "save it again from Word or LibreOffice as .docx")
        }
        // A document without any table (most members' copies of a draft) is not read twice.
        guard document.range(of: Data("tbl".utf8)) != nil else { return nil }
        return try WordTables.tables(of: document, in: package).first { $0.header != nil }
    }
}

/// The top-level tables of a Word document, as rows of cell texts.
enum WordTables {
    private enum Merge { case restart, proceed }

    static func tables(of document: Data, in package: OOXMLPackage) throws -> [TemplateTable] {
        var tables: [TemplateTable] = []
        var rows: [TemplateTable.Row] = []
        var cells: [String] = []
        var above: [String] = []
        var text = ""
        var paragraphs = 0
        var span = 1
        var merge: Merge?
        var depth = 0
        var skipped = 0
        var inText = false, inRowProperties = false, inTabStops = false, rowDeleted = false
        try XMLEvents.read(document, part: "word/document.xml", of: package.name) { event in
            switch event {
            case .start("tbl", _):
                depth += 1
                if depth == 1 { rows = []; above = [] }
            case .end("tbl"):
                if depth == 1 { tables.append(TemplateTable(rows: rows)) }
                depth -= 1
            case .start("tr", _) where depth == 1:
                cells = []
                rowDeleted = false
            case .start("trPr", _) where depth == 1: inRowProperties = true
            case .end("trPr") where depth == 1: inRowProperties = false
            case .start("del", _) where inRowProperties: rowDeleted = true
            case .start("tc", _) where depth == 1:
                text = ""
                paragraphs = 0
                span = 1
                merge = nil
            case .start("gridSpan", let attributes) where depth == 1:
                span = max(1, min(attributes["val"].flatMap { Int($0) } ?? 1, ISOTemplateSpreadsheet.maximumColumns))
            case .start("vMerge", let attributes) where depth == 1:
                merge = attributes["val"] == "restart" ? .restart : .proceed
            case .end("tc") where depth == 1:
                let column = cells.count
                if merge == .proceed, column < above.count { text = above[column] }
                cells.append(text)
                cells += Array(repeating: "", count: span - 1)
            case .end("tr") where depth == 1:
                if !rowDeleted {
                    rows.append(.init(number: rows.count + 1, place: "table row \(rows.count + 1)", cells: cells))
                    above = cells
                }
            // Tracked deletions, text moved away and the fallback copy of alternate content are
            // not what the table says.
            case .start("del", _), .start("moveFrom", _), .start("Fallback", _): skipped += 1
            case .end("del") where !inRowProperties, .end("moveFrom"), .end("Fallback"): skipped -= 1
            case .start("p", _) where depth >= 1 && skipped == 0:
                if paragraphs > 0 { text += "\n" }
                paragraphs += 1
            case .start("t", _): inText = depth >= 1 && skipped == 0
            case .end("t"): inText = false
            // A paragraph's tab stops (w:pPr/w:tabs/w:tab) are not tabs of its text.
            case .start("tabs", _): inTabStops = true
            case .end("tabs"): inTabStops = false
            case .start("tab", _) where depth >= 1 && skipped == 0 && !inTabStops: text += "\t"
            case .start("br", _) where depth >= 1 && skipped == 0, .start("cr", _) where depth >= 1 && skipped == 0: text += "\n"
            case .start("noBreakHyphen", _) where depth >= 1 && skipped == 0: text += "-"
            case .text(let characters) where inText: text += characters
            default: break
            }
        }
        return tables
    }
}
