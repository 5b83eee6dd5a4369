import ContentHash
import Foundation

/// Everything about one round's merge, read from one snapshot. The export target reads it too.
package struct RoundState {
    /// Which round a command works on when none is named.
    package enum Selection {
        /// The last comment round, merged or not.
        case lastCommentRound
        /// The last merged round; the round must have been merged.
        case lastMerged
    }

    /// How much of the round to read.
    package enum Detail {
        /// The workflow, the round, the merge record without its changes and edits, and the
        /// dispositions; no submission is read (`submissions`, `inputs`, `byRound`, `omitted` are
        /// empty): what a decision taken on the record alone needs (`resolve` applied in place).
        case merge
        /// The workflow, the round, its submissions' comments, the merge record without its
        /// changes and edits, and the dispositions: enough to refuse or to answer from records.
        case records
        /// Also the base text, every edited copy aligned with it, and the record's changes and
        /// edits: what a new merge needs.
        case texts
    }

    /// Which rounds' submissions a command takes.
    package enum Pool {
        /// The rounds the merge record names (a merge of several rounds on one version), else the round alone.
        case recorded
        /// Every comment round on the round's version that received submissions: what a new merge takes.
        case everyRoundOnVersion
        /// The round alone (`merge --round NAME`).
        case alone
    }

    package var workflow: Workflow
    package var round: Round
    /// The rounds whose submissions `inputs` holds, in the workflow's order; `round` is among them.
    package var pooled: [String] = []
    /// Each pooled round's current submission of each member.
    package var byRound: [String: [String: Submission]] = [:]
    /// Whether each comment's submission was recorded late, by comment id.
    package var lateComments: [String: Bool] = [:]
    package var baseText: String
    package var submissions: [String: Submission]
    package var inputs: [CandidateBuilder.Input]
    package var record: MergeRecord?
    package var dispositions: [Disposition]
    /// Each member's latest edited copy over the pooled rounds, by path: what `withTexts` aligns.
    var proposals: [String: String] = [:]
    /// Comments of earlier submissions that the member's current submission no longer has.
    package var omitted: [Comment] = []
    /// The merge record that did not read and was left out (`rebuildingDamagedRecord`), by path.
    package var damagedRecord: String?

    /// The merge record of a round that must have been merged.
    func merged() throws -> MergeRecord {
        guard let record else { throw Self.noMergeYet(round) }
        return record
    }

    /// Reads round `requested` (or the one `selection` picks) from `snapshot`.
    ///
    /// `rebuildingDamagedRecord`: for a new merge, which rebuilds the merge record: a record
    /// that does not read is left out (and named in `damagedRecord`) instead of stopping it.
    package static func read(_ requested: String?, selection: Selection, detail: Detail, in snapshot: any WorkspaceSnapshot,
                     store: any WorkspaceStore, rebuildingDamagedRecord: Bool = false, pool: Pool = .recorded) throws -> RoundState {
        let workflow = try RecordReader.workflow(in: snapshot)
        let round = try pick(requested, selection: selection, workflow: workflow, snapshot: snapshot)
        var record: MergeRecord?
        var damagedRecord: String?
        do {
            damagedRecord = RecordPaths.merge(round: round.name)
            record = try RecordCoding.record(MergeRecord.self, at: RecordPaths.merge(round: round.name), in: snapshot)
            damagedRecord = nil
        } catch let error as DraftFlowError where error.kind == .workspace {
            guard rebuildingDamagedRecord else { throw damaged(error, round: round) }
            record = nil
        }
        if selection == .lastMerged && record == nil { throw noMergeYet(round) }
        // The secretariat's decisions: not derived, so restored from history, not rebuilt.
        var dispositions = try RecordCoding.record([Disposition].self, at: RecordPaths.dispositions(round: round.name), in: snapshot) ?? []
        let rounds = try poolRounds(pool, round: round, record: record, workflow: workflow, snapshot: snapshot)
        // Each member's comments over the rounds, by id: a later round's comment with an id of an
        // earlier one (the same comment sent again) replaces it; the edited copy is the latest.
        var submissions: [String: Submission] = [:]
        var byRound: [String: [String: Submission]] = [:]
        var comments: [String: [Comment]] = [:]
        var proposals: [String: String] = [:]
        var lateComments: [String: Bool] = [:]
        var omittedComments: [Comment] = []
        for pooled in rounds where detail != .merge {
            let all = try RecordReader.submissions(round: pooled.name, in: snapshot)
            let current = RecordReader.current(all)
            byRound[pooled.name] = current
            omittedComments += omitted(all, current: current)
            for (member, submission) in current {
                submissions[member] = submission
                if let proposal = submission.proposal { proposals[member] = proposal }
                var list = comments[member] ?? []
                for comment in submission.comments {
                    if let index = list.firstIndex(where: { $0.id == comment.id }) { list[index] = comment } else { list.append(comment) }
                    lateComments[comment.id] = submission.late
                }
                comments[member] = list
            }
        }
        if rounds.count > 1 && pool == .everyRoundOnVersion {
            // A new merge of several rounds keeps the decisions already taken on their comments.
            let ids = Set(comments.values.joined().map(\.id))
            let own = Set(dispositions.map(\.comment))
            for other in rounds where other.name != round.name {
                let theirs = try RecordCoding.record([Disposition].self, at: RecordPaths.dispositions(round: other.name), in: snapshot) ?? []
                dispositions += theirs.filter { ids.contains($0.comment) && !own.contains($0.comment) }
            }
        }
        var inputs: [CandidateBuilder.Input] = []
        for member in comments.keys.sorted() {
            inputs.append(.init(member: member, aligned: nil, comments: comments[member] ?? []))
        }
        var state = RoundState(workflow: workflow, round: round, baseText: "", submissions: submissions, inputs: inputs,
                               record: record, dispositions: dispositions, damagedRecord: damagedRecord)
        state.pooled = rounds.map(\.name)
        state.byRound = byRound
        state.lateComments = lateComments
        state.proposals = proposals
        let kept = Set(comments.values.joined().map(\.id))
        state.omitted = omittedComments.filter { !kept.contains($0.id) }
        return detail == .texts ? try state.withTexts(in: snapshot, store: store, rebuildingDamagedRecord: rebuildingDamagedRecord) : state
    }

    /// This state, read with `.records`, completed to what `.texts` reads (the record's changes
    /// and edits, the base text, every edited copy aligned with it) from the same snapshot: a
    /// command that checks the records before reading the copies reads the round once.
    package func withTexts(in snapshot: any WorkspaceSnapshot, store: any WorkspaceStore, rebuildingDamagedRecord: Bool = false) throws -> RoundState {
        var state = self
        if state.record != nil {
            do {
                state.damagedRecord = RecordPaths.mergeChanges(round: round.name)
                state.record?.changes = try RecordCoding.record([RecordedChange].self, at: RecordPaths.mergeChanges(round: round.name), in: snapshot) ?? []
                state.damagedRecord = RecordPaths.mergeEdits(round: round.name)
                state.record = try Self.withEdits(state.record, from: snapshot.file(RecordPaths.mergeEdits(round: round.name)),
                                                  path: RecordPaths.mergeEdits(round: round.name), in: snapshot)
                state.damagedRecord = nil
            } catch let error as DraftFlowError where error.kind == .workspace {
                guard rebuildingDamagedRecord else { throw Self.damaged(error, round: round) }
                state.record = nil
            }
        }
        guard let baseData = try store.file(workflow.document, atVersion: round.on) else {
            throw DraftFlowError(.workspace, "version \(round.on) has no \(workflow.document)", fix: "check `git show \(round.on) --stat`")
        }
        state.baseText = try TextInput.validate(baseData, what: "\(workflow.document) at \(round.on)")
        try Self.alignProposals(&state.inputs, proposals: proposals, base: (baseData, state.baseText), snapshot: snapshot, store: store)
        return state
    }

    /// A merge record that does not read. The merge records are derived from the round's
    /// submissions: a new merge rebuilds them.
    private static func damaged(_ error: DraftFlowError, round: Round) -> DraftFlowError {
        DraftFlowError(.workspace, error.message,
                       fix: "it is derived from the round's submissions: rebuild it with `draftflow merge --round \(round.name)` "
                          + "(the resolutions it held are lost with it: check `draftflow collisions --all` afterwards)")
    }

    /// The rounds whose submissions a command on `round` takes.
    private static func poolRounds(_ pool: Pool, round: Round, record: MergeRecord?, workflow: Workflow, snapshot: any WorkspaceSnapshot) throws -> [Round] {
        switch pool {
        case .alone:
            return [round]
        case .recorded:
            guard let names = record?.rounds else { return [round] }
            let found = names.compactMap { workflow.round(named: $0) }
            return found.contains(where: { $0.name == round.name }) ? found : found + [round]
        case .everyRoundOnVersion:
            return try workflow.rounds.filter { candidate in
                guard candidate.on == round.on && candidate.kind == .comments else { return false }
                return try candidate.name == round.name || !RecordReader.submissions(round: candidate.name, in: snapshot).isEmpty
            }
        }
    }

    /// Refuses to decide on a comment that the member's later submission left out: it counts as
    /// withdrawn already, and is not in the candidate.
    func refuseIfWithdrawnByResubmission(_ id: String) throws {
        guard let comment = omitted.first(where: { $0.id == id }) else { return }
        let current = submissions[comment.member]
        throw DraftFlowError(.refused, "\(id) counts as withdrawn: \(comment.member)'s later submission"
                                 + (current.map { " (\($0.number) in round \($0.round))" } ?? "") + " no longer has it, so it needs no disposition",
                             fix: "its row in `draftflow dispositions` says Withdrawn; to bring it back, record the member's submission with the comment again")
    }

    /// Whether `comment` came in a submission recorded late (an edit found in an edited copy: the
    /// member's current submission).
    package func isLate(_ comment: Comment) -> Bool {
        lateComments[comment.id] ?? submissions[comment.member]?.late ?? false
    }

    /// The comments of members' earlier submissions that their current one no longer has (by id,
    /// which a resubmission keeps for a comment that comes again): they count as withdrawn.
    private static func omitted(_ all: [Submission], current: [String: Submission]) -> [Comment] {
        var omitted: [String: Comment] = [:]
        for submission in all.sorted(by: { $0.number < $1.number }) {
            guard let now = current[submission.member], now.number != submission.number else { continue }
            let kept = Set(now.comments.map(\.id))
            for comment in submission.comments where !kept.contains(comment.id) { omitted[comment.id] = comment }
        }
        return CommentOrder.sorted(Array(omitted.keys)).compactMap { omitted[$0] }
    }

    /// The refusal of a command that needs a merge before the round's first one.
    static func noMergeYet(_ round: Round) -> DraftFlowError {
        DraftFlowError(.refused, "no merge yet: round \(round.name) has not been merged, so there are no collisions, candidate or decisions to work on",
                       fix: "run `draftflow merge --round \(round.name)` once the round has closed")
    }

    private static func pick(_ requested: String?, selection: Selection, workflow: Workflow, snapshot: any WorkspaceSnapshot) throws -> Round {
        if let requested {
            let name = try SafeName.label(requested)
            guard let found = workflow.round(named: name) else {
                throw DraftFlowError(.invalidInput, "there is no round \(name)",
                                     fix: "use one of: \(workflow.rounds.map(\.name).joined(separator: ", "))")
            }
            return found
        }
        if selection == .lastMerged, let (merged, _) = try RecordReader.lastMerge(workflow, in: snapshot) {
            return merged
        }
        if let last = workflow.rounds.last(where: { $0.kind == .comments }) {
            return last
        }
        throw DraftFlowError(.refused, "no comment round has been opened", fix: "open one with `draftflow round open --on LABEL --closes DATE`")
    }

    /// `record` with its edits decoded from `data`, the bytes of its edits file (none without it).
    package static func withEdits(_ record: MergeRecord?, from data: Data?) throws -> MergeRecord? {
        var record = record
        record?.edits = try data.map { try RecordArrayReader.comments($0) ?? RecordCoding.decoder().decode([Comment].self, from: $0) } ?? []
        return record
    }

    /// `withEdits`, decoding the edits strictly as the record at `path` of `snapshot`.
    package static func withEdits(_ record: MergeRecord?, from data: Data?, path: String, in snapshot: any WorkspaceSnapshot) throws -> MergeRecord? {
        var record = record
        record?.edits = try data.map { try RecordCoding.decode([Comment].self, from: $0, path: path, in: snapshot) } ?? []
        return record
    }

    /// Reads the edited copies a few at a time and aligns them with the base on every core, keeping
    /// only what each changed: memory holds a handful of whole copies, not all 193. A copy whose
    /// alignment intake kept (`CopyChangeStore`) is not read: it is what aligning it gives.
    private static func alignProposals(_ inputs: inout [CandidateBuilder.Input], proposals: [String: String], base known: (data: Data, text: String),
                                       snapshot: any WorkspaceSnapshot, store: any WorkspaceStore) throws {
        let base = CandidateBuilder.BaseBlocks(known.text)
        var withProposals = inputs.indices.filter { proposals[inputs[$0].member] != nil }
        if let keeper = store as? any CopyChangeStore, let blobs = snapshot as? any SnapshotBlobIDs {
            withProposals = try keptAlignments(&inputs, withProposals, proposals: proposals, base: base,
                                               known: keeper.copyChanges(against: GitBlobHash.hex(known.data)), blobs: blobs)
        }
        let chunk = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        var start = 0
        while start < withProposals.count {
            let indexes = Array(withProposals[start..<min(start + chunk, withProposals.count)])
            var copies: [(data: Data, what: String)] = []
            let members = indexes.map { inputs[$0].member }
            let read = try snapshot.files(members.map { proposals[$0] ?? "" })
            for (member, data) in zip(members, read) {
                guard let data else {
                    throw DraftFlowError(.workspace, "the edited copy of \(member) is missing", fix: "check the round's folder with `git log --stat`")
                }
                copies.append((data, "the proposal of \(member)"))
            }
            let prepared = try CandidateBuilder.prepareConcurrently(copies, base: base)
            for (offset, index) in indexes.enumerated() { inputs[index].aligned = prepared[offset] }
            start += chunk
        }
    }

    /// Sets the alignment of each of `indexes` whose copy has one in `known` that fits the base;
    /// the indexes left, whose copies are to be read.
    private static func keptAlignments(_ inputs: inout [CandidateBuilder.Input], _ indexes: [Int], proposals: [String: String],
                                       base: CandidateBuilder.BaseBlocks, known: [String: CandidateBuilder.Aligned],
                                       blobs: any SnapshotBlobIDs) throws -> [Int] {
        guard !known.isEmpty, !indexes.isEmpty else { return indexes }
        let ids = try blobs.blobIDs(indexes.map { proposals[inputs[$0].member] ?? "" })
        var left: [Int] = []
        for (index, id) in zip(indexes, ids) {
            if let id, let aligned = known[id], CopyChanges.fits(aligned, baseCount: base.texts.count) {
                inputs[index].aligned = aligned
            } else {
                left.append(index)
            }
        }
        return left
    }
}
