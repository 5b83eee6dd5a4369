/// The paragraph references delegates write, read into the ids of the shared contract.
///
/// An id is a paragraph or section number without a trailing dot (`4.2.2.3`, `1`), then its
/// sub-item labels, each as `x)` after a space (`3.3 b) 4)`), then optionally a bullet's position
/// (`2.1.1 •2`) or an unnumbered paragraph's position (`4.2.2.3 ¶1`); `¶1` alone is an unnumbered
/// paragraph before the first numbered one.
///
/// What is read as one reference:
/// - full-width forms (`４．２．２．３`, `（ｂ）`), Arabic-Indic digits and the Arabic decimal
///   separator `٫` become ASCII; tabs and no-break spaces count as spaces;
/// - an optional word for "paragraph" before it: `paragraph`, `para`, `para.`, `par.`, `§`,
///   `section`, `clause`, `paragraphe`, `párrafo`, `apartado`, `sección`, `пункт`, `п.`,
///   `раздел`, `الفقرة`, `فقرة`, `القسم`, or Chinese `第` (case-insensitive);
/// - the number: `4.2.2.3` or `4.2.2.3.` (each part 1 to 9 digits);
/// - sub-item labels in any of the forms `b)`, `(b)`, with or without spaces: `3.3 b) 4)`,
///   `3.3(b)(4)`, `3.3 (b) (4)`, `3.3 b)4)`. A label is one letter, a roman numeral (up to 7 of
///   `ivxlcdm`) or 1 to 3 digits, kept in the case it is written in;
/// - a bullet `•2` or `• 2`, or an unnumbered paragraph `¶1`, after the number and labels;
/// - optionally Chinese `段`, `段落`, `节`, `条`, `款` or `项` after it (`第4.2.2.2段`).
/// `¶` followed by a whole number (`¶3`, `¶ 3`) is the positional id `¶3`; before a dotted number
/// (`¶ 2.3`) it is a word for "paragraph".
public enum ParagraphReference {
    /// The canonical id that `written` means, or nil when it is not exactly one reference.
    ///
    /// `canonical("para. 3.3(b)(4)") == "3.3 b) 4)"`, `canonical("第４．２．２．２段") == "4.2.2.2"`,
    /// `canonical("2.1.1 • 2") == "2.1.1 •2"`, `canonical("4.2.2.3.") == "4.2.2.3"`.
    public static func canonical(_ written: String) -> String? {
        var scanner = ReferenceScanner(written)
        scanner.skipSpaces()
        guard let id = scanner.reference() else { return nil }
        scanner.skipSpaces()
        return scanner.atEnd ? id : nil
    }

    /// The proposed text without a leading reference to `anchor`: `4.2.2.3\tText` or
    /// `4.2.2.3 Text` for anchor `4.2.2.3` gives `Text`; for a sub-item anchor `3.3 b) 4)`, a
    /// leading `3.3 b) 4)`, `b) 4)` or `4)` is removed the same way. The spaces and tabs after the
    /// reference go with it; everything else is kept as written. Text that does not start with
    /// such a reference followed by a space or tab, and proposals for an insertion point
    /// (`after …`), come back unchanged.
    public static func proposedBody(_ proposal: String, anchor: String) -> String {
        guard !anchor.hasPrefix("after "), let anchorScan = ReferenceScanner.parts(of: anchor) else { return proposal }
        var scanner = ReferenceScanner(proposal, limit: 80)
        let start = scanner.position
        var matched = false
        if let id = scanner.reference(), id == anchor {
            matched = true
        } else {
            scanner.position = start
            let labels = scanner.labels()
            matched = !labels.isEmpty && labels.count <= anchorScan.labels.count && anchorScan.bullet == nil
                && Array(anchorScan.labels.suffix(labels.count)) == labels
        }
        guard matched, scanner.position < scanner.scalars.count,
              scanner.scalars[scanner.position] == " " || scanner.scalars[scanner.position] == "\t" else { return proposal }
        // The body is the rest of the text: sliced, not put together again a scalar at a time.
        let scalars = proposal.unicodeScalars
        var index = scalars.index(scalars.startIndex, offsetBy: scanner.position)
        while index < scalars.endIndex, scalars[index].properties.isWhitespace { index = scalars.index(after: index) }
        return index == scalars.endIndex ? proposal : String(scalars[index...])
    }

