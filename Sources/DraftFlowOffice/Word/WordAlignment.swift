import DraftFlow
import Foundation

/// A member's Word copy written back in the version's terms: each paragraph of the copy is matched
/// with the version's paragraph it is a copy of, and what Word changed on its own is written as the
/// version has it, so that only the member's own changes differ.
///
/// - a paragraph equal to the version's but for curly quotes, spaces (non-breaking, doubled, a
///   soft line break, line wrapping), non-breaking hyphens or emphasis is the version's paragraph,
///   byte for byte;
/// - a changed paragraph keeps the version's heading mark and number (Word may number it itself,
///   `w:numPr`, or by a field) and the version's spelling of every word it did not change;
/// - a paragraph the version does not have is new, written as Word has it with spaces and
///   quotes as the version writes them.
struct WordAlignment {
    /// The edited copy's blocks, in DraftFlow's draft format.
    var blocks: [String] = []
    /// For each paragraph of the copy: the id of the version's paragraph it is a copy of, or
    /// `after X` for a new one; nil for an empty paragraph or a new one before any other.
    var anchors: [String?] = []

    init(copy: [WordAcceptedText.Paragraph], version prepared: WordVersion?) {
        let convention = prepared?.convention ?? WordText.Convention(version: nil)
        var texts: [String] = []
        var positions: [Int] = []
        for (index, paragraph) in copy.enumerated() {
            let text = WordText.trimmed(convention.cleaned(paragraph.text))
            guard !text.isEmpty else { continue }
            texts.append((paragraph.headingLevel.map { String(repeating: "#", count: $0) + " " } ?? "") + text)
            positions.append(index)
        }
        let document = DraftDocument(blockTexts: texts)
        anchors = Array(repeating: nil, count: copy.count)
        guard let prepared else {
            blocks = texts
            for (block, position) in zip(document.blocks, positions) { anchors[position] = block.anchor }
            return
        }
        let version = prepared.document
        let versionKeys = prepared.keys
        let copyKeys = document.blocks.map { WordText.key($0.body) }
        let pairs = Self.pairs(versionKeys, copyKeys)
        var last: String?
        for (offset, block) in document.blocks.enumerated() {
            if let match = pairs[offset] {
                let original = version.blocks[match]
                if versionKeys[match] == copyKeys[offset] {
                    blocks.append(original.text)
                } else {
                    let prefix = String(original.text.dropLast(original.body.count))
                    blocks.append(prefix + Self.merged(version: original.body, copy: block.body, convention: convention))
                }
                last = original.anchor
                anchors[positions[offset]] = original.anchor
            } else {
                blocks.append(block.text)
                anchors[positions[offset]] = last.map { "after " + $0 }
            }
        }
    }

    /// For each copy paragraph, the version paragraph it is a copy of: equal ones by a difference
    /// of the two lists, then, among the paragraphs between them, each with the one at its place
    /// when there are as many on both sides, else those alike (half their words shared) in order.
    static func pairs(_ version: [[UInt8]], _ copy: [[UInt8]]) -> [Int: Int] {
        var pairs: [Int: Int] = [:]
        var removed: [Int] = []
        var added: [Int] = []
        func pairChanged() {
            // As many changed as there were: each is the one at its place (the common case, a
            // paragraph edited where it stands).
            if removed.count == added.count {
                for (a, b) in zip(removed, added) { pairs[b] = a }
                removed = []
                added = []
                return
            }
            var next = 0
            for b in added {
                guard let found = removed[next...].firstIndex(where: { similarity(version[$0], copy[b]) >= 0.5 }) else { continue }
                pairs[b] = removed[found]
                next = found + 1
                if next >= removed.count { break }
            }
            removed = []
            added = []
        }
        for edit in Diff.edits(version, copy) {
            switch edit.kind {
            case .equal:
                pairChanged()
                for (a, b) in zip(edit.a, edit.b) { pairs[b] = a }
            case .delete: removed += Array(edit.a)
            case .insert: added += Array(edit.b)
            }
        }
        pairChanged()
        return pairs
    }

    /// The share of words two paragraph keys have in common.
    static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let left = Set(WordText.tokens(String(decoding: a, as: UTF8.self)).filter { !$0.isSpace }.map(\.key))
        let right = Set(WordText.tokens(String(decoding: b, as: UTF8.self)).filter { !$0.isSpace }.map(\.key))
        guard !left.isEmpty || !right.isEmpty else { return 1 }
        return Double(left.intersection(right).count) / Double(left.union(right).count)
    }

    /// The copy's body in the version's spelling: what compares equal is written as the version
    /// writes it, what the member added as `convention` cleans it; the version's emphasis marks
    /// around a change are kept (Word shows them as italics, it never deletes them).
    static func merged(version: String, copy: String, convention: WordText.Convention) -> String {
        let old = WordText.tokens(version)
        let new = WordText.tokens(WordText.trimmed(copy))
        var out = ""
        var removed: [WordText.Token] = []
        var added = ""
        func flush() {
            let leading = removed.prefix { $0.isMarkup }
            let trailing = removed.dropFirst(leading.count).reversed().prefix { $0.isMarkup }.reversed()
            out += leading.map(\.raw).joined() + added + trailing.map(\.raw).joined()
            removed = []
            added = ""
        }
        for edit in Diff.edits(old.map(\.key), new.map(\.key)) {
            switch edit.kind {
            case .equal:
                flush()
                out += old[edit.a].map(\.raw).joined()
            case .delete:
                removed += old[edit.a]
            case .insert:
                added += convention.cleaned(new[edit.b].map(\.raw).joined())
            }
        }
        flush()
        return out
    }
}
