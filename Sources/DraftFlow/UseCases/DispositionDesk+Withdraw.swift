import Foundation

extension DispositionDesk {
    /// Records that a member withdrew one of their comments, entered by the secretariat on the
    /// member's behalf: the table shows it as withdrawn and its proposed change leaves the
    /// candidate, in one commit. A withdrawn comment needs no disposition before publishing.
    public func withdraw(comment id: String, note: String?, round: String?) throws -> MergeOutcome {
        try record(comment: id, round: round) { state, comment, dispositions in
            if dispositions.first(where: { $0.comment == id })?.decision == .withdrawn {
                throw DraftFlowError(.refused, "\(id) is already withdrawn", fix: "see `draftflow dispositions`")
            }
            var dispositions = dispositions.filter { $0.comment != id }
            dispositions.append(Disposition(comment: id, decision: .withdrawn, text: nil, note: note, decided: context.now))
            dispositions = CommentOrder.sorted(dispositions, id: \.comment)
            let member = state.workflow.member(comment.member)?.name ?? comment.member
            var message = CommitMessage("Withdraw \(id) (\(member), \(comment.anchor)) on the member's behalf", event: .dispose)
            if let note, !note.isEmpty { message.line("Note: \(note)") }
            if comment.proposedChange != nil { message.line("The proposed change is taken out of the candidate.") }
            return (dispositions, message)
        }
    }

    /// Puts a comment back to undecided, in one commit: its recorded disposition (or withdrawal)
    /// is removed, the candidate is rebuilt as if it had never been decided, and publishing
    /// refuses again until it is decided.
    public func undo(comment id: String, round: String?) throws -> MergeOutcome {
        try record(comment: id, round: round) { state, comment, dispositions in
            guard let previous = dispositions.first(where: { $0.comment == id }) else {
                throw DraftFlowError(.refused, "\(id) is already undecided", fix: "see `draftflow dispositions`")
            }
            let member = state.workflow.member(comment.member)?.name ?? comment.member
            var message = CommitMessage("Dispose of \(id) (\(member), \(comment.anchor)): Undecided", event: .dispose)
            message.line("The disposition \(previous.decision.title) is taken back; the comment waits for a decision again.")
            return (dispositions.filter { $0.comment != id }, message)
        }
    }

    /// One commit that replaces the dispositions of the last merged round by what `change` makes of them.
    private func record(comment id: String, round: String?,
                        _ change: (RoundState, Comment, [Disposition]) throws -> ([Disposition], CommitMessage)) throws -> MergeOutcome {
        try context.refuseUnpublishedEdits()
        let store = context.store
        let committed = try store.commit { snapshot in
            let state = try RoundState.read(round, selection: .lastMerged, detail: .texts, in: snapshot, store: store)
            let record = try state.merged()
            try state.refuseIfWithdrawnByResubmission(id)
            guard let comment = (state.inputs.flatMap(\.comments) + record.edits).first(where: { $0.id == id }) else {
                throw DraftFlowError(.invalidInput, "there is no comment \(id) in round \(state.round.name)",
                                     fix: "see `draftflow dispositions` for the comment ids")
            }
            let (dispositions, summary) = try change(state, comment, state.dispositions)
            var message = summary
            message.blankLine()
            message.trailer(.round, state.round.name)
            message.trailer(.member, comment.member)
            let (candidate, newRecord) = try context.candidateChange(state, dispositions: dispositions, resolutions: record.resolutions, message: message)
            return Staged(candidate, context.outcome(state, newRecord))
        }
        var outcome = committed.value
        outcome.commitID = committed.commitID
        return outcome
    }
}
