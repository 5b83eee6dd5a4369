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

/// N-way merge of member proposals against a base draft.
public enum ProposalMerge {

    /// Merges full proposals and single-paragraph proposals into `base`.
    ///
    /// Paragraphs are aligned between the base and each proposal; a paragraph changed by several
    /// members is merged word by word (character by character in CJK text): changes to different
    /// passages combine, identical changes merge with all their members, and different changes to
    /// the same passage make a collision, where the base paragraph is kept.
    ///
    /// - Parameter alignments: for each of `proposals`, its alignment with the base when the caller
    ///   has it already (`BlockAlignment.align(base blocks, proposal blocks)`), to save doing it twice.
    public static func merge(base: String, proposals: [Proposal],
                             paragraphProposals: [ParagraphProposal] = [],
                             alignments: [[BlockAlignment.Step]?] = []) -> MergeResult {
        let baseDocument = DraftDocument.parse(base)
        let baseTexts = baseDocument.blockTexts
        var allProposals: [(members: [String], blocks: [String])] = proposals.map {
            (normalize($0.members), $0.blocks ?? DraftDocument.splitBlocks($0.text))
        }
        var knownSteps: [[BlockAlignment.Step]?] = proposals.indices.map { $0 < alignments.count ? alignments[$0] : nil }
        var unmatched: [ParagraphProposal] = []
        for proposal in paragraphProposals {
            guard let index = baseDocument.index(ofAnchor: proposal.anchor) else {
                unmatched.append(proposal)
                continue
            }
            var blocks = baseTexts
            let replacement = DraftDocument.splitBlocks(proposal.text)
            blocks.replaceSubrange(index...index, with: replacement)
            allProposals.append((normalize(proposal.members), blocks))
            // One paragraph replaced: the alignment is known without comparing the whole draft.
            var steps: [BlockAlignment.Step] = (0..<index).map { .same(old: $0, new: $0) }
            if replacement.isEmpty {
                steps.append(.deleted(old: index))
            } else if replacement[0] == baseTexts[index] {
                steps.append(.same(old: index, new: index))
            } else {
                steps.append(.modified(old: index, new: index))
            }
            for extra in replacement.indices.dropFirst() { steps.append(.inserted(new: index + extra)) }
            let shift = replacement.count - 1
            for old in (index + 1)..<max(index + 1, baseTexts.count) { steps.append(.same(old: old, new: old + shift)) }
            knownSteps.append(steps)
        }

        // What each proposal does to each base block and gap.
        let count = baseTexts.count
        var blockEdits = [[BlockEdit]](repeating: [], count: count)
        var gapInsertions = [[GapInsertion]](repeating: [], count: count + 1)
        for (proposalIndex, proposal) in allProposals.enumerated() {
            var lastKept = -1
            var pendingInsert: [String] = []
            func flushInsert() {
                if !pendingInsert.isEmpty {
                    gapInsertions[lastKept + 1].append(GapInsertion(proposal: proposalIndex, members: proposal.members,
                                                                    blocks: pendingInsert))
                    pendingInsert = []
                }
            }
            for step in knownSteps[proposalIndex] ?? BlockAlignment.align(baseTexts, proposal.blocks) {
                switch step {
                case .same(let old, _):
                    flushInsert()
                    lastKept = old
                case .modified(let old, let new):
                    flushInsert()
                    blockEdits[old].append(BlockEdit(proposal: proposalIndex, members: proposal.members,
                                                     newText: proposal.blocks[new]))
                    lastKept = old
                case .deleted(let old):
                    blockEdits[old].append(BlockEdit(proposal: proposalIndex, members: proposal.members, newText: nil))
                case .inserted(let new):
                    pendingInsert.append(proposal.blocks[new])
                }
            }
            flushInsert()
        }

        var builder = Builder(base: baseDocument)
        for gap in 0...count {
            builder.handleInsertions(gapInsertions[gap], gap: gap)
            if gap < count { builder.handleBlock(gap, edits: blockEdits[gap]) }
        }

        let candidate = DraftDocument(blockTexts: builder.candidateBlocks)
        var anchorMap: [String: String?] = [:]
        var orphaned: [String] = []
        for block in baseDocument.blocks {
            if let position = builder.candidatePosition[block.index] {
                anchorMap[block.anchor] = .some(candidate.blocks[position].anchor)
            } else {
                anchorMap[block.anchor] = .some(nil)
                orphaned.append(block.anchor)
            }
        }
        return MergeResult(base: baseDocument, text: candidate.render(), changes: builder.changes,
                           collisions: builder.collisions, anchorMap: anchorMap, orphanedAnchors: orphaned,
                           unmatchedParagraphProposals: unmatched, slots: builder.slots)
    }

