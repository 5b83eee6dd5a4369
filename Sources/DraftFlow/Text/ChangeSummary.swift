/// What a proposed text changes in its paragraph, as the disposition table shows it: only the
/// changed words with a little context, never the whole paragraph, e.g.
/// `remains a challenge → remains a major challenge`.
public enum ChangeSummary {
    /// Words of context kept on each side of a change (characters in Chinese or Japanese text).
    static let context = 3

    /// `old` → `new` for each passage that differs, joined by "; " (with "…" where the paragraph
    /// goes on). Nil when they are the same; `new` empty says the paragraph is deleted.
    public static func describe(old: String, new: String) -> String? {
        guard old != new else { return nil }
        if new.isEmpty { return "(paragraph deleted)" }
        if old.isEmpty { return new }
        let oldTokens = Tokenizer.tokenize(old), newTokens = Tokenizer.tokenize(new)
        return describe(oldTokens, newTokens, hunks: WordDiff.hunks(oldTokens, newTokens))
    }

    /// `describe(old: base.text, new: new)`, with the old paragraph tokenized once for all the
    /// changes proposed to it, and only the part of `new` between what the two texts share at
    /// either end tokenized and compared (`WordDiff.compare`).
    public static func describe(_ base: WordDiff.Base, new: String) -> String? {
        let old = base.text
        guard old != new else { return nil }
        if new.isEmpty { return "(paragraph deleted)" }
        if old.isEmpty { return new }
        let comparison = WordDiff.compare(base, new)
        guard !comparison.hunks.isEmpty else { return nil }
        // The shared tokens at either end are the base's own.
        let count = base.tokens.count
        var newTokens = Array(base.tokens[0..<comparison.keptPrefix])
        newTokens.reserveCapacity(comparison.keptPrefix + comparison.newTokens.count + comparison.keptSuffix)
        newTokens += comparison.newTokens
        newTokens += base.tokens[(count - comparison.keptSuffix)..<count]
        let shift = comparison.keptPrefix
        let hunks = comparison.hunks.map { DiffHunk(a: $0.a, b: ($0.b.lowerBound + shift)..<($0.b.upperBound + shift)) }
        return describe(base.tokens, newTokens, hunks: hunks)
    }

    /// The passages of `hunks` (from `oldTokens` to `newTokens`) with their context.
    private static func describe(_ oldTokens: [Tokenizer.Token], _ newTokens: [Tokenizer.Token], hunks: [DiffHunk]) -> String? {
        guard !hunks.isEmpty else { return nil }
        // Hunks closer than the context on both sides make one passage.
        var groups: [[DiffHunk]] = []
        for hunk in hunks {
            if let last = groups.last?.last, contentTokens(oldTokens, last.a.upperBound..<hunk.a.lowerBound) <= 2 * context {
                groups[groups.count - 1].append(hunk)
            } else {
                groups.append([hunk])
            }
        }
        return groups.map { group in
            let first = group.first!, last = group.last!
            let oldStart = reach(oldTokens, from: first.a.lowerBound, by: -1), oldEnd = reach(oldTokens, from: last.a.upperBound, by: 1)
            let newStart = max(0, first.b.lowerBound - (first.a.lowerBound - oldStart))
            let newEnd = min(newTokens.count, last.b.upperBound + (oldEnd - last.a.upperBound))
            let lead = oldStart > 0 ? "…" : "", trail = oldEnd < oldTokens.count ? "…" : ""
            let before = InlineMarkup.splitWhitespace(WordDiff.join(oldTokens, oldStart..<oldEnd)).core
            let after = InlineMarkup.splitWhitespace(WordDiff.join(newTokens, newStart..<newEnd)).core
            return lead + before + trail + " → " + lead + after + trail
        }.joined(separator: "; ")
    }

    static func isContent(_ token: Tokenizer.Token) -> Bool { token.kind != .whitespace && token.kind != .punctuation }

    static func contentTokens(_ tokens: [Tokenizer.Token], _ range: Range<Int>) -> Int {
        range.reduce(0) { $0 + (isContent(tokens[$1]) ? 1 : 0) }
    }

    /// The token index `context` words before `index` (`step` -1) or after it (`step` 1), taking
    /// punctuation that ends or opens them along; the paragraph's start or end when it is nearer.
    static func reach(_ tokens: [Tokenizer.Token], from index: Int, by step: Int) -> Int {
        var position = index, words = 0
        if step < 0 {
            while position > 0 && words < context {
                position -= 1
                if isContent(tokens[position]) { words += 1 }
            }
            // Never cut into the paragraph's number, and show it when only it comes before.
            return position <= Tokenizer.afterLeadingNumber(tokens) ? 0 : position
        }
        while position < tokens.count && words < context {
            if isContent(tokens[position]) { words += 1 }
            position += 1
        }
        while position < tokens.count && tokens[position].kind == .punctuation { position += 1 }
        return position
    }
}
