import ArgumentParser
import DraftFlow
import DraftFlowGit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a drafting workspace: a git repository with Workflow.md, Drafts/ and Comments/.",
        discussion: "Example: draftflow init hlpf-2020 --title \"ITU Council input to the 2020 HLPF\" --document outline.md --timezone Europe/Zurich"
    )

    @Argument(help: "The folder to create the workspace in.")
    var directory: String

    @Option(help: "The title of the text being drafted.")
    var title: String

    @Option(help: ArgumentHelp("The first draft: Markdown, or the plain text Word saves (UTF-8); stored as Markdown in Drafts/ (a .txt name becomes .md).",
                               valueName: "FILE"))
    var document: String

    @Option(help: "IANA time zone in which deadlines are meant.")
    var timezone: String = "Europe/Zurich"

    @Option(name: .customLong("secretariat-name"), help: "Who the secretariat is, as git records the committer.")
    var secretariatName: String = "Secretariat"

    @Option(name: .customLong("secretariat-email"), help: "The secretariat's e-mail address.")
    var secretariatEmail: String = "secretariat@example.org"

    @Option(help: "Who receives the final text, e.g. \"the President of ECOSOC\".")
    var recipient: String?

    @Option(help: ArgumentHelp("When the final text is due: YYYY-MM-DD or an ISO 8601 instant.", valueName: "WHEN"))
    var due: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        try withErrorHandling {
            let now = try Clock.now()
            let source = URL(fileURLWithPath: document).lastPathComponent
            let read = try DocumentReader.read(try readUserFile(document, what: "the document"), name: source)
            let change = try WorkspaceSetup.initialChange(
                title: title, documentName: DocumentReader.storedName(for: source), document: Data(read.markdown.utf8), timezone: timezone,
                secretariat: Secretariat(name: secretariatName, email: secretariatEmail),
                recipient: recipient, due: due, now: now)
            let folder = URL(fileURLWithPath: directory)
            let store = try GitWorkspaceStore.create(at: folder, first: change)
            let workflow = try DraftingContext(store: store, now: now).workflow()
            if json {
                try printJSON(InitOutput(workspace: folder.standardizedFileURL.path, document: workflow.document, timezone: workflow.timezone,
                                         report: read.report))
                printDocumentWarnings(read.report)
            } else {
                print("Created workspace \(folder.standardizedFileURL.path)")
                print("  title:     \(workflow.title)")
                let from = read.report.format == .wordText ? " (read from \(source) as \(read.report.format.title))" : ""
                print("  document:  \(workflow.document)\(from)")
                print("  time zone: \(workflow.timezone)")
                printDocumentReport(read.report, label: "  text:      ")
                print("Next: register members with `draftflow member add CODE --name NAME`, then `draftflow publish draft-1`.")
            }
        }
    }
}


/// `init --json`.
private struct InitOutput: Encodable {
    var workspace: String
    var document: String
    var timezone: String
    /// What reading the document found.
    var report: DocumentReport
}