    static func normalize(_ members: [String]) -> [String] {
        Array(Set(members)).sorted()
    }

    static func union(_ groups: [[String]]) -> [String] {
        normalize(groups.flatMap { $0 })
    }
}

private struct BlockEdit {
    var proposal: Int
    var members: [String]
    /// nil: the proposal deletes the block.
    var newText: String?
}

private struct GapInsertion {
    var proposal: Int
    var members: [String]
    var blocks: [String]
}

/// One distinct version of a base paragraph, with every member who proposed it.
private struct Variant {
    var text: String?  // nil: deleted
    var members: [String]
}

/// A word-level change one or more variants make to a base paragraph.
private struct HunkGroup {
    var range: Range<Int>
    var replacement: [Tokenizer.Token]
    var replacementText: String
    var variants: [Int]

    /// Whether two different changes cannot both be applied: they overlap, or one inserts at the
    /// edge of (or inside) what the other replaces, or both insert different text at the same point.
    func collides(with other: HunkGroup) -> Bool {
        HunkGroup.touches(range, other.range)
    }

    static func touches(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        if first == second { return true }
        if first.isEmpty || second.isEmpty {
            return first.lowerBound <= second.upperBound && second.lowerBound <= first.upperBound
                && !(first.isEmpty && second.isEmpty)
        }
        return first.lowerBound < second.upperBound && second.lowerBound < first.upperBound
    }
}

private struct Builder {
    let base: DraftDocument
    var candidateBlocks: [String] = []
    var candidatePosition: [Int: Int] = [:]
    var slots: [MergeResult.Slot] = []
    var changes: [AttributedChange] = []
    var collisions: [Collision] = []

    init(base: DraftDocument) {
        self.base = base
    }

    private func insertionAnchor(gap: Int) -> String {
        if gap > 0 { return "after \(base.blocks[gap - 1].anchor)" }
        return base.blocks.isEmpty ? "start" : "before \(base.blocks[0].anchor)"
    }

    private mutating func nextCollisionID() -> String { "C\(collisions.count + 1)" }

    mutating func handleInsertions(_ insertions: [GapInsertion], gap: Int) {
        guard !insertions.isEmpty else { return }
        var groups: [(blocks: [String], members: [[String]])] = []
        for insertion in insertions {
            if let index = groups.firstIndex(where: { $0.blocks == insertion.blocks }) {
                groups[index].members.append(insertion.members)
            } else {
                groups.append((insertion.blocks, [insertion.members]))
            }
        }
        let anchor = insertionAnchor(gap: gap)
        if groups.count == 1 {
            let group = groups[0]
            changes.append(AttributedChange(kind: .insertedParagraphs, anchor: anchor, baseFragment: "",
                                            newFragment: group.blocks.joined(separator: "\n\n"),
                                            members: ProposalMerge.union(group.members), blockIndex: gap, tokenRange: nil))
            for block in group.blocks {
                slots.append(.text(block))
                candidateBlocks.append(block)
            }
            return
        }
        let id = nextCollisionID()
        let alternatives = groups.map { group -> Collision.Alternative in
            let text = group.blocks.joined(separator: "\n\n")
            return Collision.Alternative(members: ProposalMerge.union(group.members), text: text, fragment: text)
        }
        collisions.append(Collision(id: id, anchor: anchor, baseText: "", baseFragment: "", alternatives: alternatives,
                                    isInsertion: true, blockIndex: gap, tokenRange: nil, otherChanges: []))
        slots.append(.collision(id: id, fallback: nil))
    }

    private mutating func keep(_ index: Int, text: String) {
        candidatePosition[index] = candidateBlocks.count
        candidateBlocks.append(text)
        slots.append(.text(text))
    }

