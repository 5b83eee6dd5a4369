import DraftFlow
import DraftFlowOffice
import Foundation

/// What a member does on the portal, through the same use case as `draftflow comment`: each
/// action records one submission in the latest round, received now (the server's clock).
struct MemberDesk {
    let context: DraftingContext
    let member: Member

    /// The round a member acts in: the latest one opened.
    static func round(_ workflow: Workflow) -> Round? { workflow.rounds.last }

    /// The member's current submission in `round`, at `snapshot`.
    static func current(_ code: String, round: String, in snapshot: any WorkspaceSnapshot) throws -> Submission? {
        RecordReader.current(try RecordReader.submissions(round: round, in: snapshot))[code]
    }

    /// A post built on a page older than the member's last submission (another tab, another
    /// window, or the secretariat recorded one since): nothing is recorded, and the member is shown
    /// what they sent so they can send it again on top of the last one.
    struct OutOfDate: Error {
        /// The number of the member's last submission in the round now.
        var last: Int
    }

    /// Adds one comment to the member's current ones: paragraph `paragraph` (an id of the version
    /// under comment, or `general`).
    ///
    /// A comment is recorded as a new submission holding the current comments and the new one, so
    /// two posts at the same moment must not both build on the same current submission (the later
    /// would drop the earlier's comment). `basedOn` is the number of the member's last submission
    /// the page showed (0: none): when another has been recorded since, `OutOfDate` is thrown and
    /// nothing is written. Without it, the comment is built again on the newest submission.
    /// Either way the check is made again on the tip the commit is built on.
    func addComment(paragraph: String, type: CommentType, text: String, proposed: String, basedOn: Int? = nil) throws -> Submissions.Outcome {
        let text = Self.normalized(text)
        var proposed = Self.normalized(proposed)
        return try onLatest(basedOn: basedOn) { round, current, proposal, last in
            // The form shows the paragraph's text to edit: sent back as it was, it proposes nothing.
            if paragraph != "general", let block = DraftDocument.parse(try Texts(context).documentText(round.on)).block(anchor: paragraph),
               proposed.trimmingCharacters(in: .whitespacesAndNewlines) == block.body.trimmingCharacters(in: .whitespacesAndNewlines) {
                proposed = ""
            }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && proposed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw DraftFlowError(.invalidInput, "the comment is empty", fix: "write a comment, a proposed text, or both")
            }
            var sheet = CommentSheet(member: member.code, comments: current?.comments ?? [])
            sheet.rows.append(CommentSheet.Row(member: member.code, paragraph: paragraph, type: type, comment: text, proposed: proposed))
            let file = IncomingFile(name: "\(member.code)-portal.csv", data: sheet.data())
            return try Submissions(context).submit(member: member.code, file: file, proposal: proposal, received: nil, late: false,
                                                   roundName: round.name, basedOn: last)
        }
    }

    /// Runs `body` on the latest round, the member's current submission, its edited copy and the
    /// number of the member's last submission. When the post was `basedOn` another number,
    /// `OutOfDate`. When the commit finds that another submission landed after that state was read
    /// (`Submissions.submit`'s `basedOn` check), `OutOfDate` again for a post based on a page, and
    /// otherwise `body` runs once more on the new state.
    private func onLatest(basedOn: Int?, _ body: (Round, Submission?, IncomingFile?, Int) throws -> Submissions.Outcome) throws -> Submissions.Outcome {
        var attempts = 0
        while true {
            attempts += 1
            let (round, current, proposal, last) = try state()
            if let basedOn, basedOn != last { throw OutOfDate(last: last) }
            do {
                return try body(round, current, proposal, last)
            } catch let error as DraftFlowError where error.kind == .conflict {
                let now = try state().3
                guard now != last else { throw error }
                if basedOn != nil { throw OutOfDate(last: now) }
                if attempts == 3 { throw error }
            }
        }
    }

    /// What an uploaded file is: the member's edited copy of the draft, or a comment file.
    enum UploadKind: String, Sendable {
        case editedCopy = "copy"
        case comments
    }

    /// Records an uploaded file, read by the same readers as `draftflow comment` and `intake`.
    ///
    /// An edited copy keeps the member's current comments, so it is `basedOn` the page's last
    /// submission as a comment is (`addComment`); a comment file or a Word copy replaces them.
    func upload(name: String, data: Data, kind: UploadKind, basedOn: Int? = nil) throws -> Submissions.Outcome {
        let (round, _, proposal, _) = try state()
        // A Word copy is compared with the version the round is on, as `comment` compares one.
        let version = OfficeFiles.needsVersion(name) ? try Texts(context).documentText(round.on) : nil
        let incoming = try OfficeFiles.read(IncomingFile(name: name, data: data), version: version)
        let submissions = Submissions(context)
        if incoming.read != nil {
            // A Word copy or template: its reader gives both the comments and the edited copy.
            return try submissions.submit(member: member.code, file: incoming, proposal: nil, received: nil, late: false, roundName: round.name)
        }
        switch kind {
        case .comments:
            return try submissions.submit(member: member.code, file: incoming, proposal: proposal, received: nil, late: false, roundName: round.name)
        case .editedCopy:
            return try onLatest(basedOn: basedOn) { round, current, _, last in
                let comments = current?.comments ?? []
                let file: IncomingFile
                if comments.isEmpty {
                    file = IncomingFile(name: "\(member.code)-portal.md", data: Data("# Edited copy from \(member.code), sent through the member portal\n".utf8))
                } else {
                    file = IncomingFile(name: "\(member.code)-portal.csv", data: CommentSheet(member: member.code, comments: comments).data())
                }
                return try submissions.submit(member: member.code, file: file, proposal: incoming, received: nil, late: false,
                                              roundName: round.name, basedOn: last)
            }
        }
    }

    /// A reply to a silence procedure: an objection (its text) or a confirmation of no objection.
    func silenceReply(objection: String?) throws -> Submissions.Outcome {
        let (round, _, _, _) = try state()
        guard round.kind == .silence else {
            throw DraftFlowError(.refused, "round \(round.name) is a comment round, not a silence procedure", fix: "send comments with the forms instead")
        }
        if let objection {
            let text = Self.normalized(objection)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DraftFlowError(.invalidInput, "the objection is empty", fix: "say what the objection is")
            }
            let sheet = CommentSheet(member: member.code, comments: []).adding(member: member.code, text: text)
            return try Submissions(context).submit(member: member.code, file: IncomingFile(name: "\(member.code)-objection.csv", data: sheet.data()),
                                                   proposal: nil, received: nil, late: false, roundName: round.name)
        }
        return try Submissions(context).submit(member: member.code, file: IncomingFile(name: "\(member.code)-no-objection.txt", data: Data("No objection.\n".utf8)),
                                               proposal: nil, received: nil, late: false, roundName: round.name, noObjection: true)
    }

    /// The latest round, the member's current submission in it, that submission's edited copy,
    /// and the number of the member's last submission in it (0: none).
    private func state() throws -> (Round, Submission?, IncomingFile?, Int) {
        let snapshot = try context.store.snapshot()
        let workflow = try RecordReader.workflow(in: snapshot)
        guard let round = Self.round(workflow) else {
            throw DraftFlowError(.refused, "no round is open for comments", fix: "wait for the secretariat to open one")
        }
        let submissions = try RecordReader.submissions(round: round.name, in: snapshot).filter { $0.member == member.code }
        let current = RecordReader.current(submissions)[member.code]
        let proposal = try current?.proposal.flatMap { path in
            try snapshot.file(path).map { IncomingFile(name: "\(member.code)-edited-copy.md", data: $0) }
        }
        return (round, current, proposal, submissions.map(\.number).max() ?? 0)
    }

    /// The number of the member's last submission in `round` (0: none): what a page's forms are
    /// `basedOn`.
    static func last(_ code: String, in submissions: [Submission]) -> Int {
        submissions.filter { $0.member == code }.map(\.number).max() ?? 0
    }

    /// Text from a form: line ends as LF (browsers send CRLF).
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

extension CommentSheet {
    /// The sheet with one general comment added.
    func adding(member: String, text: String) -> CommentSheet {
        var sheet = self
        sheet.rows.append(Row(member: member, paragraph: "general", type: .general, comment: text, proposed: ""))
        return sheet
    }
}
