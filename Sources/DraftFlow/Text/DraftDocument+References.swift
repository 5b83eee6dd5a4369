import Foundation

/// Paragraph references as delegates write them, and the ids they mean.
extension DraftDocument {
    /// The canonical id a delegate's reference means, or nil when `reference` is not a paragraph
    /// reference ("General", "总体意见", a range such as "4.2.2.5-4.2.2.6"):
    /// `3.3(b)(4)`, `3.3 (b) (4)`, `3.3 b)4)`, `para. 3.3 b) 4)`, `§3.3 b) 4)` → `3.3 b) 4)`;
    /// `4.2.2.3.` → `4.2.2.3`; `第4.2.2.2段` → `4.2.2.2`; full-width `４．２`, `（ｂ）` → `4.2`, `b)`;
    /// `2.1.1 • 2` → `2.1.1 •2`; `after 4.2.2.6` → `after 4.2.2.6`. Whether the id exists is not checked.
    public static func canonical(reference: String) -> String? {
        let text = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.lowercased().hasPrefix("after ") {
            return canonical(reference: String(text.dropFirst(6))).flatMap { $0.hasPrefix("after ") ? nil : "after " + $0 }
        }
        // One reader of references: the comment parser's.
        return ParagraphReference.canonical(text)
    }

    /// `DraftDocument.canonical(reference:)`.
    public func canonical(reference: String) -> String? {
        DraftDocument.canonical(reference: reference)
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
