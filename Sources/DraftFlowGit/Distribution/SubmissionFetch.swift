import DraftFlow
import Foundation
import GitCore

/// The storage side of `collect`: fetches the members' submission branches, reads each into a
/// `SubmissionCandidate` for the domain to check, and deletes the collected ones on the remote.
public struct SubmissionFetch {
    let sync: RemoteSync

    public init(_ sync: RemoteSync) {
        self.sync = sync
    }

    var repository: Repository { sync.store.repository }

    /// Downloads what `refs/heads/submissions/*` name on the remote (no local reference is written)
    /// and reads each.
    public func candidates() throws -> [SubmissionCandidate] {
        let store = sync.store
        let heads = try sync.network("fetch from") {
            try repository.download(remote: sync.remote, prefix: SubmissionBranch.prefix, credentials: sync.credentials)
        }
        return try store.storage {
            guard let main = try repository.resolveCommit(store.branch) else { return [] }
            return try heads.map { reference, id -> SubmissionCandidate in
                guard let commit = try? repository.commit(CommitID(id)) else {
                    return SubmissionCandidate(reference: reference, commitID: id.hex, shapeProblem: "it does not name a commit", files: [], sent: Date(timeIntervalSince1970: 0))
                }
                return try candidate(reference, commit, main: main)
            }
        }
    }

    private func candidate(_ reference: String, _ commit: CommitInfo, main: CommitID) throws -> SubmissionCandidate {
        var result = SubmissionCandidate(reference: reference, commitID: commit.id.hex, shapeProblem: nil, files: [], sent: commit.author.time)
        guard commit.parents.count == 1, let parent = commit.parents.first else {
            result.shapeProblem = "its commit has \(commit.parents.count) parents: a submission is one commit on top of the workspace's main branch"
            return result
        }
        let onMain = try parent == main || repository.isAncestor(parent, of: main)
        guard onMain else {
            result.shapeProblem = "its commit is not made on the workspace's main branch (its parent \(parent.short) is not on main): clone again and submit again"
            return result
        }
        let before = Dictionary(try repository.allFiles(in: try repository.commit(parent).tree).map { ($0.path, $0.id) }, uniquingKeysWith: { $1 })
        let after = Dictionary(try repository.allFiles(in: commit.tree).map { ($0.path, $0.id) }, uniquingKeysWith: { $1 })
        for path in Set(before.keys).union(after.keys).sorted() where before[path] != after[path] {
            guard let id = after[path] else {
                result.files.append(SubmittedFile(path: path, change: .removed, size: 0, data: nil))
                continue
            }
            let size = try repository.blobSize(id)
            let data = size <= TextInput.maximumSize ? try repository.blobData(id) : nil
            result.files.append(SubmittedFile(path: path, change: before[path] == nil ? .added : .modified, size: size, data: data))
        }
        return result
    }

    /// Deletes the collected branches on the remote, each only if it still names the commit that
    /// was collected (a member who submitted again meanwhile keeps the new one for the next
    /// collect). Returns the references deleted.
    public func delete(_ collected: [(reference: String, commitID: String)]) throws -> [String] {
        var pending = Dictionary(collected.compactMap { item in ObjectID(hex: item.commitID).map { (item.reference, $0) } }, uniquingKeysWith: { $1 })
        for _ in 0..<3 where !pending.isEmpty {
            let refspecs = pending.keys.sorted().map { ":" + $0 }
            let outcome = try sync.network("delete the collected submission branches on") {
                try repository.push(remote: sync.remote, refspecs: refspecs, expecting: pending, credentials: sync.credentials)
            }
            if outcome.moved.isEmpty {
                return pending.keys.sorted().filter { outcome.rejected[$0] == nil }
            }
            for reference in outcome.moved { pending[reference] = nil }
        }
        return []
    }
}
