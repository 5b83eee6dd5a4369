import DraftFlow
import Foundation

/// What happened to each of one member's comments in a round: its disposition, the observation,
/// and where its paragraph is in the new text (the candidate, or the version published from it).
public enum MemberReport {
    public enum Format: String, Sendable, CaseIterable { case md, html }

    /// Where the comment's text went: "general", "2.2", "2.2 → 2.3", or "2.2 → deleted".
    public static func whereNow(_ row: DispositionRow, language: Language = .en) -> String {
        let words = language.catalogue
        if row.paragraph == "general" { return words.generalWholeText }
        if row.orphaned || row.paragraphNow == "" { return words.deleted(row.paragraph) }
        if let now = row.paragraphNow, now != row.paragraph { return "\(row.paragraph) → \(now)" }
        return words.sameNumber(row.paragraph)
    }

    public static var columns: [String] { Language.en.catalogue.reportColumns }

    /// The class of each column's cells in the HTML page (the disposition table's style sheet).
    static let cellClasses: [String?] = ["id", "line", "type", nil, "disposition", nil, nil]

    static func cells(_ row: DispositionRow, language: Language = .en) -> [String] {
        [row.id, row.paragraph, language.catalogue.commentType(row.type), row.comment, DispositionTable.disposition(row, language: language),
         DispositionTable.observation(row, language: language), whereNow(row, language: language)]
    }

    /// The report's title line.
    public static func title(workspace: String, member: String, memberName: String?, round: String, language: Language = .en) -> String {
        title(workspace: workspace, member: member, memberName: memberName, rounds: [round], language: language)
    }

    /// The title of a report on a merge of several rounds on one version ("rounds draft-1 and draft-1b").
    public static func title(workspace: String, member: String, memberName: String?, rounds: [String], language: Language = .en) -> String {
        let words = language.catalogue
        return words.reportTitle(workspace, member: memberName.map { "\($0) (\(member))" } ?? member, rounds: words.rounds(rounds))
    }

    /// `rows` (the member's rows only) as Markdown: a heading, a count, one table row per comment.
    public static func markdown(_ rows: [DispositionRow], title: String, newText: String, language: Language = .en) -> String {
        let words = language.catalogue
        let columns = words.reportColumns
        var text = "# \(DispositionTable.markdownCell(title))\n\n"
        text += words.reportCount(rows.count, newText: newText) + "\n\n"
        text += "| " + columns.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: columns.count) + "\n"
        for row in rows {
            text += "| " + cells(row, language: language).map(DispositionTable.markdownCell).joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// `rows` as a self-contained HTML page.
    public static func html(_ rows: [DispositionRow], title: String, newText: String, language: Language = .en) -> String {
        let e = HTMLEscaping.escape
        let words = language.catalogue
        var body = "<h1 dir=\"\(language.isRightToLeft ? "rtl" : ExportSupport.direction(title))\">\(e(title))</h1>\n"
        body += "<p class=\"count\">\(e(words.reportCount(rows.count, newText: newText)))</p>\n"
        body += "<table class=\"dispositions\">\n<thead><tr>" + words.reportColumns.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            // The disposition table's style: ids, paragraphs and types never wrap.
            body += "<tr>" + zip(cellClasses, cells(row, language: language)).map { kind, text in
                "<td" + (kind.map { " class=\"\($0)\"" } ?? "") + ">\(HTMLEscaping.escapeMultiline(text))</td>"
            }.joined() + "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        return ExportResources.document(language).filled([
            "title": e(title),
            "style": ExportResources.dispositionsStyle + "\n" + ExportResources.dispositionsTableStyle + ExportResources.style(for: language),
            "body": body,
        ])
    }
}
