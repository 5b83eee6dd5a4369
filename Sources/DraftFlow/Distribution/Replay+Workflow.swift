import Foundation

extension Replay {
    /// `Workflow.md` as both sides changed it, merged document by document: a commit of one
    /// document (its versions, rounds, schedule) replays on a tip where another officer changed
    /// another document, and the members, secretariat and time zone are taken from the side that
    /// changed them. Nil when both changed the same part differently, or a side does not read.
    static func mergedWorkflow(_ change: FileChange, theirs: Data?) throws -> Data? {
        guard let beforeData = change.before, let afterData = change.after, let theirsData = theirs,
              let before = try? WorkflowFile.parse(beforeData), let after = try? WorkflowFile.parse(afterData),
              var merged = try? WorkflowFile.parse(theirsData) else { return nil }
        // What the documents share.
        guard let members = pick(before.members, after.members, merged.members),
              let secretariat = pick(before.secretariat, after.secretariat, merged.secretariat),
              let timezone = pick(before.timezone, after.timezone, merged.timezone) else { return nil }
        merged.members = members
        merged.secretariat = secretariat
        merged.timezone = timezone
        // Each document's own part.
        for name in after.documentNames {
            guard let mine = after.scoped(to: name).map(DocumentPart.init) else { return nil }
            let base = before.scoped(to: name).map(DocumentPart.init)
            let other = merged.scoped(to: name).map(DocumentPart.init)
            if mine == base || mine == other { continue }
            guard other == base else { return nil }
            if other == nil {
                // Added on this side only: after the documents the other side has.
                guard let entry = after.documents?.first(where: { $0.name == name }) else { return nil }
                merged.documents = (merged.documents ?? []) + [entry]
            } else {
                guard var scoped = merged.scoped(to: name) else { return nil }
                mine.apply(to: &scoped)
                merged = merged.absorbing(scoped, as: name)
            }
        }
        guard WorkflowKeys.invalid(merged) == nil else { return nil }
        return try WorkflowFile.render(merged)
    }

    /// The value after a three-way merge of one part: the side that changed it, nil when both did
    /// differently.
    private static func pick<T: Equatable>(_ before: T, _ after: T, _ theirs: T) -> T? {
        if after == before || after == theirs { return theirs }
        return theirs == before ? after : nil
    }

    /// What belongs to one document in `Workflow.md`: all but what the documents share.
    private struct DocumentPart: Equatable {
        var title: String
        var document: String
        var versions: [VersionEntry]
        var rounds: [Round]
        var recipient: String?
        var due: String?
        var submitted: Transmission?

        init(_ workflow: Workflow) {
            title = workflow.title
            document = workflow.document
            versions = workflow.versions
            rounds = workflow.rounds
            recipient = workflow.recipient
            due = workflow.due
            submitted = workflow.submitted
        }

        func apply(to workflow: inout Workflow) {
            workflow.title = title
            workflow.document = document
            workflow.versions = versions
            workflow.rounds = rounds
            workflow.recipient = recipient
            workflow.due = due
            workflow.submitted = submitted
        }
    }
}
