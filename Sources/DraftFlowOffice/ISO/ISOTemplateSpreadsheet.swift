import DraftFlow
import Foundation

/// The ISO commenting template saved as a spreadsheet (.xlsx), read in process: the workbook's
/// sheets in order (xl/workbook.xml and its relationships), shared strings
/// (xl/sharedStrings.xml) and inline strings, each sheet's cells (xl/worksheets/sheetN.xml).
///
/// The first sheet holding the template's header is read (`TemplateTable.header`); the title
/// rows above it ("Date:", "Document:") are not. Rows are numbered as the spreadsheet shows them.
/// A number is written as the shortest decimal that is the same number (`2.3`, `12`), a boolean
/// as TRUE or FALSE, a formula as its saved result. A cell merged down over several rows reads as
/// the merged cell in each of them (`filledDown`). Columns after the 256th are not read.
public enum ISOTemplateSpreadsheet {
    /// The most columns read from a row: the template has eight.
    static let maximumColumns = 256

    /// `file` with the comments of its template.
    /// - Throws: `DraftFlowError(.invalidInput)` for a file that is not a workbook, has no sheet,
    ///   or whose template the comment parser refuses (naming the row).
    public static func read(_ file: IncomingFile) throws -> IncomingFile {
        var read = file
        read.read = ReadSubmission(comments: try CommentParser.parseISOTemplate(try table(of: file), fileName: file.name))
        return read
    }

    /// The rows of the first sheet that holds the template's header, else of the first sheet.
    public static func table(of file: IncomingFile) throws -> TemplateTable {
        let package = try OOXMLPackage(file.data, name: file.name)
        let sheets = try SpreadsheetWorkbook.sheets(of: package)
        guard !sheets.isEmpty else {
            throw DraftFlowError(.invalidInput, "\(SafeName.display(file.name)) is a workbook without any sheet",
                                 fix: "save the ISO commenting template again from Excel or LibreOffice as .xlsx")
        }
        let strings = try SpreadsheetWorkbook.sharedStrings(of: package)
        var first: TemplateTable?
        for sheet in sheets {
            guard let data = try package.part(sheet.path) else {
                throw DraftFlowError(.invalidInput, "\(SafeName.display(file.name)): the sheet '\(SafeName.display(sheet.name))' has no part \(SafeName.display(sheet.path))",
                                     fix: "save it again from Excel or LibreOffice; the file is damaged")
            }
            let table = try rows(of: data, part: sheet.path, in: package, strings: strings)
            if table.header != nil { return table }
            first = first ?? table
        }
        return first ?? TemplateTable(rows: [])
    }

    /// The rows of one worksheet part.
    static func rows(of data: Data, part: String, in package: OOXMLPackage, strings: [String]) throws -> TemplateTable {
        var rows: [TemplateTable.Row] = []
        var cells: [Int: String] = [:]
        var rowNumber = 0
        var column = -1
        var type = "n"
        var value: String?
        var inline = ""
        var inValue = false, inInline = false, inPhonetic = false, inInlineText = false
        var failure: DraftFlowError?
        var merges: [SpreadsheetWorkbook.MergedCells] = []
        let name = SafeName.display(package.name)
        try XMLEvents.read(data, part: part, of: package.name) { event in
            guard failure == nil else { return }
            switch event {
            case .start("row", let attributes):
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                cells = [:]
                column = -1
            case .start("c", let attributes):
                column = attributes["r"].flatMap(SpreadsheetWorkbook.columnIndex) ?? column + 1
                type = attributes["t"] ?? "n"
                value = nil
                inline = ""
            case .start("v", _): inValue = true; value = value ?? ""
            case .end("v"): inValue = false
            case .start("is", _): inInline = true
            case .end("is"): inInline = false
            case .start("rPh", _): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("t", _): inInlineText = inInline && !inPhonetic
            case .end("t"): inInlineText = false
            case .text(let text):
                if inValue { value? += text } else if inInlineText { inline += text }
            case .end("c"):
                guard column < maximumColumns else { return }
                switch type {
                case "s" where value == nil: break
                case "s":
                    guard let index = value.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), strings.indices.contains(index) else {
                        failure = DraftFlowError(.invalidInput, "\(name), row \(rowNumber): a cell refers to a shared string the workbook does not have",
                                                 fix: "save it again from Excel or LibreOffice; the file is damaged")
                        return
                    }
                    cells[column] = strings[index]
                case "inlineStr": cells[column] = inline
                case "b": cells[column] = value.map { $0 == "1" ? "TRUE" : "FALSE" }
                case "n": cells[column] = value.map(SpreadsheetWorkbook.number)
                default: cells[column] = value
                }
            case .end("row"):
                if let last = cells.keys.max() {
                    rows.append(.init(number: rowNumber, place: "row \(rowNumber)", cells: (0...last).map { cells[$0] ?? "" }))
                }
            case .start("mergeCell", let attributes):
                if let merge = attributes["ref"].flatMap(SpreadsheetWorkbook.MergedCells.init) { merges.append(merge) }
            default: break
            }
        }
        if let failure { throw failure }
        return TemplateTable(rows: try filledDown(rows, merges, fileName: package.name))
    }

    /// `rows` with each cell merged down from the one above (an MB/NC cell spanning a
    /// delegation's rows) read as that cell: the first column of a merged range takes its
    /// top-left cell's text, as Word's vertical merges do. Across columns nothing is copied (a
    /// comment merged over the proposed change's column is not a proposed change). Only the rows
    /// the sheet has are visited, and merged ranges that overlap (no spreadsheet program writes
    /// them) are refused once they would fill more cells than the sheet has.
    static func filledDown(_ rows: [TemplateTable.Row], _ merges: [SpreadsheetWorkbook.MergedCells], fileName: String) throws -> [TemplateTable.Row] {
        guard !merges.isEmpty else { return rows }
        var rows = rows
        // Positions of the rows ordered by their numbers, to find the rows a range covers.
        let order = rows.indices.sorted { rows[$0].number < rows[$1].number }
        var budget = rows.count * maximumColumns
        for merge in merges where merge.rows.count > 1 && merge.column < maximumColumns {
            var next = order.partitioningIndex { rows[$0].number >= merge.rows.lowerBound }
            guard next < order.count, rows[order[next]].number == merge.rows.lowerBound, merge.column < rows[order[next]].cells.count else { continue }
            let text = rows[order[next]].cells[merge.column]
            next += 1
            while next < order.count, rows[order[next]].number <= merge.rows.upperBound {
                budget -= 1
                guard budget >= 0 else {
                    throw DraftFlowError(.invalidInput, "\(SafeName.display(fileName)): its merged cells overlap",
                                         fix: "save it again from Excel or LibreOffice; the file is damaged")
                }
                let position = order[next]
                while rows[position].cells.count <= merge.column { rows[position].cells.append("") }
                rows[position].cells[merge.column] = text
                next += 1
            }
        }
        return rows
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for an array partitioned by it (every
    /// element that does after every one that does not); `count` when none does.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
