import Foundation
import Parallel

/// Builds the candidate next draft of a round from scratch: the base version, every member's
/// latest edited copy and proposed paragraph texts, the secretariat's dispositions and the
/// collisions it resolved. The same inputs always give the same candidate.
public struct CandidateBuilder: Sendable {
    /// The pseudo-member to whom the secretariat's own texts (modified dispositions) are attributed.
    public static let secretariatCode = "SECRETARIAT"

    public struct Input: Sendable {
        public var member: String
        /// The member's edited copy of the draft, if any, split and aligned with the base by
        /// `prepare` (its unchanged blocks left empty: they are the base's), so that 193 whole
        /// copies need not be held in memory at once.
        public var aligned: Aligned?
        /// The member's comments in their latest submission.
        public var comments: [Comment]

        public init(member: String, aligned: Aligned?, comments: [Comment]) {
            self.member = member
            self.aligned = aligned
            self.comments = comments
        }
    }

    /// An edited copy's blocks (unchanged ones empty) and its alignment with the base.
    public struct Aligned: Sendable {
        public var blocks: [String]
        public var steps: [BlockAlignment.Step]
    }

    /// The base version's blocks, as text and as bytes, to compare edited copies with.
    public struct BaseBlocks: Sendable {
        public let texts: [String]
        let bytes: [[UInt8]]

        public init(_ text: String) {
            texts = DraftDocument.splitBlocks(text)
            bytes = texts.map { Array($0.utf8) }
        }
    }

    /// Splits and aligns an edited copy with the base, keeping only the blocks it changed.
    public static func prepare(_ proposal: String, baseBlocks: [String]) -> Aligned {
        var blocks = DraftDocument.splitBlocks(proposal)
        let steps = BlockAlignment.align(baseBlocks, blocks)
        for step in steps {
            if case .same(_, let new) = step { blocks[new] = "" }
        }
        return Aligned(blocks: blocks, steps: steps)
    }

    /// `prepare` on the bytes of an edited copy, checking them as `TextInput.validate` does (`what`
    /// names the file in errors).
    ///
    /// The usual copy keeps every paragraph in its place. That case is found on the bytes: each
    /// block is compared with the base's block at the same position, and only the blocks that differ
    /// are decoded (and checked as UTF-8: the others are the base's own bytes). Any other copy is
    /// decoded whole and aligned by `BlockAlignment`, with the same result as `prepare`.
    public static func prepare(_ data: Data, base: BaseBlocks, what: String) throws -> Aligned {
        if data.count > TextInput.maximumSize || data.isEmpty {
            return prepare(try TextInput.validate(data, what: what), baseBlocks: base.texts)
        }
        let inPlace: Aligned? = data.withUnsafeBytes { raw -> Aligned? in
            let bytes = raw.bindMemory(to: UInt8.self)
            if memchr(raw.baseAddress!, 0, raw.count) != nil { return nil }  // validate names the problem
            var spans: [Range<Int>] = []  // each block's bytes, when its lines are contiguous
            var contiguous = true
            DraftDocument.scanBlocks(bytes) { lines in
                if !DraftDocument.isContiguous(lines) { contiguous = false }
                spans.append(lines.first!.lowerBound..<lines.last!.upperBound)
            }
            guard contiguous, spans.count == base.bytes.count else { return nil }
            func equal(_ span: Range<Int>, _ other: [UInt8]) -> Bool {
                span.count == other.count && other.withUnsafeBufferPointer { memcmp(raw.baseAddress! + span.lowerBound, $0.baseAddress!, span.count) == 0 }
            }
            // Copy blocks by length, to find a base block moved elsewhere in the copy.
            var byLength: [Int: [Int]]?
            func copyContains(_ block: [UInt8]) -> Bool {
                if byLength == nil {
                    var table: [Int: [Int]] = [:]
                    for (index, span) in spans.enumerated() { table[span.count, default: []].append(index) }
                    byLength = table
                }
                return byLength![block.count]?.contains { equal(spans[$0], block) } ?? false
            }
            var steps: [BlockAlignment.Step] = []
            steps.reserveCapacity(spans.count)
            var texts = [String](repeating: "", count: spans.count)
            for (index, span) in spans.enumerated() {
                if equal(span, base.bytes[index]) {
                    steps.append(.same(old: index, new: index))
                    continue
                }
                guard let text = String(validating: bytes[span], as: UTF8.self) else { return nil }
                if text == base.texts[index] {  // the same text in another Unicode normalization
                    steps.append(.same(old: index, new: index))
                } else if base.bytes[index].withUnsafeBufferPointer({ BlockAlignment.sharesEnds($0, UnsafeBufferPointer(rebasing: bytes[span])) })
                            && !copyContains(base.bytes[index]) {
                    steps.append(.modified(old: index, new: index))
                    texts[index] = text
                } else {
                    return nil
                }
            }
            return Aligned(blocks: texts, steps: steps)
        }
        if let inPlace { return inPlace }
        return prepare(try TextInput.validate(data, what: what), baseBlocks: base.texts)
    }