    /// One scalar of `text` in the form references are read in (same number of scalars):
    /// full-width ASCII forms, Arabic-Indic digits and `٫` to ASCII, `【】` to `[]`, and tabs,
    /// ideographic and no-break spaces to a space.
    static func normalizedScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x0660...0x0669: return Unicode.Scalar(scalar.value - 0x0660 + 0x30) ?? scalar
        case 0x06F0...0x06F9: return Unicode.Scalar(scalar.value - 0x06F0 + 0x30) ?? scalar
        case 0x066B: return "."
        case 0x3010: return "["
        case 0x3011: return "]"
        case 0x09, 0xA0, 0x3000, 0x2007, 0x2009, 0x200A, 0x202F: return " "
        default: return scalar
        }
    }

    /// `text` with every scalar normalised as `normalizedScalar` does.
    static func normalized(_ text: some StringProtocol) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.unicodeScalars.map(normalizedScalar))
        return String(view)
    }
}

/// Reads references and words from normalised scalars, one position at a time; a failed read
/// leaves the position where it was. Matching is case-insensitive against a lower-cased copy made
/// once, so reading allocates nothing per word.
struct ReferenceScanner {
    let scalars: [Unicode.Scalar]
    /// `scalars`, each lower-cased when its lower case is one scalar.
    private let lowered: [Unicode.Scalar]
    var position = 0

