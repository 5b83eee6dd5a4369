import ArgumentParser
import DraftFlow
import Foundation

struct Submitted: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submitted",
        abstract: "Record that the chair sent the final text to its recipient: the last event of the timeline.",
        discussion: """
        Once, after `finalize`. --at is when it was sent (default: now), YYYY-MM-DD or an ISO 8601 \
        instant in the workspace's time zone; --to defaults to the recipient given to `init --recipient`.
        Example: draftflow submitted --to "President of ECOSOC" --at 2020-03-16T10:00
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: ArgumentHelp("Whom the chair sent the text to.", valueName: "RECIPIENT"))
    var to: String?

    @Option(help: ArgumentHelp("When it was sent: an ISO 8601 instant (default: now).", valueName: "WHEN"))
    var at: String?

    @Option(help: "A note recorded with it (how it was sent, a reference number).")
    var note: String?

    func run() throws {
        try withErrorHandling {
            let context = try options.context()
            let sent = try Transmittal(context).submitted(to: to, at: at, note: note)
            let zone = try context.workflow().zone()
            print("Recorded the submission of \(sent.version) to \(sent.to)")
            print("  sent \(InstantFormat.human(sent.at, in: zone))")
            print("       \(InstantFormat.human(sent.at, in: .gmt))")
        }
    }
}

/// Prints the `warning:` line of `finalize` and `export` once the submission due date has passed.
func warnIfPastDue(_ context: DraftingContext) {
    if let warning = try? Transmittal(context).dueWarning() {
        var standardError = StandardError()
        print("warning: " + warning, to: &standardError)
    }
}
