import Foundation

/// The secretariat's decisions on comments: accepted, modified, noted or not accepted, each in
/// the same commit as the text change it causes.
public struct DispositionDesk {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// Records the secretariat's decision on one comment; the text change it causes is in the same commit.
    public func dispose(comment id: String, decision: Decision, text: String?, note: String?, round: String?) throws -> (Disposition, MergeOutcome) {
        try context.refuseUnpublishedEdits()
        if decision == .modified && (text?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) {
            throw DraftFlowError(.invalidInput, "a `modified` disposition needs the secretariat's text", fix: "pass --text FILE with the paragraph as it should read")
        }
        if decision == .withdrawn {
            throw DraftFlowError(.invalidInput, "a withdrawal is the member's, not a disposition", fix: "record it with `draftflow withdraw \(TerminalText.escaped(id))`")
        }
        if decision != .modified && text != nil {
            throw DraftFlowError(.invalidInput, "--text goes with `modified` only", fix: "leave out --text, or use `modified`")
        }
        let store = context.store
        let committed = try store.commit { snapshot in
            let state = try RoundState.read(round, selection: .lastMerged, detail: .texts, in: snapshot, store: store)
            let record = try state.merged()
            let comments = state.inputs.flatMap(\.comments) + record.edits
            try state.refuseIfWithdrawnByResubmission(id)
            guard let comment = comments.first(where: { $0.id == id }) else {
                throw DraftFlowError(.invalidInput, "there is no comment \(id) in round \(state.round.name)",
                                     fix: "see `draftflow dispositions` for the comment ids")
            }
            if decision == .modified, case .general = comment.anchor {
                throw DraftFlowError(.invalidInput, "\(id) is a general comment: there is no paragraph to put modified text in",
                                     fix: "use accepted or noted, and say what was done in --note")
            }
            if decision == .accepted, let leaving = Self.leftOut(record)[id] {
                let collision = leaving.collision
                var fix = "dispose of it as noted or rejected (with --note saying why), or as modified with --text FILE"
                if collision.alternatives.contains(where: { $0.members.contains(comment.member) }), Resolutions.ambiguity(comment.member, in: collision) == nil {
                    fix += "; or take its wording with `draftflow resolve \(collision.id) --take \(comment.member)`"
                }
                throw DraftFlowError(.refused, "\(id)'s proposed change to \(comment.anchor) is not in the candidate: \(leaving.described(state)); "
                                         + "it cannot be accepted as proposed", fix: fix)
            }
            let disposition = Disposition(comment: id, decision: decision, text: text, note: note, decided: context.now)
            var dispositions = state.dispositions.filter { $0.comment != id }
            dispositions.append(disposition)
            dispositions = CommentOrder.sorted(dispositions, id: \.comment)
            let member = state.workflow.member(comment.member)?.name ?? comment.member
            var message = CommitMessage("Dispose of \(id) (\(member), \(comment.anchor)): \(decision.title)", event: .dispose)
            if let note, !note.isEmpty { message.line("Observation: \(note)") }
            if let text { message.line("Text used instead: \(text.trimmingCharacters(in: .whitespacesAndNewlines))") }
            if comment.proposedChange != nil {
                switch decision {
                case .accepted: message.line("The proposed change stays in the candidate.")
                case .modified: message.line("The secretariat's text replaces the proposed change in the candidate.")
                case .noted, .rejected, .withdrawn: message.line("The proposed change is taken out of the candidate.")
                }
            }
            message.blankLine()
            message.trailer(.round, state.round.name)
            message.trailer(.member, comment.member)
            let (change, newRecord) = try context.candidateChange(state, dispositions: dispositions, resolutions: record.resolutions, message: message)
            return Staged(change, (disposition, context.outcome(state, newRecord)))
        }
        var outcome = committed.value.1
        outcome.commitID = committed.commitID
        return (committed.value.0, outcome)
    }

