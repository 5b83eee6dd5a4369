import Foundation

/// Publishing versions of the draft: a commit with an annotated tag.
public struct Publishing {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// What `publish` did.
    public struct Publication: Sendable, Equatable {
        public var label: String
        public var commitID: String
        /// Files of `Drafts/` whose edits were committed first.
        public var editedFiles: [String]
    }

    /// Publishes the draft as it stands in `Drafts/` as version `label`: commits the edits, then tags.
    ///
    /// Refused while the last merged round has open collisions, or comments without a disposition
    /// (superseded ones among them) unless `allowUndecided` says the secretariat knows.
    /// `document`, when given (`--file`), replaces the draft's text first (Markdown from `DocumentReader`,
    /// read from the file `source`); the draft must then have no edits in the work tree.
    public func publish(label rawLabel: String, note: String?, allowUndecided: Bool = false, document: Data? = nil,
                        source: String? = nil) throws -> Publication {
        let label = try SafeName.label(rawLabel)
        let store = context.store
        if try store.versions().contains(where: { $0.label == label }) {
            throw DraftFlowError(.conflict, "version \(label) is published already", fix: "choose a new label, e.g. \(label)-rev")
        }
        let pending = try RecordReader.pendingDecisions(in: store.snapshot())
        if let pending, !pending.collisions.isEmpty {
            let list = pending.collisions.map { "\($0.id) (paragraph \($0.paragraph))" }.joined(separator: ", ")
            throw DraftFlowError(.refused, "round \(pending.round) has open collisions: \(list)",
                                 fix: "resolve each with `draftflow resolve ID --take CODE|base` or `--text FILE`; see `draftflow collisions`")
        }
        if let pending, !pending.undecided.isEmpty, !allowUndecided {
            throw DraftFlowError(.refused, "round \(pending.round) has comments without a disposition: \(pending.undecidedList)",
                                 fix: "decide each with `draftflow dispose ID accepted|modified|noted|rejected` (see `draftflow dispositions`), or publish with --allow-undecided to publish the candidate as it stands")
        }
        let knowinglyUndecided = allowUndecided ? pending.map(\.undecided) ?? [] : []
        var edits = try store.workTreeChanges(under: "Drafts")
        if let document {
            let path = try context.workflow().document
            if edits[path] != nil {
                throw DraftFlowError(.conflict, "\(path) has edits in the work tree that --file would replace",
                                     fix: "publish without --file to publish those edits, or discard them with `git checkout -- \(path)`")
            }
            if try store.snapshot().file(path) != document { edits[path] = document }
        }
        for (path, data) in edits {
            if let data { _ = try TextInput.validate(data, what: path) }
        }
        let editedFiles = edits.keys.sorted()
        if !edits.isEmpty {
            try store.commit { snapshot in
                let workflow = try RecordReader.workflow(in: snapshot)
                var message = CommitMessage("Edit the draft before publishing \(label)", event: .edit)
                message.paragraph("Changed: \(editedFiles.joined(separator: ", "))")
                if document != nil, let source { message.paragraph("The text of the draft is replaced by the text of \(source).") }
                return try context.secretariatChange(workflow, writes: edits.compactMapValues { $0 },
                                                     removals: edits.filter { $0.value == nil }.map(\.key), message: message)
            }
        }
        let noteText = (note?.trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { $0.isEmpty ? nil : $0 }
        let commitID = try store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            if workflow.version(label) != nil {
                throw DraftFlowError(.conflict, "version \(label) is published already", fix: "choose a new label")
            }
            guard try snapshot.file(workflow.document) != nil else {
                throw DraftFlowError(.workspace, "the document \(workflow.document) is missing", fix: "restore it with `git checkout -- \(workflow.document)`")
            }
            workflow.versions.append(VersionEntry(label: label, published: context.now, note: noteText))
            var message = CommitMessage("Publish \(label) of \(workflow.title)", event: .publish)
            if let noteText { message.paragraph(noteText) }
            if !knowinglyUndecided.isEmpty {
                message.paragraph("Published with comments still without a disposition: \(knowinglyUndecided.joined(separator: ", ")).")
            }
            message.trailer(.version, label)
            let tagMessage = "\(workflow.title), \(label)\n\n" + (noteText.map { $0 + "\n\n" } ?? "")
                + "Published \(InstantFormat.human(context.now, in: try workflow.zone())) by \(workflow.secretariat.name).\n"
            return try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message,
                                                 tag: { VersionTag(label: label, message: tagMessage, tagger: $0) }, in: snapshot)
        }
        return Publication(label: label, commitID: commitID ?? "", editedFiles: editedFiles)
    }
}
