import ContentHash
import Foundation

/// A workspace held in memory: the domain's use cases on a store with no libgit2, no files and no
/// process, for domain-level tests. Commits, tags, history and the work tree behave as the git
/// store's do; ids are SHA-1s of each commit's content, so they are stable but not git's.
///
/// Not for users: nothing is durable. The command-line tool always uses the git store.
public final class MemoryWorkspaceStore: WorkspaceStore {
    private struct StoredCommit {
        var id: String
        var files: [String: Data]
        var entry: HistoryEntry
    }

    private struct Snapshot: WorkspaceSnapshot {
        var commitID: String?
        var files: [String: Data]
        /// The branch up to this snapshot's commit, oldest first.
        var history: [StoredCommit] = []

        func file(_ path: String) throws -> Data? { files[path] }

        func lastChange(of path: String) throws -> FileChange? {
            for (offset, commit) in history.enumerated().reversed() {
                let before = offset > 0 ? history[offset - 1].files[path] : nil
                if commit.files[path] != before {
                    return FileChange(commitID: commit.id, summary: String(commit.entry.message.split(separator: "\n").first ?? ""))
                }
            }
            return nil
        }

        func list(_ path: String) throws -> [String] {
            let prefix = path.isEmpty ? "" : path + "/"
            var names = Set<String>()
            for file in files.keys where file.hasPrefix(prefix) {
                if let name = file.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
            }
            return names.sorted()
        }
    }

    private var commits: [StoredCommit] = []
    private var tags: [StoredVersion] = []
    /// The files as a person would see them in a checkout: the tip's, plus their own edits.
    private var workTree: [String: Data] = [:]
    /// Run once before the next commit lands, as another writer moving the branch first would.
    private var racingWriter: ((MemoryWorkspaceStore) throws -> Void)?

    /// A new workspace whose first commit is `first`.
    public init(first: WorkspaceChange) throws {
        try commit { _ in first }
    }

    /// Edits a file of the work tree (nil removes it), as the secretariat does in `Drafts/` before
    /// publishing.
    public func editWorkTree(_ path: String, _ data: Data?) {
        workTree[path] = data
    }

    /// Makes `write` commit before the next commit of a use case lands: that commit's `build`
    /// then runs again on the new tip, as after a lost race on the git store.
    public func race(with write: @escaping (MemoryWorkspaceStore) throws -> Void) {
        racingWriter = write
    }

    /// The number of commits on the branch.
    public var commitCount: Int { commits.count }

    public func snapshot() throws -> any WorkspaceSnapshot {
        Snapshot(commitID: commits.last?.id, files: commits.last?.files ?? [:], history: commits)
    }

    @discardableResult
    public func commit(_ build: (any WorkspaceSnapshot) throws -> WorkspaceChange?) throws -> String? {
        try commitSeries { snapshot in try build(snapshot).map { [$0] } ?? [] }.last
    }

    @discardableResult
    public func commitSeries(_ build: (any WorkspaceSnapshot) throws -> [WorkspaceChange]) throws -> [String] {
        while true {
            let tip = commits.last?.id
            let changes = try build(try snapshot())
            if let racing = racingWriter {
                racingWriter = nil
                try racing(self)
            }
            // Compare and swap: the branch must still be where `build` read it.
            guard commits.last?.id == tip else { continue }
            return changes.map(apply)
        }
    }

    private func apply(_ change: WorkspaceChange) -> String {
        var files = commits.last?.files ?? [:]
        for path in change.removals { files[path] = nil }
        for (path, data) in change.writes { files[path] = data }
        let parent = commits.last?.id ?? ""
        var content = "parent \(parent)\nauthor \(change.author.name) <\(change.author.email)> \(change.author.time.timeIntervalSince1970)\n"
        content += "committer \(change.committer.name) \(change.committer.time.timeIntervalSince1970)\n"
        for path in files.keys.sorted() { content += "\(path) \(GitBlobHash.hex(files[path]!))\n" }
        content += "\n" + change.message
        let id = GitBlobHash.hex(Data(content.utf8))
        let entry = HistoryEntry(id: id, authorName: change.author.name, authorEmail: change.author.email, authored: change.author.time,
                                 committerName: change.committer.name, committed: change.committer.time, message: change.message)
        // The work tree follows the branch, keeping a person's edits to paths the commit did not touch.
        let previous = commits.last?.files ?? [:]
        for (path, data) in files where workTree[path] == previous[path] { workTree[path] = data }
        for path in previous.keys where files[path] == nil && workTree[path] == previous[path] { workTree[path] = nil }
        commits.append(StoredCommit(id: id, files: files, entry: entry))
        if let tag = change.tag {
            let tagID = GitBlobHash.hex(Data("tag \(tag.label)\nobject \(id)\n\n\(tag.message)".utf8))
            tags.append(StoredVersion(label: tag.label, tagID: tagID, commitID: id, message: tag.message))
        }
        return id
    }

    public func workTreeChanges(under folder: String) throws -> [String: Data?] {
        let prefix = folder + "/"
        let tip = commits.last?.files ?? [:]
        var changes: [String: Data?] = [:]
        for (path, data) in workTree where path.hasPrefix(prefix) && tip[path] != data { changes[path] = .some(data) }
        for path in tip.keys where path.hasPrefix(prefix) && workTree[path] == nil { changes[path] = .some(nil) }
        return changes
    }

    public func workTreeFile(_ path: String) throws -> Data? { workTree[path] }

    public func versions() throws -> [StoredVersion] { tags }

    public func file(_ path: String, atVersion label: String) throws -> Data? {
        guard let tag = tags.first(where: { $0.label == label }) else { return nil }
        return commits.first { $0.id == tag.commitID }?.files[path]
    }

    public func snapshot(atVersion label: String) throws -> (any WorkspaceSnapshot)? {
        guard let tag = tags.first(where: { $0.label == label }),
              let index = commits.firstIndex(where: { $0.id == tag.commitID }) else { return nil }
        return Snapshot(commitID: commits[index].id, files: commits[index].files, history: Array(commits[...index]))
    }

    public func history() throws -> [HistoryEntry] { commits.reversed().map(\.entry) }
}
