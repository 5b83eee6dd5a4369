import DraftFlow

/// The UTF-8 bytes of an HTML export, written piece by piece: text is escaped a run of bytes at a
/// time rather than a character at a time, and nothing is built only to be joined.
struct HTMLOutput {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Markup, written as it is.
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Several pieces of markup, written as they are.
    mutating func raw(_ first: String, _ second: String, _ rest: String...) {
        bytes.append(contentsOf: first.utf8)
        bytes.append(contentsOf: second.utf8)
        for text in rest { bytes.append(contentsOf: text.utf8) }
    }

    /// A number in decimal.
    mutating func number(_ value: Int) {
        raw(String(value))
    }

    /// Text escaped for element content and attribute values (`HTMLEscaping.escape`).
    mutating func escaped(_ text: String) {
        HTMLEscaping.append(text, to: &bytes)
    }

    /// Text escaped, its line breaks (LF, CRLF, CR) written as `<br>` (`HTMLEscaping.escapeMultiline`).
    mutating func escapedMultiline(_ text: String) {
        HTMLEscaping.append(text, lineBreaks: true, to: &bytes)
    }

    /// Markdown inline text as HTML (`ExportSupport.inlineHTML`). Text without `*` or a backslash has
    /// no markup and is only escaped; other text goes through the character-level reader.
    mutating func inline(_ text: String) {
        if text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "\\") }) {
            raw(ExportSupport.markedInlineHTML(text))
        } else {
            escaped(text)
        }
    }
}
