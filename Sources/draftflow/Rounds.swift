import ArgumentParser
import DraftFlow
import Foundation

extension RoundKind: ExpressibleByArgument {}

struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: "Open and close comment rounds and silence procedures.",
        subcommands: [Open.self, Close.self, Extend.self]
    )

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Open a round on a published version.",
            discussion: """
            WHEN is a date, meaning the end of that day (23:59:59) in the workspace's time zone, or an \
            ISO 8601 instant. One round is open at a time.
            With --subject, `intake --mail` holds mail whose subject does not hold it. With --visible, \
            every member sees all members' submissions on the member portal as they arrive; otherwise \
            a member sees only its own before the close.
            Example: draftflow round open --on draft-1 --closes 2020-03-01 --subject "Council input to HLPF 2020"
            """
        )

        @OptionGroup var options: WorkspaceOptions

        @Option(help: ArgumentHelp("The version the round is on.", valueName: "LABEL"))
        var on: String

        @Option(help: ArgumentHelp("When the round closes: YYYY-MM-DD or an ISO 8601 instant.", valueName: "WHEN"))
        var closes: String

        @Option(help: "comments (collect comments and proposals) or silence (adopted unless someone objects).")
        var kind: RoundKind = .comments

        @Option(help: "The round's name (default: LABEL-KIND, e.g. draft-1-comments; DOCUMENT-LABEL-KIND for a document added with `document add`).")
        var name: String?

        @Option(help: "The subject members write in their mail (`intake --mail` holds mail with another).")
        var subject: String?

        @Flag(help: "Show all members' submissions to every member as they arrive (member portal).")
        var visible = false

        @Flag(help: "Print the round as JSON.")
        var json = false

        func run() throws {
            try withErrorHandling {
                let context = try options.context()
                // Round names are the workspace's: an added document's rounds carry its name.
                let scope = context.store as? DocumentScopedStore
                let defaultName = try scope.flatMap { try $0.isFirstDocument() ? nil : "\($0.document)-\(on)-\(kind.rawValue)" }
                let round = try Rounds(context).open(on: on, closes: closes, kind: kind, name: name ?? defaultName, subject: subject, visible: visible)
                let zone = try context.workflow().zone()
                if json {
                    var fields = ["name": round.name, "on": round.on, "kind": round.kind.rawValue,
                                  "closesAt": InstantFormat.iso(round.closes, in: zone), "closesAtUTC": InstantFormat.iso(round.closes, in: .gmt)]
                    fields["subject"] = round.subject
                    try printJSON(fields)
                } else {
                    print("Opened \(round.kind == .comments ? "comment round" : "silence procedure") \(round.name) on \(round.on)")
                    print("  closes \(InstantFormat.human(round.closes, in: zone))")
                    print("         \(InstantFormat.human(round.closes, in: .gmt))")
                    if let subject = round.subject { print("  mail subject \"\(TerminalText.escaped(subject))\"") }
                    if round.isVisible { print("  submissions visible to all members as they arrive") }
                }
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close the open round now, before its stated close.",
            discussion: "A round whose close has passed is closed already; this is for closing early."
        )

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            try withErrorHandling {
                let context = try options.context()
                let round = try Rounds(context).close()
                let zone = try context.workflow().zone()
                print("Closed round \(round.name) at \(InstantFormat.human(round.effectiveClose, in: zone))")
            }
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extend",
            abstract: "Move the close of the open round later; with --reopen, reopen the last round after its close.",
            discussion: """
            The extension is a commit; status, log and Workflow.md show the original close and each \
            extension. After the close only with --reopen, which is recorded: what was received late \
            in between then counts as on time.
            Example: draftflow round extend --closes 2020-03-05 --note "at the request of the Chair"
            """
        )

        @OptionGroup var options: WorkspaceOptions

        @Option(help: ArgumentHelp("The new close: YYYY-MM-DD or an ISO 8601 instant.", valueName: "WHEN"))
        var closes: String

        @Option(help: "Why, recorded in the commit and Workflow.md.")
        var note: String?

        @Flag(help: "Reopen the last round although its close has passed.")
        var reopen = false

        func run() throws {
            try withErrorHandling {
                let context = try options.context()
                let (round, step) = try Rounds(context).extend(closes: closes, note: note, reopen: reopen)
                let zone = try context.workflow().zone()
                print("\(step.reopened == true ? "Reopened" : "Extended") round \(round.name) on \(round.on)")
                print("  closes \(InstantFormat.human(round.closes, in: zone))")
                print("         \(InstantFormat.human(round.closes, in: .gmt))")
                print("  was to close \(InstantFormat.human(step.from, in: zone))")
            }
        }
    }
}
