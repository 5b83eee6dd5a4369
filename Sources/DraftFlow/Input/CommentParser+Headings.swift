import Foundation

/// Section headings of Markdown comment files, and the anchors and types they (and the ISO
/// template's cells) name.
extension CommentParser {
    static let headingFix =
        "write the heading as '## 2.3 (technical)' or '## general (editorial)': an anchor (general, or a paragraph number "
        + "such as 2.3, optionally after Paragraph, Para or §), then optionally the type in parentheses "
        + "(general, technical, editorial, or ge, te, ed)"

    static func parseHeading(_ line: String, line number: Int, fileName: String) throws -> (Anchor, CommentType) {
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
}
