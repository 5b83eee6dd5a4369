import ArgumentParser
import DraftFlow
import Foundation

struct Outline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "List every paragraph of a version: its id, printed number, level and first words.",
        discussion: """
        The id is what delegates cite (comment headings, the ISO CSV, every command): 4.2.2.3 for a \
        numbered paragraph, 3.3 b) 4) for a sub-item, 2.1.1 •2 for the second bullet under 2.1.1, \
        4.2.2.3 ¶1 for the first paragraph with no number of its own under 4.2.2.3, ¶1 before the \
        first number. Check it after `init` or `publish --document`: it is what DraftFlow understood.
        VERSION is a published label, or `working` for the draft in Drafts/ as it is now (the default).
        Example: draftflow outline draft-1
        Example: draftflow outline --json
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "A version label, or `working`.")
    var version: String = Texts.workingDraft

    @Flag(help: "Print the outline as JSON.")
    var json = false

    /// The first words shown: at most this many characters.
    static let wordsShown = 40

    func run() throws {
        try withErrorHandling {
            let context = try options.context()
            let workflow = try context.workflow()
            let document = DraftDocument.parse(try Texts(context).documentText(version))
            let report = DocumentReport(document: document)
            let entries = document.blocks.map(OutlineEntry.init)
            if json {
                try printJSON(OutlineOutput(version: version, document: workflow.document, paragraphs: entries, report: report))
                printDocumentWarnings(report)
                return
            }
            let name = version == Texts.workingDraft ? "the working draft" : version
            print("\(workflow.document), \(name): \(report.summary)")
            let idWidth = DisplayWidth.column(entries.map(\.id), minimum: 2)
            let numberWidth = DisplayWidth.column(entries.map { $0.number ?? "" }, minimum: 6)
            func row(_ id: String, _ number: String, _ level: String, _ words: String) -> String {
                let line = DisplayWidth.padded(id, to: idWidth + 2) + DisplayWidth.padded(number, to: numberWidth + 2)
                    + DisplayWidth.padded(level, to: 7) + words
                return line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            }
            print(row("ID", "NUMBER", "LEVEL", "FIRST WORDS"))
            for entry in entries {
                let words = (entry.duplicate ? "(duplicate number) " : "") + (entry.heading ? "# " : "") + entry.words
                print(row(entry.id, entry.number ?? "", String(entry.level), words))
            }
            printDocumentWarnings(report)
        }
    }
}

/// One paragraph of `outline --json`.
struct OutlineEntry: Encodable {
    var id: String
    var number: String?
    var level: Int
    var parent: String?
    /// `numbered`, `sub-item`, `bullet` or `unnumbered`.
    var kind: DraftDocument.Role
    var heading: Bool
    var duplicate: Bool
    /// The start of the text without its number or label, spaces collapsed.
    var words: String

    init(_ block: DraftDocument.Block) {
        id = block.anchor
        number = block.number
        level = block.level
        parent = block.parent
        kind = block.role
        if case .heading = block.kind { heading = true } else { heading = false }
        duplicate = block.isDuplicate
        let body = block.body.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        words = body.count > Outline.wordsShown ? String(body.prefix(Outline.wordsShown)) + "…" : body
    }

    enum CodingKeys: String, CodingKey {
        case id, number, level, parent, kind, heading, duplicate, words
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(number, forKey: .number)
        try container.encode(level, forKey: .level)
        try container.encode(parent, forKey: .parent)
        try container.encode(kind, forKey: .kind)
        try container.encode(heading, forKey: .heading)
        try container.encode(duplicate, forKey: .duplicate)
        try container.encode(words, forKey: .words)
    }
}

/// `outline --json`.
private struct OutlineOutput: Encodable {
    var version: String
    var document: String
    var paragraphs: [OutlineEntry]
    var report: DocumentReport
}
