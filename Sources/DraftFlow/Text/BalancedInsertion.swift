/// Where to show an inserted passage so that its marks never split a bracket pair or a quotation.
///
/// A diff may place an insertion anywhere in a run of equal text: inserting `（日内瓦时间）` before
/// `（主题是` can come out as `（` + **`日内瓦时间）（`** + `主题是`, which reads as nonsense. The
/// same insertion slid along the equal text around it (`3月1日` + **`（日内瓦时间）`** + `（主题是`)
/// is the same change, and balanced.
enum BalancedInsertion {
    /// Opening and closing marks that must stay in pairs.
    static let pairs: [(open: Character, close: Character)] = [
        ("(", ")"), ("[", "]"), ("{", "}"), ("（", "）"), ("［", "］"), ("【", "】"), ("「", "」"), ("『", "』"),
        ("《", "》"), ("〈", "〉"), ("“", "”"), ("‘", "’"), ("«", "»"),
    ]

    /// Whether every mark of `text` is closed in order.
    static func isBalanced(_ text: String) -> Bool {
        var open: [Character] = []
        for character in text {
            if let pair = pairs.first(where: { $0.open == character }) {
                open.append(pair.close)
            } else if pairs.contains(where: { $0.close == character }) {
                guard open.last == character else { return false }
                open.removeLast()
            }
        }
        return open.isEmpty
    }

    /// The token position and text at which `inserted`, placed at `position` of `tokens`, reads
    /// balanced, sliding it over at most a few tokens of equal text; nil when it already is (or
    /// no such place is near).
    static func slide(_ inserted: String, at position: Int, in tokens: [Tokenizer.Token]) -> (Int, String)? {
        guard !isBalanced(inserted) else { return nil }
        let insertion = Tokenizer.tokenize(inserted).map(\.text)
        let base = tokens.map(\.text)
        for shift in 1...min(4, insertion.count) {
            // Left: the insertion's last tokens are the base's tokens just before it.
            if position - shift >= 0, Array(base[(position - shift)..<position]) == Array(insertion.suffix(shift)) {
                let text = (base[(position - shift)..<position] + insertion.dropLast(shift)).joined()
                if isBalanced(text) { return (position - shift, text) }
            }
            // Right: the insertion's first tokens are the base's tokens just after it.
            if position + shift <= base.count, Array(base[position..<(position + shift)]) == Array(insertion.prefix(shift)) {
                let text = (insertion.dropFirst(shift) + base[position..<(position + shift)]).joined()
                if isBalanced(text) { return (position + shift, text) }
            }
        }
        return nil
    }
}

extension BalancedInsertion {
    /// `deleted`, a range of `tokens`, slid over at most a few tokens of equal text so that the
    /// deleted words are balanced; nil when they already are (or no such place is near).
    static func slideDeletion(_ deleted: Range<Int>, in tokens: [Tokenizer.Token]) -> Range<Int>? {
        let text = tokens.map(\.text)
        guard !deleted.isEmpty, !isBalanced(text[deleted].joined()) else { return nil }
        for shift in 1...min(4, deleted.count) {
            // Left: the tokens before the deletion are the deletion's last ones.
            if deleted.lowerBound - shift >= 0,
               Array(text[(deleted.lowerBound - shift)..<deleted.lowerBound]) == Array(text[(deleted.upperBound - shift)..<deleted.upperBound]),
               isBalanced(text[(deleted.lowerBound - shift)..<(deleted.upperBound - shift)].joined()) {
                return (deleted.lowerBound - shift)..<(deleted.upperBound - shift)
            }
            // Right: the tokens after the deletion are the deletion's first ones.
            if deleted.upperBound + shift <= text.count,
               Array(text[deleted.upperBound..<(deleted.upperBound + shift)]) == Array(text[deleted.lowerBound..<(deleted.lowerBound + shift)]),
               isBalanced(text[(deleted.lowerBound + shift)..<(deleted.upperBound + shift)].joined()) {
                return (deleted.lowerBound + shift)..<(deleted.upperBound + shift)
            }
        }
        return nil
    }

    /// The most equal text two changes of the same members may enclose and still be shown as one.
    static let joinableGap = 16

    /// `inline` (sorted) with each pair of changes by the same members that open and close a
    /// bracket around unchanged text (`**（**wsis-info@itu.int**）**`) shown as one change of the
    /// whole passage (`~~wsis-info@itu.int~~ **（wsis-info@itu.int）**`).
    static func joiningSplitPairs(_ inline: [(range: Range<Int>, piece: Compilation.Piece)], tokens: [Tokenizer.Token])
        -> [(range: Range<Int>, piece: Compilation.Piece)] {
        var result: [(range: Range<Int>, piece: Compilation.Piece)] = []
        for item in inline {
            if let last = result.last,
               case .change(let deleted1, let inserted1, let by1) = last.piece,
               case .change(let deleted2, let inserted2, let by2) = item.piece, by1 == by2,
               item.range.lowerBound >= last.range.upperBound, item.range.lowerBound - last.range.upperBound <= joinableGap,
               !isBalanced(inserted1) || !isBalanced(inserted2) {
                let between = WordDiff.join(tokens, last.range.upperBound..<item.range.lowerBound)
                let inserted = inserted1 + between + inserted2
                if isBalanced(inserted) {
                    let deleted = deleted1 + between + deleted2
                    result[result.count - 1] = (last.range.lowerBound..<item.range.upperBound, .change(deleted: deleted, inserted: inserted, by: by1))
                    continue
                }
            }
            result.append(item)
        }
        return result
    }
}
