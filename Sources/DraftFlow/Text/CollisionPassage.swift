/// The passage of a paragraph a collision is shown over in the compilation text, and each
/// member's complete wording of it.
///
/// The passage is the sentence (or sentences) holding the colliding words. Where a member's
/// alternative also changes the paragraph outside that passage, or another member's change falls
/// inside it, no sentence can be shown alone without mixing words of several members: the
/// passage is then the whole paragraph (its number kept outside the brackets). Each alternative
/// is one member's (or identical members') wording, never a hybrid.
struct CollisionPassage {
    /// The passage as a range of the base paragraph's tokens.
    private(set) var range: Range<Int>
    private let collision: Collision
    private let baseTokens: [Tokenizer.Token]
    /// Each alternative's wording of the passage (nil: the alternative deletes the paragraph).
    private var wordings: [String?] = []
    /// Other members' changes inside the paragraph-wide passage, shown as alternatives of their own.
    private var extra: [AttributedChange] = []

    init(_ collision: Collision, baseTokens: [Tokenizer.Token], span: Range<Int>) {
        self.collision = collision
        self.baseTokens = baseTokens
        range = Self.sentences(around: span, in: baseTokens)
        // Changes of members with an alternative are in that alternative's wording already.
        let inAlternatives = Set(collision.alternatives.flatMap(\.members))
        let others = collision.otherChanges.filter { !$0.members.allSatisfy(inAlternatives.contains) }
        if !others.contains(where: { covers($0.tokenRange) }), let wordings = wordings(of: range) {
            self.wordings = wordings
            return
        }
        // The whole paragraph, after its number.
        range = Self.body(of: baseTokens)
        self.wordings = wordings(of: range) ?? collision.alternatives.map { $0.text.isEmpty ? nil : $0.text }
        extra = others.filter { covers($0.tokenRange) }
    }

    /// Whether a change at `tokens` falls inside the passage (an insertion at either end does).
    func covers(_ tokens: Range<Int>?) -> Bool {
        guard let tokens else { return false }
        return tokens.isEmpty ? (range.lowerBound...range.upperBound).contains(tokens.lowerBound) : range.overlaps(tokens)
    }

    func alternatives(memberNames: [String: String]) -> [(label: String, by: String, text: String?)] {
        var shown: [(label: String, by: String, text: String?)] = []
        for (alternative, wording) in zip(collision.alternatives, wordings) {
            let by = Compilation.names(alternative.members, memberNames)
            shown.append(("Alt \(shown.count + 1) (\(by))", by, wording))
        }
        for change in extra {
            guard let changed = change.tokenRange else { continue }
            let text = WordDiff.join(baseTokens, range.lowerBound..<changed.lowerBound) + change.newFragment
                + WordDiff.join(baseTokens, changed.upperBound..<range.upperBound)
            let by = Compilation.names(change.members, memberNames)
            shown.append(("Alt \(shown.count + 1) (\(by))", by, text))
        }
        return shown
    }

    /// The base's words in the passage.
    var baseWording: String { WordDiff.join(baseTokens, range) }

    /// What a whole paragraph `text` says in the passage: its words between the base's before and
    /// after it (nil: the paragraph is deleted; the whole text when it differs outside).
    func wording(of text: String) -> String? {
        guard !text.isEmpty else { return nil }
        return between(text, range) ?? text
    }

    /// What `text` has between the base's tokens before and after `passage`; nil when it differs
    /// from the base outside it.
    private func between(_ text: String, _ passage: Range<Int>) -> String? {
        let prefix = WordDiff.join(baseTokens, 0..<passage.lowerBound)
        let suffix = WordDiff.join(baseTokens, passage.upperBound..<baseTokens.count)
        guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count >= prefix.count + suffix.count else { return nil }
        return String(text.dropFirst(prefix.count).dropLast(suffix.count))
    }

    /// Each alternative's words between the base tokens before and after `passage`; nil when an
    /// alternative differs from the base outside it.
    private func wordings(of passage: Range<Int>) -> [String?]? {
        var result: [String?] = []
        for alternative in collision.alternatives {
            if alternative.text.isEmpty { result.append(nil); continue }
            guard let wording = between(alternative.text, passage) else { return nil }
            result.append(wording)
        }
        return result
    }

    /// The tokens of a paragraph after its leading number (and the space after it).
    private static func body(of tokens: [Tokenizer.Token]) -> Range<Int> {
        Tokenizer.afterLeadingNumber(tokens)..<tokens.count
    }

    /// `span` widened to whole sentences: from after the sentence end before it to the sentence
    /// end after it (with the space that follows), within the paragraph's body.
    private static func sentences(around span: Range<Int>, in tokens: [Tokenizer.Token]) -> Range<Int> {
        let body = body(of: tokens)
        func endsSentence(_ index: Int) -> Bool {
            guard tokens[index].kind == .punctuation else { return false }
            let mark = tokens[index].text
            // A full stop inside a number or an abbreviation ("9.c", "e.g.") is followed by a letter.
            if mark == "." { return index + 1 >= tokens.count || tokens[index + 1].kind == .whitespace }
            return ["。", "！", "？", "!", "?", "；", ";", "۔", "؟"].contains(mark)
        }
        var lower = max(span.lowerBound, body.lowerBound)
        while lower > body.lowerBound, !endsSentence(lower - 1) { lower -= 1 }
        while lower < span.lowerBound, tokens[lower].kind == .whitespace { lower += 1 }
        var upper = max(span.upperBound, lower)
        while upper < tokens.count, !(upper > span.lowerBound && endsSentence(upper - 1)) { upper += 1 }
        return lower..<min(max(upper, span.upperBound), tokens.count)
    }
}
