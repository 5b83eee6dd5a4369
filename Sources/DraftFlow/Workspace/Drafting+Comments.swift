import Foundation

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

    /// Records one member's submission in the open round (or in `roundName`).
    ///
    /// - Parameters:
    ///   - received: when the submission arrived; `now` when nil.
    ///   - late: record it even though it arrived after the close, marked late.
    public func comment(member rawCode: String, file: IncomingFile, proposal: IncomingFile?, received: Date?,
                        late: Bool, roundName: String?) throws -> Submission {
        let code = try SafeName.memberCode(rawCode)
        let receivedAt = received ?? now
        if receivedAt > now.addingTimeInterval(60) {
            throw DraftFlowError(.invalidInput, "the received instant is in the future", fix: "give the instant the submission arrived, e.g. --received 2020-02-28T16:12:00+01:00")
        }
        // Parse before touching storage: a malformed file writes nothing.
        let parsed = try CommentParser.parse(data: file.data, fileName: file.name)
        if let proposal {
            try TextInput.validate(proposal.data, what: "the proposal \(proposal.name)")
        }
        let fileExtension = SafeName.fileExtension(ofFileName: file.name)
        let requestedRound = try roundName.map { try SafeName.label($0) }
        var recorded: Submission?
        try store.commit { snapshot in
            let workflow = try Self.workflow(in: snapshot)
            let zone = try workflow.zone()
            guard let member = workflow.member(code) else {
                let known = workflow.members.map(\.code)
                throw DraftFlowError(.invalidInput, "\(code) is not a registered member",
                                     fix: known.isEmpty ? "register it with `draftflow member add \(code) --name NAME`"
                                         : "register it with `draftflow member add \(code) --name NAME`, or use one of: \(known.joined(separator: ", "))")
            }
            let round = try self.round(for: requestedRound, receivedAt: receivedAt, late: late, workflow: workflow)
            guard receivedAt >= round.opened else {
                throw DraftFlowError(.refused, "the submission was received \(Deadline.human(receivedAt, in: zone)), before round \(round.name) opened (\(Deadline.human(round.opened, in: zone)))",
                                     fix: "check --received")
            }
            let isLate = !round.accepts(receivedAt: receivedAt)
            if isLate && !late {
                throw DraftFlowError(.refused, "round \(round.name) closed \(Deadline.human(round.effectiveClose, in: zone)) (\(Deadline.human(round.effectiveClose, in: .gmt))); this submission was received \(Deadline.human(receivedAt, in: zone)), which is late",
                                     fix: "to record it all the same, marked late, add --late")
            }
            let existing = Self.submissionsOf(member: code, round: round.name, in: snapshot)
            let earlier = try existing.map { path -> Submission in
                guard let data = try snapshot.file(path) else { throw DraftFlowError(.storage, "cannot read \(path)") }
                return try RecordCoding.decoder().decode(Submission.self, from: data)
            }
            let number = (earlier.map(\.number).max() ?? 0) + 1
            var nextComment = (earlier.flatMap(\.comments).compactMap { Int($0.id.split(separator: "-").last ?? "") }.max() ?? 0) + 1
            var comments: [Comment] = []
            for item in parsed {
                comments.append(Comment(id: "\(code)-\(nextComment)", member: code, parsed: item))
                nextComment += 1
            }
            let folder = Submission.folder(round: round.name, member: code)
            let storedFile = "\(folder)/submission-\(number).\(fileExtension)"
            let storedProposal = proposal.map { _ in "\(folder)/submission-\(number).proposal.md" }
            let submission = Submission(member: code, round: round.name, number: number, received: receivedAt, late: isLate,
                                        originalName: file.name, file: storedFile, proposal: storedProposal,
                                        fileBlob: GitBlobHash.hex(file.data), proposalBlob: proposal.map { GitBlobHash.hex($0.data) },
                                        comments: comments)
            recorded = submission
            var writes: [String: Data] = [storedFile: file.data]
            if let proposal, let storedProposal { writes[storedProposal] = proposal.data }
            writes[Submission.recordPath(round: round.name, member: code, number: number)] = try RecordCoding.encoder(timeZone: zone).encode(submission)
            let author = Person(name: member.name, email: member.email ?? "\(code.lowercased())@members.invalid", time: receivedAt, timeZone: zone)
            let committer = try secretariat(workflow)
            return WorkspaceChange(writes: writes, author: author, committer: committer,
                                   message: Self.commentMessage(submission, member: member, round: round, zone: zone, supersedes: number > 1))
        }
        return recorded!
    }

    func round(for requested: String?, receivedAt: Date, late: Bool, workflow: Workflow) throws -> Round {
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
        message += "Received \(Deadline.human(submission.received, in: zone)) in round \(round.name)"
        message += submission.late ? ", after the close (\(Deadline.human(round.effectiveClose, in: zone))); recorded as late.\n" : ".\n"
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
        message += "\(Trailer.received): \(Deadline.iso(submission.received, in: zone))\n"
        if submission.late { message += "\(Trailer.late): yes\n" }
        return message
    }
}
