import Clibgit2
import Foundation

/// A commit, copied out of libgit2.
public struct CommitInfo: Equatable, Sendable {
    public let id: ObjectID
    public let tree: ObjectID
    public let parents: [ObjectID]
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
    public func createCommit(tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String) throws -> ObjectID {
        var rawTree = tree.raw
        var treeHandle: OpaquePointer?
        try check(git_tree_lookup(&treeHandle, handle, &rawTree), "git_tree_lookup")
        defer { git_tree_free(treeHandle) }
        var parentHandles: [OpaquePointer?] = []
        defer { parentHandles.forEach { git_commit_free($0) } }
        for parent in parents {
            var raw = parent.raw
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &raw), "git_commit_lookup")
            parentHandles.append(commit)
        }
        var out = git_oid()
        _ = try author.withRaw { rawAuthor in
            try committer.withRaw { rawCommitter in
                try parentHandles.withUnsafeMutableBufferPointer { buffer in
                    try check(git_commit_create(&out, handle, nil, rawAuthor, rawCommitter, "UTF-8", message, treeHandle, parents.count, buffer.baseAddress), "git_commit_create")
                }
            }
        }
        return ObjectID(out)
    }

    /// Reads a commit.
    public func commit(_ id: ObjectID) throws -> CommitInfo {
        var raw = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, handle, &raw), "git_commit_lookup")
        defer { git_commit_free(commit) }
        var parents: [ObjectID] = []
        for index in 0..<git_commit_parentcount(commit) {
            parents.append(ObjectID(git_commit_parent_id(commit, index).pointee))
        }
        let message = git_commit_message(commit).map { String(cString: $0) } ?? ""
        return CommitInfo(
            id: id,
            tree: ObjectID(git_commit_tree_id(commit).pointee),
            parents: parents,
            author: Signature(git_commit_author(commit)),
            committer: Signature(git_commit_committer(commit)),
            message: message
        )
    }

    /// The commits reachable from `start`, newest first (topological, then by time).
    public func history(from start: ObjectID, limit: Int? = nil) throws -> [CommitInfo] {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, handle), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        try check(git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "git_revwalk_sorting")
        var raw = start.raw
        try check(git_revwalk_push(walker, &raw), "git_revwalk_push")
        var result: [CommitInfo] = []
        var next = git_oid()
        while true {
            if let limit, result.count >= limit { break }
            let code = git_revwalk_next(&next, walker)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_revwalk_next")
            result.append(try commit(ObjectID(next)))
        }
        return result
    }
}
