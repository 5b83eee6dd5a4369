import Foundation

/// Aligns the blocks of two versions of a draft: unchanged blocks by a diff of their texts, then,
/// inside each changed region, modified blocks paired with their old selves by similarity so that
/// an edit reads as a modification rather than a deletion plus an insertion.
public enum BlockAlignment {

    /// One step of the alignment, in document order.
    public enum Step: Sendable, Equatable, Hashable {
        /// `old[old]` and `new[new]` have the same text.
        case same(old: Int, new: Int)
        /// `new[new]` is an edited `old[old]`.
        case modified(old: Int, new: Int)
        /// `old[old]` has no counterpart.
        case deleted(old: Int)
        /// `new[new]` has no counterpart.
        case inserted(new: Int)
    }

    /// Lowest pairing score for two different blocks to count as one edited block.
    public static let pairingThreshold = 0.5

    /// Aligns two lists of block texts. Within a changed region, deletions come before insertions.
    public static func align(_ old: [String], _ new: [String]) -> [Step] {
        align(old, new, tokens: BlockTokens(old: old, new: new))
    }

    /// `align`, weighing pairs from blocks tokenized once in `tokens` (which `Redline` reuses).
    static func align(_ old: [String], _ new: [String], tokens: BlockTokens) -> [Step] {
        align(old, new, pairScore: tokens.pairScore)
    }

    /// `align` with `pairScore(i, j)` giving `pairScore(old[i], new[j])`: the general code's own
    /// weighing, building token bags of strings, is `{ pairScore(old[$0], new[$1]) }`.
    static func align(_ old: [String], _ new: [String], pairScore: (Int, Int) -> Double) -> [Step] {
        // The usual edited copy: the same paragraphs in the same places, some edited in place.
        // Pair them by position, without a diff, when that is what a diff would find.
        if old.count == new.count {
            var steps: [Step] = []
            steps.reserveCapacity(old.count)
            var inPlace = true
            // Whether an old text is still somewhere in the new list: an index built at the first
            // edited paragraph, where `new.contains` compared it with every new paragraph.
            var newTexts: TextIndex?
            func stillPresent(_ text: String) -> Bool {
                if newTexts == nil { newTexts = TextIndex(new) }
                return newTexts!.contains(text)
            }
            for index in old.indices {
                if old[index] == new[index] {
                    steps.append(.same(old: index, new: index))
                } else if (sharesEnds(old[index], new[index]) || pairScore(index, index) >= pairingThreshold)
                            && !stillPresent(old[index]) {
                    // What `pairRegion` decides for a region of one paragraph on each side.
                    steps.append(.modified(old: index, new: index))
                } else {
                    inPlace = false
                    break
                }
            }
            if inPlace { return steps }
        }
        var steps: [Step] = []
        var regionOldStart = 0
        var regionNewStart = 0
        for edit in Diff.edits(old, new) where edit.kind == .equal {
            steps += pairRegion(old, new, regionOldStart..<edit.a.lowerBound, regionNewStart..<edit.b.lowerBound, pairScore)
            for offset in 0..<edit.a.count {
                steps.append(.same(old: edit.a.lowerBound + offset, new: edit.b.lowerBound + offset))
            }
            regionOldStart = edit.a.upperBound
            regionNewStart = edit.b.upperBound
        }
        steps += pairRegion(old, new, regionOldStart..<old.count, regionNewStart..<new.count, pairScore)
        return steps
    }

    /// Which texts a list holds, by `String` equality, as `Set(texts).contains` tells, without
    /// hashing the texts as `String`s: that normalizes every text that is not ASCII, and took 5% of
    /// a `redline` for a thousand paragraphs. The texts are grouped by a hash of their key bytes
    /// (`isKeyByte`: ASCII digits, space, most punctuation), taken in order, and a text is compared
    /// only with those of its group. Canonically equivalent texts have the same key bytes in the
    /// same order: no character's canonical decomposition holds one (a test checks it on every
    /// scalar), and canonical reordering moves only combining marks.
    struct TextIndex {
        let texts: [String]
        private var byKey: [UInt64: [Int]] = [:]

        init(_ texts: [String]) {
            self.texts = texts
            byKey.reserveCapacity(texts.count)
            for index in texts.indices { byKey[Self.key(texts[index]), default: []].append(index) }
        }

        func contains(_ text: String) -> Bool {
            byKey[Self.key(text)]?.contains { texts[$0] == text } ?? false
        }

        /// FNV-1a of the text's key bytes.
        static func key(_ text: String) -> UInt64 {
            var text = text
            return text.withUTF8 { bytes in
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in bytes where isKeyByte(byte) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
                return hash
            }
        }

