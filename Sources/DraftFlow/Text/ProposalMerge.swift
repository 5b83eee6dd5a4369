import Foundation

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
        merge(base: base, proposals: proposals, paragraphProposals: paragraphProposals, alignments: alignments, placingParagraphs: true)
    }

    /// `merge`, with `placingParagraphs` false the general way: each paragraph proposal made into a
    /// whole proposal (the base's blocks with that paragraph replaced, and their alignment) and read
    /// step by step like the others. True puts its edit and insertion at the paragraph directly, in
    /// the same order, without a copy of the base's blocks and a step per block for each (at 772
    /// members, thousands of them: most of the merge's fresh memory).
    static func merge(base: String, proposals: [Proposal], paragraphProposals: [ParagraphProposal],
                      alignments: [[BlockAlignment.Step]?], placingParagraphs: Bool) -> MergeResult {
        let baseDocument = DraftDocument.parse(base)
        let baseTexts = baseDocument.blockTexts
        var allProposals: [(members: [String], blocks: [String])] = proposals.map {
            (normalize($0.members), $0.blocks ?? DraftDocument.splitBlocks($0.text))
        }
        var knownSteps: [[BlockAlignment.Step]?] = proposals.indices.map { $0 < alignments.count ? alignments[$0] : nil }
        var unmatched: [ParagraphProposal] = []
        // Paragraph proposals placed directly: members, the base block, the blocks that replace it.
        var placed: [(members: [String], index: Int, blocks: [String])] = []
        for proposal in paragraphProposals {
            guard let index = baseDocument.index(ofAnchor: proposal.anchor) else {
                unmatched.append(proposal)
                continue
            }
            let replacement = DraftDocument.splitBlocks(proposal.text)
            if placingParagraphs {
                placed.append((normalize(proposal.members), index, replacement))
                continue
            }
            var blocks = baseTexts
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
        // What reading a placed proposal's steps gives: nothing before its paragraph; there, a
        // deletion, or an edit unless its first block is the base's; its further blocks inserted
        // in the gap after the paragraph.
        for (offset, proposal) in placed.enumerated() {
            let proposalIndex = allProposals.count + offset
            let index = proposal.index
            guard let first = proposal.blocks.first else {
                blockEdits[index].append(BlockEdit(proposal: proposalIndex, members: proposal.members, newText: nil))
                continue
            }
            if first != baseTexts[index] {
                blockEdits[index].append(BlockEdit(proposal: proposalIndex, members: proposal.members, newText: first))
            }
            if proposal.blocks.count > 1 {
                gapInsertions[index + 1].append(GapInsertion(proposal: proposalIndex, members: proposal.members,
                                                             blocks: Array(proposal.blocks.dropFirst())))
            }
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

    private mutating func nextCollisionID() -> String { RecordedCollision.id(number: collisions.count + 1) }

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
