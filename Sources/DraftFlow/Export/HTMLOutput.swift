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

    /// Text escaped for element content and attribute values (`ExportSupport.escape`).
    mutating func escaped(_ text: String) {
        write(text, breaks: false)
    }

    /// Text escaped, its line breaks (LF, CRLF, CR) written as `<br>` (`ExportSupport.escapeMultiline`).
    mutating func escapedMultiline(_ text: String) {
        write(text, breaks: true)
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

    private mutating func write(_ text: String, breaks: Bool) {
        var text = text
        text.withUTF8 { source in
            guard let base = source.baseAddress else { return }
            var start = 0
            var index = 0
            let count = source.count
            while index < count {
                let byte = base[index]
                // Every byte that needs work is ASCII below 0x3F; most bytes are not.
                if byte > 0x3E {
                    index += 1
                    continue
                }
                let replacement: StaticString
                var skip = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case UInt8(ascii: "\n") where breaks: replacement = "<br>"
                case UInt8(ascii: "\r") where breaks:
                    replacement = "<br>"
                    if index + 1 < count && base[index + 1] == UInt8(ascii: "\n") { skip = 2 }
                default:
                    index += 1
                    continue
                }
                if index > start {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
                }
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                index += skip
                start = index
            }
            if count > start {
                bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start))
            }
        }
    }
}
