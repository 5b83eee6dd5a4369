import Foundation

/// Small helpers shared by the Markdown and HTML renderers.
package enum InlineMarkup {

    /// Splits a fragment into leading whitespace, core and trailing whitespace, so emphasis markers
    /// can hug the words (`**word** ` rather than `**word **`, which Markdown does not render).
    static func splitWhitespace(_ text: String) -> (lead: String, core: String, trail: String) {
        var start = text.startIndex
        while start < text.endIndex && text[start].isWhitespace { start = text.index(after: start) }
        var end = text.endIndex
        while end > start {
            let before = text.index(before: end)
            guard text[before].isWhitespace else { break }
            end = before
        }
        return (String(text[..<start]), String(text[start..<end]), String(text[end...]))
    }

    /// `text` wrapped in a Markdown marker, whitespace kept outside; "" stays "".
    ///
    /// A text whose first and last bytes are ASCII but not whitespace (most redline segments) is
    /// wrapped as it is, without splitting it into characters: its first character starts with
    /// that byte, and its last one ends with the other, which only a prepended mark (the Arabic
    /// number sign) can join, so neither is whitespace. `markdownWrapBySplitting` is the general code.
    package static func markdownWrap(_ text: String, _ marker: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, isVisibleASCII(first), isVisibleASCII(last) {
            return marker + text + marker
        }
        return markdownWrapBySplitting(text, marker)
    }

    /// `markdownWrap` from `splitWhitespace` (what tests compare it with).
    static func markdownWrapBySplitting(_ text: String, _ marker: String) -> String {
        let (lead, core, trail) = splitWhitespace(text)
        return core.isEmpty ? text : lead + marker + core + marker + trail
    }

    /// An ASCII byte that is not whitespace (nor a control character).
    @inline(__always)
    private static func isVisibleASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// The heading marker of a block text ("## ") and the rest.
    package static func splitHeadingMarker(_ text: String) -> (marker: String, rest: String) {
        var index = text.startIndex
        while index < text.endIndex && text[index] == "#" { index = text.index(after: index) }
        guard index != text.startIndex else { return ("", text) }
        while index < text.endIndex && (text[index] == " " || text[index] == "\t") { index = text.index(after: index) }
        return (String(text[..<index]), String(text[index...]))
    }

    /// The opening and closing tags for a block of this kind, with `dir="auto"` for right-to-left text.
    static func htmlTags(_ kind: DraftDocument.BlockKind, classes: String? = nil) -> (open: String, close: String) {
        let classAttribute = classes.map { " class=\"\($0)\"" } ?? ""
        switch kind {
        case .heading(let level):
            let tag = "h\(min(max(level, 1), 6))"
            return ("<\(tag) dir=\"auto\"\(classAttribute)>", "</\(tag)>")
        case .paragraph:
            return ("<p dir=\"auto\"\(classAttribute)>", "</p>")
        }
    }
}
