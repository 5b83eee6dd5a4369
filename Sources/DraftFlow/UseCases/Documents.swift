import Foundation

/// The documents of a workspace: the first, made by `init`, and those `document add` adds.
public struct Documents {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// What `document add` did.
    public struct Added: Sendable, Equatable {
        public var name: String
        public var file: String
        public var title: String
        public var commitID: String
    }

    /// Adds document `name`, its draft `text` (Markdown, as `DocumentReader` gives it) stored as
    /// `Drafts/<name>.md`. `title` defaults to the text's first line (its title heading), else the name.
    /// Refused when the name is taken, or `Drafts/<name>.md` is there already.
    public func add(name rawName: String, text: Data, title rawTitle: String?, recipient: String? = nil, due: String? = nil) throws -> Added {
        let name = try SafeName.documentName(rawName)
        let markdown = try TextInput.validate(text, what: "the document \(name)")
        let title = try Self.title(rawTitle, of: markdown, name: name)
        if let recipient { try SafeName.personName(recipient, what: "the recipient", fix: "pass --recipient as one line of text") }
        let file = "Drafts/\(name).md"
        let committed = try context.store.commit { snapshot -> Staged<String> in
            var workflow = try RecordReader.workflow(in: snapshot)
            if workflow.documentNames.contains(name) {
                throw DraftFlowError(.conflict, "this workspace has a document named \(name) already",
                                     fix: "choose another name; see the documents with `draftflow document list`")
            }
            if try snapshot.file(file) != nil {
                throw DraftFlowError(.conflict, "\(file) is in the workspace already",
                                     fix: "choose another name, or remove \(file) first if it is not needed")
            }
            if let due { _ = try Deadline.parse(due, timeZone: try workflow.zone()) }
            var entry = DocumentEntry(name: name, file: file, title: title)
            entry.recipient = recipient.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            entry.due = due
            workflow.documents = (workflow.documents ?? []) + [entry]
            var message = CommitMessage("Add document \(name): \(title)", event: .documentAdd)
            message.line("Document: \(file)")
            message.trailer(.document, name)
            let change = try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow), file: text],
                                                       message: message)
            return Staged(change, "")
        }
        return Added(name: name, file: file, title: title, commitID: committed.commitID ?? "")
    }

    /// The documents of the workspace, the first first, each as its own workflow.
    public func list() throws -> [(name: String, workflow: Workflow)] {
        let workflow = try context.workflow()
        return workflow.documentNames.compactMap { name in workflow.scoped(to: name).map { (name, $0) } }
    }

    /// The title given, else the text's first line without its heading marks, else the name; one line of text.
    static func title(_ given: String?, of markdown: String, name: String) throws -> String {
        if let given {
            let trimmed = given.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.contains(where: \.isNewline) else {
                throw DraftFlowError(.invalidInput, "the title must be one non-empty line", fix: "pass --title \"Report to Council\"")
            }
            try SafeName.personName(trimmed, what: "the title", fix: "pass the title as one line of text")
            return trimmed
        }
        // The first line: the title heading of a Markdown draft, the title line of a report saved
        // as text (a later heading would be its first section's, "1 Introduction").
        let heading = markdown.split(whereSeparator: \.isNewline).lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
            .map { $0.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) }
        if let heading, !heading.isEmpty, (try? SafeName.personName(heading, what: "", fix: "")) != nil { return heading }
        return name
    }
}
