import Foundation

/// What Word changes in a text on its own, and how a copy's text is compared with the version's
/// in spite of it: quotes made curly, non-breaking spaces and hyphens, soft line breaks, spaces
/// doubled, lines wrapped differently, Markdown emphasis marks that Word shows as italics.
enum WordText {
    /// One word, one CJK character, one punctuation mark or one run of spaces.
    struct Token: Sendable {
        /// As written.
        var raw: String
        /// What it is compared by: quotes straight, every run of spaces " ".
        var key: String
        var isSpace: Bool
        /// A Markdown emphasis mark of the version (`*`, `_`, `` ` ``), which Word never carries.
        var isMarkup: Bool { key == "*" || key == "_" || key == "`" }
    }

    static func isSpace(_ character: Character) -> Bool {
        character.isWhitespace || character == "\u{00A0}" || character == "\u{202F}" || character == "\u{2007}"
    }

    /// The scalar compared in place of `scalar`.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: return "\""
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: return "'"
        case 0x2011: return "-"
        default: return scalar
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x2E80...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFF00...0xFFEF).contains(value) || (0x20000...0x3FFFF).contains(value)
    }

    /// A letter, digit or combining mark of a script written with spaces between words.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default:
            if isCJK(scalar) { return false }
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                || properties.generalCategory == .spacingMark
        }
    }

    /// The tokens of `text`.
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            var end = scalars.index(after: index)
            if isSpace(scalar) {
                while end < scalars.endIndex, isSpace(scalars[end]) { end = scalars.index(after: end) }
                tokens.append(Token(raw: String(scalars[index..<end]), key: " ", isSpace: true))
            } else if isWordScalar(scalar) {
                while end < scalars.endIndex, isWordScalar(scalars[end]) { end = scalars.index(after: end) }
                let raw = String(scalars[index..<end])
                tokens.append(Token(raw: raw, key: raw, isSpace: false))
            } else {
                tokens.append(Token(raw: String(scalar), key: String(folded(scalar)), isSpace: false))
            }
            index = end
        }
        return tokens
    }

    /// What a paragraph is matched by: its text with quotes straight, non-breaking hyphens plain,
    /// emphasis marks left out and every run of spaces one space, as UTF-8 (compared byte for
    /// byte: thousands of paragraphs a copy are matched, so this works on scalars, not characters).
    static func key(_ text: String) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !key.isEmpty
                continue
            }
            let folded: Unicode.Scalar
            switch scalar.value {
            case 0x2A, 0x5F, 0x60: continue  // * _ `
            case 0xAD, 0x200B: continue      // soft hyphen, zero-width space
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: folded = "\""
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: folded = "'"
            case 0x2011: folded = "-"
            default: folded = scalar
            }
            if pendingSpace { key.append(0x20) }
            pendingSpace = false
            UTF8.encode(folded) { key.append($0) }
        }
        return key
    }

    /// `text` without spaces at either end (WordText's spaces, not Foundation's character sets:
    /// this runs on every paragraph of every copy).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x202F, 0x2007: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Which of Word's characters the version uses itself: those it does not are written as the
    /// version writes them in what a member adds (a curly quote Word typed becomes straight).
    struct Convention: Sendable {
        var curlyDoubleQuotes = true
        var curlySingleQuotes = true
        var nonBreakingSpaces = true
        var nonBreakingHyphens = true

        init(version: String?) {
            guard let version else { return }
            var seen = Set<UInt32>()
            for scalar in version.unicodeScalars where scalar.value >= 0xA0 { seen.insert(scalar.value) }
            curlyDoubleQuotes = seen.contains(0x201C) || seen.contains(0x201D)
            curlySingleQuotes = seen.contains(0x2018) || seen.contains(0x2019)
            nonBreakingSpaces = seen.contains(0xA0)
            nonBreakingHyphens = seen.contains(0x2011)
        }

        /// `text` as the version would write it: spaces (soft line breaks, tabs, doubled spaces)
        /// one space, and Word's characters the version does not use replaced.
        func cleaned(_ text: some StringProtocol) -> String {
            var out = String.UnicodeScalarView()
            var lastWasSpace = false
            for scalar in text.unicodeScalars {
                if WordText.isSpace(scalar), !(nonBreakingSpaces && scalar.value == 0xA0) {
                    if !lastWasSpace { out.append(" ") }
                    lastWasSpace = true
                    continue
                }
                lastWasSpace = false
                switch scalar.value {
                case 0x201C where !curlyDoubleQuotes, 0x201D where !curlyDoubleQuotes: out.append("\"")
                case 0x2018 where !curlySingleQuotes, 0x2019 where !curlySingleQuotes: out.append("'")
                case 0x2011 where !nonBreakingHyphens: out.append("-")
                case 0xAD, 0x200B: break
                default: out.append(scalar)
                }
            }
            return String(out)
        }
    }
}
