import Foundation

/// How a block opens: a number, a sub-item label, a bullet, or nothing. Read from the first bytes
/// of the block, never with a regular expression (a draft of 1,000 paragraphs is parsed often).
enum Marker: Equatable {
    case none
    /// `2.3` (without a trailing dot).
    case number(String)
    /// A sub-item: `printed` as written (`(b)`, `b)`, `b.`), `name` its letters or digits (`b`).
    case label(printed: String, name: String)
    case bullet

    var printed: String? {
        switch self {
        case .number(let number): return number
        case .label(let printed, _): return printed
        case .none, .bullet: return nil
        }
    }

    var role: DraftDocument.Role {
        switch self {
        case .number: return .numbered
        case .label: return .subItem
        case .bullet: return .bullet
        case .none: return .unnumbered
        }
    }
}

extension DraftDocument {
    /// The kind and leading number of one block's text. `number` is nil for sub-items and bullets
    /// (see `Block.number` for the label).
    public static func classify(_ text: String) -> (kind: BlockKind, number: String?) {
        let (kind, marker) = marker(of: text)
        if case .number(let number) = marker { return (kind, number) }
        return (kind, nil)
    }

    /// The kind and marker of one block's text.
    static func marker(of text: String) -> (kind: BlockKind, marker: Marker) {
        var text = text
        return text.withUTF8 { marker(of: UnsafeBufferPointer(rebasing: $0.prefix(64))) }
    }

    static func marker(of bytes: UnsafeBufferPointer<UInt8>) -> (kind: BlockKind, marker: Marker) {
        var i = 0
        while i < bytes.count && bytes[i] == 0x23 { i += 1 }
        let isHeading = i >= 1 && i <= 6 && (i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x09)
        if isHeading {
            let level = i
            while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            return (.heading(level: level), leadingNumber(bytes, from: i, bareIntegerAllowed: true).map(Marker.number) ?? .none)
        }
        if let number = leadingNumber(bytes, from: 0, bareIntegerAllowed: false) { return (.paragraph, .number(number)) }
        if let label = leadingLabel(bytes, from: 0) { return (.paragraph, label) }
        if bulletLength(bytes, at: 0) > 0 { return (.paragraph, .bullet) }
        return (.paragraph, .none)
    }

    /// Reads `2`, `2.`, `2.3`, `2.3.` followed by a space or tab. Each component has 1 to 3 digits,
    /// so a year opening a sentence ("2020 was…") is not taken for a number. A paragraph needs a dot
    /// ("1." or "2.3") to count as numbered; a heading may carry a bare "2".
    static func leadingNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, bareIntegerAllowed: Bool) -> String? {
        var i = start
        var numberEnd = start
        var sawDot = false
        while true {
            let digitsStart = i
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
            let digits = i - digitsStart
            if digits == 0 || digits > 3 { return nil }
            numberEnd = i
            if i < bytes.count && bytes[i] == 0x2E {  // "."
                sawDot = true
                i += 1
                if i < bytes.count && isDigit(bytes[i]) { continue }
            }
            break
        }
        guard i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 else { return nil }
        guard sawDot || bareIntegerAllowed else { return nil }
        return String(decoding: bytes[start..<numberEnd], as: UTF8.self)
    }

    /// Reads a sub-item label: `(x)` or `x)` followed by a space, a tab, the end or a non-ASCII
    /// character (`4)工作组`), or `x.` followed by a space or tab; `x` is 1 to 3 digits, one
    /// lowercase letter, or a lowercase roman numeral (`iv`).
    static func leadingLabel(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Marker? {
        var i = start
        let parenthesized = i < bytes.count && bytes[i] == 0x28  // "("
        if parenthesized { i += 1 }
        let nameStart = i
        while i < bytes.count && i - nameStart <= 6 && (isDigit(bytes[i]) || isLowercase(bytes[i])) { i += 1 }
        let name = nameStart..<i
        guard i < bytes.count, isLabelName(bytes, name) else { return nil }
        let close = bytes[i]
        let after = i + 1 < bytes.count ? bytes[i + 1] : 0x20
        if close == 0x29 {  // ")"
            guard after == 0x20 || after == 0x09 || after >= 0x80 else { return nil }
        } else if close == 0x2E && !parenthesized {  // "."
            guard after == 0x20 || after == 0x09, !isDigit(bytes[nameStart]) else { return nil }
        } else {
            return nil
        }
        return .label(printed: String(decoding: bytes[start...i], as: UTF8.self),
                      name: String(decoding: bytes[name], as: UTF8.self))
    }

    /// The length in bytes of a bullet (`•`, `–`, `-`, `*`, `·`) and the space or tab after it at
    /// `start`, or 0.
    static func bulletLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        guard start < bytes.count else { return 0 }
        var length = 0
        switch bytes[start] {
        case 0x2D, 0x2A: length = 1                                                     // - *
        case 0xE2 where start + 2 < bytes.count && bytes[start + 1] == 0x80
                        && (bytes[start + 2] == 0xA2 || bytes[start + 2] == 0x93): length = 3   // • –
        case 0xC2 where start + 1 < bytes.count && bytes[start + 1] == 0xB7: length = 2  // ·
        default: return 0
        }
        guard start + length < bytes.count, bytes[start + length] == 0x20 || bytes[start + length] == 0x09 else { return 0 }
        return length + 1
    }

    /// 1 to 3 digits, one lowercase letter, or a lowercase roman numeral.
    static func isLabelName(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        guard !name.isEmpty else { return false }
        if isDigit(bytes[name.lowerBound]) {
            return name.count <= 3 && name.allSatisfy { isDigit(bytes[$0]) }
        }
        guard name.allSatisfy({ isLowercase(bytes[$0]) }) else { return false }
        return name.count == 1 || RomanNumeral.value(String(decoding: bytes[name], as: UTF8.self)) != nil
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLowercase(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
}

/// Lowercase roman numerals as sub-item labels use them (`i` to `mmmcmxcix`).
enum RomanNumeral {
    /// The value of a well-formed lowercase numeral, or nil.
    static func value(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 12 else { return nil }
        var total = 0
        var previous = 0
        for character in text.reversed() {
            let digit: Int
            switch character {
            case "i": digit = 1
            case "v": digit = 5
            case "x": digit = 10
            case "l": digit = 50
            case "c": digit = 100
            case "d": digit = 500
            case "m": digit = 1000
            default: return nil
            }
            if digit < previous { total -= digit } else { total += digit; previous = digit }
        }
        return total > 0 && total < 4000 && numeral(total) == text ? total : nil
    }

    /// The canonical lowercase numeral of 1…3999.
    static func numeral(_ value: Int) -> String {
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = value
        var out = ""
        for (amount, symbol) in table {
            while rest >= amount { out += symbol; rest -= amount }
        }
        return out
    }
}
