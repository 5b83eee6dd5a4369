import ArgumentParser
import DraftFlow
import DraftFlowGit
import Foundation

/// `draftflow hook`: the server side of a shared repository.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Enforce DraftFlow's rules on the git server that shares a workspace.",
        subcommands: [Install.self, PreReceive.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install the pre-receive hook in a shared bare repository, and map the server's users.",
            discussion: """
            Writes BARE_REPO/hooks/pre-receive, which runs this draftflow, and maps each server user \
            (what the server authenticates: REMOTE_USER for smart HTTP, GL_USERNAME for GitLab, \
            GL_USER for gitolite) in the repository's configuration: git config draftflow-user.<USER>.member \
            CODE|secretariat. Run again to add users. A pre-receive hook DraftFlow did not write is refused.
            Example: draftflow hook install /srv/git/hlpf-2020.git --secretariat itu-wsis --member ottawa=CAN --member washington=USA
            """
        )

        @Argument(help: ArgumentHelp("The bare repository the git server serves.", valueName: "BARE_REPO"))
        var repository: String

        @Option(help: ArgumentHelp("A server user who pushes as the secretariat (main and version tags). Repeat for several.", valueName: "USER"))
        var secretariat: [String] = []

        @Option(help: ArgumentHelp("A server user who pushes as a member, e.g. ottawa=CAN. Repeat for several.", valueName: "USER=CODE"))
        var member: [String] = []

        @Option(help: ArgumentHelp("The draftflow the hook runs (default: this one).", valueName: "PATH"))
        var draftflow: String?

        @Flag(help: "Print the result as JSON.")
        var json = false

        func run() throws {
            try withErrorHandling {
                var users = secretariat.map { (user: $0, role: DraftFlowGit.PreReceive.secretariatRole) }
                for pair in member {
                    guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                        throw DraftFlowError(.invalidInput, "--member \(TerminalText.escaped(pair)) is not USER=CODE", fix: "write it like --member ottawa=CAN")
                    }
                    users.append((user: String(pair[..<equals]), role: String(pair[pair.index(after: equals)...])))
                }
                let executable = draftflow ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
                let installed = try HookInstallation.install(in: URL(fileURLWithPath: repository), executable: executable, users: users)
                if json {
                    try printJSON(InstallOutput(hook: installed.hookPath, replaced: installed.replaced,
                                                users: installed.users.map { InstallOutput.User(user: $0.user, member: $0.role) }))
                    return
                }
                print("\(installed.replaced ? "Replaced" : "Installed") \(TerminalText.escaped(installed.hookPath)) (runs \(TerminalText.escaped(executable)))")
                for (user, role) in installed.users {
                    print("  \(TerminalText.escaped(user)) pushes as \(role == DraftFlowGit.PreReceive.secretariatRole ? "the secretariat" : role)")
                }
            }
        }
    }

    struct PreReceive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-receive",
            abstract: "Check a push, as git's pre-receive hook (reads \"<old> <new> <ref>\" lines on standard input).",
            discussion: """
            Run by git inside the bare repository (GIT_DIR set), with the pushed objects in quarantine. \
            The secretariat may push main (fast-forward only) and new version tags; a member only its own \
            refs/heads/submissions/<round>/<CODE>, with commits that add files under Comments/<round>/<CODE>/ \
            alone. Each refused reference is one line on standard error (git shows it as "remote: ..."); \
            any refusal exits 3 and git refuses the whole push.
            """
        )

        func run() throws {
            try withErrorHandling {
                let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                let decision = try DraftFlowGit.PreReceive.check(input: input, environment: ProcessInfo.processInfo.environment)
                guard !decision.refusals.isEmpty else { return }
                var standardError = StandardError()
                for refusal in decision.refusals {
                    print("draftflow: refused \(TerminalText.escaped(refusal))", to: &standardError)
                }
                throw ExitCode(draftflow.exitCode(for: DraftFlowError.Kind.refused))
            }
        }
    }
}

/// `hook install --json`.
private struct InstallOutput: Encodable {
    struct User: Encodable {
        var user: String
        /// A member code, or "secretariat".
        var member: String
    }
    var hook: String
    var replaced: Bool
    var users: [User]
}
