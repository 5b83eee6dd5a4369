import Clibgit2
import Foundation

/// What a push brings: the commits it adds and the files each one changes, read while git holds
/// the pushed objects in quarantine (see `Repository.openFromGitEnvironment`).
extension Repository {
    /// The commits reachable from `tip` that no branch and no tag reaches yet, newest first.
    public func commitsNotOnAnyReference(from tip: CommitID) throws -> [CommitID] {
        let walker = try Handle("git_revwalk_new", free: git_revwalk_free, owner: self) { git_revwalk_new(&$0, pointer) }
        return try walker.read { walker in
            try check(git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue), "git_revwalk_sorting")
            var raw = tip.objectID.raw
            try check(git_revwalk_push(walker, &raw), "git_revwalk_push")
            for glob in ["refs/heads/*", "refs/tags/*"] {
                let code = git_revwalk_hide_glob(walker, glob)
                if code != GIT_ENOTFOUND.rawValue { try check(code, "git_revwalk_hide_glob(\(glob))") }
            }
            var result: [CommitID] = []
            var next = git_oid()
            while true {
                let code = git_revwalk_next(&next, walker)
                if code == GIT_ITEROVER.rawValue { break }
                try check(code, "git_revwalk_next")
                result.append(CommitID(ObjectID(next)))
            }
            return result
        }
    }

    /// One file a commit changed: its path and, unless it was removed, its new file mode.
    public struct ChangedFile: Equatable, Sendable {
        public var path: String
        /// The git file mode of the new file (0o100644 a plain file, 0o100755 executable,
        /// 0o120000 a symbolic link, 0o160000 a submodule); nil when the file was removed.
        public var newMode: UInt32?
    }

    /// The files `tree` changes against `base` (nil: the empty tree), renames seen as a removal
    /// and an addition.
    public func changedFiles(from base: TreeID?, to tree: TreeID) throws -> [ChangedFile] {
        let old = try base.map { try lookup($0) }
        let new = try lookup(tree)
        let diff = try Handle("git_diff_tree_to_tree", free: git_diff_free, owner: self) {
            git_diff_tree_to_tree(&$0, pointer, old?.pointer, new.pointer, nil)
        }
        return withExtendedLifetime((old, new)) {
            diff.read { diff in
                (0..<git_diff_num_deltas(diff)).compactMap { index -> [ChangedFile]? in
                    guard let delta = git_diff_get_delta(diff, index)?.pointee else { return nil }
                    let removed = delta.status == GIT_DELTA_DELETED
                    let newPath = delta.new_file.path.map { String(cString: $0) } ?? ""
                    let oldPath = delta.old_file.path.map { String(cString: $0) } ?? newPath
                    var files = [ChangedFile(path: newPath, newMode: removed ? nil : UInt32(delta.new_file.mode))]
                    if oldPath != newPath { files.append(ChangedFile(path: oldPath, newMode: nil)) }
                    return files
                }.flatMap { $0 }
            }
        }
    }
}
