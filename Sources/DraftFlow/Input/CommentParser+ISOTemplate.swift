import Foundation

extension CommentParser {
    /// Reads a CSV comment file: the ISO commenting template.
    ///
    /// RFC 4180 as `CSVReader` reads it: fields separated by commas (semicolons or tabs are also
    /// recognised when the header row uses them), fields may be quoted with `"`, a quote inside a
    /// quoted field is doubled (`""`), and quoted fields may contain separators and line breaks.
    ///
    /// The rows go to `parseISOTemplate(_:fileName:)`, which the spreadsheet and Word readers
    /// (DraftFlowOffice) call too.
    static func parseISOTemplate(text: String, fileName: String) throws -> [ParsedComment] {
        let rows: [CSVReader.Record]
        do {
            rows = try CSVReader.records(text, separator: CSVReader.separator(of: text))
        } catch {
            throw DraftFlowError(.invalidInput, "\(SafeName.display(fileName)), line \(error.line): \(error.problem)", fix: error.fix)
        }
        return try parseISOTemplate(TemplateTable(rows: rows.map { .init(number: $0.row, place: $0.place, cells: $0.fields) }), fileName: fileName)
    }

    /// Reads the comments of the ISO commenting template, given as rows of cells.
    ///
    /// The header is `TemplateTable.header`: the first row with a 'Comments' column and another
    /// of the template's columns (a title is at most six words); the rows above it (the template's title rows, "Date:",
    /// "Document:") are not read. Columns are recognised by name, case-insensitively:
    ///
    /// | header contains           | column (ISO template name)        | use                                  |
    /// |---------------------------|-----------------------------------|--------------------------------------|
    /// | `MB` / `NC`               | MB/NC                             | kept (`TemplateFields.memberBody`)   |
    /// | `line`                    | Line number                       | kept (`TemplateFields.line`)         |
    /// | `clause`                  | Clause/Subclause                  | reference, kept                      |
    /// | `paragraph`               | Paragraph/Figure/Table/Note       | reference, kept                      |
    /// | `type`                    | Type of comment                   | `ge`/`te`/`ed` or full word (six languages); empty = general |
    /// | `proposed`                | Proposed change                   | proposed change                      |
    /// | `observation`             | Observations of the secretariat   | ignored                              |
    /// | `comment` (and not `type`)| Comments                          | comment text (required column)       |
    ///
    /// Reference: the Paragraph cell if it names paragraphs as a Markdown heading does (`2.3`,
    /// `3.3 b) 4)`, `4.2.2.5-4.2.2.6`, `after 4.2.2.6`, `第4.2.2.2段`, `general`…), else the Clause
    /// and Paragraph cells together when the Paragraph cell holds only sub-item labels (Clause `3.3`,
    /// Paragraph `b) 4)`), else the Clause cell, else the whole text (`general`, `all`,
    /// `whole text`, empty or anything else, such as `Table 1`). The MB/NC, Line number, Clause and
    /// Paragraph cells and the row are kept on the comment as `TemplateFields`, as written; the
    /// MB/NC cell is checked against the registered members when the submission is recorded
    /// (`MemberBodies`: a row of another member is refused). The proposed change is the cell as written;
    /// its kind is `ProposedChangeKind.classify`'s. Rows whose comment and proposed change are both empty
    /// are skipped. An unknown type is refused with its row number (the row number a spreadsheet
    /// shows; the line number is added when a multi-line cell makes them differ). A file without any
    /// comment row is refused.
    public static func parseISOTemplate(_ table: TemplateTable, fileName: String) throws -> [ParsedComment] {
        let name = SafeName.display(fileName)
        guard let first = table.rows.first(where: { !$0.isBlank }) else {
            throw DraftFlowError(.invalidInput, "\(name) is empty", fix: "write the comments into the file")
        }
        guard let headerIndex = table.headerIndex else {
            let found = first.cells.map { "'\(SafeName.display(trimmed($0)))'" }.joined(separator: ", ")
            let missing = TemplateColumn.columns(of: first.cells)[.comment] == nil
                ? "no 'Comments' column" : "a 'Comments' column but no other column of the template"
            throw DraftFlowError(
                .invalidInput,
                "\(name): the header (\(first.place)) has \(missing); it has \(found)",
                fix: "use the ISO commenting template header: MB/NC, Line number, Clause/Subclause, "
                    + "Paragraph/Figure/Table/Note, Type of comment, Comments, Proposed change, Observations of the secretariat")
        }
        let header = table.rows[headerIndex]
        let columns = TemplateColumn.columns(of: header.cells)

        func cell(_ row: TemplateTable.Row, _ column: TemplateColumn) -> String {
            guard let index = columns[column], index < row.cells.count else { return "" }
            return trimmed(row.cells[index])
        }

        var comments: [ParsedComment] = []
        for row in table.rows[(headerIndex + 1)...] {
            let text = cell(row, .comment)
            let proposal = cell(row, .proposed)
            if text.isEmpty && proposal.isEmpty { continue }
            let typeText = cell(row, .type)
            let type: CommentType
            if typeText.isEmpty {
                type = .general
            } else if let parsed = CommentHeading.commentType(typeText) {
                type = parsed
            } else {
                throw DraftFlowError(
                    .invalidInput,
                    "\(name), \(row.place): the type of comment '\(SafeName.display(typeText))' is not ge, te or ed",
                    fix: "write ge (general), te (technical) or ed (editorial) in the 'Type of comment' column, or leave it empty for general")
            }
            let clause = cell(row, .clause), paragraph = cell(row, .paragraph)
            let template = TemplateFields(memberBody: nonEmpty(cell(row, .memberBody)), line: nonEmpty(cell(row, .line)),
                                          clause: nonEmpty(clause), paragraph: nonEmpty(paragraph), row: row.number)
            comments.append(ParsedComment(reference: reference(clause: clause, paragraph: paragraph), type: type, text: text,
                                          proposedChange: proposal.isEmpty ? nil : proposal,
                                          proposalKind: proposal.isEmpty ? nil : ProposedChangeKind.classify(proposal),
                                          template: template))
        }
        guard !comments.isEmpty else {
            throw DraftFlowError(
                .invalidInput,
                "\(name) has a header (\(header.place)) but no comment rows",
                fix: "write each comment on its own row below the header, in the 'Comments' column")
        }
        return comments
    }

    /// What a row is about, from its Clause and Paragraph cells.
    private static func reference(clause: String, paragraph: String) -> CommentReference {
        if !paragraph.isEmpty, case .success(let reference) = CommentHeading.reference(paragraph) { return reference }
        if !clause.isEmpty, !paragraph.isEmpty, let id = ParagraphReference.canonical(clause + " " + paragraph) { return .paragraphs([id]) }
        if !clause.isEmpty, case .success(let reference) = CommentHeading.reference(clause) { return reference }
        return .general
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}
