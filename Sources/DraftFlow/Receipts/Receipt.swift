import ContentHash
import Foundation

/// What a member keeps of one submission: enough to prove later, with `draftflow verify --receipt`,
/// that what DraftFlow recorded is unchanged (the SHA-256 of each original file, the commit, the
/// comments' ids and anchors, the received instant, late or on time).
///
/// Its JSON (`format` "draftflow-receipt/1") is the receipt itself; the Markdown and HTML forms
/// embed that JSON, so any of the three can be verified.
public struct Receipt: Codable, Equatable, Sendable {
    public static let formatName = "draftflow-receipt/1"

    public var format: String
    /// The workspace's title (the text being drafted).
    public var title: String
    public var member: String
    public var memberName: String?
    public var round: String
    /// The version the round is on.
    public var version: String?
    public var submission: Int
    /// The received instant in the workspace's zone, ISO 8601 with its offset.
    public var received: String
    /// The same instant in UTC.
    public var receivedUTC: String
    /// The workspace's zone, e.g. Europe/Zurich.
    public var timeZone: String
    /// True when recorded on time; false when recorded late, by the secretariat's decision.
    public var onTime: Bool
    /// The commit that recorded the submission (40 hex digits).
    public var commit: String
    public var comments: [CommentEntry]
    public var files: [FileEntry]

    /// One comment as the receipt lists it.
    public struct CommentEntry: Codable, Equatable, Sendable {
        public var id: String
        /// The primary anchor: `general` or a paragraph id.
        public var anchor: String
        /// Everything the heading named (a list or range), as written.
        public var reference: String
        public var type: String
    }

    /// One stored file of the submission.
    public struct FileEntry: Codable, Equatable, Sendable {
        /// `original` (the comment file) or `edited copy`.
        public var role: String
        /// Where the workspace keeps it.
        public var path: String
        /// Its name as the member sent it (the edited copy: its stored name).
        public var name: String
        public var bytes: Int
        public var sha256: String
    }

    /// The receipt of `submission`, recorded by `commit`, whose stored files are `original` and
    /// `proposal`. `sha256`: SHA-256s already computed, by git blob id (`Submissions.BatchResult`);
    /// a file's is taken from there when its blob id (`Submission.fileBlob`, `proposalBlob`) is in
    /// it, else computed from its bytes.
    public init(submission: Submission, commit: String, title: String, memberName: String?, version: String?,
                zone: TimeZone, original: Data, proposal: Data?, sha256 known: [String: String] = [:]) {
        format = Self.formatName
        self.title = title
        member = submission.member
        self.memberName = memberName
        round = submission.round
        self.version = version
        self.submission = submission.number
        received = InstantFormat.iso(submission.received, in: zone)
        receivedUTC = InstantFormat.iso(submission.received, in: InstantFormat.utc)
        timeZone = zone.identifier
        onTime = !submission.late
        self.commit = commit
        comments = submission.comments.map {
            CommentEntry(id: $0.id, anchor: $0.anchor.description, reference: $0.reference.description, type: $0.type.rawValue)
        }
        var files = [FileEntry(role: "original", path: submission.file, name: submission.originalName, bytes: original.count,
                               sha256: submission.fileBlob.flatMap { known[$0] } ?? FileSHA256.hex(original))]
        if let path = submission.proposal, let proposal {
            files.append(FileEntry(role: "edited copy", path: path, name: String(path.split(separator: "/").last ?? ""),
                                   bytes: proposal.count, sha256: submission.proposalBlob.flatMap { known[$0] } ?? FileSHA256.hex(proposal)))
        }
        self.files = files
    }

    /// Where the workspace keeps this submission's record.
    public var recordPath: String { RecordPaths.submissionRecord(round: round, member: member, number: submission) }

    /// The submission as `CAN/2` names it within its round, and in full (`draft-1/CAN/2`).
    public var name: String { "\(round)/\(member)/\(submission)" }
}
