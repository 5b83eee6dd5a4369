import DraftFlow
import Foundation
import GitCore
import GitPack

/// The workspace's files as of one commit, read through libgit2.
struct GitSnapshot: WorkspaceSnapshot {
    let repository: Repository
    let commit: CommitID?
    let tree: TreeID?

    var commitID: String? { commit?.hex }

    /// The file's bytes, checked against its blob id: a damaged object (a flipped bit) is refused,
    /// never taken for what was committed and written back over it.
    func file(_ path: String) throws -> Data? {
        guard let (id, data) = try unchecked(path) else { return nil }
        try check(path, id, data)
        return data
    }

    /// `file` for several paths: read one after the other (one libgit2 handle), hashed on every
    /// core (a merge reads 193 edited copies, 190 MB).
    func files(_ paths: [String]) throws -> [Data?] {
        let read = try paths.map { try unchecked($0) }
        let damaged = DamagedSlots()
        DispatchQueue.concurrentPerform(iterations: read.count) { index in
            if let (id, data) = read[index], BlobID(hashing: data) != id { damaged.mark(index) }
        }
        if let index = damaged.first, let (id, data) = read[index] { try check(paths[index], id, data) }
        return read.map { $0?.1 }
    }

    private func unchecked(_ path: String) throws -> (BlobID, Data)? {
        guard let tree, let id = try repository.entry(in: tree, path: path)?.blobID else { return nil }
        return (id, try repository.blobData(id))
    }

    private func check(_ path: String, _ id: BlobID, _ data: Data) throws {
        guard BlobID(hashing: data) == id else {
            throw DraftFlowError(.storage, "the stored \(path) is damaged: its bytes do not hash to its object id \(id.hex) (commit \(commit.map { String($0.hex.prefix(7)) } ?? "-"))",
                                 fix: "run `draftflow verify` and `git fsck --full` to see what is damaged, then restore the object from a clone or a backup of the repository")
        }
    }

    func list(_ path: String) throws -> [String] {
        guard let tree else { return [] }
        return try repository.treeEntries(tree, path: path).map(\.name).sorted()
    }
}

/// Which of several files failed their hash check, set from many threads.
private final class DamagedSlots: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var indexes: [Int] = []

    func mark(_ index: Int) {
        lock.lock()
        indexes.append(index)
        lock.unlock()
    }

    var first: Int? {
        lock.lock()
        defer { lock.unlock() }
        return indexes.min()
    }
}

/// A DraftFlow workspace stored in a git repository through libgit2.
///
/// Not `Sendable`: it owns a libgit2 repository handle, which must stay on one thread at a time.
public final class GitWorkspaceStore: WorkspaceStore {
    public let repository: Repository
    /// The branch DraftFlow writes, e.g. `refs/heads/main`.
    public let branch: String
    /// Signs a version's tag (`VersionTag.signed`): the armoured signature of the tag's bytes
    /// (`SigningKey.sign`). Nil: signed tags are refused.
    public var tagSigner: ((Data) throws -> Data)?
    /// How many times a commit is rebuilt after losing a race before giving up.
    public var maximumAttempts = 200
    /// How long a command waits for another DraftFlow command's write lock before it says so.
    public var lockWait: TimeInterval = 10

    public init(repository: Repository) throws {
        self.repository = repository
        self.branch = try repository.headBranch()
    }

