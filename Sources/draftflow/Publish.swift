import ArgumentParser
import DraftFlow
import Foundation

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publish the draft as it stands in Drafts/ as a version (an annotated git tag).",
        discussion: """
        Edit the draft in Drafts/ with any editor, then publish: the edits are committed first, then \
        the version is tagged. A label used before is refused.
        Example: draftflow publish draft-1 --note "Outline of the ITU Council input (Draft 1)"
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The version label, e.g. draft-1, final-draft, final.")
    var label: String

    @Option(help: "A note recorded with the version.")
    var note: String?

    @Flag(name: .customLong("allow-undecided"), help: "Publish although comments of the last merged round have no disposition yet (recorded in the commit).")
    var allowUndecided = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        try withErrorHandling {
            let publication = try Publishing(options.context()).publish(label: label, note: note, allowUndecided: allowUndecided)
            if json {
                try printJSON(["label": publication.label, "commit": publication.commitID])
            } else {
                if !publication.editedFiles.isEmpty {
                    print("Committed edits to \(publication.editedFiles.joined(separator: ", "))")
                }
                print("Published \(publication.label) (commit \(publication.commitID.prefix(7)))")
            }
        }
    }
}
