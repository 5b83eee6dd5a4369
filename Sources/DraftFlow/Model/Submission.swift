import Foundation

/// One member's submission in one round, as the secretariat recorded it:
/// `Comments/<round>/<CODE>/submission-<n>.json`, beside the original file kept byte for byte.
public struct Submission: Codable, Equatable, Sendable {
    public var member: String
    public var round: String
    /// 1 for the member's first submission in the round, then 2, 3… in the order recorded.
    /// Which one counts is `supersedes(_:)`'s rule: the newest received.
    public var number: Int
    public var received: Date
    /// Recorded after the round closed, by the secretariat's decision.
    public var late: Bool
    /// The original file's name as the member sent it (data only; never used as a path).
    public var originalName: String
    /// The stored original, relative to the workspace.
    public var file: String
    /// The member's edited copy of the draft, relative to the workspace.
    public var proposal: String?
    /// Git's blob id of the original file, to verify it later byte for byte.
    public var fileBlob: String?
    public var proposalBlob: String?
    public var comments: [Comment]
    /// Set when the submission is a "no objection" reply in a silence round: a confirmation, which
    /// does not break silence and holds no comments. Nil for every other submission.
    public var noObjection: NoObjection?
    /// Set when the submission came by e-mail (`intake --mail`): the message's identity, by which
    /// the same message is never recorded twice. Nil for every other submission.
    public var mail: MailOrigin?
    /// The tracked changes of a Word copy, each with its author and date as Word recorded them;
    /// nil for every other submission (and for records written before Word copies were read).
    public var revisions: [Revision]?
    /// When the member sent it, by its own clock: the date of the member's commit on its
    /// submission branch (`collect`). Nil for every other submission; `received` is what counts.
    public var sent: Date?
    /// Set on a submission just recorded that was received before the member's current one in the
    /// round: that one stays current (not stored; the records say it by their received instants).
    public var stillCurrent: StillCurrent?
    /// Set on a submission just recorded that supersedes the member's current one: that one's
    /// number (not stored).
    public var superseding: Int?

    /// The member's submission that stays the one that counts.
    public struct StillCurrent: Equatable, Sendable {
        public var number: Int
        public var received: Date

        public init(number: Int, received: Date) {
            self.number = number
            self.received = received
        }
    }

    enum CodingKeys: String, CodingKey {
        case member, round, number, received, late, originalName, file, proposal, fileBlob, proposalBlob, comments, noObjection, mail, revisions, sent
    }

    /// How a submission came to be recorded as a confirmation of no objection.
    public enum NoObjection: String, Codable, Sendable {
        /// The secretariat recorded it so (`comment --no-objection`).
        case marked
        /// The reply's whole text is a no-objection statement ("No objection.", "无异议。"…).
        case statement
    }

    /// Whether this submission supersedes `other`, the same member's in the same round: the one
    /// received last counts, whatever the order they were recorded in (an older one recorded later
    /// does not supersede a newer one); for the same instant, the one recorded last.
    public func supersedes(_ other: Submission) -> Bool {
        received != other.received ? received > other.received : number > other.number
    }

    public init(member: String, round: String, number: Int, received: Date, late: Bool, originalName: String,
                file: String, proposal: String?, fileBlob: String?, proposalBlob: String?, comments: [Comment]) {
        self.member = member
        self.round = round
        self.number = number
        self.received = received
        self.late = late
        self.originalName = originalName
        self.file = file
        self.proposal = proposal
        self.fileBlob = fileBlob
        self.proposalBlob = proposalBlob
        self.comments = comments
    }
}
