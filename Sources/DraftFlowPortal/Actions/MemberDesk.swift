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
        RecordReader.current(try RecordReader.submissions(of: code, round: round, in: snapshot))[code]
    }

    /// The submission that adds one comment to the member's current ones, on paragraph
    /// `paragraph` (an id of the version under comment, or `general`), as one item of a batch
    /// (`PortalWorkspace.submit`), and the round it goes to.
    func commentItem(paragraph: String, type: CommentType, text: String, proposed: String) throws -> (Submissions.BatchItem, String) {
        let text = Self.normalized(text)
        var proposed = Self.normalized(proposed)
        let (round, current, proposal) = try state()
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
        return (Submissions.BatchItem(member: member.code, file: file, proposal: proposal, received: nil), round.name)
    }

    /// What an uploaded file is: the member's edited copy of the draft, or a comment file.
    enum UploadKind: String, Sendable {
        case editedCopy = "copy"
        case comments
    }

    /// The submission that records an uploaded file, read by the same readers as `draftflow
    /// comment` and `intake`, as one item of a batch, and the round it goes to.
    func uploadItem(name: String, data: Data, kind: UploadKind) throws -> (Submissions.BatchItem, String) {
        let (round, current, proposal) = try state()
        // A Word copy is compared with the version the round is on, as `comment` compares one.
        let version = OfficeFiles.needsVersion(name) ? try Texts(context).documentText(round.on) : nil
        let incoming = try OfficeFiles.read(IncomingFile(name: name, data: data), version: version)
        func item(_ file: IncomingFile, _ proposal: IncomingFile?) -> (Submissions.BatchItem, String) {
            (Submissions.BatchItem(member: member.code, file: file, proposal: proposal, received: nil), round.name)
        }
        if incoming.read != nil {
            // A Word copy or template: its reader gives both the comments and the edited copy.
            return item(incoming, nil)
        }
        switch kind {
        case .comments:
            return item(incoming, proposal)
        case .editedCopy:
            let comments = current?.comments ?? []
            let file: IncomingFile
            if comments.isEmpty {
                file = IncomingFile(name: "\(member.code)-portal.md", data: Data("# Edited copy from \(member.code), sent through the member portal\n".utf8))
            } else {
                file = IncomingFile(name: "\(member.code)-portal.csv", data: CommentSheet(member: member.code, comments: comments).data())
            }
            return item(file, incoming)
        }
    }

    /// A reply to a silence procedure: an objection (its text) or a confirmation of no objection.
    func silenceReply(objection: String?) throws -> Submissions.Outcome {
        let (round, _, _) = try state()
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

    /// The latest round, the member's current submission in it and that submission's edited copy.
    private func state() throws -> (Round, Submission?, IncomingFile?) {
        let snapshot = try context.store.snapshot()
        let workflow = try RecordReader.workflow(in: snapshot)
        guard let round = Self.round(workflow) else {
            throw DraftFlowError(.refused, "no round is open for comments", fix: "wait for the secretariat to open one")
        }
        let current = try Self.current(member.code, round: round.name, in: snapshot)
        let proposal = try current?.proposal.flatMap { path in
            try snapshot.file(path).map { IncomingFile(name: "\(member.code)-edited-copy.md", data: $0) }
        }
        return (round, current, proposal)
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
