import ArgumentParser
import DraftFlow
import DraftFlowGit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a drafting workspace: a git repository with Workflow.md, Drafts/ and Comments/.",
        discussion: "Example: draftflow init hlpf-2020 --title \"ITU Council input to the 2020 HLPF\" --document outline.md --timezone Europe/Zurich"
    )

    @Argument(help: "The folder to create the workspace in.")
    var directory: String

    @Option(help: "The title of the text being drafted.")
    var title: String

    @Option(help: ArgumentHelp("The first draft (Markdown, UTF-8); copied into Drafts/.", valueName: "FILE"))
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
            let data = try readUserFile(document, what: "the document")
            let change = try WorkspaceSetup.initialChange(
                title: title, documentName: URL(fileURLWithPath: document).lastPathComponent, document: data, timezone: timezone,
                secretariat: Secretariat(name: secretariatName, email: secretariatEmail),
                recipient: recipient, due: due, now: now)
            let folder = URL(fileURLWithPath: directory)
            let store = try GitWorkspaceStore.create(at: folder, first: change)
            let workflow = try DraftingContext(store: store, now: now).workflow()
            if json {
                try printJSON(["workspace": folder.standardizedFileURL.path, "document": workflow.document, "timezone": workflow.timezone])
            } else {
                print("Created workspace \(folder.standardizedFileURL.path)")
                print("  title:     \(workflow.title)")
                print("  document:  \(workflow.document)")
                print("  time zone: \(workflow.timezone)")
                print("Next: register members with `draftflow member add CODE --name NAME`, then `draftflow publish draft-1`.")
            }
        }
    }
}

