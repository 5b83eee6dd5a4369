import Foundation

/// What `merge`, `resolve` and `dispose` leave behind.
public struct MergeOutcome: Sendable {
    public var round: String
    public var base: String
    public var record: MergeRecord
    public var commitID: String?
    /// The merge record that did not read and that this merge rebuilt (its resolutions were lost
    /// with it: the collisions they resolved are open again).
    public var rebuiltRecord: String?
    /// Other rounds on the same version that received submissions: this merge does not take them.
    public var otherRounds: [String] = []
    public var openCollisions: [RecordedCollision] { record.openCollisions }
    /// The rounds the merge took: `round` alone, or every round on the version that received submissions.
    public var rounds: [String] { record.rounds ?? [round] }
    /// The record's changes and edits as written to their files, when this command wrote them.
    var encodedParts: (changes: Data, edits: Data)?
}

extension DraftingContext {
    /// A merge's record as JSON, as `json(_:)` writes any value, written faster (from the
    /// record's files when the merge just wrote them), in pieces to write out one after the other.
    public func jsonPieces(_ outcome: MergeOutcome) throws -> JSONPieces {
        try outcome.record.jsonPieces(zone: workflow().zone(), parts: outcome.encodedParts)
    }

    /// Builds the candidate of `state` with `dispositions` and `resolutions`, and the change that
    /// commits it with `message`.
    func candidateChange(_ state: RoundState, dispositions: [Disposition], resolutions: [Resolution], message: CommitMessage) throws
        -> (WorkspaceChange, MergeRecord) {
        try candidateChange(state, dispositions: dispositions, resolutions: resolutions, message: { _ in message })
    }

    /// `candidateChange` with a message that describes the new record.
    func candidateChange(_ state: RoundState, dispositions: [Disposition], resolutions: [Resolution],
                         message: (MergeRecord) -> CommitMessage) throws -> (WorkspaceChange, MergeRecord) {
        let builder = CandidateBuilder(base: state.baseText, inputs: state.inputs, dispositions: dispositions, resolutions: resolutions)
        let candidate = builder.build()
        var record = MergeRecord(round: state.round.name, base: state.round.on, merged: now, changes: candidate.changes,
                                 collisions: candidate.collisions, edits: candidate.edits, orphaned: candidate.orphaned,
                                 resolutions: resolutions)
        record.paragraphsNow = candidate.merge.anchorMap.mapValues { $0 ?? "" }
        record.superseded = candidate.superseded.isEmpty ? nil : candidate.superseded
        record.copyTexts = candidate.copyTexts.isEmpty ? nil : candidate.copyTexts
        record.flagged = candidate.flagged.isEmpty ? nil : candidate.flagged
        record.rounds = state.pooled.count > 1 ? state.pooled : nil
        let round = state.round.name
        let zone = try state.workflow.zone()
        var writes: [String: Data] = [
            state.workflow.document: Data(candidate.text.utf8),
            RecordPaths.merge(round: round): RecordJSON.mergeRecord(record.withoutParts, zone: zone),
            RecordPaths.mergeChanges(round: round): RecordJSON.array(record.changes),
            RecordPaths.mergeEdits(round: round): RecordJSON.array(record.edits),
            RecordPaths.mergeSummary(round: round): RecordJSON.mergeSummary(MergeSummary(record, dispositions: dispositions), zone: zone),
        ]
        // Written when there are any, and when the last one was taken back (`dispose ID undecided`).
        if !dispositions.isEmpty || !state.dispositions.isEmpty {
            writes[RecordPaths.dispositions(round: round)] = RecordJSON.dispositions(dispositions, zone: zone)
        }
        return (try secretariatChange(state.workflow, writes: writes, message: message(record)), record)
    }

    /// The outcome of a commit that rebuilt the candidate of `state` into `record`.
    func outcome(_ state: RoundState, _ record: MergeRecord) -> MergeOutcome {
        MergeOutcome(round: state.round.name, base: state.round.on, record: record, commitID: nil)
    }
}
