import ArgumentParser
import DraftFlow
import DraftFlowExport
import Foundation

extension DispositionTable.Format: ExpressibleByArgument {}

struct Dispositions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the disposition-of-comments table: one row per comment, decided or not.",
        discussion: """
        Columns: id, member, paragraph, type, comment, proposed change, disposition, observation. \
        Comments still undecided are shown as such; a comment whose paragraph was deleted is shown as orphaned.
        Example: draftflow dispositions --format csv -o dispositions.csv
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "The round (default: the last comment round).")
    var round: String?

    @Option(help: "md, csv, json or html.")
    var format: DispositionTable.Format = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of printing.", valueName: "FILE"))
    var output: String?

    func run() throws {
        try withErrorHandling {
            try ExportResources.check()
            let context = try options.context()
            let (round, rows) = try DispositionDesk(context).rows(round: round)
            if rows.isEmpty && output == nil && (format == .md || format == .html) {
                // Nothing to decide yet: say so rather than print an empty table.
                print("Round \(round) has no comments yet: no member's submission is recorded in it, and nothing has been merged.")
                return
            }
            let title = "\(try context.workflow().title): disposition of comments, round \(round)"
            try emit(try DispositionTable.render(rows, title: title, format: format), to: output, json: format == .json)
        }
    }
}
