import Foundation

/// A collision as recorded in `merge.json`.
public struct RecordedCollision: Codable, Equatable, Sendable {
    public struct Alternative: Codable, Equatable, Sendable {
        public var members: [String]
        /// The whole paragraph as it would read with this alternative ("" deletes it).
        public var text: String

        public init(members: [String], text: String) {
            self.members = members
            self.text = text
        }
    }

    public var id: String
    public var paragraph: String
    public var baseText: String
    public var alternatives: [Alternative]
    /// Set once the secretariat resolved it.
    public var resolution: Resolution?
    /// The points each member involved made on the paragraph (member → comment and edit ids): what a
    /// resolution supersedes for the members whose wording it does not take. Nil when there are none.
    public var points: [String: [String]]?

    public var isOpen: Bool { resolution == nil }

    /// The id of a round's `number`th collision: `C1`, `C2`...
    public static func id(number: Int) -> String { "C\(number)" }

    /// Whether `id` has the form of a collision's id (`C1`), not a comment's (`CAN-1`, `CAN-E1`).
    public static func isID(_ id: String) -> Bool {
        id.utf8.count > 1 && id.hasPrefix("C") && id.utf8.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The points a resolution taking the wording of `chosen` members supersedes: those of every
    /// other member involved.
    public func superseded(choosing chosen: [String]) -> [String] {
        (points ?? [:]).filter { !chosen.contains($0.key) }.sorted { $0.key < $1.key }.flatMap(\.value)
    }

    /// The members whose wording `choice` takes: those of the alternative the member's code is in;
    /// none for the base or the secretariat's own text.
    public func members(taking choice: ResolutionChoice) -> [String] {
        guard case .member(let code) = choice, let alternative = alternatives.first(where: { $0.members.contains(code) }) else { return [] }
        return alternative.members
    }

    public init(id: String, paragraph: String, baseText: String, alternatives: [Alternative], resolution: Resolution?,
                points: [String: [String]]? = nil) {
        self.id = id
        self.paragraph = paragraph
        self.baseText = baseText
        self.alternatives = alternatives
        self.resolution = resolution
        self.points = points
    }
}

/// What a change applied to a paragraph of the base.
public enum ChangeKind: String, Codable, Sendable, CaseIterable {
    case modified
    case deleted
    case inserted
}

/// A change applied to the candidate, as recorded in `merge.json`.
public struct RecordedChange: Codable, Equatable, Sendable {
    public var paragraph: String
    public var kind: ChangeKind
    public var before: String
    public var after: String
    public var members: [String]
}

/// What the last merge of a round produced: `Comments/<round>/merge.json`.
public struct MergeRecord: Codable, Equatable, Sendable {
    public var round: String
    /// The version the round was on: the base of the three-way merge.
    public var base: String
    public var merged: Date
    public var changes: [RecordedChange]
    public var collisions: [RecordedCollision]
    /// Changes found in members' edited copies that no comment of theirs describes; each gets an
    /// id (`CAN-E1`) so the secretariat can dispose of it like a comment.
    public var edits: [Comment]
    /// Comment ids whose paragraph no longer exists in the candidate (or never existed).
    public var orphaned: [String]
    public var resolutions: [Resolution]
    /// Pending changes of other members to a paragraph whose wording the secretariat set itself
    /// (a `modified` disposition): comment id → the id of that disposition's comment. They are not
    /// applied, and each still needs its own disposition. Nil when there are none.
    public var superseded: [String: String]?
    /// What a member's edited copy says in a paragraph the member commented on without proposing
    /// text: comment id → the paragraph as the copy has it. That edit is the comment's proposal,
    /// not an edit of its own. Nil when there are none.
    public var copyTexts: [String: String]?
    /// Comments whose proposed change was not put in the text, and why. Nil when there are none.
    public var flagged: [String: ProposalFlag]?
    /// Where each paragraph of the base is in the candidate: base anchor → candidate anchor, ""
    /// when it was deleted.
    public var paragraphsNow: [String: String] = [:]
    /// Every round whose submissions this merge took, in the order they were opened, when there was
    /// more than this one: a round reopened on the same version adds to the first. Nil for one round.
    public var rounds: [String]?

    /// The record as stored in `merge.json`: `changes` and `edits`, which are large and which most
    /// commands do not need, are stored in files of their own beside it.
    public var withoutParts: MergeRecord {
        var copy = self
        copy.changes = []
        copy.edits = []
        return copy
    }

    public var openCollisions: [RecordedCollision] { collisions.filter(\.isOpen) }
}

/// The little of a merge that `status`, `publish` and `finalize` need, kept beside the full
/// record so they need not read it: `Comments/<round>/merge-summary.json`.
public struct MergeSummary: Codable, Equatable, Sendable {
    public struct PendingCollision: Codable, Equatable, Sendable {
        public var id: String
        public var paragraph: String
    }

    public var openCollisions: [PendingCollision]
    /// Ids of the edits found in edited copies (`CAN-E1`), which need dispositions too.
    public var edits: [String]
    /// Ids of the comments and edits that have a disposition.
    public var decided: [String]
    /// Pending changes the secretariat's own wording superseded (see `MergeRecord.superseded`).
    public var superseded: [String: String]?
    /// Proposed changes not put in the text (see `MergeRecord.flagged`).
    public var flagged: [String: ProposalFlag]?
    /// The rounds the merge took when there were several (see `MergeRecord.rounds`).
    public var rounds: [String]?
    /// When the merge was made: the last merge is the one the candidate in `Drafts/` comes from.
    public var merged: Date?

    public init(_ record: MergeRecord, dispositions: [Disposition]) {
        openCollisions = record.openCollisions.map { PendingCollision(id: $0.id, paragraph: $0.paragraph) }
        edits = record.edits.map(\.id)
        decided = dispositions.map(\.comment)
        superseded = record.superseded
        flagged = record.flagged
        rounds = record.rounds
        merged = record.merged
    }
}
