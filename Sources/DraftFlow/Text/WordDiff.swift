import Foundation

/// Word-level (character-level for CJK) comparison of two texts.
public enum WordDiff {

    /// The changed regions between two token lists, with a lone whitespace token between two
    /// changes folded into them, so "quick brown" → "slow red" is one change rather than two.
    public static func hunks(_ old: [Tokenizer.Token], _ new: [Tokenizer.Token]) -> [DiffHunk] {
        folded(Diff.hunks(old.map(\.text), new.map(\.text)), old: old)
    }

    /// `hunks(old, new)` from the tokens' ids (equal ids for equal token texts, as `BlockTokens`
    /// interns them), without hashing the texts again.
    static func hunks(ids oldIDs: [Int32], _ newIDs: [Int32], oldIsWhitespace: [Bool]) -> [DiffHunk] {
        folded(Diff.hunks(ids: oldIDs, newIDs)) { oldIsWhitespace[$0] }
    }

    /// A text tokenized once, to be compared with many versions of it.
    public struct Base: Sendable {
        public let text: String
        public let tokens: [Tokenizer.Token]
        /// `ends[i]`: the UTF-8 offset in `text` where `tokens[i]` ends.
        let ends: [Int]

        public init(_ text: String) {
            self.text = text
            tokens = Tokenizer.tokenize(text)
            var ends: [Int] = []
            ends.reserveCapacity(tokens.count)
            var offset = 0
            for token in tokens {
                offset += token.text.utf8.count
                ends.append(offset)
            }
            self.ends = ends
        }

        /// The index of the token holding byte `offset`.
        func token(holding offset: Int) -> Int {
            var low = 0, high = ends.count - 1
            while low < high {
                let middle = (low + high) / 2
                if ends[middle] > offset { high = middle } else { low = middle + 1 }
            }
            return low
        }
    }

    /// A comparison of a version with its base.
    public struct Comparison {
        /// The changed regions: `a` ranges index `base.tokens`, `b` ranges index `newTokens`.
        public var hunks: [DiffHunk]
        /// The tokens of the part of the new text that was compared (see `compare`).
        public var newTokens: [Tokenizer.Token]
        /// How many of the base's tokens at its start, and at its end, the new text has too and
        /// were not compared: the new text's tokens are `base.tokens[..<keptPrefix]`, `newTokens`,
        /// then the base's last `keptSuffix` tokens.
        public var keptPrefix = 0
        public var keptSuffix = 0
    }

    /// `hunks(base.tokens, Tokenizer.tokenize(new))`, without tokenizing what the two texts share.
    ///
    /// The bytes the texts have in common at both ends are found first; the tokens they cover, less
    /// one token of margin on each side (so that a word that merely starts or ends the same, or a
    /// combining mark after the shared bytes, is still compared whole), are tokenized the same way
    /// in both texts and cannot differ. Only the middle of `new` is tokenized and compared, which
    /// for a two-word edit in a 100-word paragraph is a few tokens instead of two hundred. The
    /// result's `newTokens` are the tokens of that middle.
    public static func compare(_ base: Base, _ new: String) -> Comparison {
        var new = new
        let (keptPrefix, keptSuffix, newMiddle): (Int, Int, Range<Int>) = new.withUTF8 { b in
            var old = base.text
            return old.withUTF8 { a in
                let shorter = min(a.count, b.count)
                var prefix = 0
                while prefix < shorter && a[prefix] == b[prefix] { prefix += 1 }
                var suffix = 0
                while suffix < shorter - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
                let count = base.tokens.count
                var keptPrefix = 0, keptSuffix = 0
                if prefix > 0, count > 0 { keptPrefix = max(0, base.token(holding: prefix - 1) - 1) }
                if suffix > 0, count > 0 { keptSuffix = max(0, count - (base.token(holding: a.count - suffix) + 2)) }
                keptSuffix = min(keptSuffix, count - keptPrefix)
                let start = keptPrefix == 0 ? 0 : base.ends[keptPrefix - 1]
                let end = keptSuffix == 0 ? a.count : base.ends[count - keptSuffix - 1]
                return (keptPrefix, keptSuffix, start..<(b.count - (a.count - end)))
            }
        }
        let middle: String = newMiddle.count == new.utf8.count ? new : new.withUTF8 { String(decoding: $0[newMiddle], as: UTF8.self) }
        let newTokens = Tokenizer.tokenize(middle)
        let oldTexts = base.tokens[keptPrefix..<(base.tokens.count - keptSuffix)].map(\.text)
        let raw = Diff.hunks(oldTexts, newTokens.map(\.text)).map {
            DiffHunk(a: ($0.a.lowerBound + keptPrefix)..<($0.a.upperBound + keptPrefix), b: $0.b)
        }
        return Comparison(hunks: folded(raw, old: base.tokens), newTokens: newTokens, keptPrefix: keptPrefix, keptSuffix: keptSuffix)
    }

    /// Folds a lone whitespace token of `old` between two hunks into one hunk.
    private static func folded(_ raw: [DiffHunk], old: [Tokenizer.Token]) -> [DiffHunk] {
        folded(raw) { old[$0].kind == .whitespace }
    }

    /// `folded`, told which tokens of `old` are whitespace.
    private static func folded(_ raw: [DiffHunk], isWhitespace: (Int) -> Bool) -> [DiffHunk] {
        var merged: [DiffHunk] = []
        for hunk in raw {
            if let last = merged.last,
               hunk.a.lowerBound - last.a.upperBound == 1,
               isWhitespace(last.a.upperBound) {
                merged[merged.count - 1] = DiffHunk(a: last.a.lowerBound..<hunk.a.upperBound,
                                                    b: last.b.lowerBound..<hunk.b.upperBound)
            } else {
                merged.append(hunk)
            }
        }
        return merged
    }

    /// The text of `tokens[range]`.
    static func join(_ tokens: [Tokenizer.Token], _ range: Range<Int>) -> String {
        var text = ""
        for index in range { text += tokens[index].text }
        return text
    }
}
