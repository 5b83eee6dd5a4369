import Foundation

/// Paragraph references as delegates write them, and the ids they mean.
extension DraftDocument {
    /// The canonical id a delegate's reference means, or nil when `reference` is not a paragraph
    /// reference ("General", "总体意见", a range such as "4.2.2.5-4.2.2.6"):
    /// `3.3(b)(4)`, `3.3 (b) (4)`, `3.3 b)4)`, `para. 3.3 b) 4)`, `§3.3 b) 4)` → `3.3 b) 4)`;
    /// `4.2.2.3.` → `4.2.2.3`; `第4.2.2.2段` → `4.2.2.2`; full-width `４．２`, `（ｂ）` → `4.2`, `b)`;
    /// `2.1.1 • 2` → `2.1.1 •2`; `after 4.2.2.6` → `after 4.2.2.6`. Whether the id exists is not checked.
    public static func canonical(reference: String) -> String? {
        var text = halfWidth(reference).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.lowercased().hasPrefix("after ") {
            return canonical(reference: String(text.dropFirst(6))).flatMap { $0.hasPrefix("after ") ? nil : "after " + $0 }
        }
        text = strippingParagraphWord(text)
        var scanner = ReferenceScanner(Array(text.unicodeScalars))
        return scanner.scan()
    }

    /// `DraftDocument.canonical(reference:)`.
    public func canonical(reference: String) -> String? {
        DraftDocument.canonical(reference: reference)
    }

    /// Full-width forms (U+FF01…U+FF5E) and the ideographic space as ASCII.
    static func halfWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0xFF01 && scalar.value <= 0xFF5E, let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(ascii)
            } else if scalar.value == 0x3000 {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Words for "paragraph" in the six UN languages, before the reference (longest first).
    static let paragraphWords = ["paragraphs", "paragraph", "paragraphe", "párrafo", "párr.", "para.", "paras", "para", "par.",
                                 "пункт", "п.", "الفقرة", "§"]

    /// The reference without a word for "paragraph" around it (`para. 3.3`, `第4.2段`, `§ 3.3`).
    static func strippingParagraphWord(_ text: String) -> String {
        var rest = Substring(text)
        let lowered = rest.lowercased()
        for word in paragraphWords where lowered.hasPrefix(word) {
            let after = rest.dropFirst(word.count)
            if word.hasSuffix(".") || word == "§" || after.first == " " || after.first.map({ $0.isNumber }) == true {
                rest = after.drop(while: { $0 == " " })
                break
            }
        }
        if rest.hasPrefix("第") {
            rest = rest.dropFirst()
            for suffix in ["段", "款", "条", "项", "点"] where rest.hasSuffix(suffix) {
                rest = rest.dropLast()
                break
            }
        }
        // "¶ 4.2" is paragraph 4.2; "¶3" is the id of the third unnumbered block at the top.
        if rest.hasPrefix("¶"), rest.dropFirst().drop(while: { $0 == " " }).contains(".") {
            rest = rest.dropFirst().drop(while: { $0 == " " })
        }
        return String(rest).trimmingCharacters(in: .whitespaces)
    }

    /// The ids of existing blocks nearest to `reference`, which names none: first the blocks under
    /// the same parent (nearest label or number first, the earlier one on a tie), then the
    /// nearest existing ancestor, then the blocks beside it in the document.
    public func nearestAnchors(to reference: String, count: Int = 3) -> [String] {
        guard count > 0, !blocks.isEmpty else { return [] }
        var id = DraftDocument.canonical(reference: reference) ?? reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if id.hasPrefix("after ") { id = String(id.dropFirst(6)) }
        let target = ReferencePath(id)
        var chosen: [String] = []
        var pivot: Int?
        func add(_ index: Int) {
            let anchor = blocks[index].anchor
            guard anchor != id, chosen.count < count, !chosen.contains(anchor) else { return }
            chosen.append(anchor)
            if pivot == nil { pivot = index }
        }

        let siblings = blocks.indices.compactMap { index -> (index: Int, path: ReferencePath)? in
            let path = ReferencePath(blocks[index].anchor)
            return path.parent == target.parent && path.family == target.family ? (index, path) : nil
        }
        let roman = target.isRoman || siblings.contains { $0.path.isRoman }
        let wanted = target.ordinal(roman: roman)
        let ranked = siblings.sorted { a, b in
            let (x, y) = (a.path.ordinal(roman: roman), b.path.ordinal(roman: roman))
            return (abs(x - wanted), x > wanted ? 1 : 0, a.index) < (abs(y - wanted), y > wanted ? 1 : 0, b.index)
        }
        for sibling in ranked { add(sibling.index) }

        var ancestor = target.parent
        while let current = ancestor {
            if let index = index(ofAnchor: current) {
                add(index)
                break
            }
            ancestor = ReferencePath(current).parent
        }

        let center = pivot ?? numericPredecessor(of: id) ?? 0
        var distance = 0
        while chosen.count < count && (center - distance >= 0 || center + distance < blocks.count) {
            if center + distance < blocks.count { add(center + distance) }
            if distance > 0 && center - distance >= 0 { add(center - distance) }
            distance += 1
        }
        return chosen
    }

    /// The index of the last block under the numbered block with the greatest number below
    /// `id`'s number (where a block numbered `id` would go).
    private func numericPredecessor(of id: String) -> Int? {
        let wanted = ReferencePath.components(id.prefix { $0 != " " })
        guard !wanted.isEmpty else { return nil }
        var best: (index: Int, components: [Int])?
        for block in blocks where block.role == .numbered && !block.isDuplicate {
            let components = ReferencePath.components(Substring(block.anchor))
            if components.lexicographicallyPrecedes(wanted), best.map({ $0.components.lexicographicallyPrecedes(components) }) ?? true {
                best = (block.index, components)
            }
        }
        guard var end = best?.index else { return nil }
        while end + 1 < blocks.count && (blocks[end + 1].role != .numbered || blocks[end + 1].isDuplicate) { end += 1 }
        return end
    }
}

