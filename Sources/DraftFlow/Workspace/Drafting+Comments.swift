import ContentHash
import Foundation
import Parallel

extension Drafting {
    /// A file a member sent: its name as sent (data only) and its bytes.
    public struct IncomingFile: Sendable {
        public var name: String
        public var data: Data
        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// A submission checked and parsed, before anything is written.
    struct PreparedSubmission: Sendable {
        var code: String
        var parsed: [ParsedComment]
        var file: IncomingFile
        var proposal: IncomingFile?
        var receivedAt: Date
        var late: Bool
        var fileExtension: String
        /// Git's blob ids of the file and the proposal, to verify them later byte for byte.
        var fileBlob: String
        var proposalBlob: String?
    }

    /// One submission of a batch (see `commentBatch`).
    public struct BatchItem: Sendable {
        public var member: String
        public var file: IncomingFile
        public var proposal: IncomingFile?
        public var received: Date?
        public init(member: String, file: IncomingFile, proposal: IncomingFile?, received: Date?) {
            self.member = member
            self.file = file
            self.proposal = proposal
            self.received = received
        }
    }

    func prepare(member rawCode: String, file: IncomingFile, proposal: IncomingFile?, received: Date?, late: Bool) throws -> PreparedSubmission {
        try Self.prepare(member: rawCode, file: file, proposal: proposal, received: received, late: late, now: now)
    }

    static func prepare(member rawCode: String, file: IncomingFile, proposal: IncomingFile?, received: Date?, late: Bool, now: Date,
                        draft: TextInput.Reference? = nil) throws -> PreparedSubmission {
        let code = try SafeName.memberCode(rawCode)
        let receivedAt = received ?? now
        if receivedAt > now.addingTimeInterval(60) {
            throw DraftFlowError(.invalidInput, "the received instant is in the future", fix: "give the instant the submission arrived, e.g. --received 2020-02-28T16:12:00+01:00")
        }
        // Parse before touching storage: a malformed file writes nothing.
        let parsed: [ParsedComment]
        do {
            parsed = try CommentParser.parse(data: file.data, fileName: file.name)
        } catch let error as DraftFlowError where rawCode != "" {
            throw DraftFlowError(error.kind, "\(code): \(error.message)", fix: error.fix)
        }
        if let proposal {
            let what = "the proposal \(proposal.name) of \(code)"
            if let draft {
                try TextInput.validate(proposal.data, what: what, like: draft)
            } else {
                try TextInput.validate(proposal.data, what: what)
            }
        }
        return PreparedSubmission(code: code, parsed: parsed, file: file, proposal: proposal, receivedAt: receivedAt, late: late,
                                  fileExtension: SafeName.fileExtension(ofFileName: file.name),
                                  fileBlob: GitBlobHash.hex(file.data), proposalBlob: proposal.map { GitBlobHash.hex($0.data) })
    }

    /// Records one member's submission in the open round (or in `roundName`).
    ///
    /// - Parameters:
    ///   - received: when the submission arrived; `now` when nil.
    ///   - late: record it even though it arrived after the close, marked late.
    public func comment(member rawCode: String, file: IncomingFile, proposal: IncomingFile?, received: Date?,
                        late: Bool, roundName: String?) throws -> Submission {
        let prepared = try prepare(member: rawCode, file: file, proposal: proposal, received: received, late: late)
        let requestedRound = try roundName.map { try SafeName.label($0) }
        var recorded: Submission?
        try store.commit { snapshot in
            let workflow = try Self.workflow(in: snapshot)
            let earlier = try Self.earlierSubmissions(of: prepared.code, workflow: workflow, requestedRound: requestedRound,
                                                      drafting: self, prepared: prepared, snapshot: snapshot)
            var (change, submission) = try submissionChange(prepared, workflow: workflow, requestedRound: requestedRound, earlier: earlier)
            var index = try Self.roundIndex(submission.round, in: snapshot)
            index.record(submission)
            change.writes[RoundIndex.path(round: submission.round)] = try RecordCoding.encoder(timeZone: try workflow.zone()).encode(index)
            recorded = submission
            return change
        }
        return recorded!
    }

