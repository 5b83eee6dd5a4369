import Foundation

/// Where the workflow stands: what `draftflow status` shows.
public struct StatusReport: Codable, Equatable, Sendable {
    public struct VersionStatus: Codable, Equatable, Sendable {
        public var label: String
        public var published: String
        public var commit: String
        public var tag: String
    }

    public struct RoundStatus: Codable, Equatable, Sendable {
        public var name: String
        public var on: String
        public var kind: RoundKind
        public var openedAt: String
        /// ISO 8601 with the workspace zone's offset.
        public var closesAt: String
        public var closesAtUTC: String
        public var closesAtLocal: String
        public var closedEarlyAt: String?
        /// Each extension of the close, oldest first (nil when never extended).
        public var extensions: [Extension]?
        public var open: Bool
        /// "3 days 4 hours", or "closed 2 days ago".
        public var timeLeft: String
        /// For silence rounds: `kept` (not broken so far, while open) or `broken`.
        public var silence: SilenceOutcome?
        public var brokenBy: [String]?
        /// For silence rounds: each objection, who and when.
        public var objections: [Objection]?
        /// For silence rounds: each confirmation of no objection, who and when (they keep silence).
        public var confirmations: [Objection]?
        /// True for a round opened with `--visible` (all members see all submissions); nil otherwise.
        public var visible: Bool? = nil
    }

    public struct Extension: Codable, Equatable, Sendable {
        /// When it was extended, ISO 8601 in the workspace zone.
        public var at: String
        /// The close before, and after, for people.
        public var fromLocal: String
        public var closesLocal: String
        public var reopened: Bool
        public var note: String?
    }

    /// When the final text is due to its recipient, and whether it was sent.
    public struct DueStatus: Codable, Equatable, Sendable {
        public var recipient: String?
        /// ISO 8601 in the workspace zone, and for people.
        public var dueAt: String
        public var dueAtLocal: String
        /// Calendar days in the workspace zone from today to the due day: 0 on the day, negative after.
        public var daysLeft: Int
        /// Set once `submitted` recorded the chair's transmission.
        public var submittedAt: String?
        public var submittedAtLocal: String?
        public var submittedTo: String?
        public var submittedVersion: String?
    }

    public struct Objection: Codable, Equatable, Sendable {
        public var member: String
        public var received: String
    }

    public struct MemberStatus: Codable, Equatable, Sendable {
        public var code: String
        public var name: String
        public var state: MemberState
        public var comments: Int
        public var submissions: Int
        public var received: String?
        public var proposal: Bool
        /// The earlier comment round on the same version the member's submission is in, when the
        /// current round has none from them: the merge takes it all the same. Nil otherwise.
        public var inRound: String?
    }

    public var title: String
    public var document: String
    public var timezone: String
    public var now: String
    public var versions: [VersionStatus]
    public var round: RoundStatus?
    public var members: [MemberStatus]
    /// Codes of members whose submission in the round was recorded late.
    public var late: [String]
    /// The last merged round, with what is left to decide in it.
    public var merge: MergeStatus?
    /// The submission due date (`init --due`), nil when none is set; or the transmission, once recorded.
    public var due: DueStatus?
    /// The document's language versions, each current or not (nil: none; filled in by `status`).
    public var languageVersions: [LanguageVersions.Status]?

    public struct MergeStatus: Codable, Equatable, Sendable {
        public var round: String
        /// Ids of collisions still to resolve.
        public var openCollisions: [String]
        /// Ids of comments with no disposition yet.
        public var undecided: [String]
        /// Undecided comments whose change the secretariat's own wording superseded → that wording's comment.
        public var superseded: [String: String]?
        /// Undecided comments whose proposed change was not put in the text: an instruction, or text
        /// that shares almost nothing with its paragraph.
        public var flagged: [String: ProposalFlag]?
    }
}

/// One event of the timeline read back from git history.
public struct TimelineEvent: Codable, Equatable, Sendable {
    public var event: CommitEvent
    /// ISO 8601 instant in the workspace's zone.
    public var at: String
    public var summary: String
    public var commit: String?
    public var member: String?
    public var round: String?
    public var version: String?
    public var late: Bool?
    /// For a reply to a silence procedure recorded as a confirmation of no objection.
    public var noObjection: Bool?
}


/// Where a member stands in a round.
public enum MemberState: String, Codable, Sendable, CaseIterable {
    /// Its latest submission arrived on time.
    case received
    /// Its latest submission was recorded after the close.
    case late
    /// Nothing from it in the round.
    case noResponse = "none"
}

/// How a silence procedure stands: kept (not broken so far, while it is open) or broken.
public enum SilenceOutcome: String, Codable, Sendable, CaseIterable {
    case kept
    case broken
}