        /// An ASCII byte that no other character's canonical decomposition holds: not a letter,
        /// nor `;` (the Greek question mark), `<`, `=`, `>` (≮, ≠, ≯) or `` ` `` (the Greek varia).
        @inline(__always)
        static func isKeyByte(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x3B...0x3E, 0x41...0x5A, 0x60...0x7A, 0x80...: return false
            default: return true
            }
        }
    }

    /// Similarity of two block texts: Dice coefficient of the multisets of the non-whitespace tokens
    /// of their bodies (heading marker and number left out), in 0...1.
    public static func similarity(_ first: String, _ second: String) -> Double {
        similarity(TokenBag(body: first), TokenBag(body: second))
    }

    struct TokenBag {
        /// Token texts compared by their bytes: similarity is a measure, and hashing many
        /// thousands of words needs no Unicode normalization.
        var counts: [ExactString: Int] = [:]
        var total = 0
        var number: String?

        /// The bag of a block's text without its heading marker and number, which says nothing
        /// about what the paragraph is (renumbering is common).
        init(body text: String) {
            let (kind, number) = DraftDocument.classify(text)
            self.init(DraftDocument.Block(kind: kind, text: text, number: number, anchor: "", index: 0).body)
            self.number = number
        }

        init(_ text: String) {
            for token in Tokenizer.tokenize(text) where token.kind != .whitespace {
                counts[ExactString(token.text), default: 0] += 1
                total += 1
            }
        }
    }

    /// The pairing score of two blocks, as `pairRegion` weighs them.
    static func pairScore(_ first: String, _ second: String) -> Double {
        let a = TokenBag(body: first), b = TokenBag(body: second)
        var value = similarity(a, b)
        if let number = a.number, number == b.number { value += 0.15 }
        return value
    }

    /// Whether the common prefix and suffix of two texts cover at least 60% of the longer one.
    static func sharesEnds(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { a in second.withUTF8 { b in sharesEnds(a, b) } }
    }

    /// `sharesEnds` on UTF-8 bytes.
    static func sharesEnds(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return true }
        let shorter = min(a.count, b.count)
        var prefix = 0
        while prefix < shorter && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        return Double(prefix + suffix) >= 0.6 * Double(longer)
    }

    static func similarity(_ first: TokenBag, _ second: TokenBag) -> Double {
        let total = first.total + second.total
        guard total > 0 else { return 1 }
        let (small, large) = first.counts.count <= second.counts.count ? (first, second) : (second, first)
        var common = 0
        for (token, count) in small.counts {
            common += min(count, large.counts[token] ?? 0)
        }
        return Double(2 * common) / Double(total)
    }

    private static func pairRegion(_ old: [String], _ new: [String], _ oldRange: Range<Int>, _ newRange: Range<Int>,
                                   _ pairScore: (Int, Int) -> Double) -> [Step] {
        if oldRange.isEmpty { return newRange.map { .inserted(new: $0) } }
        if newRange.isEmpty { return oldRange.map { .deleted(old: $0) } }
        // The common case, one paragraph edited in place: when most of its bytes are kept at both
        // ends, it is the same paragraph, without weighing its words.
        // Several paragraphs in a row edited in place pair up the same way, one to one: by their
        // shared ends, or else by the words of that one pair, before weighing every pair.
        if oldRange.count == newRange.count,
           zip(oldRange, newRange).allSatisfy({ sharesEnds(old[$0], new[$1]) || pairScore($0, $1) >= pairingThreshold }) {
            return zip(oldRange, newRange).map { .modified(old: $0, new: $1) }
        }
        func score(_ i: Int, _ j: Int) -> Double {
            // The similarity of the bodies, and 0.15 more when both have the same number: keeping
            // its number is a hint, not proof, that a paragraph is the same one edited.
            let value = pairScore(oldRange.lowerBound + i, newRange.lowerBound + j)
            return value >= pairingThreshold ? value : 0
        }
        let rows = oldRange.count
        let columns = newRange.count
        var pairs: [(Int, Int)] = []
        if rows * columns <= 4096 {
            // Best monotone pairing (maximum total score), by dynamic programming.
            var table = [Double](repeating: 0, count: (rows + 1) * (columns + 1))
            var scores = [Double](repeating: 0, count: rows * columns)
            for i in 0..<rows { for j in 0..<columns { scores[i * columns + j] = score(i, j) } }
            for i in 1...rows {
                for j in 1...columns {
                    var best = max(table[(i - 1) * (columns + 1) + j], table[i * (columns + 1) + j - 1])
                    let s = scores[(i - 1) * columns + j - 1]
                    if s > 0 { best = max(best, table[(i - 1) * (columns + 1) + j - 1] + s) }
                    table[i * (columns + 1) + j] = best
                }
            }
            var i = rows, j = columns
            while i > 0 && j > 0 {
                let here = table[i * (columns + 1) + j]
                let s = scores[(i - 1) * columns + j - 1]
                if s > 0 && here == table[(i - 1) * (columns + 1) + j - 1] + s {
                    pairs.append((i - 1, j - 1))
                    i -= 1
                    j -= 1
                } else if here == table[(i - 1) * (columns + 1) + j] {
                    i -= 1
                } else {
                    j -= 1
                }
            }
            pairs.reverse()
        } else {
            // Large rewritten regions: greedy, looking a bounded window ahead.
            var nextColumn = 0
            for i in 0..<rows where nextColumn < columns {
                var best = 0.0, bestColumn = -1
                for j in nextColumn..<min(columns, nextColumn + 32) {
                    let s = score(i, j)
                    if s > best { best = s; bestColumn = j }
                }
                if bestColumn >= 0 {
                    pairs.append((i, bestColumn))
                    nextColumn = bestColumn + 1
                }
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0
        for (pi, pj) in pairs + [(rows, columns)] {
            while i < pi { steps.append(.deleted(old: oldRange.lowerBound + i)); i += 1 }
            while j < pj { steps.append(.inserted(new: newRange.lowerBound + j)); j += 1 }
            if pi < rows {
                steps.append(.modified(old: oldRange.lowerBound + pi, new: newRange.lowerBound + pj))
                i += 1
                j += 1
            }
        }
        return steps
    }
}
