import DraftFlow
import Foundation
import GitCore

/// What `pull` or `push` did, for people and for `--json`.
public struct SyncReport: Codable, Sendable, Equatable {
    public enum Action: String, Codable, Sendable {
        /// Nothing to take: the remote had nothing the workspace lacked.
        case upToDate = "up-to-date"
        /// The workspace's branch moved forward to the remote's.
        case fastForward = "fast-forward"
        /// The workspace's own commits were written again on top of the remote's.
        case replayed
    }

    public var remote: String
    public var action: Action
    /// The branch's tip before and after.
    public var from: String
    public var to: String
    /// How many local commits were replayed on the remote's tip.
    public var replayed: Int
    /// Versions taken from the remote (pull) or sent to it (push).
    public var tags: [String]
    /// Push only: how many times it had to fetch and replay because the remote moved.
    public var attempts: Int?
    /// Push only: whether the remote's branch now is the workspace's.
    public var pushed: Bool?
}

/// The secretariat's side of a git host: pull (fetch, then fast-forward or replay local commits)
/// and push (main and every version tag, replaying and retrying when the remote moved).
public struct RemoteSync {
    let store: GitWorkspaceStore
    public let remote: String
    let credentials: RemoteCredentials
    /// How many times a push fetches and replays again when the remote keeps moving.
    public var maximumAttempts = 20

    public init(store: GitWorkspaceStore, remote: String, credentials: RemoteCredentials = .fromEnvironment()) throws {
        self.store = store
        self.remote = remote
        self.credentials = credentials
        guard try store.storage({ try store.repository.remote(remote) }) != nil else {
            throw DraftFlowError(.invalidInput, "there is no remote named \(TerminalText.escaped(remote))",
                                 fix: "add it with `draftflow remote add \(TerminalText.escaped(remote)) URL`; `draftflow remote list` shows the remotes")
        }
    }

    var repository: Repository { store.repository }

    /// Adds the remote `name` at `url` to the workspace.
    public static func addRemote(_ name: String, url: String, store: GitWorkspaceStore) throws {
        if try store.storage({ try store.repository.remote(name) }) != nil {
            throw DraftFlowError(.conflict, "there is a remote named \(TerminalText.escaped(name)) already", fix: "see `draftflow remote list`")
        }
        do {
            try store.repository.addRemote(name: name, url: url)
        } catch let error as UnsupportedRepositoryError {
            throw DraftFlowError(.invalidInput, TerminalText.escaped(error.message), fix: "name it with letters, digits and '-', e.g. origin")
        } catch let error as any GitLayerError {
            throw DraftFlowError(.invalidInput, "cannot add the remote \(TerminalText.escaped(name)): \(TerminalText.escaped(error.message))", fix: "check the URL")
        }
    }

    /// Creates an empty bare repository at `folder`: a git host's copy of a workspace.
    public static func createBareRepository(at folder: URL) throws {
        do {
            try Repository.createBare(at: folder)
        } catch let error as any GitLayerError {
            throw StorageFailure.error(error, context: "cannot create the bare repository \(folder.path)")
        }
    }

    /// The workspace's remotes: name and URL.
    public static func remotes(of store: GitWorkspaceStore) throws -> [(name: String, url: String)] {
        try store.storage { try store.repository.remotes() }.map { ($0.name, $0.url) }
    }
    var branchName: String { String(store.branch.dropFirst("refs/heads/".count)) }
    var trackingBranch: String { "refs/remotes/\(remote)/\(branchName)" }
    var trackingTags: String { "refs/remotes/\(remote)/tags/" }

    /// Fetches the remote's branch and tags, then takes them into the workspace.
    public func pull() throws -> SyncReport {
        let remoteTip = try fetchBranch()
        var report = try integrate(remoteTip)
        report.tags = try importTags()
        return report
    }

    /// Pushes the branch and every version tag. When the remote moved, fetches, replays the local
    /// commits on its tip and tries again.
    public func push() throws -> SyncReport {
        var first: SyncReport?
        // The remote's tip a push was refused at, and why: refused again on the same tip, the
        // refusal is the host's rule, not a race.
        var refusal: (tip: CommitID?, reasons: String)?
        for attempt in 1...maximumAttempts {
            let remoteTip = try fetchBranch()
            if let refusal, refusal.tip == remoteTip {
                throw DraftFlowError(.refused, "the git host refused the push: \(refusal.reasons)",
                                     fix: "see the host's rules for this repository (a hook, protected branches); the remote is as it was for these references")
            }
            var report = try integrate(remoteTip)
            _ = try importTags()
            let tags = try store.storage { try repository.tagNames() }
            let remoteTags = try remoteTagNames()
            // A version's tag never moves: only those the host lacks are sent.
            let refspecs = ["\(store.branch):\(store.branch)"] + tags.filter { !remoteTags.contains($0) }.map { "refs/tags/\($0):refs/tags/\($0)" }
            let outcome = try network("push to") { try repository.push(remote: remote, refspecs: refspecs, credentials: credentials) }
            if first == nil { first = report }
            if outcome.rejected.isEmpty && !outcome.nonFastForward {
                try recordPushed(tags: tags.filter { !remoteTags.contains($0) })
                report.from = first!.from
                report.replayed = max(report.replayed, first!.replayed)
                if report.action == .upToDate, first!.action != .upToDate { report.action = first!.action }
                report.tags = tags.filter { !remoteTags.contains($0) }
                report.attempts = attempt
                report.pushed = true
                return report
            }
            var reasons = outcome.rejected.isEmpty ? "\(store.branch): the remote moved (not a fast-forward)"
                : outcome.rejected.sorted { $0.key < $1.key }.map { "\($0.key): \(TerminalText.escaped($0.value))" }.joined(separator: "; ")
            if !outcome.rejected.isEmpty, !outcome.messages.isEmpty {
                reasons += "\n  the host said:\n" + outcome.messages.map { "    " + TerminalText.escaped($0) }.joined(separator: "\n")
            }
            refusal = (remoteTip, reasons)
            // The remote moved between the fetch and the push: fetch again and replay.
            usleep(useconds_t(10_000 * min(attempt, 10) + Int.random(in: 0..<20_000)))
        }
        throw DraftFlowError(.conflict, "the remote \(remote) kept moving: \(maximumAttempts) pushes in a row found a newer branch",
                             fix: "run `draftflow push` again in a moment")
    }

