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

    /// Whether the UTF-8 bytes `utf8` hold a scalar from U+007F up that `isUnsafe` names: what
    /// `text.unicodeScalars.contains { isUnsafe($0) && $0.value >= 0x7F }` says of valid UTF-8,
    /// found on the bytes without decoding them (a merge's JSON at 772 members is 47 MB), eight
    /// at a time while they are all below U+007F.
    public static func containsUnsafeFromDelete(utf8 bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            // No byte of the word is 0x7F or more: none has its high bit, and none gets it by
            // adding one (0x7E + 1 is 0x7F; a byte below 0x80 plus one carries into no other).
            while index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if (word | (word &+ 0x0101_0101_0101_0101)) & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            index += 1
            if byte < 0x7F { continue }
            let next = index < count ? bytes[index] : 0
            let third = index + 1 < count ? bytes[index + 1] : 0
            switch byte {
            case 0x7F: return true
            case 0xC2 where (0x80...0x9F).contains(next): return true                      // U+0080...U+009F
            case 0xD8 where next == 0x9C: return true                                       // U+061C
            case 0xE2 where next == 0x80 && (third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third)):
                return true                                                                 // U+200E, U+200F, U+2028...U+202E
            case 0xE2 where next == 0x81 && (0xA6...0xA9).contains(third): return true    // U+2066...U+2069
            case 0xEF where next == 0xBB && third == 0xBF: return true                    // U+FEFF
            default: continue
            }
        }
        return false
    }
}
