import ArgumentParser
import DraftFlow
import DraftFlowExport
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a member's report: what happened to each of its comments.",
        discussion: """
        One row per comment of the member in the round: its id, paragraph, type and text, the \
        disposition and observation, and where the paragraph is in the new text (the candidate \
        merged from the round: the same number, a new one, or deleted). DOCX is made by pandoc.
        Example: draftflow report CAN --format html -o report-CAN.html
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, docx }

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The member's code, e.g. CAN.")
    var code: String

    @Option(help: "The round (default: the last comment round).")
    var round: String?

    @Option(help: "md, html or docx.")
    var format: Format = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (default: standard output; required for docx).", valueName: "FILE"))
    var output: String?

    @OptionGroup var lang: LanguageOption

    func run() async throws {
        try await withErrorHandling {
            try ExportResources.check()
            let context = try options.context()
            let workflow = try context.workflow()
            let (round, all) = try DispositionDesk(context).rows(round: round)
            let rows = try memberRows(all, member: code, workflow: workflow)
            let member = code.uppercased()
            let taken = try MergeDesk(context).roundsTaken(by: round)
            let language = lang.language
            let title = MemberReport.title(workspace: workflow.title, member: member,
                                           memberName: workflow.members.first { $0.code == member }?.name, rounds: taken, language: language)
            let newText = language.catalogue.candidate(language.catalogue.rounds(taken))
            switch format {
            case .md: try emit(MemberReport.markdown(rows, title: title, newText: newText, language: language), to: output)
            case .html: try emit(MemberReport.html(rows, title: title, newText: newText, language: language), to: output)
            case .docx:
                guard let output else {
                    throw DraftFlowError(.invalidInput, "a DOCX report needs a file to go to", fix: "pass -o report-\(member).docx")
                }
                try await Pandoc.convert(html: MemberReport.html(rows, title: title, newText: newText, language: language), to: .docx,
                                         output: URL(fileURLWithPath: output))
            }
            if let output { print("Wrote \(member)'s report on round \(round) (\(rows.count) comment\(rows.count == 1 ? "" : "s"), \(format.rawValue)) to \(output)") }
        }
    }
}
