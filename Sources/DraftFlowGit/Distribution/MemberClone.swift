import DraftFlow
import Foundation
import GitCore

/// A member delegation's clone of the workspace (`draftflow clone URL DIR --member CODE`): it
/// reads the workspace, and sends submissions on its own branch, never on main.
public enum MemberClone {
    /// The configuration key naming the member a clone belongs to.
    static let memberKey = "draftflow.member"

    /// Clones `url` into `folder` for `member` (nil: for a secretariat officer). Refuses a folder that exists and is not empty; on
    /// failure, leaves nothing behind.
    public static func clone(_ url: String, to folder: URL, member: String?, credentials: RemoteCredentials = .fromEnvironment()) throws -> GitWorkspaceStore {
        let fileManager = FileManager.default
        if let entries = try? fileManager.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            throw DraftFlowError(.conflict, "\(folder.path) exists and is not empty", fix: "name a new folder")
        }
        do {
            let repository = try Repository.clone(url, to: folder, credentials: credentials)
            if let member { try repository.setConfigString(memberKey, member) }
            let store = try GitWorkspaceStore.open(containing: folder)
            return store
        } catch {
            try? fileManager.removeItem(at: folder)
            if let error = error as? DraftFlowError { throw error }
            throw DraftFlowError(.storage, "cannot clone \(TerminalText.escaped(url)): \(TerminalText.escaped((error as? any GitLayerError)?.message ?? "\(error)"))",
                                 fix: "check the URL, the network and the credentials (DRAFTFLOW_GIT_USERNAME and DRAFTFLOW_GIT_PASSWORD or DRAFTFLOW_GIT_TOKEN, an ssh agent, or a git credential helper)")
        }
    }

    /// The member this clone belongs to, or nil for the secretariat's own workspace.
    public static func member(of store: GitWorkspaceStore) throws -> String? {
        try store.storage { try store.repository.configString(memberKey) }
    }

    /// What `submit` sent.
    public struct Sent: Sendable, Codable {
        public var reference: String
        public var commit: String
        /// True when an earlier submission on the branch, not yet collected, was replaced.
        public var replaced: Bool
    }

    /// Brings the clone up to date, writes `files` (path → bytes, inside the branch's folder) as a
    /// commit by `author` on top of main, on the member's submission branch, and pushes only that
    /// branch.
    public static func submit(_ files: [String: Data], on branch: SubmissionBranch, author: Person, store: GitWorkspaceStore,
                              remote: String = "origin", credentials: RemoteCredentials = .fromEnvironment()) throws -> Sent {
        let sync = try RemoteSync(store: store, remote: remote, credentials: credentials)
        _ = try sync.pull()
        let repository = store.repository
        let commit = try store.storage { () -> CommitID in
            guard let base = try repository.resolveCommit(store.branch) else {
                throw DraftFlowError(.workspace, "the clone's branch \(store.branch) has no commit")
            }
            let updates = try files.sorted { $0.key < $1.key }.map { path, data -> TreeUpdate in
                try GitWorkspaceStore.checkPath(path)
                return .upsert(path: path, blob: try repository.createBlob(data))
            }
            let tree = try repository.updateTree(try repository.commit(base).tree, updates)
            let signature = GitWorkspaceStore.signature(author)
            return try repository.createCommit(tree: tree, parents: [base], author: signature, committer: signature,
                                               message: "Submission of \(branch.member) in round \(branch.round)\n\nDraftFlow-Round: \(branch.round)\nDraftFlow-Member: \(branch.member)\n")
        }
        // Whether the host still holds an earlier submission of this branch, not collected yet.
        let tracking = "refs/remotes/\(remote)/submissions/\(branch.round)/\(branch.member)"
        try sync.network("fetch from") {
            try repository.fetch(remote: remote, refspecs: ["+\(branch.reference):\(tracking)"], prune: true, credentials: credentials)
        }
        let replaced = try store.storage { try repository.resolve(tracking) != nil }
        try store.storage {
            try repository.removeReference(branch.reference)
            _ = try repository.createReference(branch.reference, to: commit.objectID, message: "draftflow: submit")
        }
        let outcome = try sync.network("send the submission to") {
            try repository.push(remote: remote, refspecs: ["+\(branch.reference):\(branch.reference)"], credentials: credentials)
        }
        if let reason = outcome.rejected[branch.reference] {
            throw DraftFlowError(.refused, "the git host refused the submission: \(TerminalText.escaped(reason))",
                                 fix: "ask the secretariat whether your clone may push \(branch.reference)")
        }
        try store.storage {
            try repository.removeReference(tracking)
            _ = try repository.createReference(tracking, to: commit.objectID, message: "draftflow: submit")
        }
        return Sent(reference: branch.reference, commit: commit.hex, replaced: replaced)
    }
}
