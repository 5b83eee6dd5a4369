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
        /// The workflow, the round, its submissions' comments, the merge record without its
        /// changes and edits, and the dispositions: enough to refuse or to answer from records.
        case records
        /// Also the base text, every edited copy aligned with it, and the record's changes and
        /// edits: what a new merge needs.
        case texts
    }

    package var workflow: Workflow
    package var round: Round
    package var baseText: String
    package var submissions: [String: Submission]
    package var inputs: [CandidateBuilder.Input]
    package var record: MergeRecord?
    package var dispositions: [Disposition]
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
                     store: any WorkspaceStore, rebuildingDamagedRecord: Bool = false) throws -> RoundState {
        let workflow = try RecordReader.workflow(in: snapshot)
        let round = try pick(requested, selection: selection, workflow: workflow, snapshot: snapshot)
        var record: MergeRecord?
        var damagedRecord: String?
        do {
            damagedRecord = RecordPaths.merge(round: round.name)
            record = try RecordCoding.record(MergeRecord.self, at: RecordPaths.merge(round: round.name), in: snapshot)
            if detail == .texts {
                damagedRecord = RecordPaths.mergeChanges(round: round.name)
                record?.changes = try RecordCoding.record([RecordedChange].self, at: RecordPaths.mergeChanges(round: round.name), in: snapshot) ?? []
                damagedRecord = RecordPaths.mergeEdits(round: round.name)
                record = try withEdits(record, from: snapshot.file(RecordPaths.mergeEdits(round: round.name)), path: RecordPaths.mergeEdits(round: round.name), in: snapshot)
            }
            damagedRecord = nil
        } catch let error as DraftFlowError where error.kind == .workspace {
            // The merge records are derived from the round's submissions: a new merge rebuilds them.
            guard rebuildingDamagedRecord else {
                throw DraftFlowError(.workspace, error.message,
                                     fix: "it is derived from the round's submissions: rebuild it with `draftflow merge --round \(round.name)` "
                                        + "(the resolutions it held are lost with it: check `draftflow collisions --all` afterwards)")
            }
            record = nil
        }
        if selection == .lastMerged && record == nil { throw noMergeYet(round) }
        // The secretariat's decisions: not derived, so restored from history, not rebuilt.
        let dispositions = try RecordCoding.record([Disposition].self, at: RecordPaths.dispositions(round: round.name), in: snapshot) ?? []
        var baseText = ""
        if detail == .texts {
            guard let baseData = try store.file(workflow.document, atVersion: round.on) else {
                throw DraftFlowError(.workspace, "version \(round.on) has no \(workflow.document)", fix: "check `git show \(round.on) --stat`")
            }
            baseText = try TextInput.validate(baseData, what: "\(workflow.document) at \(round.on)")
        }
        let all = try RecordReader.submissions(round: round.name, in: snapshot)
        let submissions = RecordReader.current(all)
        var inputs: [CandidateBuilder.Input] = []
        for (member, submission) in submissions.sorted(by: { $0.key < $1.key }) {
            inputs.append(.init(member: member, aligned: nil, comments: submission.comments))
        }
        if detail == .texts {
            try alignProposals(&inputs, submissions: submissions, baseText: baseText, snapshot: snapshot)
        }
        var state = RoundState(workflow: workflow, round: round, baseText: baseText, submissions: submissions, inputs: inputs,
                               record: record, dispositions: dispositions, damagedRecord: damagedRecord)
        state.omitted = omitted(all, current: submissions)
        return state
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
        if selection == .lastMerged, let merged = try workflow.rounds.last(where: { try snapshot.file(RecordPaths.merge(round: $0.name)) != nil }) {
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
        record?.edits = try data.map { try RecordCoding.decoder().decode([Comment].self, from: $0) } ?? []
        return record
    }

    /// `withEdits`, decoding the edits strictly as the record at `path` of `snapshot`.
    package static func withEdits(_ record: MergeRecord?, from data: Data?, path: String, in snapshot: any WorkspaceSnapshot) throws -> MergeRecord? {
        var record = record
        record?.edits = try data.map { try RecordCoding.decode([Comment].self, from: $0, path: path, in: snapshot) } ?? []
        return record
    }

    /// Reads the edited copies a few at a time and aligns them with the base on every core, keeping
    /// only what each changed: memory holds a handful of whole copies, not all 193.
    private static func alignProposals(_ inputs: inout [CandidateBuilder.Input], submissions: [String: Submission], baseText: String,
                                       snapshot: any WorkspaceSnapshot) throws {
        let base = CandidateBuilder.BaseBlocks(baseText)
        let withProposals = inputs.indices.filter { submissions[inputs[$0].member]?.proposal != nil }
        let chunk = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        var start = 0
        while start < withProposals.count {
            let indexes = Array(withProposals[start..<min(start + chunk, withProposals.count)])
            var copies: [(data: Data, what: String)] = []
            let members = indexes.map { inputs[$0].member }
            let read = try snapshot.files(members.map { submissions[$0]?.proposal ?? "" })
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
}
