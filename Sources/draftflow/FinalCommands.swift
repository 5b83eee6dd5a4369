import ArgumentParser
import DraftFlow
import DraftFlowExport
import Foundation

struct Finalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalize",
        abstract: "Publish the final version once the silence procedure on the final draft has closed unbroken.",
        discussion: """
        Refused while the silence procedure is open, while collisions are open or comments undecided, \
        and after broken silence, naming the objections. The secretariat can then merge and circulate \
        a new text, or finalize over the objection with --over-objection --note, which is recorded.
        Example: draftflow finalize --label final
        Example: draftflow finalize --sign
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "The final version's label.")
    var label: String = "final"

    @Flag(name: .customLong("over-objection"), help: "Finalize although silence was broken (needs --note).")
    var overObjection = false

    @Option(help: "The secretariat's reasons, recorded in the commit and the tag.")
    var note: String?

    @Flag(help: ArgumentHelp(signHelp))
    var sign = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        try withErrorHandling {
            let context = try options.context(signing: sign)
            let result = try Finalization(context).finalize(label: label, overObjection: overObjection, note: note)
            warnIfPastDue(context)
            if json {
                try printJSON(["label": result.label, "commit": result.commitID, "round": result.round, "silence": result.silence.rawValue,
                               "overridden": result.overridden.joined(separator: ",")])
                return
            }
            print("Finalized \(result.label) (commit \(result.commitID.prefix(7))): silence \(result.silence.rawValue) in \(result.round)"
                  + (result.overridden.isEmpty ? "" : ", over the objection of \(result.overridden.joined(separator: ", "))"))
        }
    }
}

struct RedlineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redline",
        abstract: "Show word-level differences between two versions, or a version and the working draft.",
        discussion: """
        FROM and TO are version labels, or `working` for the draft in Drafts/ as it is now. Chinese and \
        Japanese text is compared character by character; moved paragraphs are shown as moved. In a \
        Word document (--format docx) every difference is a tracked change by the secretariat, dated \
        when TO was published.
        Example: draftflow redline draft-1 final-draft --format html -o redline.html
        Example: draftflow redline draft-1 final-draft --format docx -o redline.docx
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, docx }

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The older version.")
    var from: String

    @Argument(help: "The newer version, or `working`.")
    var to: String = Texts.workingDraft

    @Option(help: "md, html or docx (docx needs pandoc and -o).")
    var format: Format = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of printing.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp("Compare the two versions' language versions in LANG (ar, zh, en, fr, ru, es).", valueName: "LANG"))
    var language: String?

    func validate() throws {
        if format == .docx && output == nil { throw ValidationError("--format docx needs -o FILE") }
    }

    func run() async throws {
        try await withErrorHandling {
            try ExportResources.check()
            let context = try options.context()
            let blocks = try Texts(context).redline(from: from, to: to, language: language)
            let title = "\(try context.workflow().title): redline \(from) → \(to)" + (language.map { " (\($0))" } ?? "")
            switch format {
            case .md:
                try emit("# \(MarkdownText.escaped(title))\n\n" + MarkdownText.redline(blocks), to: output)
            case .html:
                try emit(HTMLPage.wrap(title: title, body: Redline.html(blocks)), to: output)
            case .docx:
                let workflow = try context.workflow()
                let date = to == Texts.workingDraft ? context.now : workflow.version(to)?.published ?? context.now
                try await Pandoc.writeDocx(RedlineWord.document(blocks, author: workflow.secretariat.name, date: date),
                                           header: title, output: URL(fileURLWithPath: output!))
            }
        }
    }
}