    /// Records many submissions at once: each is its own commit, authored by its member, but all
    /// their objects are written as one pack with one sync, and the branch moves once.
    /// Any invalid submission stops the whole batch before anything is written.
    public func commentBatch(_ items: [BatchItem], late: Bool, roundName: String?) throws -> [Submission] {
        // Edited copies are checked against the current draft: only what they change is decoded.
        let snapshot = try store.snapshot()
        let draft = try Self.workflow(in: snapshot).document
        let reference = items.contains { $0.proposal != nil } ? try snapshot.file(draft).flatMap(TextInput.Reference.init) : nil
        let prepared = try prepareConcurrently(items, late: late, draft: reference)
        let requestedRound = try roundName.map { try SafeName.label($0) }
        var recorded: [Submission] = []
        try store.commitSeries { snapshot in
            recorded = []
            let workflow = try Self.workflow(in: snapshot)
            var changes: [WorkspaceChange] = []
            var inBatch: [String: [Submission]] = [:]
            var indexes: [String: RoundIndex] = [:]
            var indexJSON: [String: RoundIndexJSON] = [:]
            let encoder = RecordCoding.encoder(timeZone: try workflow.zone())
            for item in prepared {
                var earlier = try Self.earlierSubmissions(of: item.code, workflow: workflow, requestedRound: requestedRound,
                                                          drafting: self, prepared: item, snapshot: snapshot)
                earlier += inBatch[item.code] ?? []
                var (change, submission) = try submissionChange(item, workflow: workflow, requestedRound: requestedRound, earlier: earlier)
                // Each commit of the series carries the index as of that commit.
                var index = try indexes[submission.round] ?? Self.roundIndex(submission.round, in: snapshot)
                var json = try indexJSON[submission.round] ?? RoundIndexJSON(index, encoder: encoder)
                index.record(submission)
                try json.set(submission.member, index.members[submission.member]!)
                indexes[submission.round] = index
                indexJSON[submission.round] = json
                change.writes[RoundIndex.path(round: submission.round)] = try json.json()
                inBatch[item.code, default: []].append(submission)
                recorded.append(submission)
                changes.append(change)
            }
            return changes
        }
        return recorded
    }

    /// Checks, parses and hashes the submissions on every core: each is independent of the others.
    func prepareConcurrently(_ items: [BatchItem], late: Bool, draft: TextInput.Reference?) throws -> [PreparedSubmission] {
        let now = self.now
        return try concurrentMap(items) { item in
            try Self.prepare(member: item.member, file: item.file, proposal: item.proposal, received: item.received, late: late, now: now,
                             draft: draft)
        }
    }

    static func earlierSubmissions(of code: String, workflow: Workflow, requestedRound: String?, drafting: Drafting,
                                   prepared: PreparedSubmission, snapshot: any WorkspaceSnapshot) throws -> [Submission] {
        guard workflow.member(code) != nil,
              let round = try? drafting.round(for: requestedRound, receivedAt: prepared.receivedAt, workflow: workflow) else { return [] }
        return try submissionsOf(member: code, round: round.name, in: snapshot).map { path -> Submission in
            guard let data = try snapshot.file(path) else { throw DraftFlowError(.storage, "cannot read \(path)") }
            return try RecordCoding.decoder().decode(Submission.self, from: data)
        }
    }

