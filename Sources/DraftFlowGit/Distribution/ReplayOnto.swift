import DraftFlow
import Foundation
import GitCore

/// Writes the workspace's own commits again on top of a remote tip (the domain's `Replay` decides
/// what each one writes there), keeping each commit's author, committer, dates and message, and
/// re-tagging the versions published here that the remote does not have yet.
struct ReplayOnto {
    let store: GitWorkspaceStore
    /// The version tags the remote has: those are never moved.
    let remoteTags: Set<String>

    var repository: Repository { store.repository }

    /// The new tip, how many commits were written again, and the tags to move to their new
    /// objects.
    func replay(from local: CommitID, onto remoteTip: CommitID) throws -> (CommitID, Int, [(name: String, object: TagID)]) {
        guard let base = try store.storage({ try repository.mergeBase(local, remoteTip) }) else {
            throw DraftFlowError(.conflict, "the workspace and the remote share no history",
                                 fix: "clone the remote (`git clone URL`) instead of adding it to an unrelated workspace")
        }
        let commits = try localCommits(from: local, to: base)
        let tagsByCommit = try localTags()
        var tip = remoteTip
        var count = 0
        var tags: [(name: String, object: TagID)] = []
        for commit in commits {
            let parent = commit.parents[0]
            let changes = try fileChanges(of: commit, parent: parent)
            let tipTree = try store.storage { try repository.commit(tip).tree }
            let zone = try RecordReader.workflow(in: try store.snapshot(of: tip)).zone()
            let writes = try Replay.rebase(changes, onto: { path in try store.storage { try repository.file(in: tipTree, path: path) } },
                                           zone: zone, commit: commit.summary)
            if writes.isEmpty && tagsByCommit[commit.id] == nil { continue }
            tip = try store.storage {
                let updates = try writes.sorted { $0.key < $1.key }.map { path, data -> TreeUpdate in
                    guard let data else { return .remove(path: path) }
                    return .upsert(path: path, blob: try repository.createBlob(data))
                }
                let tree = try repository.updateTree(tipTree, updates)
                return try repository.createCommit(tree: tree, parents: [tip], author: commit.author, committer: commit.committer, message: commit.message)
            }
            count += 1
            for name in tagsByCommit[commit.id] ?? [] where !remoteTags.contains(name) {
                guard let tag = try store.storage({ try repository.tag(name) }) else { continue }
                let object = try store.storage {
                    try repository.createTagObject(name, target: tip, tagger: tag.tagger ?? commit.committer, message: tag.message)
                }
                tags.append((name, object))
            }
        }
        return (tip, count, tags)
    }

    /// The commits after `base` up to `local`, oldest first; DraftFlow's history is a line.
    private func localCommits(from local: CommitID, to base: CommitID) throws -> [CommitInfo] {
        var commits: [CommitInfo] = []
        var current = local
        while current != base {
            let commit = try store.storage { try repository.commit(current) }
            guard commit.parents.count == 1 else {
                throw DraftFlowError(.conflict, "the local commit \(current.short) is a merge or a root commit: DraftFlow replays only its own commits, one after the other",
                                     fix: "bring the two histories together with git (`git rebase`), then push again")
            }
            commits.append(commit)
            current = commit.parents[0]
        }
        return commits.reversed()
    }

    /// Local version tags by the commit they tag.
    private func localTags() throws -> [CommitID: [String]] {
        var result: [CommitID: [String]] = [:]
        for name in try store.storage({ try repository.tagNames() }) {
            guard let tag = try store.storage({ try repository.tag(name) }) else { continue }
            result[tag.target, default: []].append(name)
        }
        return result
    }

    /// What `commit` changed against `parent`, file by file.
    private func fileChanges(of commit: CommitInfo, parent: CommitID) throws -> [Replay.FileChange] {
        try store.storage {
            let before = Dictionary(try repository.allFiles(in: try repository.commit(parent).tree).map { ($0.path, $0.id) }, uniquingKeysWith: { $1 })
            let after = Dictionary(try repository.allFiles(in: commit.tree).map { ($0.path, $0.id) }, uniquingKeysWith: { $1 })
            return try Set(before.keys).union(after.keys).sorted().compactMap { path -> Replay.FileChange? in
                guard before[path] != after[path] else { return nil }
                return Replay.FileChange(path: path, before: try before[path].map { try repository.blobData($0) },
                                         after: try after[path].map { try repository.blobData($0) })
            }
        }
    }
}
