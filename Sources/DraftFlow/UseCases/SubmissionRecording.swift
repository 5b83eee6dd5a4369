import Foundation

/// The commit that records one prepared submission: which round it belongs to, whether it is
/// late, its number, its comments' ids, its files and its message.
struct SubmissionRecording {
    let context: DraftingContext
    /// The round the secretariat named, if any; else the open one.
    let requestedRound: String?
    /// The documents of the versions rounds are on, read once for a whole batch.
    private let documents = DocumentCache()

    init(context: DraftingContext, requestedRound: String?) {
        self.context = context
        self.requestedRound = requestedRound
    }

    /// Versions' documents by label (a class: the recording is copied into commit closures).
    private final class DocumentCache {
        var byVersion: [String: DraftDocument] = [:]
    }

    /// The document of the version `round` is on.
    private func document(of round: Round, _ workflow: Workflow) throws -> DraftDocument {
        if let known = documents.byVersion[round.on] { return known }
        guard let data = try context.store.file(workflow.document, atVersion: round.on) else {
            throw DraftFlowError(.workspace, "version \(round.on) has no \(workflow.document)", fix: "check `git show \(round.on) --stat`")
        }
        let document = DraftDocument.parse(try TextInput.validate(data, what: "\(workflow.document) at \(round.on)"))
        documents.byVersion[round.on] = document
        return document
    }

    /// The paragraph id `reference` names in `document` (`after X` for a new paragraph after X), or
    /// a refusal naming the nearest paragraphs that exist.
    private func anchor(_ reference: String, in document: DraftDocument, member code: String, version: String) throws -> String {
        let id = DraftDocument.canonical(reference: reference) ?? reference
        let insertion = id.hasPrefix("after ")
        let existing = insertion ? String(id.dropFirst(6)) : id
        if document.block(anchor: existing) != nil { return id }
        // A label written in the other case (`3.3 B) 4)` for the document's `3.3 b) 4)`).
        if let block = document.blocks.first(where: { $0.anchor.lowercased() == existing.lowercased() }) {
            return (insertion ? "after " : "") + block.anchor
        }
        let nearest = document.nearestAnchors(to: reference)
        throw DraftFlowError(.invalidInput, "\(code): paragraph \(SafeName.display(reference)) is not in \(version)"
                                 + (nearest.isEmpty ? "" : "; the nearest are \(nearest.joined(separator: ", "))"),
                             fix: "correct the reference (see `draftflow outline \(version)` for every paragraph's id), or write `## general` for the whole text")
    }

    /// The member's comments in the other comment rounds on the version of the round this one goes
    /// to (a round reopened on the same version): their current submissions' comments.
    func commentsInOtherRounds(of prepared: PreparedSubmission, workflow: Workflow, snapshot: any WorkspaceSnapshot) throws -> [Comment] {
        guard workflow.member(prepared.code) != nil,
              let round = try? round(receivedAt: prepared.receivedAt, workflow: workflow), round.kind == .comments else { return [] }
        var comments: [Comment] = []
        for other in workflow.rounds where other.on == round.on && other.kind == .comments && other.name != round.name {
            let theirs = try RecordReader.submissionRecords(of: prepared.code, round: other.name, in: snapshot).map { path -> Submission in
                guard let submission = try RecordCoding.record(Submission.self, at: path, in: snapshot) else {
                    throw DraftFlowError(.storage, "cannot read \(path)", fix: "run `draftflow verify` to see what is damaged")
                }
                return submission
            }
            comments += RecordReader.current(theirs)[prepared.code]?.comments ?? []
        }
        return comments
    }

    /// The member's earlier submissions in the round this one goes to.
    func earlierSubmissions(of prepared: PreparedSubmission, workflow: Workflow, snapshot: any WorkspaceSnapshot) throws -> [Submission] {
        guard workflow.member(prepared.code) != nil,
              let round = try? round(receivedAt: prepared.receivedAt, workflow: workflow) else { return [] }
        return try RecordReader.submissionRecords(of: prepared.code, round: round.name, in: snapshot).map { path -> Submission in
            guard let submission = try RecordCoding.record(Submission.self, at: path, in: snapshot) else {
                throw DraftFlowError(.storage, "cannot read \(path)", fix: "run `draftflow verify` to see what is damaged")
            }
            return submission
        }
    }

