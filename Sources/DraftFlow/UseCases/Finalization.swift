import Foundation

/// Adopting the final text once the silence procedure on the final draft has closed.
public struct Finalization {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// What `finalize` did.
    public struct Finalized: Sendable, Equatable {
        public var label: String
        public var commitID: String
        public var round: String
        public var silence: SilenceOutcome
        /// Members whose objection was overridden (empty when silence was kept).
        public var overridden: [String]
    }

    /// Publishes the final version once the silence procedure on the final draft closed unbroken
    /// (or, with `overObjection`, over the objections, with the secretariat's note on record).
    public func finalize(label rawLabel: String, overObjection: Bool, note: String?) throws -> Finalized {
        let label = try SafeName.label(rawLabel)
        let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if overObjection && (trimmedNote?.isEmpty ?? true) {
            throw DraftFlowError(.invalidInput, "finalizing over an objection needs the secretariat's reasons", fix: "add --note \"...\"")
        }
        try context.refuseUnpublishedEdits()
        let store = context.store
        if try store.versions().contains(where: { $0.label == label }) {
            throw DraftFlowError(.conflict, "version \(label) is published already", fix: "see `draftflow status`")
        }
        let now = context.now
        let committed = try store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            let zone = try workflow.zone()
            guard let round = workflow.rounds.last, round.kind == .silence else {
                throw DraftFlowError(.refused, "the final text is adopted by a silence procedure, and none has been held on the current draft",
                                     fix: "open one with `draftflow round open --on final-draft --closes DATE --kind silence`")
            }
            if round.isOpen(at: now) {
                throw DraftFlowError(.refused, "the silence procedure \(round.name) runs until \(InstantFormat.human(round.effectiveClose, in: zone))",
                                     fix: "finalize after the close")
            }
            try Self.refusePending(in: snapshot)
            guard let circulated = try store.file(workflow.document, atVersion: round.on), let current = try snapshot.file(workflow.document) else {
                throw DraftFlowError(.workspace, "the document \(workflow.document) is missing", fix: "check `git show \(round.on) --stat`")
            }
            if circulated != current {
                throw DraftFlowError(.refused, "the draft changed after \(round.on) was circulated under silence",
                                     fix: "publish the new text and circulate it under a new silence procedure")
            }
            let objections = try RecordReader.objections(round, in: snapshot)
            if !objections.isEmpty && !overObjection {
                let list = objections.map { "\(workflow.member($0.member)?.name ?? $0.member) (\($0.member), \(InstantFormat.human($0.received, in: zone)))" }
                throw DraftFlowError(.refused, "silence was broken in \(round.name) by \(list.joined(separator: "; "))",
                                     fix: "merge the objections and circulate a new text (`draftflow merge --round \(round.name)`, then publish and open a new round), or finalize with --over-objection --note \"...\"")
            }
            let silence: SilenceOutcome = objections.isEmpty ? .kept : .broken
            let codes = objections.map(\.member)
            let outcome = objections.isEmpty
                ? "Silence kept: no member objected to \(round.on) before \(InstantFormat.human(round.effectiveClose, in: zone))."
                : "Silence broken by \(codes.joined(separator: ", ")); the secretariat finalized over the objection: \(trimmedNote ?? "")"
            workflow.versions.append(VersionEntry(label: label, published: now, note: outcome))
            var message = CommitMessage("Finalize \(label): the text of \(round.on) is adopted", event: .finalize)
            message.line(outcome)
            if let trimmedNote, !trimmedNote.isEmpty, objections.isEmpty {
                message.blankLine()
                message.line(trimmedNote)
            }
            message.blankLine()
            message.trailer(.version, label)
            message.trailer(.round, round.name)
            message.trailer(.silence, silence.rawValue)
            if !codes.isEmpty { message.trailer(.overObjection, codes.joined(separator: ", ")) }
            let tagMessage = "\(workflow.title), \(label)\n\n\(outcome)\n\nAdopted \(InstantFormat.human(now, in: zone)) from \(round.on).\n"
            let change = try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message,
                                                       tag: { VersionTag(label: label, message: tagMessage, tagger: $0) }, in: snapshot)
            return Staged(change, Finalized(label: label, commitID: "", round: round.name, silence: silence, overridden: codes))
        }
        var result = committed.value
        result.commitID = committed.commitID ?? ""
        return result
    }

    /// Refuses while the last merged round has open collisions or undecided comments.
    private static func refusePending(in snapshot: any WorkspaceSnapshot) throws {
        guard let pending = try RecordReader.pendingDecisions(in: snapshot) else { return }
        if !pending.collisions.isEmpty {
            throw DraftFlowError(.refused, "round \(pending.round) has open collisions: \(pending.collisions.map(\.id).joined(separator: ", "))",
                                 fix: "resolve them with `draftflow resolve`")
        }
        if !pending.undecided.isEmpty {
            throw DraftFlowError(.refused, "round \(pending.round) has comments without a disposition: \(pending.undecidedList)",
                                 fix: "decide each with `draftflow dispose ID accepted|modified|noted|rejected`")
        }
    }
}
