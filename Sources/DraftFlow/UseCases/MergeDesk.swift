import Foundation

/// Merging a round's proposals into a candidate next draft, and the collisions it finds.
public struct MergeDesk {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// Combines the round's edited copies and proposed texts into a candidate next draft in `Drafts/`.
    public func merge(round requested: String?) throws -> MergeOutcome {
        try context.refuseUnpublishedEdits()
        let now = context.now
        let committed = try context.store.commit { snapshot in
            // Check what can be refused before reading every edited copy.
            // The merge rebuilds its records: a damaged merge.json does not stop it.
            // A merge takes every round on the version (a reopened round adds to the first);
            // `--round NAME` takes that round alone.
            let pool: RoundState.Pool = requested == nil ? .everyRoundOnVersion : .alone
            let light = try RoundState.read(requested, selection: .lastCommentRound, detail: .records, in: snapshot, store: context.store,
                                            rebuildingDamagedRecord: true, pool: pool)
            if light.round.isOpen(at: now) {
                throw DraftFlowError(.refused, "round \(light.round.name) is open until \(InstantFormat.human(light.round.effectiveClose, in: try light.workflow.zone())): merging now would miss what is still to come",
                                     fix: "wait for the close, or close it early with `draftflow round close`")
            }
            guard !light.inputs.isEmpty else {
                throw DraftFlowError(.refused, "round \(light.round.name) received no submission: there is nothing to merge", fix: "publish the next version as it is")
            }
            // The same reading, completed with the texts: the round's records are read once.
            let state = try light.withTexts(in: snapshot, store: context.store, rebuildingDamagedRecord: true)
            let resolutions = state.record?.resolutions ?? []
            let (change, record) = try context.candidateChange(state, dispositions: state.dispositions, resolutions: resolutions,
                                                               message: { Self.message(state, record: $0) })
            var outcome = context.outcome(state, record)
            outcome.rebuiltRecord = state.damagedRecord
            outcome.otherRounds = try state.workflow.rounds
                .filter { $0.on == state.round.on && $0.kind == .comments && !state.pooled.contains($0.name) }
                .filter { try !RecordReader.submissions(round: $0.name, in: snapshot).isEmpty }
                .map(\.name)
            if let changes = change.writes[RecordPaths.mergeChanges(round: state.round.name)],
               let edits = change.writes[RecordPaths.mergeEdits(round: state.round.name)] {
                outcome.encodedParts = (changes, edits)
            }
            return Staged(change, outcome)
        }
        var outcome = committed.value
        outcome.commitID = committed.commitID
        return outcome
    }

    private static func message(_ state: RoundState, record: MergeRecord) -> CommitMessage {
        var message = CommitMessage("Merge the proposals of \(describe(rounds: state.pooled)) into a candidate next draft", event: .merge)
        let inputs = state.inputs.map { input -> String in
            let name = state.workflow.member(input.member)?.name ?? input.member
            return input.aligned == nil ? "\(name) (comments)" : "\(name) (comments and edited copy)"
        }
        let changes = record.changes
        let open = record.openCollisions
        if state.pooled.count > 1 {
            message.line("Rounds: \(state.pooled.joined(separator: ", ")), all on \(state.round.on).")
        }
        message.line("Base: \(state.round.on). Inputs: \(inputs.joined(separator: ", ")).")
        message.paragraph("\(changes.count) change\(changes.count == 1 ? "" : "s") applied, \(open.count) collision\(open.count == 1 ? "" : "s") to resolve.")
        for applied in changes {
            message.line("- \(applied.paragraph): \(applied.kind.rawValue) by \(applied.members.joined(separator: ", "))")
        }
        for collision in open {
            message.line("- \(collision.id) at \(collision.paragraph): collision between " + collision.alternatives.map { $0.members.joined(separator: "+") }.joined(separator: " and "))
        }
        message.blankLine()
        message.trailer(.round, state.round.name)
        message.trailer(.version, state.round.on)
        return message
    }

    /// The rounds whose submissions the last merge of `round` took: the round alone unless it
    /// took several on one version.
    public func roundsTaken(by round: String) throws -> [String] {
        let snapshot = try context.store.snapshot()
        return try RecordReader.mergeSummary(round, in: snapshot)?.rounds ?? [round]
    }

    /// "round draft-1", or "rounds draft-1 and draft-1b" for a merge of several.
    public static func describe(rounds: [String]) -> String {
        guard rounds.count > 1 else { return "round \(rounds.first ?? "")" }
        return "rounds " + rounds.dropLast().joined(separator: ", ") + " and " + rounds.last!
    }

    /// The collisions of the last merged round (open ones, or all).
    public func collisions(round: String?, includeResolved: Bool = false) throws -> [RecordedCollision] {
        let state = try RoundState.read(round, selection: .lastMerged, detail: .records, in: context.store.snapshot(), store: context.store)
        let all = state.record?.collisions ?? []
        return includeResolved ? all : all.filter(\.isOpen)
    }
}