    /// The change that records `prepared`, given the member's earlier submissions in the round.
    /// `elsewhere`: the member's comments in the other comment rounds on the same version, which
    /// one merge takes together: numbers go on from them, and a comment sent again keeps its id.
    func change(_ prepared: PreparedSubmission, workflow: Workflow, earlier: [Submission], elsewhere: [Comment] = []) throws -> (WorkspaceChange, Submission) {
        let code = prepared.code
        let zone = try workflow.zone()
        guard let member = workflow.member(code) else {
            let known = workflow.members.map(\.code)
            throw DraftFlowError(.invalidInput, "\(code) is not a registered member",
                                 fix: known.isEmpty ? "register it with `draftflow member add \(code) --name NAME`"
                                     : "register it with `draftflow member add \(code) --name NAME`, or use one of: \(known.prefix(20).joined(separator: ", "))")
        }
        try Self.checkMemberBodies(prepared, of: member, members: workflow.members)
        let receivedAt = prepared.receivedAt
        let round = try round(receivedAt: receivedAt, workflow: workflow)
        guard receivedAt >= round.opened else {
            throw DraftFlowError(.refused, "the submission of \(code) was received \(InstantFormat.human(receivedAt, in: zone)), before round \(round.name) opened (\(InstantFormat.human(round.opened, in: zone)))",
                                 fix: "check --received")
        }
        let isLate = !round.accepts(receivedAt: receivedAt)
        if isLate && !prepared.late {
            throw DraftFlowError(.refused, "round \(round.name) closed \(InstantFormat.human(round.effectiveClose, in: zone)) (\(InstantFormat.human(round.effectiveClose, in: .gmt))); this submission was received \(InstantFormat.human(receivedAt, in: zone)), which is late",
                                 fix: "to record it all the same, marked late, add --late")
        }
        let noObjection = try Self.noObjection(prepared, round: round)
        let number = (earlier.map(\.number).max() ?? 0) + 1
        // Ids are stable: a comment of the member's current submission that comes again (the same
        // anchor and text) keeps its id; a new one gets a number never used in the round.
        var nextComment = ((earlier.flatMap(\.comments) + elsewhere).compactMap { Int($0.id.split(separator: "-").last ?? "") }.max() ?? 0) + 1
        var unmatched = RecordReader.current(earlier)[code]?.comments ?? []
        let held = Set(unmatched.map(\.id))
        unmatched += elsewhere.filter { !held.contains($0.id) }
        var comments: [Comment] = []
        let document = try document(of: round, workflow)
        for var item in noObjection == nil ? prepared.parsed : [] {
            // Every paragraph the heading names must be in the version; each is stored by its id.
            func checked(_ reference: String) throws -> String { try anchor(reference, in: document, member: code, version: round.on) }
            switch item.reference {
            case .general: break
            case .paragraphs(let ids): item.reference = .paragraphs(try ids.map(checked))
            case .range(let from, let to): item.reference = .range(from: try checked(from), to: try checked(to))
            case .insertion(let after): item.reference = .insertion(after: String(try checked("after " + after).dropFirst(6)))
            }
            item.anchor = item.reference.anchor
            if let same = unmatched.firstIndex(where: { $0.anchor == item.anchor && $0.text == item.text }) {
                comments.append(Comment(id: unmatched[same].id, member: code, parsed: item))
                unmatched.remove(at: same)
            } else {
                comments.append(Comment(id: "\(code)-\(nextComment)", member: code, parsed: item))
                nextComment += 1
            }
        }
        let storedFile = RecordPaths.submissionFile(round: round.name, member: code, number: number, extension: prepared.fileExtension)
        let storedProposal = prepared.proposal.map { _ in RecordPaths.submissionProposal(round: round.name, member: code, number: number) }
        var submission = Submission(member: code, round: round.name, number: number, received: receivedAt, late: isLate,
                                    originalName: prepared.file.name, file: storedFile, proposal: storedProposal,
                                    fileBlob: prepared.fileBlob, proposalBlob: prepared.proposalBlob,
                                    comments: comments)
        submission.noObjection = noObjection
        submission.mail = prepared.file.read?.mail
        submission.sent = prepared.sent
        if let revisions = prepared.file.read?.revisions, !revisions.isEmpty { submission.revisions = revisions }
        // An older submission recorded after a newer one is kept, but the newer one stays current.
        let current = RecordReader.current(earlier)[code]
        if let current, current.supersedes(submission) {
            submission.stillCurrent = .init(number: current.number, received: current.received)
        } else if let current {
            submission.superseding = current.number
        }
        var writes: [String: Data] = [storedFile: prepared.file.data]
        if let proposal = prepared.proposal, let storedProposal { writes[storedProposal] = proposal.data }
        writes[RecordPaths.submissionRecord(round: round.name, member: code, number: number)] = try RecordCoding.encoder(timeZone: zone).encode(submission)
        let author = Person(name: member.name, email: member.email ?? "\(code.lowercased())@members.invalid", time: receivedAt, timeZone: zone)
        let committer = try context.secretariat(workflow)
        let message = Self.message(submission, member: member, round: round, zone: zone, supersedes: current.map { _ in submission.stillCurrent == nil })
        var change = WorkspaceChange(writes: writes, author: author, committer: committer, message: message.text)
        change.blobIDs[storedFile] = prepared.fileBlob
        if let storedProposal {
            change.similarTo[storedProposal] = workflow.document
            change.blobIDs[storedProposal] = prepared.proposalBlob
        }
        return (change, submission)
    }

