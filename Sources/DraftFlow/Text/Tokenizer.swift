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
    /// Works on the UTF-8 bytes. A character made of one scalar is classified from a table (or, for
    /// Han, kana and Hangul syllables, from its range) when the next scalar cannot join it into one
    /// grapheme cluster; any other character (combining marks, emoji sequences, Hangul jamo, rare
    /// scripts) is read as a whole `Character`. The result is the same as classifying every
    /// `Character` with `kind(of:)`.
    public static func tokenize(_ text: String) -> [Token] {
        var result: [Token] = []
        forEachToken(text) { bytes, range, kind in
            if result.isEmpty { result.reserveCapacity(bytes.count / 3 + 1) }
            result.append(Token(text: String(decoding: bytes[range], as: UTF8.self), kind: kind))
        }
        return result
    }

    /// The tokens of `text` as `tokenize` finds them, each given as its range of the text's UTF-8
    /// bytes (handed to `body` with them) and its kind, without making a string of it.
    static func forEachToken(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, TokenKind) -> Void) {
        let original = text
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var position = 0
            var tokenStart = 0
            var currentKind: TokenKind?
            while position < count {
                let byte = bytes[position]
                var kind: TokenKind?
                var next: Int
                if byte < 0x80 {
                    next = position + 1
                    if next == count || bytes[next] < 0x80 || !joinsPrevious(scalar(bytes, at: next).value) {
                        switch byte {
                        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: kind = .word
                        case 0x09...0x0D, 0x20: kind = .whitespace
                        default: kind = .punctuation
                        }
                    }
                } else {
                    let (value, length) = scalar(bytes, at: position)
                    next = position + length
                    if next == count || bytes[next] < 0x80 || !joinsPrevious(scalar(bytes, at: next).value) {
                        kind = singleKind(value)
                    }
                }
                if kind == nil {
                    // A character of several scalars, or one the table does not settle.
                    let utf8 = original.utf8
                    let index = utf8.index(utf8.startIndex, offsetBy: position)
                    kind = self.kind(of: original[index])
                    next = utf8.distance(from: utf8.startIndex, to: original.index(after: index))
                }
                let found = kind!
                if let current = currentKind {
                    let joinsRun = (found == .word || found == .whitespace) && found == current
                    if !joinsRun {
                        body(bytes, tokenStart..<position, current)
                        tokenStart = position
                        currentKind = found
                    }
                } else {
                    currentKind = found
                }
                position = next
                // The rest of a run of ASCII letters and digits, or of ASCII whitespace: each of its
                // bytes is a character of that kind on its own when the byte after it is ASCII too
                // (or the text ends), and it continues the run, so nothing is handed to `body`.
                if found == .word {
                    while position < count && isASCIIWordByte(bytes[position])
                            && (position + 1 == count || bytes[position + 1] < 0x80) {
                        position += 1
                    }
                } else if found == .whitespace {
                    while position < count && isASCIIWhitespaceByte(bytes[position])
                            && (position + 1 == count || bytes[position + 1] < 0x80) {
                        position += 1
                    }
                }
            }
            if let current = currentKind, tokenStart < count {
                body(bytes, tokenStart..<count, current)
            }
        }
    }

    /// An ASCII digit or letter (a `.word` character on its own).
    @inline(__always)
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    /// ASCII whitespace (a `.whitespace` character on its own).
    @inline(__always)
    private static func isASCIIWhitespaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The scalar starting at `offset` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
                | UInt32(bytes[offset + 3] & 0x3F), 4)
    }

    /// Scalars below this are classified by `table`.
    static let tableLimit: UInt32 = 0x3100
    private static let kindMask: UInt8 = 0x03
    /// The scalar is not known to be a character on its own (a mark, a format character, Hangul
    /// jamo, a prefix such as the Arabic number sign): read it as a `Character`.
    private static let slowFlag: UInt8 = 0x04
    /// The scalar may join the character before it (marks, joiners, Hangul vowels and finals,
    /// Thai and Lao spacing vowels).
    private static let joinsFlag: UInt8 = 0x08

    /// For every scalar below `tableLimit`: its kind as a character of its own, and the flags above.
    /// It is `computedTable()`, read from the runs kept in `tableRuns` (computing it took 5% of a
    /// `redline`, one Unicode property look-up after another for 12,544 scalars); a test checks that
    /// the two are the same with the standard library's Unicode data.
    static let table: [UInt8] = decodedTable()

    /// The table as computed from `kind(of:)` and the scalars' general categories.
    static func computedTable() -> [UInt8] {
        (0..<tableLimit).map { value -> UInt8 in
            guard let scalar = Unicode.Scalar(value) else { return slowFlag | joinsFlag }
            let kinds: [TokenKind] = [.word, .whitespace, .punctuation, .ideograph]
            var entry = UInt8(kinds.firstIndex(of: kind(of: Character(scalar)))!)
            let category = scalar.properties.generalCategory
            let mark = category == .nonspacingMark || category == .spacingMark || category == .enclosingMark || category == .format
            let hangulJamo = (0x1100...0x11FF).contains(value)
            let prepend: Set<UInt32> = [0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x0D4E]
            if mark || hangulJamo || prepend.contains(value) { entry |= slowFlag }
            if mark || (0x1160...0x11FF).contains(value) || value == 0x0E33 || value == 0x0EB3 { entry |= joinsFlag }
            return entry
        }
    }

    /// The kind of a scalar that is a character on its own, or nil when the table cannot tell.
    @inline(__always)
    private static func singleKind(_ value: UInt32) -> TokenKind? {
        if value < tableLimit {
            let entry = table[Int(value)]
            if entry & slowFlag != 0 { return nil }
            switch entry & kindMask {
            case 0: return .word
            case 1: return .whitespace
            case 2: return .punctuation
            default: return .ideograph
            }
        }
        if (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) {
            return .ideograph
        }
        return nil
    }

    /// Whether a scalar may belong to the same character as the one before it.
    @inline(__always)
    private static func joinsPrevious(_ value: UInt32) -> Bool {
        if value < tableLimit { return table[Int(value)] & joinsFlag != 0 }
        return !((0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value)
                 || (0xFF01...0xFF5E).contains(value))
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

extension Tokenizer {
    /// The index of the first token after a paragraph's leading number and the space or tab after
    /// it (`2.4 `, `4.2.2.3<TAB>`), or 0 when the tokens do not open with one.
    static func afterLeadingNumber(_ tokens: [Token]) -> Int {
        func isNumberPart(_ token: Token) -> Bool {
            token.text == "." || (token.kind == .word && token.text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) })
        }
        var index = 0
        while index < tokens.count, isNumberPart(tokens[index]) { index += 1 }
        guard index > 0, tokens[0].text != ".", index < tokens.count, tokens[index].kind == .whitespace else { return 0 }
        return index + 1
    }
}
