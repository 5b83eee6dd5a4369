import Foundation

/// Creating a workspace: its first commit.
public enum WorkspaceSetup {
    /// The first commit of a new workspace: Workflow.md, the document in `Drafts/`, and the
    /// README of `Comments/`.
    public static func initialChange(title: String, documentName: String, document: Data, timezone: String,
                                     secretariat: Secretariat, recipient: String? = nil, due: String? = nil,
                                     now: Date) throws -> WorkspaceChange {
        let zone = try Deadline.timeZone(timezone)
        let trimmedTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedTitle.isEmpty, !trimmedTitle.contains(where: { $0.isNewline }) else {
            throw DraftFlowError(.invalidInput, "the title must be one non-empty line", fix: "pass --title \"Council input to the 2020 HLPF\"")
        }
        try SafeName.personName(trimmedTitle, what: "the title", fix: "pass the title as one line of text, e.g. --title \"Council input to the 2020 HLPF\"")
        try SafeName.personName(secretariat.name, what: "the secretariat's name", fix: "pass --secretariat-name \"ITU secretariat\"")
        try SafeName.personName(secretariat.email, what: "the secretariat's e-mail address", fix: "pass --secretariat-email wsis-info@itu.int")
        if let recipient, !recipient.trimmingCharacters(in: .whitespaces).isEmpty {
            try SafeName.personName(recipient, what: "the recipient", fix: "pass --recipient as one line of text")
        }
        let name = try SafeName.fileName(documentName)
        _ = try TextInput.validate(document, what: "the document \(documentName)")
        let path = "Drafts/" + name
        var workflow = Workflow(title: trimmedTitle, document: path, timezone: timezone, secretariat: secretariat)
        if let recipient, !recipient.trimmingCharacters(in: .whitespaces).isEmpty { workflow.recipient = recipient }
        if let due {
            _ = try Deadline.parse(due, timeZone: zone)
            workflow.due = due
        }
        let person = Person(name: secretariat.name, email: secretariat.email, time: now, timeZone: zone)
        let readme = "# Comments\n\nOne folder per round, one folder per member inside it, holding each submission as it was received and the record DraftFlow made of it.\n"
        var message = CommitMessage("Create drafting workspace: \(trimmedTitle)", event: .`init`)
        message.line("Document: \(path)")
        message.paragraph("Time zone: \(timezone)")
        return WorkspaceChange(
            writes: [Workflow.fileName: try WorkflowFile.render(workflow), path: document, RecordPaths.readme: Data(readme.utf8)],
            author: person, committer: person, message: message.text
        )
    }
}
