import Foundation

extension CommentParser {
    /// The columns of the template that DraftFlow reads.
    private enum Column { case memberBody, line, comment, proposed, type, clause, paragraph }

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
    /// Paragraph cells and the row are kept on the comment as `TemplateFields`, as written (the
    /// rows of other members are not refused here). The proposed change is the cell as written;
    /// its kind is `ProposedChangeKind.classify`'s. Rows whose comment and proposed change are both empty
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
                column = .memberBody
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
            } else if title.contains("line") {
                column = .line
            } else {
                column = nil
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
                                          clause: nonEmpty(clause), paragraph: nonEmpty(paragraph), row: row.row)
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