    mutating func handleBlock(_ index: Int, edits: [BlockEdit]) {
        let block = base.blocks[index]
        guard !edits.isEmpty else {
            keep(index, text: block.text)
            return
        }
        // Distinct versions, in the order of the proposals that first made them.
        var variants: [Variant] = []
        var variantIndex: [ExactString?: Int] = [:]  // by exact bytes: no Unicode normalization of long texts
        for edit in edits {
            let key = edit.newText.map(ExactString.init)
            if let existing = variantIndex[key] {
                variants[existing].members = ProposalMerge.union([variants[existing].members, edit.members])
            } else {
                variantIndex[key] = variants.count
                variants.append(Variant(text: edit.newText, members: edit.members))
            }
        }

        if variants.count == 1 && variants[0].text == nil {
            changes.append(AttributedChange(kind: .deletedParagraph, anchor: block.anchor, baseFragment: block.text,
                                            newFragment: "", members: variants[0].members, blockIndex: index,
                                            tokenRange: nil))
            return
        }

        let base = WordDiff.Base(block.text)
        let baseTokens = base.tokens
        if variants.contains(where: { $0.text == nil }) {
            // Some members delete the paragraph, others edit it.
            let alternatives = variants.map {
                Collision.Alternative(members: $0.members, text: $0.text ?? "", fragment: $0.text ?? "")
            }
            addCollision(index, alternatives: alternatives, tokenRange: 0..<baseTokens.count, otherChanges: [])
            return
        }

        // Word-level merge.
        var groups: [HunkGroup] = []
        var groupIndex: [String: Int] = [:]
        for (variantIndex, variant) in variants.enumerated() {
            let comparison = WordDiff.compare(base, variant.text ?? "")
            let newTokens = comparison.newTokens
            for hunk in comparison.hunks {
                let replacement = Array(newTokens[hunk.b])
                let replacementText = WordDiff.join(newTokens, hunk.b)
                let key = "\(hunk.a.lowerBound):\(hunk.a.upperBound):\(replacementText)"
                if let existing = groupIndex[key] {
                    groups[existing].variants.append(variantIndex)
                } else {
                    groupIndex[key] = groups.count
                    groups.append(HunkGroup(range: hunk.a, replacement: replacement, replacementText: replacementText,
                                            variants: [variantIndex]))
                }
            }
        }
        groups.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }

        var colliding = [Bool](repeating: false, count: groups.count)
        for i in groups.indices {
            var j = i + 1
            while j < groups.count && groups[j].range.lowerBound <= groups[i].range.upperBound {
                if groups[i].collides(with: groups[j]) {
                    colliding[i] = true
                    colliding[j] = true
                }
                j += 1
            }
        }

        func change(_ group: HunkGroup) -> AttributedChange {
            AttributedChange(kind: .modified, anchor: block.anchor,
                             baseFragment: WordDiff.join(baseTokens, group.range),
                             newFragment: group.replacementText,
                             members: ProposalMerge.union(group.variants.map { variants[$0].members }),
                             blockIndex: index, tokenRange: group.range)
        }

        guard let firstColliding = colliding.firstIndex(of: true) else {
            var merged = ""
            var position = 0
            for group in groups {
                merged += WordDiff.join(baseTokens, position..<group.range.lowerBound)
                merged += group.replacementText
                position = group.range.upperBound
                changes.append(change(group))
            }
            merged += WordDiff.join(baseTokens, position..<baseTokens.count)
            keep(index, text: merged)
            return
        }

        // The colliding passage: from the first to the last colliding change, widened until no
        // other change reaches into it.
        var span = groups[firstColliding].range
        var inSpan = colliding
        for i in groups.indices where colliding[i] {
            span = min(span.lowerBound, groups[i].range.lowerBound)..<max(span.upperBound, groups[i].range.upperBound)
        }
        var widened = true
        while widened {
            widened = false
            for i in groups.indices where !inSpan[i] && HunkGroup.touches(groups[i].range, span) {
                inSpan[i] = true
                span = min(span.lowerBound, groups[i].range.lowerBound)..<max(span.upperBound, groups[i].range.upperBound)
                widened = true
            }
        }
        let alternatives = variants.enumerated().map { variantIndex, variant -> Collision.Alternative in
            var fragment = ""
            var position = span.lowerBound
            for (i, group) in groups.enumerated() where inSpan[i] && group.variants.contains(variantIndex) {
                fragment += WordDiff.join(baseTokens, position..<group.range.lowerBound)
                fragment += group.replacementText
                position = group.range.upperBound
            }
            fragment += WordDiff.join(baseTokens, position..<span.upperBound)
            return Collision.Alternative(members: variant.members, text: variant.text ?? "", fragment: fragment)
        }
        let others = groups.indices.filter { !inSpan[$0] }.map { change(groups[$0]) }
        addCollision(index, alternatives: alternatives, tokenRange: span, otherChanges: others)
    }

    private mutating func addCollision(_ index: Int, alternatives: [Collision.Alternative], tokenRange: Range<Int>,
                                       otherChanges: [AttributedChange]) {
        let block = base.blocks[index]
        let tokens = Tokenizer.tokenize(block.text)
        let id = nextCollisionID()
        collisions.append(Collision(id: id, anchor: block.anchor, baseText: block.text,
                                    baseFragment: WordDiff.join(tokens, tokenRange), alternatives: alternatives,
                                    isInsertion: false, blockIndex: index, tokenRange: tokenRange,
                                    otherChanges: otherChanges))
        candidatePosition[index] = candidateBlocks.count
        candidateBlocks.append(block.text)
        slots.append(.collision(id: id, fallback: block.text))
    }
}
