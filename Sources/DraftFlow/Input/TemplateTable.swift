import Foundation

/// The ISO commenting template as rows of cells, whichever form it came in: a CSV file, a
/// spreadsheet (.xlsx) or a Word table (.docx). `CommentParser.parseISOTemplate(_:fileName:)`
/// reads the comments from it.
public struct TemplateTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The row's number as its reader shows it (a spreadsheet's or a CSV file's row, the
        /// Word table's row); kept with each comment (`TemplateFields.row`).
        public var number: Int
        /// Where it is, for messages: `row 3`, `row 3 (line 4)`.
        public var place: String
        /// The cells as written, left to right; a missing cell is empty.
        public var cells: [String]

        public init(number: Int, place: String, cells: [String]) {
            self.number = number
            self.place = place
            self.cells = cells
        }

        /// Whether every cell is empty or whitespace.
        public var isBlank: Bool {
            cells.allSatisfy { cell in cell.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
        }
    }

    public var rows: [Row]

    public init(rows: [Row]) {
        self.rows = rows
    }

    /// The template's header row: the first row with a 'Comments' column and another column of
    /// the template (MB/NC, Line number, Clause, Paragraph, Type of comment, Proposed change);
    /// nil when no row has them. Rows above it are the template's title rows ("Date:",
    /// "Document:", "Project:") and are not read.
    public var header: Row? { headerIndex.map { rows[$0] } }

    /// The position of `header` in `rows`.
    var headerIndex: Int? {
        rows.firstIndex { row in
            let columns = TemplateColumn.columns(of: row.cells)
            return columns[.comment] != nil && columns.count > 1
        }
    }
}

/// The columns of the template that DraftFlow reads, recognised by their titles.
enum TemplateColumn: Hashable {
    case memberBody, line, comment, proposed, type, clause, paragraph

    /// The column a header cell names, if any. A title is short: a cell of more than six words
    /// ("Fill in one comment a row") is text, not a title.
    static func named(_ raw: String) -> TemplateColumn? {
        let title = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard title.split(whereSeparator: { $0.isWhitespace }).count <= 6 else { return nil }
        let compact = String(title.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        if compact.contains("mb/nc") || title == "mb" || title == "nc" { return .memberBody }
        if title.contains("type") { return .type }
        if title.contains("proposed") { return .proposed }
        if title.contains("observation") { return nil }
        if title.contains("comment") { return .comment }
        if title.contains("paragraph") { return .paragraph }
        if title.contains("clause") { return .clause }
        if title.contains("line") { return .line }
        return nil
    }

    /// The index of each column a header row names (the first cell naming it).
    static func columns(of cells: [String]) -> [TemplateColumn: Int] {
        var columns: [TemplateColumn: Int] = [:]
        for (index, cell) in cells.enumerated() {
            if let column = named(cell), columns[column] == nil { columns[column] = index }
        }
        return columns
    }
}
