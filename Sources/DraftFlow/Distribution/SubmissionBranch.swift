import Foundation

/// A member's submission branch on the git host, `refs/heads/submissions/<round>/<CODE>`, and
/// the files its one commit may add: `Comments/<round>/<CODE>/sent/<CODE>.<ext>` (the comments)
/// and `Comments/<round>/<CODE>/sent/<CODE>.proposal.md` (the edited copy). Nothing else.
public struct SubmissionBranch: Equatable, Sendable {
    public static let prefix = "refs/heads/submissions/"

    public var round: String
    public var member: String

    public init(round: String, member: String) {
        self.round = round
        self.member = member
    }

    /// The branch named by `reference` (a full name, `refs/heads/submissions/draft-1/CAN`), or a
    /// refusal saying what is wrong with it.
    public init(reference: String) throws {
        guard reference.hasPrefix(Self.prefix) else {
            throw DraftFlowError(.invalidInput, "\(TerminalText.escaped(reference)) is not a submission branch (\(Self.prefix)<round>/<CODE>)")
        }
        let parts = reference.dropFirst(Self.prefix.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw DraftFlowError(.invalidInput, "\(TerminalText.escaped(reference)) is not named \(Self.prefix)<round>/<CODE>")
        }
        let round = try SafeName.label(parts[0])
        do {
            try SafeName.memberCode(parts[1])
        } catch let error as DraftFlowError {
            throw DraftFlowError(.invalidInput, "\(TerminalText.escaped(reference)) does not end in a member code: \(error.message)")
        }
        self.init(round: round, member: parts[1])
    }

    /// `refs/heads/submissions/<round>/<CODE>`.
    public var reference: String { Self.prefix + round + "/" + member }

    /// The folder the member's commit adds its files to.
    public var folder: String { RecordPaths.member(member, round: round) + "/sent" }

    /// Where the comment file goes: `<CODE>.<ext>`, the extension of the file the member names.
    public func commentPath(extension fileExtension: String) -> String { folder + "/\(member).\(fileExtension)" }

    public var proposalPath: String { folder + "/\(member).proposal.md" }

    /// The kinds of comment file a submission branch may carry: those `intake` reads.
    public static let commentExtensions: Set<String> = ["md", "txt", "csv", "docx", "xlsx"]
    /// Files read as text, which must be UTF-8.
    static let textExtensions: Set<String> = ["md", "txt", "csv"]
}

/// One file a submission commit changed against the commit it was made on.
public struct SubmittedFile: Sendable {
    public enum Change: String, Sendable {
        case added, modified, removed
    }

    public var path: String
    public var change: Change
    public var size: Int
    /// The bytes; nil when the file was removed or is over the size limit (it is never read then).
    public var data: Data?

    public init(path: String, change: Change, size: Int, data: Data?) {
        self.path = path
        self.change = change
        self.size = size
        self.data = data
    }
}

/// A submission found on the git host, as the storage side read it: its branch, its commit, the
/// files it changed, and when the member made it.
public struct SubmissionCandidate: Sendable {
    public var reference: String
    public var commitID: String
    /// Why the commit's shape is refused (several parents, a parent that is not on main), if it is.
    public var shapeProblem: String?
    public var files: [SubmittedFile]
    /// The commit's date, by the member's clock: kept as `Submission.sent`.
    public var sent: Date

    public init(reference: String, commitID: String, shapeProblem: String?, files: [SubmittedFile], sent: Date) {
        self.reference = reference
        self.commitID = commitID
        self.shapeProblem = shapeProblem
        self.files = files
        self.sent = sent
    }
}