    public struct Candidate: Sendable {
        /// The candidate text, with resolved collisions applied.
        public var text: String
        public var merge: MergeResult
        public var collisions: [RecordedCollision]
        public var changes: [RecordedChange]
        public var edits: [Comment]
        public var orphaned: [String]
    }

    public var base: String
    public var inputs: [Input]
    public var dispositions: [Disposition]
    public var resolutions: [Resolution]

    public init(base: String, inputs: [Input], dispositions: [Disposition], resolutions: [Resolution]) {
        self.base = base
        self.inputs = inputs
        self.dispositions = dispositions
        self.resolutions = resolutions
    }

    public func build() -> Candidate {
        let baseDocument = DraftDocument.parse(base)
        let baseTexts = baseDocument.blockTexts
        let decisions = Dictionary(dispositions.map { ($0.comment, $0) }, uniquingKeysWith: { _, last in last })
        // A proposed change is out of the text once the secretariat did not accept it as proposed.
        func isWithdrawn(_ id: String) -> Bool {
            guard let decision = decisions[id]?.decision else { return false }
            return decision != .accepted
        }

        var proposals: [Proposal] = []
        var alignments: [[BlockAlignment.Step]?] = []
        var paragraphProposals: [ParagraphProposal] = []
        var edits: [Comment] = []
        for input in inputs.sorted(by: { $0.member < $1.member }) {
            let anchoredWithText = Set(input.comments.compactMap { comment -> String? in
                guard case .paragraph(let anchor) = comment.anchor, comment.proposedChange != nil else { return nil }
                return anchor
            })
            var revert = Set<String>()
            for comment in input.comments where isWithdrawn(comment.id) {
                if case .paragraph(let anchor) = comment.anchor { revert.insert(anchor) }
            }
            if let aligned = input.aligned {
                let (proposalTexts, steps) = (aligned.blocks, aligned.steps)
                // Changes in the edited copy that no comment of the member describes become edits.
                var editNumber = 0
                var editIndex: [String: Int] = [:]  // this member's edit at each anchor
                var previousAnchor = "start"
                for step in steps {
                    var key: String?
                    var before = "", after = ""
                    switch step {
                    case .same(let old, _):
                        previousAnchor = baseDocument.blocks[old].anchor
                    case .modified(let old, let new):
                        key = baseDocument.blocks[old].anchor
                        before = baseTexts[old]
                        after = proposalTexts[new]
                        previousAnchor = baseDocument.blocks[old].anchor
                    case .deleted(let old):
                        key = baseDocument.blocks[old].anchor
                        before = baseTexts[old]
                        previousAnchor = baseDocument.blocks[old].anchor
                    case .inserted(let new):
                        key = "after " + previousAnchor
                        after = proposalTexts[new]
                    }
                    guard let key, !anchoredWithText.contains(key) else { continue }
                    if let index = editIndex[key] {
                        // Several paragraphs inserted at one place make one edit.
                        edits[index].proposedChange = (edits[index].proposedChange ?? "") + "\n\n" + after
                        continue
                    }
                    editIndex[key] = edits.count
                    editNumber += 1
                    let what = before.isEmpty ? "Inserts a paragraph" : after.isEmpty ? "Deletes paragraph \(key)" : "Changes paragraph \(key)"
                    edits.append(Comment(id: "\(input.member)-E\(editNumber)", member: input.member,
                                         parsed: ParsedComment(anchor: .paragraph(key), type: .editorial,
                                                               text: "\(what) in the member's edited copy of the draft.",
                                                               proposedChange: after)))
                }
                for index in editIndex.values where isWithdrawn(edits[index].id) {
                    if case .paragraph(let anchor) = edits[index].anchor { revert.insert(anchor) }
                }
                if revert.isEmpty {
                    var whole = Proposal(members: [input.member], text: "")
                    whole.blocks = proposalTexts
                    proposals.append(whole)
                } else {
                    proposals.append(Proposal(members: [input.member],
                                              text: Self.reverting(revert, in: steps, base: baseDocument, proposal: proposalTexts)))
                }
                // Unchanged by dispositions, the proposal's alignment is the one just computed.
                alignments.append(revert.isEmpty ? steps : nil)
            }
            for comment in input.comments {
                guard case .paragraph(let anchor) = comment.anchor, let text = comment.proposedChange, !isWithdrawn(comment.id) else { continue }
                paragraphProposals.append(ParagraphProposal(members: [input.member], anchor: anchor,
                                                            text: Self.numbered(text, like: baseDocument.block(anchor: anchor))))
            }
        }
        var commentsByID: [String: Comment] = [:]
        for comment in inputs.flatMap(\.comments) + edits { commentsByID[comment.id] = comment }
        for disposition in dispositions where disposition.decision == .modified {
            guard let text = disposition.text else { continue }
            let comment = commentsByID[disposition.comment]
            guard let comment, case .paragraph(let anchor) = comment.anchor else { continue }
            paragraphProposals.append(ParagraphProposal(members: [Self.secretariatCode], anchor: anchor,
                                                        text: Self.numbered(text, like: baseDocument.block(anchor: anchor))))
        }

        let merge = ProposalMerge.merge(base: base, proposals: proposals, paragraphProposals: paragraphProposals, alignments: alignments)
        var chosen: [String: String] = [:]
        var collisions: [RecordedCollision] = []
        for collision in merge.collisions {
            let alternatives = collision.alternatives.map { RecordedCollision.Alternative(members: $0.members, text: $0.text) }
            var applied: Resolution?
            if let resolution = resolutions.last(where: { $0.anchor == collision.anchor }) {
                switch resolution.choice {
                case .text(let text):
                    chosen[collision.id] = Self.numbered(text, like: baseDocument.block(anchor: collision.anchor))
                    applied = resolution
                case .base:
                    chosen[collision.id] = collision.isInsertion ? "" : collision.baseText
                    applied = resolution
                case .member(let take):
                    if let alternative = collision.alternatives.first(where: { $0.members.contains(take) }) {
                        chosen[collision.id] = alternative.text
                        applied = resolution
                    }
                }
            }
            collisions.append(RecordedCollision(id: collision.id, paragraph: collision.anchor, baseText: collision.baseText,
                                                alternatives: alternatives, resolution: applied))
        }
        let changes = merge.changes.map { change -> RecordedChange in
            let kind: ChangeKind
            switch change.kind {
            case .modified: kind = .modified
            case .deletedParagraph: kind = .deleted
            case .insertedParagraphs: kind = .inserted
            }
            return RecordedChange(paragraph: change.anchor, kind: kind, before: change.baseFragment, after: change.newFragment, members: change.members)
        }
        var orphaned: [String] = []
        for comment in inputs.flatMap(\.comments) {
            guard case .paragraph(let anchor) = comment.anchor else { continue }
            if baseDocument.block(anchor: anchor) == nil || merge.anchorMap[anchor] == .some(nil) {
                orphaned.append(comment.id)
            }
        }
        return Candidate(text: merge.applying(resolution: chosen), merge: merge, collisions: collisions, changes: changes,
                         edits: edits, orphaned: orphaned)
    }

