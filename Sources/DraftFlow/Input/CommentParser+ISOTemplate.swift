import Foundation

extension CommentParser {
    /// The columns of the template that DraftFlow reads.
    private enum Column { case comment, proposed, type, clause, paragraph }

    /// Reads a CSV comment file: the ISO commenting template.
    ///
    /// RFC 4180 as `CSVReader` reads it: fields separated by commas (semicolons or tabs are also
    /// recognised when the header row uses them), fields may be quoted with `"`, a quote inside a
    /// quoted field is doubled (`""`), and quoted fields may contain separators and line breaks.
    ///
    /// The first non-empty row is the header. Columns are recognised by name, case-insensitively:
    ///
    /// | header contains           | column (ISO template name)        | use                                  |
    /// |---------------------------|-----------------------------------|--------------------------------------|
    /// | `MB` / `NC`               | MB/NC                             | ignored (the member is known)        |
    /// | `line`                    | Line number                       | ignored                              |
    /// | `clause`                  | Clause/Subclause                  | anchor, when it holds a number       |
    /// | `paragraph`               | Paragraph/Figure/Table/Note       | anchor, when it holds a number       |
    /// | `type`                    | Type of comment                   | `ge`/`te`/`ed` or full word; empty = general |
    /// | `proposed`                | Proposed change                   | proposed change                      |
    /// | `observation`             | Observations of the secretariat   | ignored                              |
    /// | `comment` (and not `type`)| Comments                          | comment text (required column)       |
    ///
    /// Anchor: the Paragraph cell if it holds a number such as `2.3` (the same forms as in Markdown
    /// headings), else the Clause cell if it holds a number, else the whole text (`general`, `all`,
    /// `whole text`, empty or anything else). Rows whose comment and proposed change are both empty
    /// are skipped. An unknown type is refused with its row number (the row number a spreadsheet
    /// shows; the line number is added when a multi-line cell makes them differ). A file without any
    /// comment row is refused.
    static func parseISOTemplate(text: String, fileName: String) throws -> [ParsedComment] {
        let name = SafeName.display(fileName)
        let rows: [CSVReader.Record]
        do {
            rows = try CSVReader.records(text, separator: CSVReader.separator(of: text))
        } catch {
            throw DraftFlowError(.invalidInput, "\(name), line \(error.line): \(error.problem)", fix: error.fix)
        }
        guard let header = rows.first(where: { !$0.isBlank }) else {
            throw DraftFlowError(.invalidInput, "\(name) is empty", fix: "write the comments into the file")
        }
        var columns: [Column: Int] = [:]
        for (index, raw) in header.fields.enumerated() {
            let title = trimmed(raw).lowercased()
            let column: Column?
            if title.contains("mb/nc") || title == "mb" || title == "nc" {
                column = nil
            } else if title.contains("type") {
                column = .type
            } else if title.contains("proposed") {
                column = .proposed
            } else if title.contains("observation") {
                column = nil
            } else if title.contains("comment") {
                column = .comment
            } else if title.contains("paragraph") {
                column = .paragraph
            } else if title.contains("clause") {
                column = .clause
            } else {
                column = nil  // "Line number" and anything unknown
            }
            if let column, columns[column] == nil { columns[column] = index }
        }
        guard let commentColumn = columns[.comment] else {
            let found = header.fields.map { "'\(SafeName.display(trimmed($0)))'" }.joined(separator: ", ")
            throw DraftFlowError(
                .invalidInput,
                "\(name): the header (\(header.place)) has no 'Comments' column; it has \(found)",
                fix: "use the ISO commenting template header: MB/NC, Line number, Clause/Subclause, "
                    + "Paragraph/Figure/Table/Note, Type of comment, Comments, Proposed change, Observations of the secretariat")
        }

        func cell(_ row: CSVReader.Record, _ column: Column) -> String {
            guard let index = columns[column], index < row.fields.count else { return "" }
            return trimmed(row.fields[index])
        }

        var comments: [ParsedComment] = []
        for row in rows where row.row > header.row {
            let text = commentColumn < row.fields.count ? trimmed(row.fields[commentColumn]) : ""
            let proposal = cell(row, .proposed)
            if text.isEmpty && proposal.isEmpty { continue }
            let typeText = cell(row, .type)
            let type: CommentType
            if typeText.isEmpty {
                type = .general
            } else if let parsed = commentType(typeText) {
                type = parsed
            } else {
                throw DraftFlowError(
                    .invalidInput,
                    "\(name), \(row.place): the type of comment '\(SafeName.display(typeText))' is not ge, te or ed",
                    fix: "write ge (general), te (technical) or ed (editorial) in the 'Type of comment' column, or leave it empty for general")
            }
            let anchor: Anchor
            if let number = paragraphNumber(cell(row, .paragraph)) {
                anchor = .paragraph(number)
            } else if let number = paragraphNumber(cell(row, .clause)) {
                anchor = .paragraph(number)
            } else {
                anchor = .general
            }
            comments.append(ParsedComment(anchor: anchor, type: type, text: text,
                                          proposedChange: proposal.isEmpty ? nil : proposal))
        }
        guard !comments.isEmpty else {
            throw DraftFlowError(
                .invalidInput,
                "\(name) has a header (\(header.place)) but no comment rows",
                fix: "write each comment on its own row below the header, in the 'Comments' column")
        }
        return comments
    }
}
