import DraftFlow
import Foundation

/// What happened to each of one member's comments in a round: its disposition, the observation,
/// and where its paragraph is in the new text (the candidate, or the version published from it).
public enum MemberReport {
    public enum Format: String, Sendable, CaseIterable { case md, html }

    /// Where the comment's text went: "general", "2.2", "2.2 → 2.3", or "2.2 → deleted".
    public static func whereNow(_ row: DispositionRow) -> String {
        if row.paragraph == "general" { return "general (the whole text)" }
        if row.orphaned || row.paragraphNow == "" { return "\(row.paragraph) → deleted" }
        if let now = row.paragraphNow, now != row.paragraph { return "\(row.paragraph) → \(now)" }
        return "\(row.paragraph) (same number)"
    }

    public static let columns = ["Id", "Paragraph", "Type", "Comment", "Disposition", "Observation", "In the new text"]

    /// The class of each column's cells in the HTML page (the disposition table's style sheet).
    static let cellClasses: [String?] = ["id", "line", "type", nil, "disposition", nil, nil]

    static func cells(_ row: DispositionRow) -> [String] {
        [row.id, row.paragraph, row.type.rawValue, row.comment, DispositionTable.disposition(row), DispositionTable.observation(row), whereNow(row)]
    }

    /// The report's title line.
    public static func title(workspace: String, member: String, memberName: String?, round: String) -> String {
        title(workspace: workspace, member: member, memberName: memberName, rounds: [round])
    }

    /// The title of a report on a merge of several rounds on one version ("rounds draft-1 and draft-1b").
    public static func title(workspace: String, member: String, memberName: String?, rounds: [String]) -> String {
        "\(workspace): comments of \(memberName.map { "\($0) (\(member))" } ?? member), \(MergeDesk.describe(rounds: rounds))"
    }

    /// `rows` (the member's rows only) as Markdown: a heading, a count, one table row per comment.
    public static func markdown(_ rows: [DispositionRow], title: String, newText: String) -> String {
        var text = "# \(DispositionTable.markdownCell(title))\n\n"
        text += "\(rows.count) comment\(rows.count == 1 ? "" : "s"); paragraphs in the new text are those of \(newText).\n\n"
        text += "| " + columns.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: columns.count) + "\n"
        for row in rows {
            text += "| " + cells(row).map(DispositionTable.markdownCell).joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// `rows` as a self-contained HTML page.
    public static func html(_ rows: [DispositionRow], title: String, newText: String) -> String {
        let e = HTMLEscaping.escape
        var body = "<h1 dir=\"\(ExportSupport.direction(title))\">\(e(title))</h1>\n"
        body += "<p class=\"count\">\(rows.count) comment\(rows.count == 1 ? "" : "s"); paragraphs in the new text are those of \(e(newText)).</p>\n"
        body += "<table class=\"dispositions\">\n<thead><tr>" + columns.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            // The disposition table's style: ids, paragraphs and types never wrap.
            body += "<tr>" + zip(cellClasses, cells(row)).map { kind, text in
                "<td" + (kind.map { " class=\"\($0)\"" } ?? "") + ">\(HTMLEscaping.escapeMultiline(text))</td>"
            }.joined() + "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        return ExportResources.document.filled([
            "title": e(title),
            "style": ExportResources.dispositionsStyle + "\n" + ExportResources.dispositionsTableStyle,
            "body": body,
        ])
    }
}
