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

    public struct Candidate: Sendable {
        /// The candidate text, with resolved collisions applied.
        public var text: String
        public var merge: MergeResult
        public var collisions: [RecordedCollision]
        public var changes: [RecordedChange]
        public var edits: [Comment]
        public var orphaned: [String]
        /// Comment id → the comment whose `modified` disposition set that paragraph's wording.
        public var superseded: [String: String]
        /// Comment id → its paragraph as the member's edited copy has it (see `MergeRecord.copyTexts`).
        public var copyTexts: [String: String]
        /// Comment id → why its proposed change was not put in the text (see `ProposalFlag`).
        public var flagged: [String: ProposalFlag]
        /// Collision id → the text its resolution put in, and whose it is (none: the base kept).
        public var resolved: [String: Compilation.Resolved]
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
        let decisions = Dictionary(dispositions.map { ($0.comment, $0) }, uniquingKeysWith: { _, last in last })
        // A proposed change is out of the text once the secretariat did not accept it as proposed.
        func isWithdrawn(_ id: String) -> Bool {
            guard let decision = decisions[id]?.decision else { return false }
            return decision != .accepted
        }
        func isDecided(_ id: String) -> Bool { decisions[id] != nil }

        // What each member's edited copy changes, and which of those changes are points of their own.
        let inputs = self.inputs.sorted(by: { $0.member < $1.member })
        let readings = inputs.map { CopyReading($0, base: baseDocument) }
        let edits: [Comment] = readings.flatMap(\.edits)
        var copyTexts: [String: String] = [:]
        for reading in readings { copyTexts.merge(reading.copyTexts) { first, _ in first } }

        // The secretariat's own wording of a paragraph (a `modified` disposition) is final: no
        // member's pending change to that paragraph is applied on top of it.
        // Only the comments such a disposition names are looked up (a merge has none: at 772
        // members the round holds 46,000 comments and edits, each a copy in the dictionary).
        let modified = Set(dispositions.lazy.filter { $0.decision == .modified }.map(\.comment))
        var commentsByID: [String: Comment] = [:]
        if !modified.isEmpty {
            for comment in inputs.lazy.flatMap(\.comments) where modified.contains(comment.id) { commentsByID[comment.id] = comment }
            for comment in edits where modified.contains(comment.id) { commentsByID[comment.id] = comment }
        }
        var finalWording: [String: (comment: String, text: String)] = [:]
        for disposition in dispositions where disposition.decision == .modified {
            guard let text = disposition.text, let comment = commentsByID[disposition.comment],
                  case .paragraph(let anchor) = comment.anchor, finalWording[anchor] == nil else { continue }
            finalWording[anchor] = (disposition.comment, text)
        }
        var superseded: [String: String] = [:]
        var flagged: [String: ProposalFlag] = [:]
        func supersede(_ id: String, at anchor: String) {
            if let final = finalWording[anchor], final.comment != id, !isDecided(id) { superseded[id] = final.comment }
        }

        // Each base paragraph's words, for checking the proposals made to it.
        var keptWords = ParagraphWords()
        func paragraphWords(_ block: DraftDocument.Block) -> [String] { keptWords.words(of: block) }
        var proposals: [Proposal] = []
        var alignments: [[BlockAlignment.Step]?] = []
        var paragraphProposals: [ParagraphProposal] = []
        for (input, reading) in zip(inputs, readings) {
            var revert = Set<String>()
            for comment in input.comments where isWithdrawn(comment.id) {
                if case .paragraph(let anchor) = comment.anchor { revert.insert(anchor) }
            }
            for edit in reading.edits where isWithdrawn(edit.id) {
                if case .paragraph(let anchor) = edit.anchor { revert.insert(anchor) }
            }
            // Where the member proposed text in a comment, that text is the member's proposal; where
            // the secretariat set the wording, nobody's change is applied.
            revert.formUnion(reading.anchoredWithText)
            revert.formUnion(finalWording.keys)
            for (anchor, owner) in reading.owners { supersede(owner, at: anchor) }
            if let aligned = input.aligned {
                // Only what the copy changed needs putting back.
                revert.formIntersection(reading.changed)
                // Paragraphs changed in place are put back in place, keeping the alignment; a
                // deletion or an insertion to put back changes the copy's shape: it is aligned again.
                if let kept = Self.revertingInPlace(revert, in: aligned, base: baseDocument) {
                    var whole = Proposal(members: [input.member], text: "")
                    whole.blocks = kept.blocks
                    proposals.append(whole)
                    alignments.append(kept.steps)
                } else {
                    proposals.append(Proposal(members: [input.member],
                                              text: Self.reverting(revert, in: aligned.steps, base: baseDocument, proposal: aligned.blocks)))
                    alignments.append(nil)
                }
            }
            for comment in input.comments {
                guard case .paragraph(let anchor) = comment.anchor, let text = comment.proposedChange else { continue }
                if anchor.hasPrefix("after ") {
                    guard !isWithdrawn(comment.id), let previous = baseDocument.block(anchor: String(anchor.dropFirst(6))) else { continue }
                    // A new paragraph: the paragraph it follows, unchanged, then the new one.
                    paragraphProposals.append(ParagraphProposal(members: [input.member], anchor: previous.anchor,
                                                                text: previous.text + "\n\n" + text.trimmingCharacters(in: .whitespacesAndNewlines)))
                    continue
                }
                let paragraph = baseDocument.block(anchor: anchor)
                let replacement: String
                switch Self.replacement(for: comment, paragraph: paragraph, wordsOf: paragraphWords) {
                case .text(let text):
                    replacement = text
                case .flagged(let flag):
                    // Never put in the text: the comment stands, flagged, with no text change.
                    flagged[comment.id] = flag
                    continue
                }
                if isWithdrawn(comment.id) { continue }
                if finalWording[anchor] != nil {
                    supersede(comment.id, at: anchor)
                    continue
                }
                paragraphProposals.append(ParagraphProposal(members: [input.member], anchor: anchor, text: replacement))
            }
        }
        for (anchor, final) in finalWording.sorted(by: { $0.key < $1.key }) {
            paragraphProposals.append(ParagraphProposal(members: [Self.secretariatCode], anchor: anchor,
                                                        text: Self.numbered(final.text, like: baseDocument.block(anchor: anchor), exact: true)))
        }

        let merge = ProposalMerge.merge(base: base, proposals: proposals, paragraphProposals: paragraphProposals, alignments: alignments)
        let pointIndex = PointIndex(comments: inputs.lazy.flatMap(\.comments), edits: edits)
        var chosen: [String: String] = [:]
        var chosenBy: [String: [String]] = [:]
        var collisions: [RecordedCollision] = []
        for collision in merge.collisions {
            let alternatives = collision.alternatives.map { RecordedCollision.Alternative(members: $0.members, text: $0.text) }
            var applied: Resolution?
            if let resolution = resolutions.last(where: { $0.anchor == collision.anchor }) {
                switch resolution.choice {
                case .text(let text):
                    chosen[collision.id] = Self.numbered(text, like: baseDocument.block(anchor: collision.anchor), exact: true)
                    chosenBy[collision.id] = [Self.secretariatCode]
                    applied = resolution
                case .base:
                    chosen[collision.id] = collision.isInsertion ? "" : collision.baseText
                    chosenBy[collision.id] = []
                    applied = resolution
                case .member(let take):
                    if let alternative = collision.alternatives.first(where: { $0.members.contains(take) }) {
                        chosen[collision.id] = alternative.text
                        chosenBy[collision.id] = alternative.members
                        applied = resolution
                    }
                }
            }
            var recorded = RecordedCollision(id: collision.id, paragraph: collision.anchor, baseText: collision.baseText,
                                             alternatives: alternatives, resolution: applied)
            let involved = Set(collision.alternatives.flatMap(\.members) + collision.otherChanges.flatMap(\.members))
            var points: [String: [String]] = [:]
            for member in involved {
                let ids = pointIndex.points(at: collision.anchor, of: [member])
                if !ids.isEmpty { points[member] = ids }
            }
            recorded.points = points.isEmpty ? nil : points
            // The chosen wording replaces the whole paragraph: the pending changes there of every
            // member whose wording was not chosen are not applied, and still need dispositions.
            if applied != nil {
                for id in recorded.superseded(choosing: chosenBy[collision.id] ?? []) where !isDecided(id) { superseded[id] = collision.id }
            }
            collisions.append(recorded)
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
            guard case .paragraph(let reference) = comment.anchor else { continue }
            // A new paragraph "after X" is orphaned only if X is.
            let anchor = reference.hasPrefix("after ") ? String(reference.dropFirst(6)) : reference
            if baseDocument.block(anchor: anchor) == nil || merge.anchorMap[anchor] == .some(nil) {
                orphaned.append(comment.id)
            }
        }
        return Candidate(text: merge.applying(resolution: chosen), merge: merge, collisions: collisions, changes: changes,
                         edits: edits, orphaned: orphaned, superseded: superseded, copyTexts: copyTexts, flagged: flagged,
                         resolved: chosen.reduce(into: [:]) { $0[$1.key] = Compilation.Resolved(text: $1.value, by: chosenBy[$1.key] ?? []) })
    }

    /// The points `members` made on the paragraph `anchor`: each member's first comment there (or,
    /// without one, its edit there) and its comments proposing text there. What a resolution of a
    /// collision on that paragraph supersedes, for the members whose wording was not chosen.
    static func points(at anchor: String, of members: Set<String>, comments: [Comment], edits: [Comment]) -> [String] {
        var points: [String] = []
        for member in members.sorted() {
            let here = comments.filter { $0.member == member && $0.anchor == .paragraph(anchor) }
            if let first = here.first {
                points.append(first.id)
            } else if let edit = edits.first(where: { $0.member == member && $0.anchor == .paragraph(anchor) }) {
                points.append(edit.id)
            }
            points += here.dropFirst().filter { $0.proposedChange != nil }.map(\.id)
        }
        return points
    }

    /// The base paragraphs' `ProposalCheck.words`, each found the first time it is asked for.
    struct ParagraphWords {
        private var byBlock: [Int: [String]] = [:]

        mutating func words(of block: DraftDocument.Block) -> [String] {
            if let known = byBlock[block.index] { return known }
            let words = ProposalCheck.words(block.text)
            byBlock[block.index] = words
            return words
        }
    }

    enum Replacement: Equatable {
        case text(String)
        case flagged(ProposalFlag)
    }

    /// `replacement(for:paragraph:wordsOf:)` with the paragraph's words found afresh.
    static func replacement(for comment: Comment, paragraph: DraftDocument.Block?) -> Replacement {
        replacement(for: comment, paragraph: paragraph, wordsOf: { ProposalCheck.words($0.text) })
    }

    /// The paragraph a comment's proposed change puts in place of `paragraph`: its text (numbered as
    /// the paragraph is), an exact instruction applied where it matches exactly once, or the reason
    /// it cannot go in the text.
    /// `wordsOf` gives a paragraph's `ProposalCheck.words` (a merge keeps them for each paragraph).
    static func replacement(for comment: Comment, paragraph: DraftDocument.Block?,
                            wordsOf: (DraftDocument.Block) -> [String]) -> Replacement {
        guard let proposed = comment.proposedBody ?? comment.proposedChange else { return .flagged(.instruction) }
        switch comment.proposalKind ?? .replacement {
        case .instruction(let exact?):
            guard let paragraph, let applied = exact.applied(to: paragraph.text) else { return .flagged(.instruction) }
            return .text(applied)
        case .instruction(nil):
            return .flagged(.instruction)
        case .replacement:
            let text = numbered(proposed, like: paragraph)
            if let paragraph, let flag = ProposalCheck.flag(proposed: text, paragraphWords: wordsOf(paragraph)) { return .flagged(flag) }
            return .text(text)
        }
    }

    /// `aligned` with the paragraphs in `anchors` put back as they were in the base, when each of
    /// them was changed in place: those steps become `same` (an unchanged block is left empty, as
    /// `prepare` leaves it). Nil when a deletion or an insertion is to be put back.
    static func revertingInPlace(_ anchors: Set<String>, in aligned: Aligned, base: DraftDocument) -> Aligned? {
        guard !anchors.isEmpty else { return aligned }
        var kept = aligned
        var previousAnchor = "start"
        for (position, step) in aligned.steps.enumerated() {
            switch step {
            case .same(let old, _):
                previousAnchor = base.blocks[old].anchor
            case .modified(let old, let new):
                previousAnchor = base.blocks[old].anchor
                if anchors.contains(previousAnchor) {
                    kept.steps[position] = .same(old: old, new: new)
                    kept.blocks[new] = ""
                }
            case .deleted(let old):
                previousAnchor = base.blocks[old].anchor
                if anchors.contains(previousAnchor) { return nil }
            case .inserted:
                if anchors.contains("after " + previousAnchor) { return nil }
            }
        }
        return kept
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

    /// A proposed text as the paragraph it replaces: proposed texts often leave out the paragraph
    /// number, or write it with a tab or a dot after it. Without the number, the base paragraph's
    /// is put back; with it, the member's separator becomes the base paragraph's own. A bullet's
    /// text without a bullet gets the base's back. The secretariat's wording (`exact`) keeps its
    /// own separator, tabs and all.
    static func numbered(_ text: String, like block: DraftDocument.Block?, exact: Bool = false) -> String {
        numbered(trimmed: TextTrimming.trimming(text, in: .whitespacesAndNewlines), like: block, exact: exact)
    }

    /// `numbered` of a text already trimmed of blanks and line breaks at both ends.
    static func numbered(trimmed: String, like block: DraftDocument.Block?, exact: Bool) -> String {
        guard let block, !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return trimmed }
        if block.role == .bullet {
            // A bullet's proposed text often leaves out the bullet: without one (nor a number or
            // label of its own), the base's bullet and separator are put back, so that the item
            // stays a bullet and the bullets after it keep their ids.
            guard DraftDocument.marker(of: trimmed).marker == .none else { return trimmed }
            let bullet = String(block.text.prefix { $0 != " " && $0 != "\t" })
            return bullet + (block.text.dropFirst(bullet.count).first.map(String.init) ?? " ") + trimmed
        }
        guard let number = block.number else { return trimmed }
        let prefix = String(block.text.prefix { $0 != " " && $0 != "\t" })
        let separator = block.text.dropFirst(prefix.count).first.map(String.init) ?? " "
        for written in [prefix + ".", prefix, number + ".", number] where trimmed.hasPrefix(written) {
            let rest = trimmed.dropFirst(written.count)
            guard let next = rest.first, next == " " || next == "\t" else { continue }
            return exact ? trimmed : prefix + separator + rest.drop { $0 == " " || $0 == "\t" }
        }
        return prefix + separator + trimmed
    }
}
