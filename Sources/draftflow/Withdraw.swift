import ArgumentParser
import DraftFlow
import Foundation

struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Record that a member withdrew one of their comments (the secretariat, on the member's behalf).",
        discussion: """
        The withdrawal is one commit. The disposition table shows the comment as Withdrawn, its \
        proposed change leaves the candidate, and publishing does not wait for a decision on it.
        Example: draftflow withdraw FRA-2 --note "Withdrawn by France's e-mail of 3 March."
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The comment id, e.g. FRA-2.")
    var comment: String

    @Option(help: "How the member withdrew it (shown as the observation).")
    var note: String?

    @Option(help: "The round (default: the last merged round).")
    var round: String?

    func run() throws {
        try withErrorHandling {
            let outcome = try DispositionDesk(options.context()).withdraw(comment: comment, note: note, round: round)
            print("\(comment): Withdrawn" + (note.map { " (\(TerminalText.escaped($0)))" } ?? ""))
            if !outcome.openCollisions.isEmpty {
                print("Open collisions: \(outcome.openCollisions.map(\.id).joined(separator: ", "))")
            }
        }
    }
}
