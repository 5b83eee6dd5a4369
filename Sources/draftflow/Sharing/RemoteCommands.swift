import ArgumentParser
import DraftFlow
import DraftFlowGit
import Foundation

struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "Name the git hosts the workspace is shared through.",
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a git host as a remote (https, ssh, git:// or a local bare repository).",
            discussion: """
            Example: draftflow remote add origin https://git.example.org/itu/hlpf-2020.git
            Example: draftflow remote add origin /srv/git/hlpf-2020.git
            """
        )

        @OptionGroup var options: WorkspaceOptions

        @Argument(help: "The remote's name, e.g. origin.")
        var name: String

        @Argument(help: "Its URL.")
        var url: String

        func run() throws {
            try withErrorHandling {
                try RemoteSync.addRemote(name, url: url, store: try options.open())
                print("Added remote \(name): \(url)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the remotes.", discussion: "Example: draftflow remote list --json")

        @OptionGroup var options: WorkspaceOptions

        @Flag(help: "Print the remotes as JSON.")
        var json = false

        struct Entry: Encodable {
            var name: String
            var url: String
        }

        func run() throws {
            try withErrorHandling {
                let remotes = try RemoteSync.remotes(of: try options.open())
                if json { return try printJSON(remotes.map { Entry(name: $0.name, url: $0.url) }) }
                if remotes.isEmpty { print("No remote: add one with `draftflow remote add NAME URL`") }
                for remote in remotes { print("\(remote.name)\t\(remote.url)") }
            }
        }
    }
}

struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send main and every version tag to a git host, replaying this workspace's commits when the host moved.",
        discussion: """
        When another officer pushed first, the commits made here are written again on top of the \
        host's (a round's index merged member by member) and the push is tried again; a file both \
        changed differently stops it with exit 5, and nothing is changed on either side.
        Example: draftflow push; draftflow push origin --json
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The remote (default: origin).")
    var remote = "origin"

    @Flag(help: "Print what was done as JSON.")
    var json = false

    func run() throws {
        try withErrorHandling {
            let store = try options.open()
            try refuseInMemberClone(store, "push")
            let report = try RemoteSync(store: store, remote: remote).push()
            if json { return try printJSON(report) }
            print(describe(report, verb: "Pushed"))
        }
    }
}

struct Pull: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Take what a git host has: fast-forward, or replay this workspace's commits on the host's tip.",
        discussion: "Example: draftflow pull; draftflow pull origin --json"
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The remote (default: origin).")
    var remote = "origin"

    @Flag(help: "Print what was done as JSON.")
    var json = false

    func run() throws {
        try withErrorHandling {
            let report = try RemoteSync(store: try options.open(), remote: remote).pull()
            if json { return try printJSON(report) }
            print(describe(report, verb: "Pulled"))
        }
    }
}

/// One line for a pull or a push, e.g. "Pushed to origin: replayed 2 local commits on the remote's tip (1a2b3c4 -> 5d6e7f8), versions sent: draft-2".
func describe(_ report: SyncReport, verb: String) -> String {
    let what: String
    switch report.action {
    case .upToDate: what = report.pushed == true ? "main at \(report.to.prefix(7))" : "already up to date at \(report.to.prefix(7))"
    case .fastForward: what = "fast-forwarded main \(report.from.prefix(7)) -> \(report.to.prefix(7))"
    case .replayed: what = "replayed \(report.replayed) local commit\(report.replayed == 1 ? "" : "s") on the remote's tip (\(report.from.prefix(7)) -> \(report.to.prefix(7)))"
    }
    let tags = report.tags.isEmpty ? "" : (report.pushed == true ? ", versions sent: " : ", versions taken: ") + report.tags.joined(separator: ", ")
    let attempts = (report.attempts ?? 1) > 1 ? " (after \(report.attempts!) attempts: the remote moved)" : ""
    return "\(verb) \(report.pushed == true ? "to" : "from") \(report.remote): \(what)\(tags)\(attempts)"
}

/// A member's clone sends only its own submission branch.
func refuseInMemberClone(_ store: GitWorkspaceStore, _ command: String) throws {
    if let member = try MemberClone.member(of: store) {
        throw DraftFlowError(.refused, "this is \(TerminalText.escaped(member))'s member clone: it does not \(command) the workspace",
                             fix: "send a submission with `draftflow submit FILE`; the secretariat collects it")
    }
}
