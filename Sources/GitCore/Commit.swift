import Clibgit2
import Foundation

/// A commit, copied out of libgit2.
public struct CommitInfo: Equatable, Sendable {
    public let id: CommitID
    public let tree: TreeID
    public let parents: [CommitID]
    public let author: Signature
    public let committer: Signature
    public let message: String

    /// The first line of the message.
    public var summary: String {
        String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}

extension Repository {
    /// Writes a commit object. No reference moves: see `updateReference`.
    public func createCommit(tree: TreeID, parents: [CommitID], author: Signature, committer: Signature, message: String) throws -> CommitID {
        let treeHandle = try lookup(tree)
        let parentHandles = try parents.map { try lookup($0) }
        var parentPointers: [OpaquePointer?] = parentHandles.map(\.pointer)
        var out = git_oid()
        try author.withRaw { rawAuthor in
            try committer.withRaw { rawCommitter in
                try check(git_commit_create(&out, pointer, nil, rawAuthor, rawCommitter, "UTF-8", message,
                                            treeHandle.pointer, parents.count, &parentPointers), "git_commit_create")
            }
        }
        withExtendedLifetime((treeHandle, parentHandles)) {}
        return CommitID(ObjectID(out))
    }

    /// Reads a commit.
    public func commit(_ id: CommitID) throws -> CommitInfo {
        try lookup(id).read { commit in
            CommitInfo(
                id: id,
                tree: TreeID(ObjectID(git_commit_tree_id(commit).pointee)),
                parents: (0..<git_commit_parentcount(commit)).map { CommitID(ObjectID(git_commit_parent_id(commit, $0).pointee)) },
                author: Signature(git_commit_author(commit)),
                committer: Signature(git_commit_committer(commit)),
                message: git_commit_message(commit).map { String(cString: $0) } ?? ""
            )
        }
    }

    /// The commits reachable from `start`, newest first (topological, then by time).
    public func history(from start: CommitID, limit: Int? = nil) throws -> [CommitInfo] {
        let walker = try Handle("git_revwalk_new", free: git_revwalk_free, owner: self) { git_revwalk_new(&$0, pointer) }
        return try walker.read { walker in
            try check(git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "git_revwalk_sorting")
            var raw = start.objectID.raw
            try check(git_revwalk_push(walker, &raw), "git_revwalk_push")
            var result: [CommitInfo] = []
            var next = git_oid()
            while true {
                if let limit, result.count >= limit { break }
                let code = git_revwalk_next(&next, walker)
                if code == GIT_ITEROVER.rawValue { break }
                try check(code, "git_revwalk_next")
                result.append(try commit(CommitID(ObjectID(next))))
            }
            return result
        }
    }
}

extension Repository {
    /// Whether `ancestor` is in the history of `commit` (or is `commit`).
    public func isAncestor(_ ancestor: CommitID, of commit: CommitID) throws -> Bool {
        if ancestor == commit { return true }
        var rawCommit = commit.objectID.raw, rawAncestor = ancestor.objectID.raw
        return try check(git_graph_descendant_of(pointer, &rawCommit, &rawAncestor), "git_graph_descendant_of") == 1
    }
}
