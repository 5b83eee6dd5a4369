import Foundation

/// A file a member sent: its name as sent (data only, never a path) and its bytes.
public struct IncomingFile: Sendable {
    public var name: String
    /// The bytes as the member sent them: what is stored.
    public var data: Data
    /// What a reader of Word, spreadsheets or e-mail made of `data` (`DraftFlowOffice`); nil for
    /// the plain-text formats, which the comment parser reads itself.
    public var read: ReadSubmission?

    public init(name: String, data: Data, read: ReadSubmission? = nil) {
        self.name = name
        self.data = data
        self.read = read
    }
}

/// Recording what members send: each submission is a commit authored by its member, dated when
/// it was received, with the original file kept byte for byte.
public struct Submissions {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// One submission of a batch (see `recordBatch`).
    public struct BatchItem: Sendable {
        public var member: String
        public var file: IncomingFile
        public var proposal: IncomingFile?
        public var received: Date?
        /// When the member sent it by its own clock, kept as `Submission.sent` (`collect`).
        public var sent: Date?

        public init(member: String, file: IncomingFile, proposal: IncomingFile?, received: Date?, sent: Date? = nil) {
            self.member = member
            self.file = file
            self.proposal = proposal
            self.received = received
            self.sent = sent
        }
    }

    /// Records one member's submission in the open round (or in `roundName`).
    ///
    /// - Parameters:
    ///   - received: when the submission arrived; `now` when nil.
    ///   - late: record it even though it arrived after the close, marked late.
    public func record(member rawCode: String, file: IncomingFile, proposal: IncomingFile?, received: Date?,
                       late: Bool, roundName: String?) throws -> Submission {
        try submit(member: rawCode, file: file, proposal: proposal, received: received, late: late, roundName: roundName).submission
    }

    /// What `submit` did: the submission recorded, or the one found recorded already.
    public struct Outcome: Sendable {
        public var submission: Submission
        /// True when the member's last submission in the round holds the same comment file and
        /// edited copy byte for byte: nothing was written (a command run again after it landed).
        public var alreadyRecorded: Bool
        /// The commit that recorded it; nil when nothing was recorded.
        public var commitID: String?
    }

    /// `record`, except that a submission identical to the member's last one in the round (the
    /// same comment file and edited copy, byte for byte) is not recorded again: run twice, as
    /// after a command killed once it had committed, it records one submission.
    ///
    /// `noObjection`: the secretariat records the reply as a confirmation of no objection (silence
    /// rounds only); a reply whose whole text is a no-objection statement is one without it.
    public func submit(member rawCode: String, file: IncomingFile, proposal: IncomingFile?, received: Date?,
                       late: Bool, roundName: String?, noObjection: Bool = false, sent: Date? = nil) throws -> Outcome {
        var prepared = try PreparedSubmission(member: rawCode, file: file, proposal: proposal, received: received, late: late, now: context.now)
        prepared.markedNoObjection = noObjection
        prepared.sent = sent
        let recording = SubmissionRecording(context: context, requestedRound: try roundName.map { try SafeName.label($0) })
        let committed = try context.store.commit { snapshot in
            let workflow = try RecordReader.workflow(in: snapshot)
            let earlier = try recording.earlierSubmissions(of: prepared, workflow: workflow, snapshot: snapshot)
            if let same = Self.sameAsLast(prepared, earlier) {
                return Staged(nil, Outcome(submission: same, alreadyRecorded: true))
            }
            let elsewhere = try recording.commentsInOtherRounds(of: prepared, workflow: workflow, snapshot: snapshot)
            var (change, submission) = try recording.change(prepared, workflow: workflow, earlier: earlier, elsewhere: elsewhere)
            var index = try RecordReader.roundIndex(submission.round, in: snapshot)
            index.record(submission)
            change.writes[RecordPaths.index(round: submission.round)] = try RecordCoding.encoder(timeZone: try workflow.zone()).encode(index)
            return Staged(change, Outcome(submission: submission, alreadyRecorded: false))
        }
        var outcome = committed.value
        outcome.commitID = outcome.alreadyRecorded ? nil : committed.commitID
        return outcome
    }

    /// The member's last submission in the round when `prepared` repeats it byte for byte. Only the
    /// last counts: sending back an earlier version after a later one is a new submission.
    static func sameAsLast(_ prepared: PreparedSubmission, _ earlier: [Submission]) -> Submission? {
        guard let last = earlier.max(by: { $0.number < $1.number }),
              last.fileBlob == prepared.fileBlob, last.proposalBlob == prepared.proposalBlob else { return nil }
        return last
    }

    /// What an intake did: the submissions it recorded, and those it found recorded already.
    public struct BatchResult: Sendable {
        public var recorded: [Submission]
        /// Submissions of the batch the round holds already, byte for byte (the same comment file
        /// and edited copy from the same member): each the record found, not recorded again.
        public var alreadyRecorded: [Submission]
        /// The commit that recorded each of `recorded`, in the same order.
        public var commitIDs: [String] = []
        /// The SHA-256 of each file of the batch (comment files and edited copies), by its git blob
        /// id, computed with the checks on every core: what `Receipt` takes instead of hashing the
        /// files again.
        public var sha256: [String: String] = [:]
    }

