import Foundation

/// Gives each block of a draft its id, in one pass over the blocks (the contract is in
/// `DraftDocument`'s documentation and in the README, "Documents and paragraph references").
///
/// It keeps the lists open under the last numbered block: a stack of letter (`a)`), number
/// (`1)`), roman (`i)`) and bullet lists, each with the item its items hang off. A label of a
/// kind already open closes the deeper lists; bullets never have children.
struct AnchorAssigner {
    /// What `assign` found for one block.
    struct Assigned {
        var anchor: String
        var parent: String?
        var level: Int
        var isDuplicate: Bool
    }

    /// A block that others may hang off.
    struct Item {
        var id: String?
        var level: Int
    }

    enum ListKind {
        case letter, number, roman, bullet
    }

    struct OpenList {
        var kind: ListKind
        /// The ordinal of the last label read (0 for bullets).
        var last: Int
        /// The item this list's items hang off.
        var parent: Item
        /// The last item of the list: what deeper lists and unnumbered text hang off.
        var current: Item
    }

    /// The last numbered block (or none yet: `¶1`, `¶2`… at the top).
    private var root = Item(id: nil, level: 0)
    private var lists: [OpenList] = []
    private var bulletCounts: [String: Int] = [:]
    private var paragraphCounts: [String: Int] = [:]

    mutating func assign(kind: DraftDocument.BlockKind, marker: Marker, taken: [String: Int]) -> Assigned {
        switch marker {
        case .number(let number):
            lists.removeAll(keepingCapacity: true)
            if taken[number] != nil { return unnumbered(under: root, duplicate: true) }
            let level = Self.depth(number)
            root = Item(id: number, level: level)
            return Assigned(anchor: number, parent: Self.numberedParent(of: number, taken: taken), level: level, isDuplicate: false)
        case .label(_, let name):
            return label(name, taken: taken)
        case .bullet:
            return bullet()
        case .none:
            if case .heading = kind { lists.removeAll(keepingCapacity: true) }
            return unnumbered(under: currentItem, duplicate: false)
        }
    }

    /// What new sub-lists and unnumbered text hang off: the last item of the innermost open list
    /// that is not a bullet list, else the last numbered block.
    private var currentItem: Item {
        lists.last(where: { $0.kind != .bullet })?.current ?? root
    }

    private mutating func unnumbered(under parent: Item, duplicate: Bool) -> Assigned {
        let key = parent.id ?? ""
        let position = (paragraphCounts[key] ?? 0) + 1
        paragraphCounts[key] = position
        return Assigned(anchor: Self.join(parent.id, "¶\(position)"), parent: parent.id, level: parent.level + 1, isDuplicate: duplicate)
    }

    private mutating func bullet() -> Assigned {
        let parent: Item
        if let open = lists.lastIndex(where: { $0.kind == .bullet }) {
            lists.removeSubrange((open + 1)...)
            parent = lists[open].parent
        } else {
            parent = currentItem
            lists.append(OpenList(kind: .bullet, last: 0, parent: parent, current: parent))
        }
        let key = parent.id ?? ""
        let position = (bulletCounts[key] ?? 0) + 1
        bulletCounts[key] = position
        return Assigned(anchor: Self.join(parent.id, "•\(position)"), parent: parent.id, level: parent.level + 1, isDuplicate: false)
    }

    private mutating func label(_ name: String, taken: [String: Int]) -> Assigned {
        let (kind, ordinal, existing) = choose(name)
        let parent: Item
        if let existing {
            lists.removeSubrange((existing + 1)...)
            parent = lists[existing].parent
        } else {
            parent = currentItem
        }
        let id = Self.join(parent.id, name + ")")
        var assigned = Assigned(anchor: id, parent: parent.id, level: parent.level + 1, isDuplicate: false)
        if taken[id] != nil { assigned = unnumbered(under: parent, duplicate: true) }
        let item = Item(id: assigned.anchor, level: assigned.level)
        if let existing {
            lists[existing].last = ordinal
            lists[existing].current = item
        } else {
            lists.append(OpenList(kind: kind, last: ordinal, parent: parent, current: item))
        }
        return assigned
    }

    /// Which list a label belongs to, in this order: the next label of the innermost list; the
    /// first label (`a`, `1`, `i`) of a kind not open, as a new list; the next label of an outer
    /// list (`i)` after `h)` three levels up); any open list of its kind; a new list. `i`, `v`,
    /// `x`, `l`, `c`, `d`, `m` may be letters or roman numerals: these rules decide.
    private func choose(_ name: String) -> (kind: ListKind, ordinal: Int, existing: Int?) {
        var candidates: [(kind: ListKind, ordinal: Int)] = []
        if let first = name.utf8.first, DraftDocument.isDigit(first) {
            candidates.append((.number, Int(name) ?? 0))
        } else {
            if name.utf8.count == 1, let letter = name.utf8.first { candidates.append((.letter, Int(letter) - 0x60)) }
            if let value = RomanNumeral.value(name) { candidates.append((.roman, value)) }
        }
        func open(_ kind: ListKind) -> Int? { lists.lastIndex { $0.kind == kind } }
        let innermost = lists.lastIndex { $0.kind != .bullet }
        for candidate in candidates {
            if let index = open(candidate.kind), index == innermost, lists[index].last + 1 == candidate.ordinal {
                return (candidate.kind, candidate.ordinal, index)
            }
        }
        for candidate in candidates where candidate.ordinal == 1 && open(candidate.kind) == nil {
            return (candidate.kind, candidate.ordinal, nil)
        }
        var best: (kind: ListKind, ordinal: Int, existing: Int?)?
        for candidate in candidates {
            if let index = open(candidate.kind), lists[index].last + 1 == candidate.ordinal, index > (best?.existing ?? -1) {
                best = (candidate.kind, candidate.ordinal, index)
            }
        }
        if let best { return best }
        for candidate in candidates {
            if let index = open(candidate.kind), index > (best?.existing ?? -1) { best = (candidate.kind, candidate.ordinal, index) }
        }
        if let best { return best }
        let fallback = candidates[0]
        return (fallback.kind, fallback.ordinal, nil)
    }

    static func join(_ parent: String?, _ suffix: String) -> String {
        guard let parent else { return suffix }
        return parent + " " + suffix
    }

    /// The count of components of a number: 3 for `2.1.1`.
    static func depth(_ number: String) -> Int {
        var count = 1
        for byte in number.utf8 where byte == 0x2E { count += 1 }
        return count
    }

    /// The nearest number `number` extends that an earlier block carries: `2.1` for `2.1.1`.
    static func numberedParent(of number: String, taken: [String: Int]) -> String? {
        var prefix = Substring(number)
        while let dot = prefix.lastIndex(of: ".") {
            prefix = prefix[..<dot]
            if taken[String(prefix)] != nil { return String(prefix) }
        }
        return nil
    }
}
