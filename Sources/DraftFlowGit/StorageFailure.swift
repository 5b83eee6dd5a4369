import DraftFlow
import Foundation
import Glibc
import GitCore

/// What a failure of the git layer means for a person, and what to do about it: a damaged or
/// missing object, a damaged reference, HEAD off any branch, a failed system call. Every git
/// layer error DraftFlow reports becomes one `DraftFlowError` of kind `.storage` (exit code 6)
/// through here, with a `fix:` line.
public enum StorageFailure {
    /// How to get every object back from an intact copy of the workspace.
    static let refetch = "fetch every object again from an intact copy of the workspace (a member's clone or a backup): "
        + "`git fetch --refetch /path/to/copy`; `git fsck --full` must then report nothing"

    /// The DraftFlow error for `error`, its message starting with `context` when given.
    public static func error(_ error: any Error, context: String? = nil) -> DraftFlowError {
        let (message, fix) = explain(error)
        return DraftFlowError(.storage, (context.map { $0 + ": " } ?? "") + message, fix: fix)
    }

    /// `error(_:)` for an error of the git layer (GitCore, GitPack); nil for any other error.
    public static func gitLayerError(_ error: any Error) -> DraftFlowError? {
        (error is any GitLayerError) ? self.error(error) : nil
    }

    private static func explain(_ error: any Error) -> (message: String, fix: String) {
        if let error = error as? GitError { return explain(error) }
        if let error = error as? SystemCallError {
            return ("\(error.message) (\(error.operation))", advice(errno: error.errno, path: error.path))
        }
        if let error = error as? UnsupportedRepositoryError, error.message.contains("detached") {
            return ("HEAD is detached: it names a commit, not the branch DraftFlow writes",
                    "put HEAD back on the workspace's branch, e.g. `git switch main` (`git branch` lists the branches)")
        }
        if let error = error as? any GitLayerError {
            return ("git storage failed: \(GitWorkspaceStore.describe(error))", "check the workspace with `git fsck --full`")
        }
        return ("git storage failed: \(error)", "check the workspace with `git fsck --full`")
    }

    private static func explain(_ error: GitError) -> (message: String, fix: String) {
        if let file = error.damagedObjectFile {
            return ("the object file .git/\(file) is damaged: \(error.message.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? error.message)",
                    "move .git/\(file) out of the repository, then " + refetch)
        }
        let text = error.message.lowercased()
        if error.isObjectDatabase && error.isNotFound {
            return ("an object the workspace needs is missing: \(error.message) (\(error.operation))", refetch)
        }
        if error.isObjectDatabase || text.contains("pack") {
            return ("the object database is damaged: \(error.message) (\(error.operation))",
                    "move the damaged file named above out of .git/objects (a pack: its .pack and .idx together), then " + refetch)
        }
        if error.isReference {
            return ("a reference is damaged: \(error.message) (\(error.operation))",
                    "run `git fsck --full`; the branch's last good commit is in its reflog (`cat .git/logs/HEAD`): "
                        + "put it back with `git update-ref refs/heads/BRANCH COMMIT`, and remove garbage lines from .git/packed-refs")
        }
        if error.isIndex {
            return ("the git index is damaged: \(error.message) (\(error.operation))",
                    "rebuild it from the last commit with `git reset` (keeps the files of the work tree)")
        }
        if error.isLocked {
            return ("a git lock file is in the way: \(error.message) (\(error.operation))",
                    "if no other git or draftflow command is running, remove the .lock file named above")
        }
        return ("git storage failed: \(GitWorkspaceStore.describe(error))", "check the workspace with `git fsck --full`")
    }

    /// What to do about a system call that failed with `code`.
    private static func advice(errno code: Int32, path: String) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "free some disk space, then run the command again"
        case EACCES, EPERM: return "check the permissions of \(path) (and of its folder)"
        case EROFS: return "the file system is read-only: work in a copy of the workspace on a writable disk"
        case EIO: return "the disk reported an input/output error: copy the workspace elsewhere and check the disk"
        default: return "check \(path), then run the command again"
        }
    }
}
