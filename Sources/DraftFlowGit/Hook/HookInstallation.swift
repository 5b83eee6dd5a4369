import DraftFlow
import Foundation
import GitCore

/// `draftflow hook install BARE_REPO`: writes `hooks/pre-receive` into a shared bare repository,
/// calling this draftflow, and maps the server's users to the secretariat or to members in the
/// repository's configuration (`draftflow-user.<USER>.member`).
public enum HookInstallation {
    /// The first line after the shebang of the hook DraftFlow writes: how an earlier install is
    /// told apart from someone else's hook.
    public static let marker = "# Installed by `draftflow hook install`"

    /// What an installation did.
    public struct Installed: Equatable, Sendable {
        public var hookPath: String
        /// Whether a hook DraftFlow wrote before was replaced.
        public var replaced: Bool
        /// The users mapped, in order given: (user, member code or "secretariat").
        public var users: [(user: String, role: String)]

        public static func == (a: Installed, b: Installed) -> Bool {
            a.hookPath == b.hookPath && a.replaced == b.replaced && a.users.map(\.user) == b.users.map(\.user) && a.users.map(\.role) == b.users.map(\.role)
        }
    }

    /// Installs the hook in the bare repository at `repositoryURL`, running `executable`, and maps
    /// `users`. Refuses a repository with a work tree, a pre-receive hook DraftFlow did not
    /// write, a user name git cannot hold in a configuration key, and a malformed member code.
    public static func install(in repositoryURL: URL, executable: String, users: [(user: String, role: String)]) throws -> Installed {
        for (user, role) in users {
            try checkUser(user)
            if role != PreReceive.secretariatRole { try SafeName.memberCode(role) }
        }
        guard !executable.contains("'"), executable.hasPrefix("/") else {
            throw DraftFlowError(.invalidInput, "the hook would run \(TerminalText.escaped(executable)), which is not an absolute path without quotes",
                                 fix: "give the draftflow to run with --draftflow /absolute/path/draftflow")
        }
        let repository: Repository
        do {
            repository = try Repository.open(at: repositoryURL)
        } catch let error as any GitLayerError {
            throw DraftFlowError(.workspace, "\(TerminalText.escaped(repositoryURL.path)) is not a git repository (\(error.message))",
                                 fix: "give the bare repository the git server serves, e.g. /srv/git/hlpf-2020.git (made with `git init --bare`)")
        }
        guard repository.workTree == nil else {
            throw DraftFlowError(.invalidInput, "\(TerminalText.escaped(repositoryURL.path)) has a work tree; the hook belongs in the shared bare repository",
                                 fix: "make one with `git clone --bare WORKSPACE /srv/git/NAME.git` and install the hook there")
        }
        let hooks = repository.gitDirectory.appendingPathComponent("hooks", isDirectory: true)
        let hook = hooks.appendingPathComponent("pre-receive")
        var replaced = false
        if let existing = FileManager.default.contents(atPath: hook.path) {
            guard String(decoding: existing, as: UTF8.self).contains(marker) else {
                throw DraftFlowError(.conflict, "\(TerminalText.escaped(hook.path)) is a pre-receive hook DraftFlow did not write",
                                     fix: "move it aside (or call it from DraftFlow's: run `draftflow hook pre-receive` from yours), then install again")
            }
            replaced = true
        }
        let script = """
        #!/bin/sh
        \(marker): DraftFlow's rules for who may push what
        # (README, "The git host's hook"). Users: git config draftflow-user.<USER>.member CODE|secretariat
        exec '\(executable)' hook pre-receive

        """
        do {
            try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
            try Data(script.utf8).write(to: hook, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        } catch {
            throw DraftFlowError(.storage, "could not write \(TerminalText.escaped(hook.path)): \(error.localizedDescription)",
                                 fix: "check that you may write the repository's hooks folder")
        }
        do {
            for (user, role) in users { try repository.setConfigValue(PreReceive.userKey(user), role) }
        } catch let error as any GitLayerError {
            throw StorageFailure.error(error)
        }
        return Installed(hookPath: hook.path, replaced: replaced, users: users)
    }

    /// A server user name as a configuration subsection can hold it: printable ASCII, no space,
    /// no quote, no backslash (dots are fine: alice@example.org).
    static func checkUser(_ user: String) throws {
        let fine = !user.isEmpty && user.count <= 128 && user.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\"
        }
        guard fine else {
            throw DraftFlowError(.invalidInput, "the user name '\(TerminalText.escaped(user))' cannot be mapped: it must be 1 to 128 printable ASCII characters without spaces, quotes or backslashes",
                                 fix: "use the name the git server authenticates, such as alice or can-delegate")
        }
    }
}
