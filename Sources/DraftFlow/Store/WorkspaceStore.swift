import Foundation

/// A person as git records them: who wrote or committed something, and when.
public struct Person: Equatable, Sendable {
    public var name: String
    public var email: String
    public var time: Date
    public var timeZone: TimeZone

    public init(name: String, email: String, time: Date, timeZone: TimeZone) {
        self.name = name
        self.email = email
        self.time = time
        self.timeZone = timeZone
    }
}

/// The workspace's files as of one commit.
public protocol WorkspaceSnapshot {
    /// The commit id, or nil before the first commit.
    var commitID: String? { get }
    /// The content of the file at `path`, or nil.
    func file(_ path: String) throws -> Data?
    /// The names directly inside the folder `path` (files and folders), sorted; empty if none.
    func list(_ path: String) throws -> [String]
    /// The commit, at or before this snapshot's, that last changed (or made, or removed) the file
    /// at `path`, for messages that name a damaged record; nil when unknown.
    func lastChange(of path: String) throws -> FileChange?
    /// The contents of several files at once, in order (nil for each that is missing).
    func files(_ paths: [String]) throws -> [Data?]
}

extension WorkspaceSnapshot {
    public func lastChange(of path: String) throws -> FileChange? { nil }

    /// The contents of several files at once (nil for each that is missing): a store may check
    /// them on every core.
    public func files(_ paths: [String]) throws -> [Data?] {
        try paths.map { try file($0) }
    }
}

/// The commit that last changed a file: its id and the first line of its message.
public struct FileChange: Sendable, Equatable {
    public var commitID: String
    public var summary: String

    public init(commitID: String, summary: String) {
        self.commitID = commitID
        self.summary = summary
    }

    /// The id as people type it: the first seven hex digits.
    public var shortID: String { String(commitID.prefix(7)) }
}

/// One change to the workspace: the files to write and remove, and how git should record it.
public struct WorkspaceChange: Sendable {
    public var writes: [String: Data]
    public var removals: [String]
    public var author: Person
    public var committer: Person
    public var message: String
    /// An annotated tag to create on the new commit: a published version.
    public var tag: VersionTag?
    /// Written paths that are edited copies of a file already in the workspace (path → that
    /// file's path), so storage can keep them as small differences.
    public var similarTo: [String: String] = [:]
    /// Git blob ids of written files that the writer computed already (path → id), so storage
    /// need not hash them again.
    public var blobIDs: [String: String] = [:]

    public init(writes: [String: Data] = [:], removals: [String] = [], author: Person, committer: Person, message: String, tag: VersionTag? = nil) {
        self.writes = writes
        self.removals = removals
        self.author = author
        self.committer = committer
        self.message = message
        self.tag = tag
    }
}

/// A version's annotated tag.
public struct VersionTag: Sendable, Equatable {
    public var label: String
    public var message: String
    public var tagger: Person
    /// Whether the tag object carries the secretariat's signature (`publish --sign`): storage
    /// signs it with the key it was given, and refuses when it has none.
    public var signed = false

    public init(label: String, message: String, tagger: Person) {
        self.label = label
        self.message = message
        self.tagger = tagger
    }
}

/// A commit as the timeline reads it.
public struct HistoryEntry: Sendable, Equatable {
    public var id: String
    public var authorName: String
    public var authorEmail: String
    public var authored: Date
    public var committerName: String
    public var committed: Date
    public var message: String

    public init(id: String, authorName: String, authorEmail: String, authored: Date, committerName: String, committed: Date, message: String) {
        self.id = id
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authored = authored
        self.committerName = committerName
        self.committed = committed
        self.message = message
    }
}

/// A published version as stored: its tag and commit.
public struct StoredVersion: Sendable, Equatable {
    public var label: String
    public var tagID: String
    public var commitID: String
    public var message: String

    public init(label: String, tagID: String, commitID: String, message: String) {
        self.label = label
        self.tagID = tagID
        self.commitID = commitID
        self.message = message
    }
}

/// What the domain needs from storage. The git-backed implementation lives in `DraftFlowGit`.
public protocol WorkspaceStore {
    /// The files at the tip of the workspace's branch.
    func snapshot() throws -> any WorkspaceSnapshot
    /// Builds a change from the current tip and commits it. When another writer moved the branch
    /// first, `build` is called again on the new tip, so concurrent writers lose nothing.
    /// `build` returning nil means there is nothing to commit.
    @discardableResult
    func commit(_ build: (any WorkspaceSnapshot) throws -> WorkspaceChange?) throws -> String?
    /// Commits several changes in a row, each its own commit on top of the previous one, with all
    /// their objects written and synced at once and the branch moved once. `build` returns the
    /// changes in order; like `commit`, it is called again on the new tip after a lost race.
    @discardableResult
    func commitSeries(_ build: (any WorkspaceSnapshot) throws -> [WorkspaceChange]) throws -> [String]
    /// Files under `folder` in the work tree that differ from the tip: path to new content, or
    /// nil content for a removed file.
    func workTreeChanges(under folder: String) throws -> [String: Data?]
    /// The file at `path` in the work tree as it is now, or nil.
    func workTreeFile(_ path: String) throws -> Data?
    /// Published versions, in the order they were published.
    func versions() throws -> [StoredVersion]
    /// The file at `path` as of version `label`.
    func file(_ path: String, atVersion label: String) throws -> Data?
    /// The workspace's files as of version `label`'s commit, or nil when there is no such version:
    /// what an export of that version reads, never the tip.
    func snapshot(atVersion label: String) throws -> (any WorkspaceSnapshot)?
    /// The history of the branch, newest first.
    func history() throws -> [HistoryEntry]
    /// The history of the branch, newest first, as the timeline reads it: each commit's summary and
    /// trailers, without the rest of its message. The same as `history()` mapped through
    /// `HistoryDigest.init`; a store may keep them between commands (`GitWorkspaceStore`).
    func historyDigests() throws -> [HistoryDigest]
}

extension WorkspaceStore {
    public func historyDigests() throws -> [HistoryDigest] {
        try history().map(HistoryDigest.init)
    }
}
