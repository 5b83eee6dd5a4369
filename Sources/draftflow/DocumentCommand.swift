import ArgumentParser
import DraftFlow
import Foundation

struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Add and list the documents a workspace drafts side by side.",
        discussion: """
        A workspace starts with the document `init` made. `document add` adds another, with its own \
        versions (tagged NAME/LABEL), rounds and schedule; the members are the workspace's. Once there \
        are several, every command of one document takes --document NAME.
        """,
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a document: its first text, stored as Drafts/NAME.md.",
            discussion: """
            FILE is read as `init` reads its document (Markdown, or the plain text Word saves). The title \
            defaults to the text's first line (its title heading). Publish its first version with \
            `draftflow publish draft-1 --document NAME`.
            Example: draftflow document add council-report --file report.md --title "Report to Council" --due 2020-03-15
            """
        )

        @OptionGroup var options: WorkspaceOptions

        @Argument(help: "The document's name: lowercase letters, digits and '-' (council-report).")
        var name: String

        @Option(help: ArgumentHelp("Its first text: Markdown, or the plain text Word saves (UTF-8).", valueName: "FILE"))
        var file: String

        @Option(help: "Its title (default: the text's first line, its title heading).")
        var title: String?

        @Option(help: "Who receives its final text.")
        var recipient: String?

        @Option(help: ArgumentHelp("When its final text is due: YYYY-MM-DD or an ISO 8601 instant.", valueName: "WHEN"))
        var due: String?

        @Flag(help: "Print the result as JSON.")
        var json = false

        func run() throws {
            try withErrorHandling {
                if let document = options.document {
                    throw DraftFlowError(.invalidInput, "`document add` takes the new document's name as its argument, not --document \(TerminalText.escaped(document))",
                                         fix: "run `draftflow document add NAME --file FILE`")
                }
                let source = URL(fileURLWithPath: file).lastPathComponent
                let read = try DocumentReader.read(try readUserFile(file, what: "the document"), name: source)
                let added = try Documents(options.workspaceContext()).add(name: name, text: Data(read.markdown.utf8), title: title,
                                                                         recipient: recipient, due: due)
                if json {
                    try printJSON(AddOutput(name: added.name, file: added.file, title: added.title, commit: added.commitID, report: read.report))
                    printDocumentWarnings(read.report)
                } else {
                    print("Added document \(added.name): \(added.title) (commit \(added.commitID.prefix(7)))")
                    print("  file: \(added.file)")
                    printDocumentReport(read.report, label: "  text: ")
                    print("Next: `draftflow publish draft-1 --document \(added.name)`; its versions are tagged \(added.name)/LABEL.")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the workspace's documents: name, file, title, versions and the current round.",
            discussion: "Example: draftflow document list --json"
        )

        @OptionGroup var options: WorkspaceOptions

        @Flag(help: "Print the list as JSON.")
        var json = false

        func run() throws {
            try withErrorHandling {
                let context = try options.workspaceContext()
                let whole = try context.workflow()
                let documents = try Documents(context).list().map { name, workflow in
                    ListedDocument(name: name, file: workflow.document, title: workflow.title, versions: workflow.versions.map(\.label),
                                   currentRound: workflow.currentRound(at: context.now)?.name,
                                   tagPrefix: whole.tagName(of: "", document: name))
                }
                if json {
                    try printJSON(documents)
                    return
                }
                let nameWidth = DisplayWidth.column(documents.map(\.name), minimum: 8)
                let fileWidth = DisplayWidth.column(documents.map(\.file), minimum: 8)
                for document in documents {
                    let versions = document.versions.isEmpty ? "no version yet" : document.versions.map { document.tagPrefix + $0 }.joined(separator: ", ")
                    print("\(DisplayWidth.padded(document.name, to: nameWidth)) \(DisplayWidth.padded(document.file, to: fileWidth)) \(document.title)")
                    print("\(DisplayWidth.padded("", to: nameWidth)) versions: \(versions)" + (document.currentRound.map { "; round \($0)" } ?? ""))
                }
            }
        }
    }
}

/// `document add --json`.
private struct AddOutput: Encodable {
    var name: String
    var file: String
    var title: String
    var commit: String
    var report: DocumentReport
}

/// An entry of `document list --json`.
private struct ListedDocument: Encodable {
    var name: String
    var file: String
    var title: String
    var versions: [String]
    var currentRound: String?
    /// What its versions' tags start with: "" for the first document, "NAME/" for the others.
    var tagPrefix: String
}
