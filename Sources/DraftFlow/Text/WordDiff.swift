import Foundation

/// Word-level (character-level for CJK) comparison of two texts.
public enum WordDiff {

    /// The changed regions between two token lists, with a lone whitespace token between two
    /// changes folded into them, so "quick brown" → "slow red" is one change rather than two.
    public static func hunks(_ old: [Tokenizer.Token], _ new: [Tokenizer.Token]) -> [DiffHunk] {
        let raw = Diff.hunks(old.map(\.text), new.map(\.text))
        var merged: [DiffHunk] = []
        for hunk in raw {
            if let last = merged.last,
               hunk.a.lowerBound - last.a.upperBound == 1,
               old[last.a.upperBound].kind == .whitespace {
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
