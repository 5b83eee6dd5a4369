import DraftFlow
import Foundation
import GitCore

extension GitWorkspaceStore {
    /// Moves the branch to `tip` (commits fetched from a remote, or replayed on them) only if it
    /// is still at `expected`, and points each of `tags` at its new tag object, under DraftFlow's
    /// write lock and journal like any commit, then brings the work tree there (local edits kept).
    /// False when the branch moved since it was read: the caller reads again and retries.
    func adopt(_ tip: CommitID, replacing expected: CommitID, tags: [(name: String, object: TagID)] = [], reason: String) throws -> Bool {
        try locked { lock in
            try prepareForWrite(lock)
            let head = try storage { try repository.resolveCommit(branch) }
            guard head == expected else { return false }
            var journal = WriteJournal(step: .committing, branch: branch, from: head?.hex, to: tip.hex)
            try storage {
                try repository.syncObjectFolder()
                try lock.record(journal)
            }
            let move = try storage { try repository.moveReference(branch, to: tip, expected: head, message: "draftflow: " + reason) }
            guard move == .moved else {
                try? lock.record(WriteJournal(step: .done, branch: branch, from: head?.hex))
                return false
            }
            journal.step = .syncing
            try? lock.record(journal)
            try storage {
                // A version published here and not yet pushed now tags its replayed commit.
                for tag in tags {
                    try repository.removeReference("refs/tags/" + tag.name)
                    _ = try repository.createReference("refs/tags/" + tag.name, to: tag.object.objectID, message: "draftflow: " + reason)
                }
                try repository.syncWorkTree(to: tip)
            }
            try? lock.record(WriteJournal(step: .done, branch: branch, from: tip.hex))
            return true
        }
    }

    /// A snapshot of any commit of the repository, for reading a fetched tip.
    func snapshot(of commit: CommitID) throws -> any WorkspaceSnapshot {
        try storage { GitSnapshot(repository: repository, commit: commit, tree: try repository.commit(commit).tree) }
    }
}
