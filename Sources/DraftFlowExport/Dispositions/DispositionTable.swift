import DraftFlow
import Foundation
import LineSplitting

/// The disposition-of-comments table (the ISO commenting template's columns), rendered as Markdown,
/// CSV, JSON or a self-contained HTML page.
public enum DispositionTable {

    public enum Format: String, CaseIterable, Sendable {
        case md, csv, json, html
    }

    /// The column headings, in order (the ISO commenting template's wording).
    public static var columns: [String] { columns(.en) }

    /// The column headings in `language`.
    public static func columns(_ language: Language) -> [String] { language.catalogue.dispositionColumns }

    /// The table of `rows` in `format`. `title` heads the Markdown and HTML renderings; CSV and JSON
    /// hold the rows only. `language` is that of the headings and of DraftFlow's own words in the
    /// cells (the disposition, the type); JSON keeps its keys and values as they are.
    public static func render(_ rows: [DispositionRow], title: String, format: Format, language: Language = .en) throws -> String {
        switch format {
        case .md:
            return "# " + title.replacingOccurrences(of: "\n", with: " ") + "\n\n" + markdownTable(rows, language: language)
        case .csv:
            return csv(rows, language: language)
        case .json:
            return try json(rows)
        case .html:
            return htmlDocument(rows, title: title, language: language)
        }
    }

    // MARK: - Cells

    /// The cells of one row, in the order of `columns`.
    public static func cells(_ row: DispositionRow, language: Language = .en) -> [String] {
        [row.id, member(row), row.template?.line ?? "", row.template?.clause ?? "", paragraph(row, language: language),
         language.catalogue.commentType(row.type), row.comment, proposed(row), disposition(row, language: language),
         observation(row, language: language)]
    }

    /// What the change changes (or the proposed text), and why it was not applied when it was not.
    static func proposed(_ row: DispositionRow) -> String {
        let text = row.change ?? row.proposedChange ?? ""
        guard let flag = row.flag else { return text }
        return text + (text.isEmpty ? "" : "\n") + "(\(flag.explanation))"
    }

    /// "Canada (CAN)", or the code alone when the name is empty or the code itself.
    static func member(_ row: DispositionRow) -> String {
        let name = TextTrimming.trimming(row.memberName, in: .whitespaces)
        return name.isEmpty || name == row.member ? row.member : "\(name) (\(row.member))"
    }

    /// "2.3", "2.3 (now 2.4)" or "2.3 (deleted: orphaned)".
    static func paragraph(_ row: DispositionRow, language: Language = .en) -> String {
        if row.orphaned { return language.catalogue.orphaned(row.paragraph) }
        if let now = row.paragraphNow, now != row.paragraph { return language.catalogue.paragraph(row.paragraph, now: now) }
        return row.paragraph
    }

    /// "Accepted", ..., "Undecided", with " (late)" when the comment came after the close.
    static func disposition(_ row: DispositionRow, language: Language = .en) -> String {
        let words = language.catalogue
        return words.decision(row.decision) + (row.late ? " " + words.late : "")
    }

    /// The observation, then "Modified text: ..." when the secretariat wrote its own text.
    static func observation(_ row: DispositionRow, language: Language = .en) -> String {
        var parts: [String] = []
        if let observation = row.observation, !observation.isEmpty { parts.append(observation) }
        if let text = row.modifiedText, !text.isEmpty { parts.append(language.catalogue.modifiedText + text) }
        return parts.joined(separator: "\n")
    }

    // MARK: - Markdown

