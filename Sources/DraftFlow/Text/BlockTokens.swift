import Foundation

/// The blocks of two versions, each tokenized once, when first needed, for `BlockAlignment.align`
/// to weigh pairs of blocks and for `Redline` to compare their words.
///
/// Every token is interned twice: by its exact bytes, as `BlockAlignment.TokenBag` counts tokens,
/// and by `String` equality, as `Diff` matches token texts (canonically equivalent spellings are
/// one token there). A block's bag is the byte ids of the non-whitespace tokens of its body, so
/// the Dice score is the same ratio of the same integers `TokenBag` gives, from a count per byte
/// id instead of a dictionary of strings built for every pair weighed.
final class BlockTokens {
    /// One block, tokenized: where its tokens end and what they are, not the tokens' texts.
    struct Entry {
        /// `ends[k]`: the UTF-8 offset in the block's text where token `k` ends (32 bits: a text
        /// is at most 10 MiB, and the tokens of the two versions were the most of `redline`'s heap).
        let ends: [Int32]
        /// The tokens' ids by `String` equality: equal ids, equal token texts.
        let ids: [Int32]
        let isWhitespace: [Bool]
        /// The byte ids of the non-whitespace tokens of the body (heading marker and number left
        /// out), in the text's order.
        let bag: [Int32]
        /// The block's number, as `DraftDocument.classify` reads it.
        let number: String?

        /// Whether a token starts at UTF-8 offset `offset` (the end of the text included).
        func startsToken(at offset: Int) -> Bool {
            if offset == 0 || offset == Int(ends.last ?? 0) { return true }
            var low = 0, high = ends.count - 1
            while low <= high {
                let middle = (low + high) / 2
                if Int(ends[middle]) == offset { return true }
                if Int(ends[middle]) < offset { low = middle + 1 } else { high = middle - 1 }
            }
            return false
        }
    }

    let old: [String]
    let new: [String]
    private var oldEntries: [Entry?]
    private var newEntries: [Entry?]
    private var interner = TokenInterner()
    /// For `similarity`: a count per byte id, all zero between two calls.
    private var counts: [Int32] = []

    init(old: [String], new: [String]) {
        self.old = old
        self.new = new
        oldEntries = Array(repeating: nil, count: old.count)
        newEntries = Array(repeating: nil, count: new.count)
    }

    func old(_ index: Int) -> Entry {
        if let entry = oldEntries[index] { return entry }
        let entry = makeEntry(old[index])
        oldEntries[index] = entry
        return entry
    }

    func new(_ index: Int) -> Entry {
        if let entry = newEntries[index] { return entry }
        let entry = makeEntry(new[index])
        newEntries[index] = entry
        return entry
    }

    /// Whether `old[index]` and `new[other]` are tokenized already.
    func areTokenized(old index: Int, new other: Int) -> Bool {
        oldEntries[index] != nil && newEntries[other] != nil
    }

    /// `BlockAlignment.pairScore(old[i], new[j])`.
    func pairScore(old i: Int, new j: Int) -> Double {
        let a = old(i), b = new(j)
        var value = similarity(a.bag, b.bag)
        if let number = a.number, number == b.number { value += 0.15 }
        return value
    }

    /// `BlockAlignment.similarity(old[i], new[j])`.
    func similarity(old i: Int, new j: Int) -> Double {
        similarity(old(i).bag, new(j).bag)
    }

    /// The Dice coefficient of two bags, as `BlockAlignment.similarity` computes it: the tokens
    /// they share, each as many times as the bag with fewer of it has it, counted per byte id
    /// (sorting every bag to merge two took 4% of a `redline`).
    private func similarity(_ a: [Int32], _ b: [Int32]) -> Double {
        let total = a.count + b.count
        guard total > 0 else { return 1 }
        if counts.count < interner.count { counts.append(contentsOf: repeatElement(0, count: interner.count - counts.count)) }
        var common = 0
        counts.withUnsafeMutableBufferPointer { counts in
            for id in a { counts[Int(id)] += 1 }
            for id in b where counts[Int(id)] > 0 {
                counts[Int(id)] -= 1
                common += 1
            }
            for id in a { counts[Int(id)] = 0 }
        }
        return Double(2 * common) / Double(total)
    }

    private func makeEntry(_ text: String) -> Entry {
        var ends: [Int32] = []
        var ids: [Int32] = []
        var isWhitespace: [Bool] = []
        var byteIDs: [Int32] = []
        Tokenizer.forEachToken(text) { bytes, range, kind in
            if ends.isEmpty {
                let estimate = bytes.count / 4 + 1
                ends.reserveCapacity(estimate)
                ids.reserveCapacity(estimate)
                isWhitespace.reserveCapacity(estimate)
                byteIDs.reserveCapacity(estimate)
            }
            ends.append(Int32(range.upperBound))
            let id = interner.id(bytes, range)
            byteIDs.append(id)
            ids.append(interner.canonicalOf[Int(id)])
            isWhitespace.append(kind == .whitespace)
        }
        // The body as `TokenBag(body:)` takes it. Its tokens are the text's own from where it
        // starts when a token of the text starts there after an ASCII character (a space, a
        // number, `#`), since tokenizing then starts afresh; otherwise it is tokenized apart.
        let (kind, number) = DraftDocument.classify(text)
        let body = DraftDocument.Block(kind: kind, text: text, number: number, anchor: "", index: 0).body
        let start = text.utf8.count - body.utf8.count
        var bag: [Int32] = []
        let firstToken = start == 0 ? 0 : ends.firstIndex(of: Int32(start)).map { $0 + 1 }
        let utf8 = text.utf8
        if let firstToken, start == 0 || utf8[utf8.index(utf8.startIndex, offsetBy: start - 1)] < 0x80 {
            bag.reserveCapacity(ends.count - firstToken)
            for index in firstToken..<ends.count where !isWhitespace[index] { bag.append(byteIDs[index]) }
        } else {
            for token in Tokenizer.tokenize(body) where token.kind != .whitespace { bag.append(interner.id(token.text)) }
        }
        return Entry(ends: ends, ids: ids, isWhitespace: isWhitespace, bag: bag, number: number)
    }
}