/// An id split into its parent and its last component: `3.3 b) 4)` is `4)` under `3.3 b)`;
/// `4.2.2.7` is `7` under `4.2.2`.
struct ReferencePath {
    enum Family { case number, label, bullet, paragraph }

    var parent: String?
    var last: Substring
    var family: Family

    init(_ id: String) {
        if let space = id.lastIndex(of: " ") {
            parent = String(id[..<space])
            last = id[id.index(after: space)...]
        } else if let dot = id.lastIndex(of: "."), !id.hasSuffix(")") {
            parent = String(id[..<dot])
            last = id[id.index(after: dot)...]
        } else {
            parent = nil
            last = Substring(id)
        }
        if last.hasPrefix("•") { family = .bullet }
        else if last.hasPrefix("¶") { family = .paragraph }
        else if last.hasSuffix(")") { family = .label }
        else { family = .number }
    }

    /// Whether the last component is a roman numeral of more than one letter (`ii)`).
    var isRoman: Bool {
        family == .label && last.count > 2 && RomanNumeral.value(String(last.dropLast())) != nil
    }

    /// The position the last component names: 4 for `4)`, `•4`, `¶4`, `d)`, `iv)` (roman) or `4`.
    func ordinal(roman: Bool) -> Int {
        switch family {
        case .bullet, .paragraph: return Int(last.dropFirst()) ?? 0
        case .number: return Int(last) ?? 0
        case .label:
            let name = String(last.dropLast())
            if let number = Int(name) { return number }
            if roman, let value = RomanNumeral.value(name) { return value }
            if name.utf8.count == 1, let letter = name.utf8.first { return Int(letter) - 0x60 }
            return RomanNumeral.value(name) ?? 0
        }
    }

    /// `[4, 2, 2]` for `4.2.2`; empty when it is not a number.
    static func components(_ number: Substring) -> [Int] {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return [] }
        return parts.map { $0! }
    }
}

/// Reads a reference after its "paragraph" word: a number, then labels, then a bullet or `¶`.
private struct ReferenceScanner {
    let scalars: [Unicode.Scalar]
    var i = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func scan() -> String? {
        var parts: [String] = []
        var number = ""
        while i < scalars.count, Self.isDigit(scalars[i]) {
            let start = i
            while i < scalars.count, Self.isDigit(scalars[i]) { i += 1 }
            number += String(String.UnicodeScalarView(scalars[start..<i]))
            if i < scalars.count, scalars[i] == ".", i + 1 < scalars.count, Self.isDigit(scalars[i + 1]) {
                number += "."
                i += 1
            } else {
                if i < scalars.count, scalars[i] == "." { i += 1 }  // "4.2.2.3."
                break
            }
        }
        if !number.isEmpty { parts.append(number) }
        while true {
            skipSpaces()
            guard i < scalars.count else { break }
            if scalars[i] == "•" || scalars[i] == "¶" {
                let symbol = String(scalars[i])
                i += 1
                skipSpaces()
                let digits = readWhile(Self.isDigit)
                guard !digits.isEmpty else { return nil }
                parts.append(symbol + digits)
                continue
            }
            let open = scalars[i] == "("
            if open { i += 1 }
            let name = readWhile { Self.isDigit($0) || ($0.properties.isAlphabetic && $0.isASCII) }.lowercased()
            guard !name.isEmpty, Self.isLabel(name), i < scalars.count else { return nil }
            if scalars[i] == ")" {
                i += 1
            } else if !open, scalars[i] == ".", !Self.isDigit(name.unicodeScalars.first!) {
                i += 1
            } else {
                return nil
            }
            parts.append(name + ")")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private mutating func skipSpaces() {
        while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
    }

    private mutating func readWhile(_ accept: (Unicode.Scalar) -> Bool) -> String {
        let start = i
        while i < scalars.count, accept(scalars[i]) { i += 1 }
        return String(String.UnicodeScalarView(scalars[start..<i]))
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    private static func isLabel(_ name: String) -> Bool {
        if name.allSatisfy(\.isNumber) { return name.count <= 3 }
        return name.count == 1 || RomanNumeral.value(name) != nil
    }
}
