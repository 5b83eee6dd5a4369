import Foundation

/// One check of `verify`: whether it holds, what was checked, and what is wrong.
public struct VerificationCheck: Codable, Sendable, Equatable {
    /// "version-text", "comment-files" or "history".
    public var name: String
    /// What the check establishes, in one sentence.
    public var title: String
    public var ok: Bool
    /// What was checked, for people.
    public var details: [String]
    /// What is wrong: which object, which file, which record. Empty when `ok`.
    public var problems: [String]

    public init(name: String, title: String, details: [String] = [], problems: [String] = []) {
        self.name = name
        self.title = title
        self.ok = problems.isEmpty
        self.details = details
        self.problems = problems
    }
}

/// What `verify` found for one version.
public struct VerificationReport: Codable, Sendable, Equatable {
    public var workspace: String
    public var version: String
    /// The id of the version's annotated tag object, when its reference could be read.
    public var tag: String?
    /// The id of the commit the tag points to, when it could be read.
    public var commit: String?
    /// Whether every check holds.
    public var ok: Bool
    public var checks: [VerificationCheck]

    public init(workspace: String, version: String, tag: String?, commit: String?, checks: [VerificationCheck]) {
        self.workspace = workspace
        self.version = version
        self.tag = tag
        self.commit = commit
        self.ok = checks.allSatisfy(\.ok)
        self.checks = checks
    }
}

/// How a verification guarded by a timeout ended.
public enum VerificationOutcome: Sendable, Equatable {
    case finished(VerificationReport)
    /// The verification did not finish in time; its thread may still be running (a truncated
    /// object can make libgit2 1.5.1 loop forever), so the process should end soon.
    case timedOut(seconds: Double)
}