    /// Whether `prepared` is a confirmation of no objection in `round`: marked so (refused outside a
    /// silence round), or, in a silence round, a reply whose whole text says so.
    static func noObjection(_ prepared: PreparedSubmission, round: Round) throws -> Submission.NoObjection? {
        guard round.kind == .silence else {
            if prepared.markedNoObjection {
                throw DraftFlowError(.refused, "round \(round.name) is a comment round: --no-objection is for replies to a silence procedure",
                                     fix: "record the reply without --no-objection")
            }
            return nil
        }
        if prepared.markedNoObjection { return .marked }
        return prepared.statesNoObjection ? .statement : nil
    }

    /// The round a submission received at `receivedAt` goes to.
    func round(receivedAt: Date, workflow: Workflow) throws -> Round {
        if let requestedRound {
            guard let round = workflow.round(named: requestedRound) else {
                throw DraftFlowError(.invalidInput, "there is no round \(requestedRound)", fix: "see `draftflow status` for the rounds")
            }
            return round
        }
        if let open = workflow.openRound(at: context.now) { return open }
        // A late submission belongs to the round that was open when it arrived, or the last one.
        // The caller refuses it as late unless --late is given, naming the deadline.
        if let last = workflow.rounds.last(where: { $0.opened <= receivedAt }) ?? workflow.rounds.last {
            return last
        }
        throw DraftFlowError(.refused, "no round is open", fix: "open one with `draftflow round open --on LABEL --closes DATE`")
    }

    /// `supersedes`: nil for the member's first submission in the round, else whether this one
    /// supersedes the current one.
    static func message(_ submission: Submission, member: Member, round: Round, zone: TimeZone, supersedes: Bool?) -> CommitMessage {
        let count = submission.comments.count
        var summary = submission.noObjection != nil
            ? "No objection from \(member.name) (\(member.code)) to \(round.on)"
            : "Comments of \(member.name) (\(member.code)) on \(round.on): \(count) comment\(count == 1 ? "" : "s")"
        if submission.late { summary += ", late" }
        var message = CommitMessage(summary, event: .comment)
        message.line("Received \(InstantFormat.human(submission.received, in: zone)) in round \(round.name)"
            + (submission.late ? ", after the close (\(InstantFormat.human(round.effectiveClose, in: zone))); recorded as late." : "."))
        if let noObjection = submission.noObjection {
            message.line(noObjection == .marked
                ? "Recorded by the secretariat as a confirmation of no objection: silence is not broken."
                : "The reply's whole text is a no-objection statement: recorded as a confirmation; silence is not broken.")
        }
        if supersedes == true { message.line("This submission supersedes the member's earlier one in this round.") }
        if let current = submission.stillCurrent {
            message.line("It was received before the member's submission \(current.number) (received \(InstantFormat.human(current.received, in: zone))), "
                + "which stays the one that counts; this one is kept on record.")
        }
        message.line("Original file: \(submission.originalName.filter { !$0.isNewline }) (kept as \(submission.file))")
        if let mail = submission.mail {
            message.line("By e-mail from \(TerminalText.escaped(mail.from))" + (mail.messageID.map { ", Message-ID <\(TerminalText.escaped($0))>" } ?? "") + (mail.receivedFrom == .date ? "; received as the message's Date: header says (it has no Received: header)" : "")
                + (mail.assigned == true ? "; held, and recorded as this member's by the secretariat" : ""))
        }
        if let sent = submission.sent {
            message.line("Sent \(InstantFormat.human(sent, in: zone)) by the member's own clock, through its submission branch; collected from the git host.")
        }
        if let proposal = submission.proposal { message.line("Edited copy of the draft: \(proposal)") }
        message.blankLine()
        for comment in submission.comments {
            let firstLine = comment.text.split(separator: "\n").first.map(String.init) ?? ""
            let excerpt = firstLine.count > 72 ? String(firstLine.prefix(71)) + "…" : firstLine
            message.line("- \(comment.id) [\(comment.reference), \(comment.type.rawValue)]\(comment.proposedChange == nil ? "" : " with proposed text"): \(excerpt)")
        }
        message.blankLine()
        message.trailer(.round, round.name)
        message.trailer(.member, member.code)
        message.trailer(.received, InstantFormat.iso(submission.received, in: zone))
        if submission.late { message.trailer(.late, "yes") }
        if let noObjection = submission.noObjection { message.trailer(.noObjection, noObjection.rawValue) }
        return message
    }
}