    /// Reads `text` normalised as references are (full-width forms to ASCII…), or as it is; at
    /// most its first `limit` scalars.
    init(_ text: some StringProtocol, normalizing: Bool = true, limit: Int = .max) {
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalars.count == limit { break }
            scalars.append(normalizing ? ParagraphReference.normalizedScalar(scalar) : scalar)
        }
        self.scalars = scalars
        lowered = scalars.map(Self.lowercased)
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }
        guard scalar.properties.changesWhenLowercased else { return scalar }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first ?? scalar : scalar
    }

    var atEnd: Bool { position >= scalars.count }
    var next: Unicode.Scalar? { atEnd ? nil : scalars[position] }
    var rest: String { String(String.UnicodeScalarView(scalars[min(position, scalars.count)...])) }

    /// The number, labels and bullet of an id the scanner wrote.
    static func parts(of id: String) -> (number: String, labels: [String], bullet: String?)? {
        var scanner = ReferenceScanner(id)
        guard let number = scanner.number() else { return nil }
        let labels = scanner.labels()
        scanner.skipSpaces()
        return (number, labels, scanner.atEnd ? nil : scanner.rest)
    }

    mutating func skipSpaces() {
        while let scalar = next, scalar == " " || scalar.properties.isWhitespace { position += 1 }
    }

    /// Skips one lower-case literal (no word boundary needed after it), case-insensitively.
    mutating func skip(_ literal: String) -> Bool {
        var index = position
        for wanted in literal.unicodeScalars {
            guard index < lowered.count, lowered[index] == wanted else { return false }
            index += 1
        }
        position = index
        return true
    }

    /// Skips the first of `phrases` found here (longest first); words of a phrase may be separated
    /// by any spaces; a phrase ending in a letter must not be followed by a letter.
    mutating func skipPhrase(_ phrases: Phrases) -> String? {
        guard position < lowered.count, let candidates = phrases.byFirstScalar[lowered[position]] else { return nil }
        for phrase in candidates {
            let start = position
            var matched = true
            for (index, word) in phrase.words.enumerated() {
                if index > 0 {
                    let before = position
                    skipSpaces()
                    if position == before && !Self.isWordJoiner(word.first) { matched = false; break }
                }
                var at = position
                for wanted in word {
                    guard at < lowered.count, lowered[at] == wanted else { matched = false; break }
                    at += 1
                }
                if !matched { break }
                position = at
            }
            if matched, phrase.endsInLetter, let following = next, following.properties.isAlphabetic {
                matched = false
            }
            if matched { return phrase.text }
            position = start
        }
        return nil
    }

    private static func isWordJoiner(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return isCJK(scalar) || !scalar.properties.isAlphabetic
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x3000...0x9FFF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
    }

    /// An optional word for "paragraph", one id, an optional Chinese suffix.
    mutating func reference() -> String? {
        let start = position
        if skip("¶") {
            skipSpaces()
            if let digits = digits(max: 9), next != "." {
                return "¶" + digits
            }
            position = start + 1
            skipSpaces()
        } else if skip("§") || skip("第") {
            skipSpaces()
        } else if skipPhrase(CommentVocabulary.paragraphWords) != nil {
            skipSpaces()
        }
        guard let id = id() else {
            position = start
            return nil
        }
        let beforeSuffix = position
        skipSpaces()
        if skipPhrase(CommentVocabulary.chineseParagraphSuffixes) == nil { position = beforeSuffix }
        return id
    }

    /// A number, its labels and an optional bullet or unnumbered position: the canonical id.
    mutating func id() -> String? {
        guard let number = number() else { return nil }
        var id = number
        for label in labels() { id += " " + label }
        let beforeMark = position
        skipSpaces()
        for mark in ["•", "¶"] where skip(mark) {
            skipSpaces()
            if let digits = digits(max: 3) { return id + " " + mark + digits }
        }
        position = beforeMark
        return id
    }

    /// `4.2.2.3` or `4.2.2.3.`, without the trailing dot.
    mutating func number() -> String? {
        let start = position
        var number = ""
        while true {
            guard let part = digits(max: 9) else {
                position = start
                return nil
            }
            number += part
            guard next == "." else { break }
            position += 1
            if let following = next, ("0"..."9").contains(following) {
                number += "."
                continue
            }
            break
        }
        return number
    }

    /// Sub-item labels, each `x)`, `(x)` or `x.`, spaces allowed before each; as `x)`.
    mutating func labels() -> [String] {
        var labels: [String] = []
        while true {
            let start = position
            skipSpaces()
            let opened = skip("(")
            guard let label = label() else {
                position = start
                break
            }
            // `b.` is a label too, where a space, a parenthesis or the end follows its dot.
            let dotted = !opened && next == "." && (position + 1 >= scalars.count || scalars[position + 1] == " " || scalars[position + 1] == "(")
            guard skip(")") || (dotted && skip(".")) else {
                position = start
                break
            }
            labels.append(label + ")")
        }
        return labels
    }

    /// One letter, a roman numeral or 1 to 3 digits.
    private mutating func label() -> String? {
        var end = position
        while end < scalars.count, end - position < 8, scalars[end].isASCII,
              scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) { end += 1 }
        let text = String(String.UnicodeScalarView(scalars[position..<end]))
        let isDigits = !text.isEmpty && text.count <= 3 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        let isLetter = text.count == 1 && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
        let isRoman = !text.isEmpty && text.count <= 7 && (text.allSatisfy { "ivxlcdm".contains($0) } || text.allSatisfy { "IVXLCDM".contains($0) })
        guard isDigits || isLetter || isRoman else { return nil }
        position = end
        return text
    }

    /// ASCII digits, 1 to `max` of them.
    mutating func digits(max: Int) -> String? {
        var end = position
        while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
        guard end > position, end - position <= max else { return nil }
        defer { position = end }
        return String(String.UnicodeScalarView(scalars[position..<end]))
    }
}

/// Lower-case phrases, tried longest first (so `paragraphe` before `paragraph`, `пп.` before `п.`).
struct Phrases: ExpressibleByArrayLiteral, Sendable {
    struct Entry: Sendable {
        let text: String
        /// The words' scalars.
        let words: [[Unicode.Scalar]]
        /// Whether the phrase ends in a letter of a script written with spaces (a word boundary is needed after it).
        let endsInLetter: Bool
    }

    /// The phrases by their first scalar, each list longest first.
    let byFirstScalar: [Unicode.Scalar: [Entry]]

    init(_ phrases: [String]) {
        let entries = phrases.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }.map { phrase in
            let last = phrase.unicodeScalars.last
            return Entry(text: phrase, words: phrase.split(separator: " ").map { Array($0.unicodeScalars) },
                         endsInLetter: last.map { $0.properties.isAlphabetic && !ReferenceScanner.isCJK($0) } ?? false)
        }
        byFirstScalar = Dictionary(grouping: entries.filter { $0.words.first?.first != nil }) { $0.words[0][0] }
    }

    init(arrayLiteral phrases: String...) {
        self.init(phrases)
    }
}
