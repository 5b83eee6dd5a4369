import DraftFlow
import Foundation

/// Helpers shared by the export renderers (disposition table, final text packet).
enum ExportSupport {

    /// The `dir` attribute value for a text: "rtl" when its first strong character is right-to-left
    /// (Arabic, Hebrew, Syriac, Thaana, N'Ko), else "auto". Browsers honour `auto` themselves; PDF
    /// engines such as WeasyPrint do not, so right-to-left text is marked explicitly.
    static func direction(_ text: String) -> String {
        firstStrongDirection(text) ?? "auto"
    }

    /// "rtl" or "auto" from the first strong character of `text`, nil when it has none (so that the
    /// direction of several pieces of text can be found without joining them).
    static func firstStrongDirection(_ text: String) -> String? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // In ASCII only the Latin letters are alphabetic.
                let folded = value | 0x20
                if folded >= 0x61 && folded <= 0x7A { return "auto" }
                continue
            }
            if isRightToLeft(value) { return "rtl" }
            if scalar.properties.isAlphabetic { return "auto" }
        }
        return nil
    }

    private static func isRightToLeft(_ value: UInt32) -> Bool {
        switch value {
        case 0x0590...0x08FF,  // Hebrew, Arabic, Syriac, Arabic Supplement, Thaana, N'Ko, Samaritan, Mandaic, Arabic Extended
             0xFB1D...0xFDFF,  // Hebrew and Arabic presentation forms A
             0xFE70...0xFEFF,  // Arabic presentation forms B
             0x10800...0x10FFF, 0x1E800...0x1EFFF:
            return true
        default:
            return false
        }
    }

    /// A CSS string literal: quotes, backslashes, `<` and control characters escaped, so the text can
    /// sit inside a `<style>` element without ending it.
    static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&":
                result += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += " "
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A Markdown heading marker shifted down by `levels` (capped at 6): "## Title" → "#### Title".
    static func demoteHeading(_ text: String, by levels: Int) -> String {
        let (marker, rest) = InlineMarkup.splitHeadingMarker(text)
        let level = marker.prefix(while: { $0 == "#" }).count
        guard level > 0 else { return text }
        return String(repeating: "#", count: min(level + levels, 6)) + " " + rest
    }

    // MARK: - Markdown inline → HTML

    /// Markdown inline text as HTML: `**strong**`, `*emphasis*`, backslash escapes; everything else
    /// escaped. Line breaks stay soft (a newline).
    static func inlineHTML(_ text: String) -> String {
        var out = HTMLOutput()
        out.inline(text)
        return out.string
    }

    /// `inlineHTML` one character at a time, for text that holds a `*` or a backslash.
    static func markedInlineHTML(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let first = rest.first {
            if first == "\\", let next = rest.dropFirst().first, next.isASCII, next.isPunctuation || next.isSymbol {
                out += HTMLEscaping.escape(String(next))
                rest = rest.dropFirst(2)
                continue
            }
            if rest.hasPrefix("**"), let (inner, after) = delimited(rest.dropFirst(2), by: "**") {
                out += "<strong>" + markedInlineHTML(String(inner)) + "</strong>"
                rest = after
                continue
            }
            if first == "*", !rest.hasPrefix("**"), let (inner, after) = delimited(rest.dropFirst(), by: "*") {
                out += "<em>" + markedInlineHTML(String(inner)) + "</em>"
                rest = after
                continue
            }
            out += HTMLEscaping.escape(String(first))
            rest = rest.dropFirst()
        }
        return out
    }

    /// The text up to the closing `delimiter` and what follows it, when the enclosed text is not empty
    /// and does not start or end with whitespace.
    static func delimited(_ text: Substring, by delimiter: String) -> (Substring, Substring)? {
        guard let close = text.range(of: delimiter) else { return nil }
        let inner = text[..<close.lowerBound]
        guard let first = inner.first, let last = inner.last, !first.isWhitespace, !last.isWhitespace else { return nil }
        if delimiter == "*", inner.hasPrefix("*") { return nil }
        return (inner, text[close.upperBound...])
    }
}