    /// Opens the workspace at `folder`, or the one containing it.
    public static func open(containing folder: URL) throws -> GitWorkspaceStore {
        var current = folder.standardizedFileURL
        while true {
            let gitFolder = current.appendingPathComponent(".git").path
            let workflow = current.appendingPathComponent(Workflow.fileName).path
            if FileManager.default.fileExists(atPath: gitFolder) && FileManager.default.fileExists(atPath: workflow) {
                let store: GitWorkspaceStore
                do {
                    store = try GitWorkspaceStore(repository: Repository.open(at: current))
                } catch let error as any GitLayerError {
                    throw StorageFailure.error(error, context: "cannot open the workspace at \(current.path)")
                }
                // Every command, readers included, first finishes what a killed command left.
                try store.recoverIfNeeded()
                WorkflowCache.shared.use(ParsedWorkflowFile(gitDirectory: store.repository.gitDirectory))
                return store
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        throw DraftFlowError(.workspace, "no DraftFlow workspace at \(folder.path) or above it",
                             fix: "cd into a workspace, pass --workspace DIR, or create one with `draftflow init DIR --title TEXT --document FILE`")
    }

    /// Creates a workspace at `folder` holding `change` as its first commit.
    public static func create(at folder: URL, first change: WorkspaceChange) throws -> GitWorkspaceStore {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: folder.appendingPathComponent(".git").path)
            || fileManager.fileExists(atPath: folder.appendingPathComponent(Workflow.fileName).path) {
            throw DraftFlowError(.conflict, "\(folder.path) holds a workspace or a git repository already",
                                 fix: "choose a new folder, or work in the existing workspace")
        }
        let existed = fileManager.fileExists(atPath: folder.path)
        do {
            let store = try GitWorkspaceStore(repository: Repository.create(at: folder))
            try store.commit { _ in change }
            return store
        } catch {
            // Leave the folder as it was.
            if existed {
                try? fileManager.removeItem(at: folder.appendingPathComponent(".git"))
            } else {
                try? fileManager.removeItem(at: folder)
            }
            if let error = error as? DraftFlowError { throw error }
            throw StorageFailure.error(error, context: "cannot create the workspace at \(folder.path)")
        }
    }

    public func snapshot() throws -> any WorkspaceSnapshot {
        try storage {
            let head = try repository.resolveCommit(branch)
            return GitSnapshot(repository: repository, commit: head, tree: try head.map { try repository.commit($0).tree })
        }
    }

    @discardableResult
    public func commit(_ build: (any WorkspaceSnapshot) throws -> WorkspaceChange?) throws -> String? {
        try advance { head, headTree -> Step<CommitID>? in
            guard let change = try build(GitSnapshot(repository: repository, commit: head, tree: headTree)) else { return nil }
            if change.tag == nil && change.writes.values.reduce(0, { $0 + $1.count }) >= Self.packedCommitFrom {
                return try packedStep(change, head: head)
            }
            var written: [String: (id: BlobID, data: Data)] = [:]
            let (commit, tag) = try storage { () -> (CommitID, (name: String, object: TagID)?) in
                var updates: [TreeUpdate] = []
                for (path, data) in change.writes.sorted(by: { $0.key < $1.key }) {
                    try Self.checkPath(path)
                    let blob = try repository.createBlob(data)
                    written[path] = (blob, data)
                    updates.append(.upsert(path: path, blob: blob))
                }
                for path in change.removals.sorted() {
                    try Self.checkPath(path)
                    updates.append(.remove(path: path))
                }
                let tree = try repository.updateTree(headTree, updates)
                let commit = try repository.createCommit(tree: tree, parents: head.map { [$0] } ?? [],
                                                         author: Self.signature(change.author), committer: Self.signature(change.committer),
                                                         message: change.message)
                // The tag object is written before the branch moves, and named in the journal, so
                // that a command killed in between still gets its tag from the next one.
                let tag = try change.tag.map { tag in
                    (name: tag.label, object: try tagObject(tag, on: commit))
                }
                return (commit, tag)
            }
            return Step(tip: commit, written: written, summary: change.message, tag: tag, result: commit)
        }?.hex
    }

    @discardableResult
    public func commitSeries(_ build: (any WorkspaceSnapshot) throws -> [WorkspaceChange]) throws -> [String] {
        try advance { head, headTree -> Step<[CommitID]>? in
            let changes = try build(GitSnapshot(repository: repository, commit: head, tree: headTree))
            if changes.isEmpty { return nil }
            if changes.contains(where: { $0.tag != nil }) {
                throw DraftFlowError(.storage, "a series of commits cannot publish a version")
            }
            for change in changes {
                for path in change.writes.keys { try Self.checkPath(path) }
                for path in change.removals { try Self.checkPath(path) }
            }
            // Blobs, trees and commits serialized by GitPack and written as one pack, synced once.
            let series = changes.map(Self.seriesCommit)
            let (commits, blobs) = try storage { try repository.writeSeries(series, parent: head) }
            var written: [String: (id: BlobID, data: Data)] = [:]
            for change in changes {
                for (path, data) in change.writes { if let id = blobs[path] { written[path] = (id, data) } }
            }
            return Step(tip: commits.last!, written: written, summary: "\(changes.count) commits: " + changes[0].message, result: commits)
        }?.map(\.hex) ?? []
    }

    /// A commit whose files come to this many bytes or more (a merge's record and parts, 50 MB
    /// at 772 members; a resolution or disposition writing the record again) is written as one
    /// pack by GitPack, as a series is: its objects hashed and compressed on every core, at
    /// zlib's fastest level, instead of one loose object at a time through libgit2 (0.37 s of a
    /// 1.6 s merge at 772 members, on one core). Smaller commits stay loose objects, so that a
    /// workspace does not gather a pack for every command.
    static let packedCommitFrom = 1 << 20

    /// `change` (untagged) written as a series of one commit, on `head`.
    private func packedStep(_ change: WorkspaceChange, head: CommitID?) throws -> Step<CommitID> {
        for path in change.writes.keys { try Self.checkPath(path) }
        for path in change.removals { try Self.checkPath(path) }
        // With the encoding header `createCommit` writes: the same commit as through libgit2.
        var commit = Self.seriesCommit(change)
        commit.encoding = "UTF-8"
        let (commits, blobs) = try storage { try repository.writeSeries([commit], parent: head) }
        var written: [String: (id: BlobID, data: Data)] = [:]
        for (path, data) in change.writes { if let id = blobs[path] { written[path] = (id, data) } }
        return Step(tip: commits[0], written: written, summary: change.message, result: commits[0])
    }

    /// A change as GitPack writes it: its files in path order, with the blob ids and the edited
    /// copies' originals the writer gave.
    private static func seriesCommit(_ change: WorkspaceChange) -> SeriesCommit {
        SeriesCommit(
            files: change.writes.sorted(by: { $0.key < $1.key }).map { path, data in
                SeriesCommit.File(path: path, data: data, id: change.blobIDs[path].flatMap(BlobID.init(hex:)), similarTo: change.similarTo[path])
            },
            removals: change.removals.sorted(),
            author: signature(change.author), committer: signature(change.committer), message: change.message)
    }

    /// What one attempt wrote: the new tip, the files it holds (for the work tree), a summary for
    /// the reflog, and what to hand back.
    struct Step<Result> {
        var tip: CommitID
        var written: [String: (id: BlobID, data: Data)]
        var summary: String
        /// The version tag to point at `tip` once the branch is there: its name and tag object.
        var tag: (name: String, object: TagID)? = nil
        var result: Result
    }

    /// Writes on the branch tip, then moves the branch by compare-and-swap from that tip, and
    /// brings the work tree to it, all while holding DraftFlow's write lock, its steps written in
    /// the lock's journal so that the next command finishes a write killed half-way. When a writer
    /// that does not take the lock (another git program) moved the branch first, `write` runs again
    /// on the new tip, so nothing is lost.
    private func advance<Result>(_ write: (_ head: CommitID?, _ headTree: TreeID?) throws -> Step<Result>?) throws -> Result? {
        try locked { lock in
            try prepareForWrite(lock)
            var lockedSince: Date?
            for attempt in 0..<maximumAttempts {
                let head = try storage { try repository.resolveCommit(branch) }
                let headTree = try storage { try head.map { try repository.commit($0).tree } }
                var journal = WriteJournal(step: .committing, branch: branch, from: head?.hex)
                let step: Step<Result>
                let move: Repository.ReferenceMove
                do {
                    try storage { try lock.record(journal) }
                    guard let built = try write(head, headTree) else {
                        try storage { try lock.record(WriteJournal(step: .done, branch: branch, from: head?.hex)) }
                        return nil
                    }
                    step = built
                    journal.to = step.tip.hex
                    journal.tag = step.tag.map { ($0.name, $0.object.hex) }
                    try storage {
                        // A new fan-out folder of objects/ must be durable before the branch names objects in it.
                        try repository.syncObjectFolder()
                        try lock.record(journal)
                    }
                    let summary = step.summary.split(separator: "\n").first.map(String.init) ?? "DraftFlow"
                    move = try storage { try repository.moveReference(branch, to: step.tip, expected: head, message: "draftflow: " + summary) }
                } catch {
                    // Refused or failed before the branch moved: nothing to finish.
                    try? lock.record(WriteJournal(step: .done, branch: branch, from: head?.hex))
                    throw error
                }
                switch move {
                case .moved:
                    journal.step = .syncing
                    try finishWrite(step, journal: journal, lock: lock)
                    return step.result
                case .raced:
                    // Lost the race: back off a little and rebuild on the new tip.
                    usleep(useconds_t(1_000 * min(50, 1 + attempt * 2) + Int.random(in: 0..<2_000)))
                case .locked:
                    // Another git program is writing the branch: wait for it briefly, never claim a race.
                    let since = lockedSince ?? Date()
                    lockedSince = since
                    if Date().timeIntervalSince(since) > Self.foreignLockWait {
                        try storage { try lock.record(WriteJournal(step: .done, branch: branch, from: head?.hex)) }
                        throw foreignLockError(repository.referenceLockPath(branch), writing: "the branch \(branch)")
                    }
                    usleep(50_000)
                }
            }
            throw DraftFlowError(.storage, "the branch kept moving under this write after \(maximumAttempts) attempts",
                                 fix: "another program is writing to this repository; try again when it is done")
        }
    }

    /// After the branch moved: the tag, then the work tree. The commit has landed by now, so a
    /// failure to bring the work tree up to date is a warning, not an error: running the command
    /// again would record it twice, and the next command finishes the sync (the journal says so).
    private func finishWrite<Result>(_ step: Step<Result>, journal: WriteJournal, lock: WorkTreeLock) throws {
        try? lock.record(journal)
        var tagError: DraftFlowError?
        if let tag = step.tag {
            do {
                if try !repository.createReference("refs/tags/" + tag.name, to: tag.object.objectID, message: "draftflow: tag " + tag.name) {
                    tagError = DraftFlowError(.conflict, "version \(tag.name) was published by someone else at the same moment",
                                              fix: "see `draftflow status`")
                }
            } catch let error as any GitLayerError {
                StorageNotices.add("warning: the version's commit \(step.tip.short) is recorded, but its tag \(tag.name) could not be created yet (\(Self.describe(error))); the next draftflow command creates it")
            }
        }
        do {
            try repository.syncWorkTree(to: step.tip, known: step.written)
            try? lock.record(WriteJournal(step: .done, branch: branch, from: step.tip.hex))
        } catch let error as any GitLayerError {
            StorageNotices.add("warning: the commit \(step.tip.short) is recorded, but the work tree could not be brought up to date (\(Self.describe(error))); the next draftflow command finishes it: do not record this again")
        }
        if let tagError { throw tagError }
    }

    /// Brings the work tree to the branch tip, keeping anyone's local edits.
    public func syncWorkTree(known: [String: (id: BlobID, data: Data)] = [:]) throws {
        try locked { _ in
            try storage {
                if let head = try repository.resolveCommit(branch) {
                    try repository.syncWorkTree(to: head, known: known)
                }
            }
        }
    }

    /// What a person changed under `folder`: read under the write lock, after finishing any write
    /// a killed command left, so that files an interrupted sync did not reach are never taken for
    /// a person's edits.
    public func workTreeChanges(under folder: String) throws -> [String: Data?] {
        try locked { lock in
            try recover(lock)
            return try storage {
                guard let head = try repository.resolveCommit(branch) else { return [:] }
                return try repository.changedFiles(against: head, under: folder)
            }
        }
    }

    public func workTreeFile(_ path: String) throws -> Data? {
        try Self.checkPath(path)
        guard let root = repository.workTree else { return nil }
        return FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }

    public func versions() throws -> [StoredVersion] {
        try storage {
            var result: [(Date, StoredVersion, CommitID)] = []
            for name in try repository.tagNames() {
                guard let tag = try repository.tag(name) else { continue }
                result.append((tag.tagger?.time ?? .distantPast, StoredVersion(label: name, tagID: tag.id.hex, commitID: tag.target.hex, message: tag.message), tag.target))
            }
            return try VersionOrder.sorted(result.map { ($0.0, $0.1.label, $0.2) }, repository: repository).map { index in result[index].1 }
        }
    }

    public func file(_ path: String, atVersion label: String) throws -> Data? {
        try storage {
            guard let tag = try repository.tag(label) else { return nil }
            return try repository.file(in: try repository.commit(tag.target).tree, path: path)
        }
    }

    public func snapshot(atVersion label: String) throws -> (any WorkspaceSnapshot)? {
        try storage {
            guard let tag = try repository.tag(label) else { return nil }
            return GitSnapshot(repository: repository, commit: tag.target, tree: try repository.commit(tag.target).tree)
        }
    }

    public func history() throws -> [HistoryEntry] {
        try storage {
            guard let head = try repository.resolveCommit(branch) else { return [] }
            return try repository.history(from: head).map {
                HistoryEntry(id: $0.id.hex, authorName: $0.author.name, authorEmail: $0.author.email, authored: $0.author.time,
                             committerName: $0.committer.name, committed: $0.committer.time, message: $0.message)
            }
        }
    }

    static func signature(_ person: Person) -> Signature {
        Signature(name: person.name, email: person.email, time: person.time, timeZone: person.timeZone)
    }

    /// Paths are built by DraftFlow from checked names; this is the last guard before git.
    static func checkPath(_ path: String) throws {
        guard TreePath.isSafe(path) else {
            throw DraftFlowError(.invalidInput, "refusing to write the unsafe path '\(path)'")
        }
    }

    /// Runs a storage step, turning the git layer's errors into DraftFlow errors.
    func storage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as any GitLayerError {
            throw StorageFailure.error(error)
        }
    }

    /// A git layer error as DraftFlow's messages give it: "<operation> failed (<code>): <message>",
    /// with libgit2's return code, or -1 for the errors that are not libgit2's (the wording they had
    /// when every one of them was a `GitError`).
    static func describe(_ error: any GitLayerError) -> String {
        "\(error.operation) failed (\((error as? GitError)?.code ?? -1)): \(error.message)"
    }
}