    /// `prepare` for several copies (each with the name it goes by in errors), on every core.
    public static func prepareConcurrently(_ copies: [(data: Data, what: String)], base: BaseBlocks) throws -> [Aligned] {
        try concurrentMap(copies) { try prepare($0.data, base: base, what: $0.what) }
    }

    /// The member's blocks with the paragraphs in `anchors` put back as they were in the base.
    static func reverting(_ anchors: Set<String>, in steps: [BlockAlignment.Step], base: DraftDocument, proposal: [String]) -> String {
        var blocks: [String] = []
        var previousAnchor = "start"
        for step in steps {
            switch step {
            case .same(let old, _):
                // Unchanged: the base's block (the copy's may have been dropped to save memory).
                blocks.append(base.blocks[old].text)
                previousAnchor = base.blocks[old].anchor
            case .modified(let old, let new):
                blocks.append(anchors.contains(base.blocks[old].anchor) ? base.blocks[old].text : proposal[new])
                previousAnchor = base.blocks[old].anchor
            case .deleted(let old):
                if anchors.contains(base.blocks[old].anchor) { blocks.append(base.blocks[old].text) }
                previousAnchor = base.blocks[old].anchor
            case .inserted(let new):
                if !anchors.contains("after " + previousAnchor) { blocks.append(proposal[new]) }
            }
        }
        return DraftDocument.render(blockTexts: blocks)
    }

    /// Proposed texts often leave out the paragraph number: put it back so the paragraph keeps it.
    static func numbered(_ text: String, like block: DraftDocument.Block?) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let block, let number = block.number, !trimmed.isEmpty else { return trimmed }
        let prefix = String(block.text.prefix { $0 != " " })
        if trimmed.hasPrefix(prefix + " ") || trimmed.hasPrefix(number + " ") || trimmed.hasPrefix("#") { return trimmed }
        return prefix + " " + trimmed
    }
}
