import DraftFlow
import Foundation
import GitCore

/// `draftflow hook pre-receive`: DraftFlow's rules for who may push what, run by git inside the
/// shared bare repository before it moves any reference.
///
/// Who pushes is what the git server says: `REMOTE_USER` (smart HTTP behind authentication) or
/// `GL_USERNAME` (GitLab) or `GL_USER` (gitolite). The repository's configuration maps that user to the
/// secretariat or to a member: `git config draftflow-user.<USER>.member CODE|secretariat`
/// (`draftflow hook install` writes it). The pushed objects are read through libgit2 while git
/// still holds them in quarantine (`Repository.openFromGitEnvironment`).
public enum PreReceive {
    /// The configuration key that maps the server's user `user` to a member code or "secretariat".
    public static func userKey(_ user: String) -> String { "draftflow-user.\(user).member" }
    public static let secretariatRole = "secretariat"

    /// What the hook decided: one line per refused reference (empty: the push is accepted).
    public struct Decision: Equatable, Sendable {
        public var pusher: Pusher?
        public var refusals: [String]
    }

    /// Checks every "<old> <new> <ref>" line of `input` for the user the server named in
    /// `environment`, in the repository git's environment names.
    public static func check(input: String, environment: [String: String]) throws -> Decision {
        let updates = try input.split(whereSeparator: \.isNewline).map { try ReferenceUpdate.parse(String($0)) }
        guard let user = [environment["REMOTE_USER"], environment["GL_USERNAME"], environment["GL_USER"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            return Decision(pusher: nil, refusals: ["the server names no user (none of REMOTE_USER, GL_USERNAME, GL_USER is set): DraftFlow accepts pushes only from known users"])
        }
        let repository = try gitStep { try Repository.openFromGitEnvironment() }
        let (pusher, workflow, problem) = try identify(user, in: repository)
        guard let pusher, problem == nil else { return Decision(pusher: pusher, refusals: [problem ?? "unknown user"]) }
        var refusals: [String] = []
        for update in updates {
            if let refusal = try refusal(of: update, by: pusher, workflow: workflow, in: repository) { refusals.append(refusal) }
        }
        return Decision(pusher: pusher, refusals: refusals)
    }

    /// The pusher the configuration names for `user`, the workspace as main holds it, or why the
    /// user may not push at all.
    private static func identify(_ user: String, in repository: Repository) throws -> (Pusher?, Workflow?, String?) {
        let shown = TerminalText.escaped(user)
        guard user.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && $0 != "\"" && $0 != "\\" }),
              let role = try gitStep({ try repository.configValue(userKey(user)) }) else {
            return (nil, nil, "user \(shown) is not a DraftFlow user of this repository (the server's administrator maps users with `draftflow hook install --member USER=CODE` or `--secretariat USER`)")
        }
        let workflow = try gitStep { () -> Workflow? in
            guard let main = try repository.resolveCommit(PushRules.mainBranch) else { return nil }
            return try RecordReader.workflow(in: GitSnapshot(repository: repository, commit: main, tree: try repository.commit(main).tree))
        }
        if role == secretariatRole { return (.secretariat(user: user), workflow, nil) }
        let pusher = Pusher.member(user: user, code: role)
        guard let workflow else { return (pusher, nil, "the repository has no workspace on main yet: only the secretariat may push") }
        guard workflow.member(role) != nil else {
            return (pusher, workflow, "user \(shown) is mapped to \(TerminalText.escaped(role)), which is not a member of this workspace")
        }
        return (pusher, workflow, nil)
    }

    private static func refusal(of update: ReferenceUpdate, by pusher: Pusher, workflow: Workflow?, in repository: Repository) throws -> String? {
        let new = try update.new.map { try commitID($0, update) }
        var fastForward: Bool?
        if update.reference == PushRules.mainBranch, let old = update.old, let new {
            fastForward = try gitStep { try repository.isAncestor(try commitID(old, update), of: new) }
        }
        if let refusal = PushRules.refusal(of: update, by: pusher, fastForward: fastForward) { return refusal }
        guard case .member(_, let code) = pusher, let new, let submission = PushRules.submission(named: update.reference) else { return nil }
        let shown = TerminalText.escaped(update.reference)
        guard workflow?.round(named: submission.round) != nil else {
            return "\(shown): this workspace has no round \(submission.round)"
        }
        return try gitStep { () -> String? in
            for id in try repository.commitsNotOnAnyReference(from: new) {
                let commit = try repository.commit(id)
                guard let parent = commit.parents.first else {
                    return "\(shown): commit \(id.short) has no parent; a submission is a commit on the workspace's history"
                }
                let changes = try repository.changedFiles(from: try repository.commit(parent).tree, to: commit.tree)
                for change in changes {
                    if let refusal = PushRules.refusal(ofPath: change.path, newMode: change.newMode, round: submission.round, member: code, commit: id.hex) {
                        return "\(shown): \(refusal)"
                    }
                }
            }
            return nil
        }
    }

    private static func commitID(_ hex: String, _ update: ReferenceUpdate) throws -> CommitID {
        guard let id = ObjectID(hex: hex) else {
            throw DraftFlowError(.invalidInput, "\(hex) in the update of \(TerminalText.escaped(update.reference)) is not an object id", fix: "run the hook only from git")
        }
        return CommitID(id)
    }

    /// Runs a read of the repository, telling libgit2's failures as DraftFlow's storage errors.
    private static func gitStep<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as any GitLayerError {
            throw StorageFailure.error(error)
        }
    }
}
