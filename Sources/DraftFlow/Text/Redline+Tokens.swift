import Foundation

extension Redline {
    /// `segments(old: tokens.old[i], new: tokens.new[j])`, from the tokens the pairing made when
    /// it weighed these two blocks, compared as interned ids.
    ///
    /// `segments(old:new:)` tokenizes only the middle between the shared start and end, each cut
    /// after (start) or before (end) an ASCII space or line break. When both cuts fall where a token
    /// of the whole text starts, in both texts, the middle's tokens are the whole text's tokens
    /// between the cuts (tokenizing starts afresh after an ASCII character), the tokens outside it
    /// are the same in both texts, and `Diff` trims them as common prefix and suffix before
    /// comparing exactly the middle: the segments are the same. Otherwise, or when either block was
    /// not tokenized yet (its ends settled its pairing), the middle is tokenized as before.
    static func segments(_ tokens: BlockTokens, old i: Int, new j: Int) -> [RedlineSegment] {
        let oldText = tokens.old[i], newText = tokens.new[j]
        guard tokens.areTokenized(old: i, new: j) else { return segments(old: oldText, new: newText) }
        let a = tokens.old(i), b = tokens.new(j)
        let (prefix, suffix) = sharedEnds(oldText, newText)
        if prefix > 0 || suffix > 0 {
            let oldEnd = oldText.utf8.count - suffix, newEnd = newText.utf8.count - suffix
            guard a.startsToken(at: prefix), b.startsToken(at: prefix), a.startsToken(at: oldEnd), b.startsToken(at: newEnd) else {
                return segments(old: oldText, new: newText)
            }
        }
        let hunks = WordDiff.hunks(ids: a.ids, b.ids, oldIsWhitespace: a.isWhitespace)
        var oldCopy = oldText, newCopy = newText
        return oldCopy.withUTF8 { oldBytes in
            newCopy.withUTF8 { newBytes in
                tokenSegments(hunks: hunks, oldCount: a.ends.count,
                              old: { text(oldBytes, a, $0) }, new: { text(newBytes, b, $0) })
            }
        }
    }

    /// The text of tokens `range` of a block: the bytes they cover.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ entry: BlockTokens.Entry, _ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let start = range.lowerBound == 0 ? 0 : Int(entry.ends[range.lowerBound - 1])
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<Int(entry.ends[range.upperBound - 1])]), as: UTF8.self)
    }
}
