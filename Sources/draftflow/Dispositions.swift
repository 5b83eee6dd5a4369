import ArgumentParser
import DraftFlow
import DraftFlowExport
import Foundation

extension DispositionTable.Format: ExpressibleByArgument {}

struct Dispositions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispositions",
        abstract: "Print the disposition-of-comments table: one row per comment, decided or not.",
        discussion: """
        Columns: id, member, paragraph, type, comment, proposed change, disposition, observation. \
        Comments still undecided are shown as such; a comment whose paragraph was deleted is shown as orphaned.
        --member CODE keeps that member's comments only.
        Example: draftflow dispositions --format csv -o dispositions.csv
        Example: draftflow dispositions --member CAN
        Example: draftflow dispositions --lang zh (headings and dispositions in Chinese)
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "The round (default: the last comment round).")
    var round: String?

    @Option(help: ArgumentHelp("Only this member's comments.", valueName: "CODE"))
    var member: String?

    @Option(help: "md, csv, json or html.")
    var format: DispositionTable.Format = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of printing.", valueName: "FILE"))
    var output: String?

    @OptionGroup var lang: LanguageOption

    func run() throws {
        try withErrorHandling {
            try ExportResources.check()
            let context = try options.context()
            let (round, all) = try DispositionDesk(context).rows(round: round)
            let rows = try memberRows(all, member: member, workflow: context.workflow())
            if rows.isEmpty && output == nil && (format == .md || format == .html) {
                // Nothing to decide yet: say so rather than print an empty table.
                print("Round \(round) has no comments yet: no member's submission is recorded in it, and nothing has been merged.")
                return
            }
            let words = lang.language.catalogue
            let title = words.dispositionTitle(try context.workflow().title, rounds: words.rounds(try MergeDesk(context).roundsTaken(by: round)),
                                               only: member?.uppercased())
            try emit(try DispositionTable.render(rows, title: title, format: format, language: lang.language), to: output, json: format == .json)
        }
    }
}

/// The rows of `member`'s comments (all rows when nil); an unknown member is refused.
func memberRows(_ rows: [DispositionRow], member: String?, workflow: Workflow) throws -> [DispositionRow] {
    guard let member else { return rows }
    let code = member.uppercased()
    guard workflow.members.contains(where: { $0.code == code }) else {
        throw DraftFlowError(.invalidInput, "\(TerminalText.escaped(member)) is not a member of this workspace",
                             fix: "use a code `draftflow status` lists" + (workflow.members.first.map { ", e.g. \($0.code)" } ?? ""))
    }
    return rows.filter { $0.member == code }
}
