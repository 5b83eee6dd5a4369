import Foundation
import LineSplitting

/// Reads a member's comment file into comments.
///
/// ## Any file
///
/// - At most 10 MiB (10 485 760 bytes).
/// - UTF-8 text. A UTF-8 byte order mark at the start is allowed and ignored. Files saved as
///   UTF-16 or in a legacy code page are refused: save the file as UTF-8.
/// - No NUL bytes; not empty or only whitespace.
/// - Line endings: LF, CRLF or CR.
/// - The format follows the file name's extension: `.csv` (any case) is the ISO commenting
///   template, anything else is Markdown.
/// - Line and row numbers in errors start at 1 and count lines as a text editor shows them.
///
/// ## Markdown
///
/// ```
/// # Comments of Canada on Draft 1
/// ## 2.3 (technical)
/// The comment text, any number of lines and paragraphs.
/// Proposed change: the text proposed for paragraph 2.3,
/// which may continue on the following lines until the next heading.
///
/// ## general (editorial)
/// A comment on the whole text.
/// ```
///
/// - Optional YAML front matter (`---` on the very first line, up to the next line that is `---`
///   or `...`) is skipped.
/// - Before the first `##` heading, only `#` title lines and blank lines may appear; they are
///   ignored. Other text there is refused (it would belong to no comment).
/// - Each `## ` heading starts one comment: `## <anchor> (<type>)` or `## <anchor> [<type>]`.
///   - anchor: `general`, or a paragraph or section number such as `2`, `2.3`, `2.3.1`
///     (a trailing `.` is dropped), optionally preceded by `Paragraph`, `Para`, `Para.`, `§`
///     or `¶` (case-insensitive);
///   - type: `general`, `technical`, `editorial` or the ISO abbreviations `ge`, `te`, `ed`
///     (case-insensitive); when left out, the type is `general`.
///   A heading that is neither is refused, with its line number.
///   Headings with three or more `#` are ordinary text inside a comment.
/// - The first line in a section that starts with `Proposed change:` or `Proposed text:`
///   (case-insensitive, leading spaces allowed, may be bold: `**Proposed change:**`) starts the
///   proposed change: the rest of that line and all following lines up to the next `## ` heading.
/// - Lines before it are the comment text. Both are trimmed; lines are kept as written, and
///   paragraphs are separated by exactly one blank line (`"\n\n"`).
/// - A section with neither comment text nor proposed change is refused, with its line number.
/// - A file without any `##` heading is one comment on the whole text: anchor `general`, type
///   `general`, the whole text (after leading `#` title lines) as comment, no proposed change.
///
/// ## CSV (ISO commenting template)
///
/// RFC 4180: fields separated by commas (semicolons or tabs are also recognised when the header
/// row uses them), fields may be quoted with `"`, a quote inside a quoted field is doubled (`""`),
/// and quoted fields may contain separators and line breaks.
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
public enum CommentParser {
    /// The largest file accepted, in bytes.
    public static let maximumSize = 10 * 1024 * 1024

    /// Parses a comment file; `fileName` (or at least its extension) selects the format.
    /// - Throws: `DraftFlowError(.invalidInput)` describing what is wrong and where.
    public static func parse(data: Data, fileName: String) throws -> [ParsedComment] {
        let text = try decode(data: data, fileName: fileName)
        let lines = LineSplitter.lines(of: text)
        if SafeName.fileExtension(ofFileName: fileName) == "csv" {
            return try parseCSV(text: lines.joined(separator: "\n"), fileName: fileName)
        }
        return try parseMarkdown(lines: lines, fileName: fileName)
    }

    // MARK: - Decoding

    private static func decode(data: Data, fileName: String) throws -> String {
        let name = SafeName.display(fileName)
        if data.count > maximumSize {
            let mib = String(format: "%.1f", Double(data.count) / 1_048_576)
            throw DraftFlowError(
                .invalidInput,
                "comment file '\(name)' is \(data.count) bytes (\(mib) MiB); the limit is \(maximumSize) bytes (10 MiB)",
                fix: "split the comments into several files, or remove embedded images and other large content")
        }
        let bytes = [UInt8](data)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw DraftFlowError(
                .invalidInput,
                "comment file '\(name)' is encoded as UTF-16, not UTF-8",
                fix: "save the file as UTF-8 (in Word or Excel: Save As, then choose UTF-8 text or CSV UTF-8)")
        }
        if let found = data.range(of: Data([0]))?.lowerBound {
            let nul = found - data.startIndex
            throw DraftFlowError(
                .invalidInput,
                "comment file '\(name)' contains a NUL byte at line \(lineNumber(bytes, at: nul)) (byte offset \(nul)); it is not a text file",
                fix: "export the comments as plain text: save the file as UTF-8 Markdown (.md) or as CSV UTF-8 (.csv)")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // Foundation validates quickly; the scalar-by-scalar parser only runs to locate an error
        // (or when Foundation's result differs in length, e.g. after dropping a second BOM).
        let text: String
        if let validated = String(data: Data(body), encoding: .utf8), validated.utf8.count == body.count {
            text = validated
        } else if let bad = firstInvalidUTF8(body) {
            throw DraftFlowError(
                .invalidInput,
                "comment file '\(name)' is not valid UTF-8 text (invalid byte at line \(lineNumber(bytes, at: bad)), byte offset \(bad))",
                fix: "save the file as UTF-8 (in Word or Excel: Save As, then choose UTF-8 text or CSV UTF-8)")
        } else {
            text = String(decoding: body, as: UTF8.self)
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw DraftFlowError(.invalidInput, "comment file '\(name)' is empty",
                                 fix: "write the comments into the file, or check that the right file was given")
        }
        return text
    }

