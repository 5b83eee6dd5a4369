import Foundation

/// What Word changes in a text on its own, and how a copy's text is compared with the version's
/// in spite of it: quotes made curly, non-breaking spaces and hyphens, soft line breaks, spaces
/// doubled, lines wrapped differently, Markdown emphasis marks that Word shows as italics.
enum WordText {
    /// One word, one CJK character, one punctuation mark or one run of spaces.
    struct Token: Sendable {
        /// As written.
        var raw: Substring
        /// What it is compared by: quotes straight, every run of spaces " ".
        var key: String
        var isSpace: Bool
        /// A Markdown emphasis mark of the version (`*`, `_`, `` ` ``), which Word never carries.
        var isMarkup: Bool { key == "*" || key == "_" || key == "`" }
    }

    static func isSpace(_ character: Character) -> Bool {
        character.isWhitespace || character == "\u{00A0}" || character == "\u{202F}" || character == "\u{2007}"
    }

    /// The character compared in place of `character`.
    static func folded(_ character: Character) -> Character {
        switch character {
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": return "\""
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}": return "'"
        case "\u{2011}": return "-"
        default: return character
        }
    }

    static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(scalar) || (0xAC00...0xD7AF).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
            || (0xFF00...0xFFEF).contains(scalar) || (0x20000...0x3FFFF).contains(scalar)
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        (character.isLetter || character.isNumber) && !isCJK(character)
    }

    /// The tokens of `text`.
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            var end = text.index(after: index)
            if isSpace(character) {
                while end < text.endIndex, isSpace(text[end]) { end = text.index(after: end) }
                tokens.append(Token(raw: text[index..<end], key: " ", isSpace: true))
            } else if isWordCharacter(character) {
                while end < text.endIndex, isWordCharacter(text[end]) { end = text.index(after: end) }
                tokens.append(Token(raw: text[index..<end], key: String(text[index..<end]), isSpace: false))
            } else {
                tokens.append(Token(raw: text[index..<end], key: String(folded(character)), isSpace: false))
            }
            index = end
        }
        return tokens
    }

    /// What a paragraph is matched by: its tokens' keys without emphasis marks, spaces collapsed.
    static func key(_ text: String) -> String {
        var key = ""
        for token in tokens(text) where !token.isMarkup {
            if token.isSpace {
                if !key.isEmpty, !key.hasSuffix(" ") { key += " " }
            } else {
                key += token.key
            }
        }
        if key.hasSuffix(" ") { key.removeLast() }
        return key
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
            curlyDoubleQuotes = version.contains("\u{201C}") || version.contains("\u{201D}")
            curlySingleQuotes = version.contains("\u{2018}") || version.contains("\u{2019}")
            nonBreakingSpaces = version.contains("\u{00A0}")
            nonBreakingHyphens = version.contains("\u{2011}")
        }

        /// `text` as the version would write it: spaces (soft line breaks, tabs, doubled spaces)
        /// one space, and Word's characters the version does not use replaced.
        func cleaned(_ text: some StringProtocol) -> String {
            var out = ""
            var lastWasSpace = false
            for character in text {
                if WordText.isSpace(character), !(nonBreakingSpaces && character == "\u{00A0}") {
                    if !lastWasSpace { out.append(" ") }
                    lastWasSpace = true
                    continue
                }
                lastWasSpace = false
                if !curlyDoubleQuotes, character == "\u{201C}" || character == "\u{201D}" {
                    out.append("\"")
                } else if !curlySingleQuotes, character == "\u{2018}" || character == "\u{2019}" {
                    out.append("'")
                } else if !nonBreakingHyphens, character == "\u{2011}" {
                    out.append("-")
                } else if character != "\u{00AD}", character != "\u{200B}" {
                    out.append(character)
                }
            }
            return out
        }
    }
}
