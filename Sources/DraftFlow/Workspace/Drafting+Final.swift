import Foundation

extension Drafting {
    /// What `finalize` did.
    public struct Finalization: Sendable, Equatable {
        public var label: String
        public var commitID: String
        public var round: String
        /// `kept` or `broken`.
        public var silence: String
        /// Members whose objection was overridden (empty when silence was kept).
        public var overridden: [String]
    }

    /// The objections of a silence round: the latest on-time submission of each member.
    package static func objections(_ round: Round, in snapshot: any WorkspaceSnapshot) throws -> [Submission] {
        guard round.kind == .silence else { return [] }
        return Self.current(try Self.submissions(round: round.name, in: snapshot)).values
            .filter { !$0.late && round.accepts(receivedAt: $0.received) }
            .sorted { $0.received < $1.received }
    }

    /// Publishes the final version once the silence procedure on the final draft closed unbroken
    /// (or, with `overObjection`, over the objections, with the secretariat's note on record).
    public func finalize(label rawLabel: String, overObjection: Bool, note: String?) throws -> Finalization {
        let label = try SafeName.label(rawLabel)
        let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if overObjection && (trimmedNote?.isEmpty ?? true) {
            throw DraftFlowError(.invalidInput, "finalizing over an objection needs the secretariat's reasons", fix: "add --note \"...\"")
        }
        try refuseUnpublishedEdits()
        if try store.versions().contains(where: { $0.label == label }) {
            throw DraftFlowError(.conflict, "version \(label) is published already", fix: "see `draftflow status`")
        }
        var result: Finalization?
        let commit = try store.commit { snapshot in
            var workflow = try Self.workflow(in: snapshot)
            let zone = try workflow.zone()
            guard let round = workflow.rounds.last, round.kind == .silence else {
                throw DraftFlowError(.refused, "the final text is adopted by a silence procedure, and none has been held on the current draft",
                                     fix: "open one with `draftflow round open --on final-draft --closes DATE --kind silence`")
            }
            if round.isOpen(at: now) {
                throw DraftFlowError(.refused, "the silence procedure \(round.name) runs until \(Deadline.human(round.effectiveClose, in: zone))",
                                     fix: "finalize after the close")
            }
            if let pending = try pendingDecisions(in: snapshot) {
                if !pending.collisions.isEmpty {
                    throw DraftFlowError(.refused, "round \(pending.round) has open collisions: \(pending.collisions.map(\.id).joined(separator: ", "))",
                                         fix: "resolve them with `draftflow resolve`")
                }
                if !pending.undecided.isEmpty {
                    throw DraftFlowError(.refused, "round \(pending.round) has comments without a disposition: \(pending.undecided.joined(separator: ", "))",
                                         fix: "decide each with `draftflow dispose ID accepted|modified|noted|rejected`")
                }
            }
            guard let circulated = try store.file(workflow.document, atVersion: round.on), let current = try snapshot.file(workflow.document) else {
                throw DraftFlowError(.workspace, "the document \(workflow.document) is missing", fix: "check `git show \(round.on) --stat`")
            }
            if circulated != current {
                throw DraftFlowError(.refused, "the draft changed after \(round.on) was circulated under silence",
                                     fix: "publish the new text and circulate it under a new silence procedure")
            }
            let objections = try Self.objections(round, in: snapshot)
            if !objections.isEmpty && !overObjection {
                let list = objections.map { "\(workflow.member($0.member)?.name ?? $0.member) (\($0.member), \(Deadline.human($0.received, in: zone)))" }
                throw DraftFlowError(.refused, "silence was broken in \(round.name) by \(list.joined(separator: "; "))",
                                     fix: "merge the objections and circulate a new text (`draftflow merge --round \(round.name)`, then publish and open a new round), or finalize with --over-objection --note \"...\"")
            }
            let silence = objections.isEmpty ? "kept" : "broken"
            let codes = objections.map(\.member)
            let outcome = objections.isEmpty
                ? "Silence kept: no member objected to \(round.on) before \(Deadline.human(round.effectiveClose, in: zone))."
                : "Silence broken by \(codes.joined(separator: ", ")); the secretariat finalized over the objection: \(trimmedNote ?? "")"
            workflow.versions.append(VersionEntry(label: label, published: now, note: outcome))
            let person = try secretariat(workflow)
            var message = "Finalize \(label): the text of \(round.on) is adopted\n\n\(outcome)\n"
            if let trimmedNote, !trimmedNote.isEmpty, objections.isEmpty { message += "\n\(trimmedNote)\n" }
            message += "\n\(Trailer.event): finalize\n\(Trailer.version): \(label)\n\(Trailer.round): \(round.name)\nDraftFlow-Silence: \(silence)\n"
            if !codes.isEmpty { message += "DraftFlow-Over-Objection: \(codes.joined(separator: ", "))\n" }
            let tagMessage = "\(workflow.title), \(label)\n\n\(outcome)\n\nAdopted \(Deadline.human(now, in: zone)) from \(round.on).\n"
            result = Finalization(label: label, commitID: "", round: round.name, silence: silence, overridden: codes)
            return WorkspaceChange(writes: [Workflow.fileName: try WorkflowFile.render(workflow)], author: person, committer: person,
                                   message: message, tag: VersionTag(label: label, message: tagMessage, tagger: person))
        }
        result?.commitID = commit ?? ""
        return result!
    }

    // MARK: Redline

    /// The name that stands for the working draft in `redline`.
    public static let workingDraft = "working"

    /// The document's text at a version, or in the work tree for `working`.
    public func documentText(_ version: String) throws -> String {
        try documentText(version, workflow: try workflow())
    }

    func documentText(_ version: String, workflow: Workflow) throws -> String {
        if version == Self.workingDraft {
            guard let data = try store.workTreeFile(workflow.document) else {
                throw DraftFlowError(.workspace, "\(workflow.document) is missing from the work tree", fix: "restore it with `git checkout -- \(workflow.document)`")
            }
            return try TextInput.validate(data, what: workflow.document)
        }
        let label = try SafeName.label(version)
        guard let data = try store.file(workflow.document, atVersion: label) else {
            let known = try store.versions().map(\.label)
            throw DraftFlowError(.invalidInput, "there is no version \(label)",
                                 fix: "use one of: \((known + [Self.workingDraft]).joined(separator: ", "))")
        }
        return try TextInput.validate(data, what: "\(workflow.document) at \(label)")
    }

    /// Word-level differences between two versions (or a version and the working draft).
    public func redline(from: String, to: String) throws -> [RedlineBlock] {
        let workflow = try workflow()
        return Redline.compare(old: try documentText(from, workflow: workflow), new: try documentText(to, workflow: workflow))
    }
}
