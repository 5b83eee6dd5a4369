/// The one way DraftFlow writes text into HTML: `&`, `<`, `>`, `"` and `'` become entities, so the
/// text is safe in element content and in quoted attribute values.
///
/// It works on UTF-8 bytes, not on `Character`s: a `<` followed by a combining mark is one
/// `Character` ("<\u{301}") that is not equal to "<", and a character-by-character escaper lets it
/// through. Every byte that needs work is ASCII, so runs of other bytes are copied as they are.
public enum HTMLEscaping {

    /// `text` escaped for HTML.
    public static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` escaped for HTML, its line breaks (LF, CRLF, CR) each written as one `<br>`.
    public static func escapeMultiline(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, lineBreaks: true, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `text`, escaped, to `bytes`; with `lineBreaks`, each LF, CRLF and
    /// CR is written as `<br>`.
    public static func append(_ text: String, lineBreaks: Bool = false, to bytes: inout [UInt8]) {
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
                case UInt8(ascii: "\n") where lineBreaks: replacement = "<br>"
                case UInt8(ascii: "\r") where lineBreaks:
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
