import ArgumentParser
import DraftFlow
import Foundation

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the draft as it stands in Drafts/ as a version (an annotated git tag).",
        discussion: """
        Edit the draft in Drafts/ with any editor, then publish: the edits are committed first, then \
        the version is tagged. Or give the new text with --file FILE (Markdown, or the plain text \
        Word saves), read as `init` reads it. A label used before is refused.
        Example: draftflow publish draft-1 --note "Outline of the ITU Council input (Draft 1)"
        Example: draftflow publish final-draft --file final-draft.txt
        Example: DRAFTFLOW_SIGNING_KEY=~/.ssh/id_ed25519 draftflow publish draft-2 --sign
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The version label, e.g. draft-1, final-draft, final.")
    var label: String

    @Option(help: "A note recorded with the version.")
    var note: String?

    @Flag(name: .customLong("allow-undecided"), help: "Publish although comments of the last merged round have no disposition yet (recorded in the commit).")
    var allowUndecided = false

    @Option(help: ArgumentHelp("Replace the draft's text with this file first: Markdown, or the plain text Word saves (UTF-8).",
                               valueName: "FILE"))
    var file: String?

    @Flag(help: ArgumentHelp(signHelp))
    var sign = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        try withErrorHandling {
            let source = file.map { URL(fileURLWithPath: $0).lastPathComponent }
            let read = try file.map { try DocumentReader.read(try readUserFile($0, what: "the document"), name: source!) }
            let context = try options.context(signing: sign)
            let publication = try Publishing(context).publish(label: label, note: note, allowUndecided: allowUndecided, document: read.map { Data($0.markdown.utf8) },
                                                              source: source)
            let report = try read?.report ?? DocumentReport(document: DraftDocument.parse(Texts(context).documentText(publication.label)))
            if json {
                let languages = try LanguageVersions(context).status()
                try printJSON(PublishOutput(label: publication.label, commit: publication.commitID, report: report,
                                            languageVersions: languages.isEmpty ? nil : languages))
                printDocumentWarnings(report)
            } else {
                if let source, read != nil, !publication.editedFiles.isEmpty {
                    print("Replaced the text of \(publication.editedFiles.joined(separator: ", ")) with \(source)")
                } else if !publication.editedFiles.isEmpty {
                    print("Committed edits to \(publication.editedFiles.joined(separator: ", "))")
                }
                print("Published \(publication.label) (commit \(publication.commitID.prefix(7)))" + (sign ? ", signed" : ""))
                printDocumentReport(report, label: "  text: ")
                let languages = Translations.lines(try LanguageVersions(context).status())
                if !languages.isEmpty {
                    print("  language versions published with it:")
                    languages.forEach { print("  " + $0) }
                }
            }
        }
    }
}

/// `publish --json`.
private struct PublishOutput: Encodable {
    var label: String
    var commit: String
    /// What the published text holds (and, with --file, what reading the file found).
    var report: DocumentReport
    /// The language versions published with it, each current or not (nil: none).
    var languageVersions: [LanguageVersions.Status]?
}
