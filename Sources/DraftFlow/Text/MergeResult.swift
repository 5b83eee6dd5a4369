import Foundation

/// A member's (or several members' joint) edited copy of the whole draft.
public struct Proposal: Sendable, Equatable, Hashable {
    /// Member codes, e.g. ["CAN"].
    public var members: [String]
    /// The full edited text.
    public var text: String
    /// The text already split into blocks, when the caller has it (saves splitting it again).
    var blocks: [String]?

    public init(members: [String], text: String) {
        self.members = members
        self.text = text
    }
}

/// A comment that proposes new text for one paragraph of the draft. `text` may hold several
/// blocks (separated by blank lines) to split the paragraph or add paragraphs after it; "" deletes it.
public struct ParagraphProposal: Sendable, Equatable, Hashable {
    public var members: [String]
    /// Anchor of the base paragraph ("2.3" or "¶7").
    public var anchor: String
    public var text: String

    public init(members: [String], anchor: String, text: String) {
        self.members = members
        self.anchor = anchor
        self.text = text
    }
}

/// A change applied to the candidate text, with the members who proposed it.
public struct AttributedChange: Sendable, Equatable, Hashable {
    public enum Kind: Sendable, Equatable, Hashable {
        /// Words replaced, inserted or deleted inside a base paragraph.
        case modified
        /// A whole base paragraph deleted.
        case deletedParagraph
        /// New paragraphs inserted between base paragraphs.
        case insertedParagraphs
    }

    public var kind: Kind
    /// Anchor of the base paragraph, or "after X" ("before X" at the very start) for inserted paragraphs.
    public var anchor: String
    /// The base text replaced ("" for an insertion).
    public var baseFragment: String
    /// The new text ("" for a deletion). Inserted paragraphs are joined by a blank line.
    public var newFragment: String
    /// Member codes, sorted, without duplicates.
    public var members: [String]
    /// Index of the base block; for inserted paragraphs, the index of the base block they precede
    /// (the number of base blocks when they come at the end).
    public var blockIndex: Int
    /// For `.modified`: the range of `Tokenizer.tokenize(baseBlockText)` that is replaced.
    public var tokenRange: Range<Int>?

    public init(kind: Kind, anchor: String, baseFragment: String, newFragment: String, members: [String],
                blockIndex: Int, tokenRange: Range<Int>?) {
        self.kind = kind
        self.anchor = anchor
        self.baseFragment = baseFragment
        self.newFragment = newFragment
        self.members = members
        self.blockIndex = blockIndex
        self.tokenRange = tokenRange
    }
}

/// Members changing the same passage differently. Nothing is applied there: the candidate keeps
/// the base text until the secretariat resolves it.
public struct Collision: Sendable, Equatable, Hashable, Identifiable {
    /// One member's (or identical members') version.
    public struct Alternative: Sendable, Equatable, Hashable {
        /// Member codes, sorted, without duplicates.
        public var members: [String]
        /// The whole paragraph as it would read with these members' changes ("" = deleted).
        /// For colliding insertions, the inserted paragraphs joined by a blank line.
        public var text: String
        /// What these members put in place of `Collision.baseFragment`.
        public var fragment: String

        public init(members: [String], text: String, fragment: String) {
            self.members = members
            self.text = text
            self.fragment = fragment
        }
    }

    /// "C1", "C2", … in document order.
    public var id: String
    /// Anchor of the base paragraph, or "after X" for colliding insertions.
    public var anchor: String
    /// The whole base paragraph ("" for colliding insertions).
    public var baseText: String
    /// The exact colliding passage of the base paragraph.
    public var baseFragment: String
    /// The alternatives, in the order of the proposals that first made them.
    public var alternatives: [Alternative]
    /// True when the collision is between different paragraphs inserted at the same place.
    public var isInsertion: Bool
    /// Index of the base block (for insertions: the base block the insertions precede).
    public var blockIndex: Int
    /// The colliding passage as a range of `Tokenizer.tokenize(baseText)`; nil for insertions.
    public var tokenRange: Range<Int>?
    /// Proposed changes in the same paragraph outside the colliding passage. Not applied (the
    /// paragraph stays as in the base until resolved), listed for the compilation text.
    public var otherChanges: [AttributedChange]

    public init(id: String, anchor: String, baseText: String, baseFragment: String, alternatives: [Alternative],
                isInsertion: Bool, blockIndex: Int, tokenRange: Range<Int>?, otherChanges: [AttributedChange]) {
        self.id = id
        self.anchor = anchor
        self.baseText = baseText
        self.baseFragment = baseFragment
        self.alternatives = alternatives
        self.isInsertion = isInsertion
        self.blockIndex = blockIndex
        self.tokenRange = tokenRange
        self.otherChanges = otherChanges
    }
}

/// The outcome of merging proposals into a base draft.
public struct MergeResult: Sendable, Equatable {
    /// One block of the candidate: settled text, or a collision still to resolve.
    public enum Slot: Sendable, Equatable, Hashable {
        case text(String)
        /// `fallback` is what the candidate shows until resolution: the base paragraph, or nothing.
        case collision(id: String, fallback: String?)
    }

    /// The base draft.
    public var base: DraftDocument
    /// The candidate: the base with every non-colliding change applied.
    public var text: String
    /// Applied changes, in document order.
    public var changes: [AttributedChange]
    /// Collisions, in document order.
    public var collisions: [Collision]
    /// Each base anchor → the anchor of the block it became in the candidate (nil when deleted).
    public var anchorMap: [String: String?]
    /// Base anchors whose paragraph is gone from the candidate, in document order.
    public var orphanedAnchors: [String]
    /// Paragraph proposals whose anchor is not in the base (not merged).
    public var unmatchedParagraphProposals: [ParagraphProposal]
    /// The candidate's blocks, collisions marked.
    public var slots: [Slot]

    /// The text with the given collisions resolved: collision id → chosen paragraph text ("" to drop
    /// the paragraph). Collisions not listed keep the base text.
    public func applying(resolution: [String: String]) -> String {
        var blocks: [String] = []
        for slot in slots {
            switch slot {
            case .text(let text):
                blocks.append(text)
            case .collision(let id, let fallback):
                if let chosen = resolution[id] {
                    let trimmed = chosen.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !trimmed.isEmpty { blocks.append(contentsOf: DraftDocument.splitBlocks(chosen)) }
                } else if let fallback {
                    blocks.append(fallback)
                }
            }
        }
        return DraftDocument.render(blockTexts: blocks)
    }

    /// The collision with this id.
    public func collision(id: String) -> Collision? {
        collisions.first { $0.id == id }
    }
}