    /// Points the remote-tracking references at what the push sent, as a fetch would.
    func recordPushed(tags: [String]) throws {
        try store.storage {
            if let head = try repository.resolveCommit(store.branch) {
                try repository.removeReference(trackingBranch)
                _ = try repository.createReference(trackingBranch, to: head.objectID, message: "draftflow: push")
            }
            for tag in tags {
                guard let id = try repository.resolve("refs/tags/" + tag) else { continue }
                _ = try repository.createReference(trackingTags + tag, to: id, message: "draftflow: push")
            }
        }
    }

    /// Fetches the remote's branch into `refs/remotes/<remote>/<branch>` and its tags into
    /// `refs/remotes/<remote>/tags/`; the remote's tip, or nil when it has no such branch.
    func fetchBranch() throws -> CommitID? {
        try network("fetch from") {
            try repository.fetch(remote: remote, refspecs: ["+\(store.branch):\(trackingBranch)", "+refs/tags/*:\(trackingTags)*"],
                                 prune: true, credentials: credentials)
        }
        return try store.storage { try repository.resolveCommit(trackingBranch) }
    }

    /// Takes the remote's tip into the workspace: nothing when the workspace has it already, a
    /// fast-forward when the workspace has nothing of its own, else a replay of the local commits.
    func integrate(_ remoteTip: CommitID?) throws -> SyncReport {
        for _ in 0..<store.maximumAttempts {
            guard let local = try store.storage({ try repository.resolveCommit(store.branch) }) else {
                throw DraftFlowError(.workspace, "the workspace's branch \(store.branch) has no commit")
            }
            var report = SyncReport(remote: remote, action: .upToDate, from: local.hex, to: local.hex, replayed: 0, tags: [])
            guard let remoteTip, remoteTip != local else { return report }
            if try store.storage({ try repository.isAncestor(remoteTip, of: local) }) { return report }
            if try store.storage({ try repository.isAncestor(local, of: remoteTip) }) {
                guard try store.adopt(remoteTip, replacing: local, reason: "pull \(remote) (fast-forward)") else { continue }
                report.action = .fastForward
                report.to = remoteTip.hex
                return report
            }
            let (tip, count, tags) = try ReplayOnto(store: store, remoteTags: try remoteTagNames()).replay(from: local, onto: remoteTip)
            guard try store.adopt(tip, replacing: local, tags: tags, reason: "replay \(count) commits on \(remote)") else { continue }
            report.action = .replayed
            report.to = tip.hex
            report.replayed = count
            return report
        }
        throw DraftFlowError(.storage, "the branch kept moving under this pull", fix: "run it again when the other DraftFlow command is done")
    }

    func remoteTagNames() throws -> Set<String> {
        Set(try store.storage { try repository.referenceNames(matching: trackingTags + "*") }.map { String($0.dropFirst(trackingTags.count)) })
    }

    /// Creates the remote's version tags the workspace lacks; a tag both have, naming different
    /// objects, is a conflict (the same version published twice).
    func importTags() throws -> [String] {
        var imported: [String] = []
        for name in try remoteTagNames().sorted() {
            guard let theirs = try store.storage({ try repository.resolve(trackingTags + name) }) else { continue }
            let ours = try store.storage { try repository.resolve("refs/tags/" + name) }
            if ours == theirs { continue }
            if ours != nil {
                throw DraftFlowError(.conflict, "version \(TerminalText.escaped(name)) was published both here and on \(remote), differently",
                                     fix: "one of the two must go: compare them with `git show \(name)` and `git show \(trackingTags)\(name)`")
            }
            if try store.storage({ try repository.createReference("refs/tags/" + name, to: theirs, message: "draftflow: pull \(remote)") }) {
                imported.append(name)
            }
        }
        return imported
    }

    /// Runs a network step, naming the remote in its failure.
    func network<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as any GitLayerError {
            let url = (try? repository.remote(remote))?.url ?? "?"
            throw DraftFlowError(.storage, "cannot \(what) \(remote) (\(TerminalText.escaped(url))): \(TerminalText.escaped(error.message))",
                                 fix: "check the network, the URL (`draftflow remote list`) and the credentials (DRAFTFLOW_GIT_USERNAME and DRAFTFLOW_GIT_PASSWORD or DRAFTFLOW_GIT_TOKEN, an ssh agent, or a git credential helper); what was not sent is sent by the next run")
        }
    }
}
