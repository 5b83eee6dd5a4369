/// Text that reaches a terminal or a log: characters that could move the cursor, colour the
/// screen, reorder the line or split it are shown as `\u{…}` escapes.
///
/// One rule for every message, table and listing the command line prints, and for what a name
/// may hold: C0 controls (except where a caller keeps newlines and tabs), DEL, C1 controls, the
/// line and paragraph separators, and the bidirectional formatting characters.
public enum TerminalText {
    /// Whether `scalar` must never appear raw in a terminal or in a name.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        case 0x2028, 0x2029: return true                       // line and paragraph separators
        case 0x061C, 0x200E, 0x200F: return true               // Arabic letter mark, LRM, RLM
        case 0x202A...0x202E, 0x2066...0x2069: return true     // embeddings, overrides, isolates
        case 0xFEFF: return true                               // byte order mark / zero-width no-break space
        default: return false
        }
    }

    /// The first unsafe character of `text`, if any.
    public static func firstUnsafe(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isUnsafe)
    }

    /// `text` with every unsafe character replaced by `\u{XXXX}`. With `keepingLines`, newlines and
    /// tabs stay as they are (multi-line messages, tables).
    public static func escaped(_ text: String, keepingLines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && !(keepingLines && (scalar == "\n" || scalar == "\t")) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