    /// Gives every comment still undecided the same disposition, in one commit: the usual way to
    /// accept what remains after the contested comments were decided one by one.
    ///
    /// `accepted` leaves out the changes that a collision's resolution left out of the text
    /// (`leftOut`): each needs its own decision. They come back in `superseded`, with the
    /// collision that superseded each.
    public func disposeAll(undecided decision: Decision, note: String?, round: String?) throws -> (disposed: [String], superseded: [String: String], outcome: MergeOutcome) {
        try context.refuseUnpublishedEdits()
        if decision == .withdrawn {
            throw DraftFlowError(.invalidInput, "a withdrawal is the member's, not a disposition", fix: "record each with `draftflow withdraw ID`")
        }
        if decision == .modified {
            throw DraftFlowError(.invalidInput, "`modified` needs the secretariat's text for each comment", fix: "dispose of those one by one with --text")
        }
        let store = context.store
        let committed = try store.commit { snapshot in
            let state = try RoundState.read(round, selection: .lastMerged, detail: .texts, in: snapshot, store: store)
            let record = try state.merged()
            let decided = Set(state.dispositions.map(\.comment))
            let pending = CommentOrder.sorted((state.inputs.flatMap(\.comments) + record.edits).map(\.id).filter { !decided.contains($0) })
            guard !pending.isEmpty else {
                throw DraftFlowError(.refused, "every comment of round \(state.round.name) has a disposition", fix: "see `draftflow dispositions`")
            }
            let leftOut = decision == .accepted ? Self.leftOut(record).filter { !decided.contains($0.key) } : [:]
            let superseded = leftOut.mapValues(\.collision.id)
            let undecided = pending.filter { superseded[$0] == nil }
            guard !undecided.isEmpty else {
                let listed = leftOut.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.described(state)))" }
                throw DraftFlowError(.refused, "every comment left undecided in round \(state.round.name) has a proposed change that is not in the candidate: "
                                         + "\(listed.joined(separator: "; ")); none can be accepted as proposed",
                                     fix: "dispose of them as noted or rejected (`draftflow dispose --all-undecided rejected --note TEXT`), or one by one")
            }
            var dispositions = state.dispositions
            for id in undecided { dispositions.append(Disposition(comment: id, decision: decision, text: nil, note: note, decided: context.now)) }
            dispositions = CommentOrder.sorted(dispositions, id: \.comment)
            var message = CommitMessage("Dispose of the \(undecided.count) remaining comment\(undecided.count == 1 ? "" : "s") of round \(state.round.name): \(decision.title)",
                                        event: .dispose)
            if let note, !note.isEmpty { message.paragraph("Observation: \(note)") }
            message.paragraph("Comments: \(undecided.joined(separator: ", "))")
            message.trailer(.round, state.round.name)
            let (change, newRecord) = try context.candidateChange(state, dispositions: dispositions, resolutions: record.resolutions, message: message)
            return Staged(change, (undecided, superseded, context.outcome(state, newRecord)))
        }
        var outcome = committed.value.2
        outcome.commitID = committed.commitID
        return (committed.value.0, committed.value.1, outcome)
    }

    /// The superseded changes (`MergeRecord.superseded`) that cannot be accepted as proposed:
    /// those a collision's resolution left out by taking another member's wording or the base, →
    /// that collision. The secretariat's own wording (a resolution with `--text`, a `modified`
    /// disposition) may take a member's point in, and accepting it then says so.
    static func leftOut(_ record: MergeRecord) -> [String: LeavingOut] {
        let resolved = Dictionary(record.collisions.compactMap { collision -> (String, LeavingOut)? in
            guard let choice = collision.resolution?.choice else { return nil }
            if case .text = choice { return nil }
            return (collision.id, LeavingOut(collision: collision, choice: choice))
        }, uniquingKeysWith: { first, _ in first })
        return (record.superseded ?? [:]).compactMapValues { resolved[$0] }
    }

    /// A resolved collision and the choice that left other members' changes out of the text.
    struct LeavingOut {
        let collision: RecordedCollision
        let choice: ResolutionChoice

        /// How it left a change out of the candidate, in words.
        func described(_ state: RoundState) -> String {
            "collision \(collision.id) at \(collision.paragraph) was resolved to \(Resolutions.described(choice, state))"
        }
    }

    /// The disposition-of-comments table: one row per comment of the round, decided or not.
    public func rows(round: String?) throws -> (round: String, rows: [DispositionRow]) {
        let snapshot = try context.store.snapshot()
        // A merged round's record says where each paragraph went: no need to merge again.
        // The rows need the record's edits, not its changes.
        var light = try RoundState.read(round, selection: .lastCommentRound, detail: .records, in: snapshot, store: context.store)
        if light.record != nil {
            // The base text, to show what each proposed change changes (one blob, no edited copy).
            light.baseText = try context.store.file(light.workflow.document, atVersion: light.round.on).flatMap { String(data: $0, encoding: .utf8) } ?? ""
            let edits = RecordPaths.mergeEdits(round: light.round.name)
            let record = try RoundState.withEdits(light.record, from: snapshot.file(edits), path: edits, in: snapshot)
            return (light.round.name, Self.rows(light, record: record))
        }
        let state = try RoundState.read(round, selection: .lastCommentRound, detail: .texts, in: snapshot, store: context.store)
        return (state.round.name, Self.rows(state, record: state.record))
    }

    /// The rows of `state`, with `record` saying where each paragraph went (merged again when nil).
    package static func rows(_ state: RoundState, record given: MergeRecord?) -> [DispositionRow] {
        var record: MergeRecord
        if let given {
            record = given
        } else {
            let candidate = CandidateBuilder(base: state.baseText, inputs: state.inputs, dispositions: state.dispositions, resolutions: []).build()
            record = MergeRecord(round: state.round.name, base: state.round.on, merged: Date(timeIntervalSince1970: 0), changes: candidate.changes,
                                 collisions: candidate.collisions, edits: candidate.edits, orphaned: candidate.orphaned, resolutions: [])
            record.paragraphsNow = candidate.merge.anchorMap.mapValues { $0 ?? "" }
            record.superseded = candidate.superseded.isEmpty ? nil : candidate.superseded
            record.copyTexts = candidate.copyTexts.isEmpty ? nil : candidate.copyTexts
            record.flagged = candidate.flagged.isEmpty ? nil : candidate.flagged
        }
        let paragraphsNow = record.paragraphsNow
        let baseDocument = state.baseText.isEmpty ? nil : DraftDocument.parse(state.baseText)
        let decisions = Dictionary(state.dispositions.map { ($0.comment, $0) }, uniquingKeysWith: { _, last in last })
        func describeChange(_ proposed: String, anchor: String, in baseDocument: DraftDocument) -> String? {
            let old = baseDocument.block(anchor: anchor)
            return ChangeSummary.describe(old: old?.text ?? "", new: old == nil ? proposed : CandidateBuilder.numbered(proposed, like: old))
        }
        var rows: [DispositionRow] = []
        let comments = CommentOrder.sorted(state.inputs.flatMap(\.comments) + record.edits, id: \.id)
        // What each proposal changes, a paragraph at a time: each base paragraph is tokenized once
        // for all the changes proposed to it, and only one paragraph's tokens are held at a time.
        var changes = [String?](repeating: nil, count: comments.count)
        if let baseDocument {
            var byAnchor: [String: [Int]] = [:]
            for (index, comment) in comments.enumerated() {
                guard comment.proposedChange ?? record.copyTexts?[comment.id] != nil, case .paragraph(let anchor) = comment.anchor else { continue }
                byAnchor[anchor, default: []].append(index)
            }
            for (anchor, indexes) in byAnchor {
                guard let old = baseDocument.block(anchor: anchor) else {
                    for index in indexes {
                        changes[index] = ChangeSummary.describe(old: "", new: comments[index].proposedChange ?? record.copyTexts?[comments[index].id] ?? "")
                    }
                    continue
                }
                let base = WordDiff.Base(old.text)
                for index in indexes {
                    let proposed = comments[index].proposedChange ?? record.copyTexts?[comments[index].id] ?? ""
                    changes[index] = ChangeSummary.describe(base, new: CandidateBuilder.numbered(proposed, like: old))
                }
            }
        }
        for (commentIndex, comment) in comments.enumerated() {
            let disposition = decisions[comment.id]
            let proposed = comment.proposedChange ?? record.copyTexts?[comment.id]
            let change = changes[commentIndex]
            var paragraphNow: String?
            var orphaned = false
            if case .paragraph(let anchor) = comment.anchor, !anchor.hasPrefix("after ") {
                if let now = paragraphsNow[anchor] {
                    paragraphNow = now.isEmpty ? nil : now
                    orphaned = now.isEmpty
                } else {
                    // Not a paragraph of the version the round was on.
                    orphaned = true
                }
            } else if case .paragraph(let anchor) = comment.anchor {
                paragraphNow = anchor
            }
            rows.append(DispositionRow(id: comment.id, member: comment.member, memberName: state.workflow.member(comment.member)?.name ?? comment.member,
                                       paragraph: comment.reference.description, paragraphNow: orphaned ? nil : (paragraphNow ?? (comment.anchor == .general ? "general" : nil)),
                                       orphaned: orphaned, type: comment.type, comment: comment.text,
                                       proposedChange: proposed,
                                       decision: disposition?.decision, observation: disposition?.note, modifiedText: disposition?.text,
                                       late: state.isLate(comment),
                                       supersededBy: record.superseded?[comment.id]))
            rows[rows.count - 1].change = record.flagged?[comment.id] == nil ? change : nil
            rows[rows.count - 1].flag = record.flagged?[comment.id]
            rows[rows.count - 1].template = comment.template
        }
        // A comment a resubmission left out counts as withdrawn; its proposal is in no input.
        for comment in state.omitted {
            rows.append(DispositionRow(id: comment.id, member: comment.member, memberName: state.workflow.member(comment.member)?.name ?? comment.member,
                                       paragraph: comment.reference.description, paragraphNow: nil, orphaned: false, type: comment.type,
                                       comment: comment.text, proposedChange: comment.proposedChange, decision: .withdrawn,
                                       observation: "Not in the member's later submission.", modifiedText: nil, late: false))
            if let proposed = comment.proposedChange, case .paragraph(let anchor) = comment.anchor, let baseDocument {
                rows[rows.count - 1].change = describeChange(proposed, anchor: anchor, in: baseDocument)
            }
        }
        rows = CommentOrder.sorted(rows, id: \.id)
        return rows
    }
}
