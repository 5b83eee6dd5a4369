import DraftFlow
import Foundation
import GitCore

/// What the command line tells a person about a workspace whose repository is not as DraftFlow
/// left it: HEAD on a branch that does not exist, a committed record that does not read.
extension GitWorkspaceStore {
    /// Throws when HEAD names a branch that does not exist. (Every workspace has a commit from
    /// `draftflow init` on: a branch without one is damage, not a new workspace.)
    public func checkHead() throws {
        guard try storage({ try repository.resolveCommit(branch) }) == nil else { return }
        let branches = try storage { try repository.branchNames() }
        let fix: String
        if let first = branches.first {
            fix = "point HEAD back at the workspace's branch: `git symbolic-ref HEAD \(first)`"
                + (branches.count > 1 ? " (branches: \(branches.map { $0.replacingOccurrences(of: "refs/heads/", with: "") }.joined(separator: ", ")))" : "")
        } else {
            fix = "no branch is left: recreate it from HEAD's reflog, e.g. `git update-ref \(branch) $(tail -n 1 .git/logs/HEAD | cut -d' ' -f2)`"
        }
        throw DraftFlowError(.storage, "HEAD points to the branch \(branch), which does not exist", fix: fix)
    }

    /// How to restore `path`, a committed file that does not read (`reads` says whether content
    /// does): the commit that last changed it, and the newest commit where it reads. Nil when
    /// the work tree's file differs from the committed one (then `git checkout` is the fix), or
    /// when the history has no good version of it.
    public func restoreAdvice(for path: String, reads: (Data) -> Bool) -> String? {
        guard let head = try? repository.resolveCommit(branch),
              let tree = try? repository.commit(head).tree,
              let committed = try? repository.entry(in: tree, path: path)?.blobID else { return nil }
        if let root = repository.workTree, let working = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
           BlobID(ObjectID(hashing: working, as: .blob)) != committed {
            return nil
        }
        // Newest first; a linear history, as DraftFlow writes it.
        var current = head
        var blob = committed
        var changedBy: CommitInfo?
        for _ in 0..<2_000 {
            guard let commit = try? repository.commit(current) else { return nil }
            let parentBlob = commit.parents.first.flatMap { try? repository.entry(in: repository.commit($0).tree, path: path)?.blobID }
            if parentBlob != blob && changedBy == nil { changedBy = commit }
            if blob != committed, let data = try? repository.blobData(blob), reads(data) {
                let short = String(current.hex.prefix(7))
                let by = changedBy.map { " was last changed by commit \($0.id.hex.prefix(7)) (\"\($0.summary)\");" } ?? ""
                return "\(path)\(by) it reads correctly as of commit \(short): restore it with `git show \(short):\(path) > \(path)`, "
                    + "then `git commit -m 'Restore \(path)' -- \(path)`"
            }
            guard let parent = commit.parents.first, let parentBlob else { return nil }
            current = parent
            blob = parentBlob
        }
        return nil
    }
}