    /// The commit that records one prepared submission, given the member's earlier submissions in the round.
    func submissionChange(_ prepared: PreparedSubmission, workflow: Workflow, requestedRound: String?, earlier: [Submission]) throws
        -> (WorkspaceChange, Submission) {
        let code = prepared.code
        let zone = try workflow.zone()
        guard let member = workflow.member(code) else {
            let known = workflow.members.map(\.code)
            throw DraftFlowError(.invalidInput, "\(code) is not a registered member",
                                 fix: known.isEmpty ? "register it with `draftflow member add \(code) --name NAME`"
                                     : "register it with `draftflow member add \(code) --name NAME`, or use one of: \(known.prefix(20).joined(separator: ", "))")
        }
        let receivedAt = prepared.receivedAt
        let round = try self.round(for: requestedRound, receivedAt: receivedAt, workflow: workflow)
        guard receivedAt >= round.opened else {
            throw DraftFlowError(.refused, "the submission of \(code) was received \(InstantFormat.human(receivedAt, in: zone)), before round \(round.name) opened (\(InstantFormat.human(round.opened, in: zone)))",
                                 fix: "check --received")
        }
        let isLate = !round.accepts(receivedAt: receivedAt)
        if isLate && !prepared.late {
            throw DraftFlowError(.refused, "round \(round.name) closed \(InstantFormat.human(round.effectiveClose, in: zone)) (\(InstantFormat.human(round.effectiveClose, in: .gmt))); this submission was received \(InstantFormat.human(receivedAt, in: zone)), which is late",
                                 fix: "to record it all the same, marked late, add --late")
        }
        let number = (earlier.map(\.number).max() ?? 0) + 1
        var nextComment = (earlier.flatMap(\.comments).compactMap { Int($0.id.split(separator: "-").last ?? "") }.max() ?? 0) + 1
        var comments: [Comment] = []
        for item in prepared.parsed {
            comments.append(Comment(id: "\(code)-\(nextComment)", member: code, parsed: item))
            nextComment += 1
        }
        let folder = Submission.folder(round: round.name, member: code)
        let storedFile = "\(folder)/submission-\(number).\(prepared.fileExtension)"
        let storedProposal = prepared.proposal.map { _ in "\(folder)/submission-\(number).proposal.md" }
        let submission = Submission(member: code, round: round.name, number: number, received: receivedAt, late: isLate,
                                    originalName: prepared.file.name, file: storedFile, proposal: storedProposal,
                                    fileBlob: prepared.fileBlob, proposalBlob: prepared.proposalBlob,
                                    comments: comments)
        var writes: [String: Data] = [storedFile: prepared.file.data]
        if let proposal = prepared.proposal, let storedProposal { writes[storedProposal] = proposal.data }
        writes[Submission.recordPath(round: round.name, member: code, number: number)] = try RecordCoding.encoder(timeZone: zone).encode(submission)
        let author = Person(name: member.name, email: member.email ?? "\(code.lowercased())@members.invalid", time: receivedAt, timeZone: zone)
        let committer = try secretariat(workflow)
        var change = WorkspaceChange(writes: writes, author: author, committer: committer,
                                     message: Self.commentMessage(submission, member: member, round: round, zone: zone, supersedes: number > 1))
        change.blobIDs[storedFile] = prepared.fileBlob
        if let storedProposal {
            change.similarTo[storedProposal] = workflow.document
            change.blobIDs[storedProposal] = prepared.proposalBlob
        }
        return (change, submission)
    }

    func round(for requested: String?, receivedAt: Date, workflow: Workflow) throws -> Round {
        if let requested {
            guard let round = workflow.round(named: requested) else {
                throw DraftFlowError(.invalidInput, "there is no round \(requested)", fix: "see `draftflow status` for the rounds")
            }
            return round
        }
        if let open = workflow.openRound(at: now) { return open }
        // A late submission belongs to the round that was open when it arrived, or the last one.
        // The caller refuses it as late unless --late is given, naming the deadline.
        if let last = workflow.rounds.last(where: { $0.opened <= receivedAt }) ?? workflow.rounds.last {
            return last
        }
        throw DraftFlowError(.refused, "no round is open", fix: "open one with `draftflow round open --on LABEL --closes DATE`")
    }

    static func submissionsOf(member: String, round: String, in snapshot: any WorkspaceSnapshot) -> [String] {
        let folder = Submission.folder(round: round, member: member)
        let names = (try? snapshot.list(folder)) ?? []
        return names.filter { $0.hasPrefix("submission-") && $0.hasSuffix(".json") }.map { folder + "/" + $0 }
    }

    static func commentMessage(_ submission: Submission, member: Member, round: Round, zone: TimeZone, supersedes: Bool) -> String {
        let count = submission.comments.count
        var message = "Comments of \(member.name) (\(member.code)) on \(round.on): \(count) comment\(count == 1 ? "" : "s")"
        if submission.late { message += ", late" }
        message += "\n\n"
        message += "Received \(InstantFormat.human(submission.received, in: zone)) in round \(round.name)"
        message += submission.late ? ", after the close (\(InstantFormat.human(round.effectiveClose, in: zone))); recorded as late.\n" : ".\n"
        if supersedes { message += "This submission supersedes the member's earlier one in this round.\n" }
        message += "Original file: \(submission.originalName.filter { !$0.isNewline }) (kept as \(submission.file))\n"
        if let proposal = submission.proposal { message += "Edited copy of the draft: \(proposal)\n" }
        message += "\n"
        for comment in submission.comments {
            let firstLine = comment.text.split(separator: "\n").first.map(String.init) ?? ""
            let excerpt = firstLine.count > 72 ? String(firstLine.prefix(71)) + "…" : firstLine
            message += "- \(comment.id) [\(comment.anchor), \(comment.type.rawValue)]\(comment.proposedChange == nil ? "" : " with proposed text"): \(excerpt)\n"
        }
        message += "\n\(Trailer.event): comment\n\(Trailer.round): \(round.name)\n\(Trailer.member): \(member.code)\n"
        message += "\(Trailer.received): \(InstantFormat.iso(submission.received, in: zone))\n"
        if submission.late { message += "\(Trailer.late): yes\n" }
        return message
    }
}
