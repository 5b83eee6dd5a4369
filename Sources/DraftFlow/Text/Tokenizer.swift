import Foundation

/// Splits text into the tokens that word-level comparison works on.
///
/// Works on `Character`s (grapheme clusters), so a base letter is never separated from its
/// combining marks (French accents in decomposed form, Arabic harakat, Devanagari vowel signs).
/// Joining the tokens gives back the exact original string.
public enum Tokenizer {

    /// What a token is made of.
    public enum TokenKind: Sendable, Equatable, Hashable {
        /// A run of letters and digits of scripts written with spaces (Latin, Cyrillic, Arabic, Greek…).
        case word
        /// A run of whitespace, line breaks included.
        case whitespace
        /// One punctuation mark or symbol.
        case punctuation
        /// One Han, Hiragana, Katakana or Hangul character: these scripts are compared character by character.
        case ideograph
    }

    /// A token and its kind.
    public struct Token: Sendable, Equatable, Hashable {
        public var text: String
        public var kind: TokenKind
        public init(text: String, kind: TokenKind) {
            self.text = text
            self.kind = kind
        }
    }

    /// The token texts of `text`; `tokens(text).joined() == text`.
    public static func tokens(_ text: String) -> [String] {
        tokenize(text).map(\.text)
    }

    /// The tokens of `text` with their kinds.
    ///
    /// ASCII text is classified byte by byte; at any other character (or an ASCII character that a
    /// following byte may combine with) it falls back to whole characters.
    public static func tokenize(_ text: String) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(text.utf8.count / 3 + 1)
        let utf8 = text.utf8
        var index = text.startIndex
        var tokenStart = index
        var currentKind: TokenKind?
        while index < text.endIndex {
            let byte = utf8[index]
            let kind: TokenKind
            let next: String.Index
            let after = utf8.index(after: index)
            if byte < 0x80 && (after == text.endIndex || utf8[after] < 0x80) {
                switch byte {
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: kind = .word
                case 0x09...0x0D, 0x20: kind = .whitespace
                default: kind = .punctuation
                }
                next = after
            } else {
                kind = self.kind(of: text[index])
                next = text.index(after: index)
            }
            if let current = currentKind {
                let joinsRun = (kind == .word || kind == .whitespace) && kind == current
                if !joinsRun {
                    result.append(Token(text: String(text[tokenStart..<index]), kind: current))
                    tokenStart = index
                    currentKind = kind
                }
            } else {
                currentKind = kind
            }
            index = next
        }
        if let current = currentKind, tokenStart < text.endIndex {
            result.append(Token(text: String(text[tokenStart..<text.endIndex]), kind: current))
        }
        return result
    }

    /// The kind of token a single character belongs to.
    public static func kind(of character: Character) -> TokenKind {
        if let ascii = character.asciiValue {
            switch ascii {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            case 0x09...0x0D, 0x20: return .whitespace
            default: return .punctuation
            }
        }
        if character.isWhitespace { return .whitespace }
        guard let first = character.unicodeScalars.first else { return .punctuation }
        if isIdeographic(first.value) { return .ideograph }
        if character.isLetter || character.isNumber || first.properties.isAlphabetic { return .word }
        switch first.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .word  // a mark with no base (e.g. at the start of a string) stays with the word
        case .format:
            // Zero-width (non-)joiners and similar live inside words in Arabic-script and Indic text.
            return .word
        default:
            return .punctuation
        }
    }

    /// Han ideographs, kana and Hangul: scripts whose characters are compared one by one.
    static func isIdeographic(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x11FF,      // Hangul Jamo
             0x2E80...0x2FDF,      // CJK radicals, Kangxi radicals
             0x3005...0x3007,      // 々 〆 〇
             0x3040...0x30FF,      // Hiragana, Katakana
             0x3130...0x318F,      // Hangul compatibility Jamo
             0x31F0...0x31FF,      // Katakana phonetic extensions
             0x3400...0x4DBF,      // CJK extension A
             0x4E00...0x9FFF,      // CJK unified ideographs
             0xA960...0xA97F,      // Hangul Jamo extended A
             0xAC00...0xD7FF,      // Hangul syllables, Jamo extended B
             0xF900...0xFAFF,      // CJK compatibility ideographs
             0xFF66...0xFF9F,      // half-width Katakana
             0x20000...0x3FFFF:    // CJK extensions B and later
            return true
        default:
            return false
        }
    }
}
