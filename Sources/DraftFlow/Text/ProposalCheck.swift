/// Whether a comment's proposed change is text that can replace its paragraph, or something the
/// secretariat must read: an instruction ("Delete item 4) and keep item 7)."), or text that shares
/// almost nothing with the paragraph it is anchored to. Such a proposal is never put in the text:
/// its comment is recorded as made, flagged, with no text change.
public enum ProposalFlag: String, Codable, Sendable, Equatable {
    /// The proposal says what to do instead of giving the text.
    case instruction
    /// The proposal shares almost nothing with its paragraph: it would replace it wholesale.
    case unrelated

    /// How the table and `status` say it.
    public var explanation: String {
        switch self {
        case .instruction: return "an instruction, not replacement text: not applied"
        case .unrelated: return "shares almost nothing with its paragraph: not applied"
        }
    }
}

public enum ProposalCheck {
    /// The share of the paragraph's words (characters in Chinese or Japanese) a replacement must keep
    /// to be taken for an edited paragraph rather than for something else.
    static let minimumShared = 0.2

    /// Nil when `proposed` can replace `paragraph`; the reason when it cannot.
    public static func flag(proposed: String, paragraph: String) -> ProposalFlag? {
        flag(proposed: proposed, paragraphWords: words(paragraph))
    }

    /// `flag` with the paragraph's `words` already known (a merge checks many proposals against
    /// the same paragraph).
    static func flag(proposed: String, paragraphWords: [String]) -> ProposalFlag? {
        // Short paragraphs (a heading, a line of a list) can be rewritten whole.
        guard paragraphWords.count >= 8 else { return nil }
        let proposedWords = Set(words(proposed))
        let kept = paragraphWords.filter(proposedWords.contains).count
        return Double(kept) / Double(paragraphWords.count) < minimumShared ? .unrelated : nil
    }

    /// The content tokens of a text, lowercased, without a leading paragraph number.
    static func words(_ text: String) -> [String] {
        let tokens = Tokenizer.tokenize(text)
        return tokens[Tokenizer.afterLeadingNumber(tokens)...].filter { $0.kind != .whitespace && $0.kind != .punctuation }.map { $0.text.lowercased() }
    }
}

extension ExactInstruction {
    /// `paragraph` with the instruction carried out, when what it names occurs exactly once.
    public func applied(to paragraph: String) -> String? {
        let (old, new): (String, String)
        switch self {
        case .replace(let from, let to): (old, new) = (from, to)
        case .delete(let text): (old, new) = (text, "")
        }
        guard !old.isEmpty, let first = paragraph.range(of: old),
              paragraph.range(of: old, range: first.upperBound..<paragraph.endIndex) == nil else { return nil }
        var result = paragraph.replacingCharacters(in: first, with: new)
        // A deleted word leaves no double space behind.
        if new.isEmpty { result = result.replacingOccurrences(of: "  ", with: " ") }
        return result
    }
}