    /// Records many submissions at once: each is its own commit, authored by its member, but all
    /// their objects are written as one pack with one sync, and the branch moves once.
    /// Any invalid submission stops the whole batch before anything is written.
    public func recordBatch(_ items: [BatchItem], late: Bool, roundName: String?) throws -> [Submission] {
        try intake(items, late: late, roundName: roundName).recorded
    }

    /// Records the submissions of several members at once, each answered on its own: what
    /// `submit` answers for it, or the error that refuses it. They go through `intake` (one commit
    /// authored by each member, one pack, one sync); when the batch is refused as a whole, each is
    /// recorded by itself, so one member's refused submission never fails the others'.
    /// A member may appear once in `items` (a second submission builds on the first: send it next).
    public func submitEach(_ items: [BatchItem], roundName: String?) -> [Result<Outcome, any Error>] {
        if items.count > 1, Set(items.map(\.member)).count == items.count,
           let batch = try? intake(items, late: false, roundName: roundName) {
            var outcomes: [String: Outcome] = [:]
            for (submission, commit) in zip(batch.recorded, batch.commitIDs) {
                outcomes[submission.member] = Outcome(submission: submission, alreadyRecorded: false, commitID: commit)
            }
            for submission in batch.alreadyRecorded {
                outcomes[submission.member] = Outcome(submission: submission, alreadyRecorded: true, commitID: nil)
            }
            if items.allSatisfy({ outcomes[$0.member] != nil }) {
                return items.map { .success(outcomes[$0.member]!) }
            }
        }
        return items.map { item in
            Result { try submit(member: item.member, file: item.file, proposal: item.proposal, received: item.received, late: false, roundName: roundName, sent: item.sent) }
        }
    }

    /// `recordBatch`, skipping what is recorded already: a member's submission whose comment file
    /// and edited copy are byte for byte those of its last submission in the round. Run again
    /// after an interrupted intake, it records only what is missing.
    public func intake(_ items: [BatchItem], late: Bool, roundName: String?) throws -> BatchResult {
        // Edited copies are checked against the current draft: only what they change is decoded.
        let snapshot = try context.store.snapshot()
        let draft = try RecordReader.workflow(in: snapshot).document
        let draftData = items.contains { $0.proposal != nil } ? try snapshot.file(draft) : nil
        let reference = draftData.flatMap(TextInput.Reference.init)
        // Where the store keeps what each copy changes, the copies are aligned with the draft now,
        // as the merge would align them (the same check of their text).
        let keeper = context.store as? any CopyChangeStore
        let base = keeper != nil && reference != nil ? draftData.flatMap(CopyBase.init) : nil
        let prepared = try PreparedSubmission.concurrently(items, late: late, now: context.now, draft: reference, base: base?.blocks)
        let recording = SubmissionRecording(context: context, requestedRound: try roundName.map { try SafeName.label($0) })
        let committed = try context.store.commitSeries { snapshot in
            var recorded: [Submission] = []
            var skipped: [Submission] = []
            let workflow = try RecordReader.workflow(in: snapshot)
            var changes: [WorkspaceChange] = []
            var inBatch: [String: [Submission]] = [:]
            var indexes: [String: RoundIndex] = [:]
            var indexJSON: [String: RoundIndexJSON] = [:]
            let encoder = RecordCoding.encoder(timeZone: try workflow.zone())
            for item in prepared {
                var earlier = try recording.earlierSubmissions(of: item, workflow: workflow, snapshot: snapshot)
                earlier += inBatch[item.code] ?? []
                if let same = Self.sameAsLast(item, earlier) {
                    skipped.append(same)
                    continue
                }
                let elsewhere = try recording.commentsInOtherRounds(of: item, workflow: workflow, snapshot: snapshot)
                var (change, submission) = try recording.change(item, workflow: workflow, earlier: earlier, elsewhere: elsewhere)
                // Each commit of the series carries the index as of that commit.
                var index = try indexes[submission.round] ?? RecordReader.roundIndex(submission.round, in: snapshot)
                var json = try indexJSON[submission.round] ?? RoundIndexJSON(index, encoder: encoder)
                index.record(submission)
                if let entry = index.members[submission.member] { try json.set(submission.member, entry) }
                indexes[submission.round] = index
                indexJSON[submission.round] = json
                change.writes[RecordPaths.index(round: submission.round)] = try json.json()
                inBatch[item.code, default: []].append(submission)
                recorded.append(submission)
                changes.append(change)
            }
            return StagedSeries(changes, BatchResult(recorded: recorded, alreadyRecorded: skipped))
        }
        var result = committed.value
        result.commitIDs = committed.commitIDs
        for item in prepared {
            if let hash = item.fileSHA256 { result.sha256[item.fileBlob] = hash }
            if let blob = item.proposalBlob, let hash = item.proposalSHA256 { result.sha256[blob] = hash }
        }
        if let keeper, let base { base.keep(prepared, recorded: result.recorded, in: keeper) }
        return result
    }
}