    /// A GitHub Markdown table (header, separator, one line per row), ending with a newline.
    public static func markdownTable(_ rows: [DispositionRow], language: Language = .en) -> String {
        let columns = columns(language)
        var lines = ["| " + columns.joined(separator: " | ") + " |",
                     "|" + String(repeating: "---|", count: columns.count)]
        for row in rows {
            lines.append("| " + cells(row, language: language).map(markdownCell).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell's text for a Markdown table: line breaks as `<br>`, `<` as `&lt;`, and a backslash
    /// before each backslash, `|` and character of links, images, code spans and attribute lists
    /// (`[ ] { }` and the backquote), so that text never becomes markup (pandoc would make
    /// `[x](javascript:…)` a link, `[x]{onclick=…}` a handler) and reads as written: square
    /// brackets, which mark text not yet agreed, stay readable in the file.
    static func markdownCell(_ text: String) -> String {
        LineSplitter.lines(of: text.trimmingCharacters(in: .whitespacesAndNewlines))
            .map(markdownCellLine)
            .joined(separator: "<br>")
    }

    /// One line of a cell, read scalar by scalar so that a combining mark after `|` or `<` does not
    /// hide it. Every backslash is escaped too, so that none of the text's escapes another.
    private static func markdownCellLine(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\\", "|", "[", "]", "{", "}", "`":
                out.append("\\")
                out.append(scalar)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    // MARK: - CSV

    /// RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a
    /// line break (line breaks inside fields are kept as written).
    public static func csv(_ rows: [DispositionRow], language: Language = .en) -> String {
        var out = columns(language).map(csvField).joined(separator: ",") + "\r\n"
        for row in rows {
            out += cells(row, language: language).map(csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func csvField(_ raw: String) -> String {
        // A cell a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first)
        // is written as text, after an apostrophe (the OWASP rule): members' text is hostile input.
        let text = raw.first.map { "=+-@\t\r".contains($0) } == true ? "'" + raw : raw
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: - JSON

    private struct JSONRow: Encodable {
        let row: DispositionRow

        enum CodingKeys: String, CodingKey {
            case id, member, memberName, paragraph, paragraphNow, orphaned, type, comment, proposedChange, disposition,
                 observation, modifiedText, late, change, supersededBy, flag, memberBody, line, clause, templateParagraph
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(row.id, forKey: .id)
            try container.encode(row.member, forKey: .member)
            try container.encode(row.memberName, forKey: .memberName)
            try container.encode(row.paragraph, forKey: .paragraph)
            try container.encode(row.paragraphNow, forKey: .paragraphNow)
            try container.encode(row.orphaned, forKey: .orphaned)
            try container.encode(row.type.rawValue, forKey: .type)
            try container.encode(row.comment, forKey: .comment)
            try container.encode(row.proposedChange, forKey: .proposedChange)
            try container.encode(row.decision?.rawValue ?? "undecided", forKey: .disposition)
            try container.encode(row.observation, forKey: .observation)
            try container.encode(row.modifiedText, forKey: .modifiedText)
            try container.encode(row.late, forKey: .late)
            try container.encode(row.change, forKey: .change)
            try container.encode(row.supersededBy, forKey: .supersededBy)
            try container.encode(row.flag?.rawValue, forKey: .flag)
            // The ISO template's own cells, as the member wrote them (null for Markdown comments).
            try container.encode(row.template?.memberBody, forKey: .memberBody)
            try container.encode(row.template?.line, forKey: .line)
            try container.encode(row.template?.clause, forKey: .clause)
            try container.encode(row.template?.paragraph, forKey: .templateParagraph)
        }
    }

    /// An array of objects, every key present (`null` when there is no value), pretty printed with
    /// sorted keys, ending with a newline.
    public static func json(_ rows: [DispositionRow]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(rows.map(JSONRow.init))
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            throw DraftFlowError(.invalidInput, "the disposition table could not be written as JSON: \(error)")
        }
    }

    // MARK: - HTML

    /// The `<table>` element alone, for embedding in a page.
    public static func htmlTable(_ rows: [DispositionRow], language: Language = .en) -> String {
        var out = HTMLOutput()
        writeHTMLTable(rows, to: &out, language: language)
        return out.string
    }

    /// The cell classes, in the order of `columns`.
    private static let cellClasses = ["id", "member", "line", "clause", "paragraph", "type", "comment", "proposed", "disposition", "observation"]

    /// The `<td …>` opening tags of each column, for either direction.
    private static let cellOpenings: [(auto: String, rtl: String)] = cellClasses.map {
        ("<td class=\"\($0)\" dir=\"auto\">", "<td class=\"\($0)\" dir=\"rtl\">")
    }

    /// Writes the `<table>` element: about 200 bytes a row plus the escaped text of its cells.
    static func writeHTMLTable(_ rows: [DispositionRow], to out: inout HTMLOutput, language: Language = .en) {
        out.raw("<table class=\"dispositions\">\n<colgroup>")
        for name in cellClasses { out.raw("<col class=\"", name, "\">") }
        out.raw("</colgroup>\n<thead>\n<tr>")
        for column in columns(language) {
            out.raw("<th scope=\"col\">")
            out.escaped(column)
            out.raw("</th>")
        }
        out.raw("</tr>\n</thead>\n<tbody>\n")
        for row in rows {
            let undecided = row.decision == nil
            if row.late || undecided || row.orphaned {
                var classes: [String] = []
                if row.late { classes.append("late") }
                if undecided { classes.append("undecided") }
                if row.orphaned { classes.append("orphaned") }
                out.raw("<tr class=\"", classes.joined(separator: " "), "\">")
            } else {
                out.raw("<tr>")
            }
            for (index, cell) in cells(row, language: language).enumerated() {
                let opening = cellOpenings[index]
                out.raw(ExportSupport.firstStrongDirection(cell) == "rtl" ? opening.rtl : opening.auto)
                out.escapedMultiline(cell)
                out.raw("</td>")
            }
            out.raw("</tr>\n")
        }
        out.raw("</tbody>\n</table>\n")
    }

    /// A complete HTML5 page: inline CSS, no external resources, A4 landscape when printed.
    static func htmlDocument(_ rows: [DispositionRow], title: String, language: Language = .en) -> String {
        let escapedTitle = HTMLEscaping.escape(title)
        // An Arabic page's title is laid out right to left, whatever the workspace's title starts with.
        let direction = language.isRightToLeft ? "rtl" : ExportSupport.direction(title)
        let body = "<h1 dir=\"\(direction)\">\(escapedTitle)</h1>\n"
            + "<p class=\"count\">\(HTMLEscaping.escape(language.catalogue.comments(rows.count)))</p>\n"
            + htmlTable(rows, language: language)
        return ExportResources.document(language).filled([
            "title": escapedTitle,
            "style": ExportResources.dispositionsStyle + "\n" + ExportResources.dispositionsTableStyle + ExportResources.style(for: language),
            "body": body,
        ])
    }
}