    /// The absolute offset of the first byte that is not part of valid UTF-8, if any.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func lineNumber(_ bytes: [UInt8], at offset: Int) -> Int {
        var line = 1
        var i = 0
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
            } else if bytes[i] == 0x0D, i + 1 >= bytes.count || bytes[i + 1] != 0x0A {
                line += 1
            }
            i += 1
        }
        return line
    }

    // MARK: - Shared helpers

    private static func trimmed(_ s: some StringProtocol) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isBlank(_ s: some StringProtocol) -> Bool {
        s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// Joins lines into text: trailing spaces removed, runs of blank lines become one paragraph
    /// break, leading and trailing blank lines dropped.
    private static func joinParagraphs(_ lines: [String]) -> String {
        var out: [String] = []
        var pendingBreak = false
        for line in lines {
            if isBlank(line) {
                pendingBreak = !out.isEmpty
                continue
            }
            if pendingBreak { out.append("") }
            pendingBreak = false
            out.append(trimTrailing(line))
        }
        return trimmed(out.joined(separator: "\n"))
    }

    private static func trimTrailing(_ line: String) -> String {
        let scalars = line.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        return end == scalars.endIndex ? line : String(scalars[..<end])
    }

    static func commentType(_ raw: String) -> CommentType? {
        var word = trimmed(raw).lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        switch word {
        case "ge", "general": return .general
        case "te", "technical": return .technical
        case "ed", "editorial": return .editorial
        default: return nil
        }
    }

    /// A paragraph number (`2`, `2.3`, `2.3.1`, optional trailing `.`), optionally preceded by
    /// `Paragraph`, `Para`, `Para.`, `§` or `¶`. Returns the number without prefix or trailing dot.
    static func paragraphNumber(_ raw: String) -> String? {
        var s = Substring(trimmed(raw))
        let lower = s.lowercased()
        if s.hasPrefix("§") || s.hasPrefix("¶") {
            s = s.dropFirst()
        } else {
            for prefix in ["paragraph", "para.", "para"] where lower.hasPrefix(prefix) {
                let rest = s.dropFirst(prefix.count)
                // "Paragraph 2" or "Para.2" or "Para2": the prefix must end at a word boundary.
                guard let next = rest.unicodeScalars.first,
                      next.properties.isWhitespace || SafeName.isDigitASCII(next) else { return nil }
                s = rest
                break
            }
        }
        var number = trimmed(s)
        if number.hasSuffix(".") { number.removeLast() }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ part in
            !part.isEmpty && part.count <= 9 && part.unicodeScalars.allSatisfy(SafeName.isDigitASCII)
        }) else { return nil }
        return number
    }

    // MARK: - Markdown

    private static let headingFix =
        "write the heading as '## 2.3 (technical)' or '## general (editorial)': an anchor (general, or a paragraph number "
        + "such as 2.3, optionally after Paragraph, Para or §), then optionally the type in parentheses "
        + "(general, technical, editorial, or ge, te, ed)"

    private static func parseMarkdown(lines: [String], fileName: String) throws -> [ParsedComment] {
        let name = SafeName.display(fileName)
        var start = 0
        // YAML front matter.
        if let first = lines.first, trimTrailing(first) == "---" {
            guard let close = lines.indices.dropFirst().first(where: {
                let line = trimTrailing(lines[$0])
                return line == "---" || line == "..."
            }) else {
                throw DraftFlowError(
                    .invalidInput,
                    "\(name): the front matter that starts with '---' on line 1 is never closed",
                    fix: "end the front matter with a line '---', or remove the '---' on line 1")
            }
            start = close + 1
        }

        let headingIndices = lines.indices.filter { $0 >= start && isSectionHeading(lines[$0]) }

        guard let firstHeading = headingIndices.first else {
            // No structure: one general comment on the whole text.
            var body = Array(lines[start...])
            while let line = body.first, isBlank(line) || isTitleLine(line) || isNoteLine(line) { body.removeFirst() }
            let text = joinParagraphs(body)
            guard !text.isEmpty else {
                throw DraftFlowError(
                    .invalidInput, "\(name) has a title but no comment text",
                    fix: "write the comment below the title, or one '## <paragraph> (<type>)' section per comment")
            }
            return [ParsedComment(anchor: .general, type: .general, text: text, proposedChange: nil)]
        }

        for index in start..<firstHeading where !isBlank(lines[index]) && !isTitleLine(lines[index]) && !isNoteLine(lines[index]) {
            throw DraftFlowError(
                .invalidInput,
                "\(name), line \(index + 1): text before the first '##' heading belongs to no comment",
                fix: "put it under a heading such as '## general', or remove it")
        }

        var comments: [ParsedComment] = []
        for (n, headingIndex) in headingIndices.enumerated() {
            let end = n + 1 < headingIndices.count ? headingIndices[n + 1] : lines.count
            let heading = lines[headingIndex]
            let (anchor, type) = try parseHeading(heading, line: headingIndex + 1, fileName: name)
            var textLines: [String] = []
            var proposalLines: [String]?
            for line in lines[(headingIndex + 1)..<end] {
                if proposalLines == nil, let rest = proposalMarkerRest(line) {
                    proposalLines = [rest]
                } else if proposalLines != nil {
                    proposalLines?.append(line)
                } else {
                    textLines.append(line)
                }
            }
            let text = joinParagraphs(textLines)
            let proposal = proposalLines.map(joinParagraphs)
            let proposedChange = (proposal?.isEmpty ?? true) ? nil : proposal
            if text.isEmpty && proposedChange == nil {
                throw DraftFlowError(
                    .invalidInput,
                    "\(name), line \(headingIndex + 1): the section '\(SafeName.display(trimmed(heading)))' has neither comment text nor a proposed change",
                    fix: "write the comment below the heading (and 'Proposed change: ...' if you propose text), or remove the heading")
            }
            comments.append(ParsedComment(anchor: anchor, type: type, text: text, proposedChange: proposedChange))
        }
        return comments
    }

    /// `## ...` but not `### ...`; up to three leading spaces, as in Markdown.
    private static func isSectionHeading(_ line: String) -> Bool {
        let body = line.drop { $0 == " " }
        guard line.count - body.count <= 3, body.hasPrefix("##") else { return false }
        let after = body.dropFirst(2)
        guard let next = after.first else { return true }
        return next == " " || next == "\t"
    }

    /// A `# Title` line (exactly one `#`).
    private static func isTitleLine(_ line: String) -> Bool {
        let body = line.drop { $0 == " " }
        guard line.count - body.count <= 3, body.hasPrefix("#") else { return false }
        let after = body.dropFirst()
        guard let next = after.first else { return true }
        return next == " " || next == "\t"
    }

    private static func parseHeading(_ line: String, line number: Int, fileName: String) throws -> (Anchor, CommentType) {
        var content = Substring(trimmed(line.drop { $0 == " " }.dropFirst(2)))
        // Optional closing hashes of an ATX heading: "## 2.3 (te) ##".
        while content.hasSuffix("#") { content = content.dropLast() }
        var rest = trimmed(content)
        let shown = SafeName.display(trimmed(line))
        guard !rest.isEmpty else {
            throw DraftFlowError(.invalidInput, "\(fileName), line \(number): the heading '##' names no paragraph",
                                 fix: headingFix)
        }
        var type = CommentType.general
        if let close = rest.last, close == ")" || close == "]" {
            let open: Character = close == ")" ? "(" : "["
            guard let openIndex = rest.lastIndex(of: open) else {
                throw DraftFlowError(.invalidInput,
                                     "\(fileName), line \(number): the heading '\(shown)' has an unmatched '\(close)'",
                                     fix: headingFix)
            }
            let inner = String(rest[rest.index(after: openIndex)..<rest.index(before: rest.endIndex)])
            guard let parsed = commentType(inner) else {
                throw DraftFlowError(
                    .invalidInput,
                    "\(fileName), line \(number): the heading '\(shown)' gives the type '\(SafeName.display(trimmed(inner)))', which is not general, technical or editorial (ge, te, ed)",
                    fix: headingFix)
            }
            type = parsed
            rest = trimmed(rest[..<openIndex])
        }
        if rest.lowercased() == "general" { return (.general, type) }
        if let number = paragraphNumber(rest) { return (.paragraph(number), type) }
        throw DraftFlowError(
            .invalidInput,
            "\(fileName), line \(number): the heading '\(shown)' does not name a paragraph: '\(SafeName.display(rest))' is neither 'general' nor a paragraph number",
            fix: headingFix)
    }

    /// If the line starts the proposed change, the rest of the line after the marker.
    private static func proposalMarkerRest(_ line: String) -> String? {
        var s = Substring(line).drop { $0 == " " || $0 == "\t" }
        var emphasis = ""
        for mark in ["**", "__"] where s.hasPrefix(mark) {
            emphasis = mark
            s = s.dropFirst(2)
            break
        }
        let lower = s.lowercased()
        guard let label = ["proposed change", "proposed text"].first(where: { lower.hasPrefix($0) }) else { return nil }
        s = s.dropFirst(label.count)
        if !emphasis.isEmpty, s.hasPrefix(emphasis) { s = s.dropFirst(emphasis.count) }
        s = s.drop { $0 == " " }
        guard s.hasPrefix(":") else { return nil }
        s = s.dropFirst()
        if !emphasis.isEmpty, s.hasPrefix(emphasis) { s = s.dropFirst(emphasis.count) }
        return String(s)
    }

    // MARK: - CSV

    private struct Row {
        /// 1-based record number, as a spreadsheet numbers rows.
        var row: Int
        /// 1-based line on which the record starts.
        var line: Int
        var fields: [String]

        var place: String { row == line ? "row \(row)" : "row \(row) (line \(line))" }
        var isEmpty: Bool { fields.allSatisfy { CommentParser.isBlank($0) } }
    }

    private enum Column { case comment, proposed, type, clause, paragraph }

    private static func parseCSV(text: String, fileName: String) throws -> [ParsedComment] {
        let name = SafeName.display(fileName)
        let rows = try csvRows(text, fileName: name)
        guard let header = rows.first(where: { !$0.isEmpty }) else {
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

        func cell(_ row: Row, _ column: Column) -> String {
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

    /// RFC 4180 records. `text` has LF line endings. The separator is `,`, unless the first
    /// non-empty line has more `;` or tabs (outside quotes) than commas.
    private static func csvRows(_ text: String, fileName: String) throws -> [Row] {
        let scalars = Array(text.unicodeScalars)
        let separator = detectSeparator(scalars)
        var rows: [Row] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var rowStartLine = 1
        var i = 0
        var inQuotes = false
        var quoteStartLine = 0
        var fieldWasQuoted = false

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        }
        func endRow() {
            endField()
            rows.append(Row(row: rows.count + 1, line: rowStartLine, fields: fields))
            fields = []
        }

        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        continue
                    }
                    inQuotes = false
                    i += 1
                    if i < scalars.count, scalars[i] != separator, scalars[i] != "\n" {
                        throw DraftFlowError(
                            .invalidInput,
                            "\(fileName), line \(line): text follows the closing quote of a quoted field",
                            fix: "inside a quoted field write a quote as two quotes (\"\"), and put the closing quote right before the separator")
                    }
                    continue
                }
                if c == "\n" { line += 1 }
                field.append(c)
                i += 1
                continue
            }
            if c == "\"" && field.isEmpty && !fieldWasQuoted {
                inQuotes = true
                fieldWasQuoted = true
                quoteStartLine = line
            } else if c == separator {
                endField()
            } else if c == "\n" {
                endRow()
                line += 1
                rowStartLine = line
            } else {
                field.append(c)
            }
            i += 1
        }
        if inQuotes {
            throw DraftFlowError(
                .invalidInput,
                "\(fileName), line \(quoteStartLine): a quoted field is never closed",
                fix: "add the closing quote (\"), and write quotes inside the field as two quotes (\"\")")
        }
        // The last record, unless the file ended with a line break.
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            endRow()
        }
        return rows
    }

    private static func detectSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        var sawContent = false
        for c in scalars {
            if c == "\"" { inQuotes.toggle(); sawContent = true; continue }
            if inQuotes { continue }
            if c == "\n" {
                if sawContent { break }
                counts = [",": 0, ";": 0, "\t": 0]
                continue
            }
            if counts[c] != nil {
                counts[c, default: 0] += 1
            } else if !c.properties.isWhitespace {
                sawContent = true
            }
        }
        let comma = counts[",", default: 0], semicolon = counts[";", default: 0], tab = counts["\t", default: 0]
        if semicolon > comma && semicolon >= tab { return ";" }
        if tab > comma && tab > semicolon { return "\t" }
        return ","
    }

    /// A one-line HTML comment (`<!-- ... -->`): a note for people, not a comment on the draft.
    private static func isNoteLine(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->")
    }
}
