import DraftFlow
import DraftFlowExport
import Foundation

/// What the member's page shows, read from the workspace as of now.
struct MemberPage {
    struct RoundModel {
        var name: String
        var version: String
        var silence: Bool
        var open: Bool
        var closesHuman: String
        var zone: String
        var closesISO: String
        /// The server's instant, so the countdown keeps to it whatever the browser's clock says.
        var nowISO: String
        var timeLeft: String
        var blocks: [BlockModel]
    }

    struct BlockModel {
        var anchor: String
        var domID: String
        var number: String
        var body: String
        var heading: Bool
    }

    struct CommentModel {
        var id: String
        var reference: String
        var type: String
        var text: String
        var proposed: String?
        var disposition: String?
        var observation: String?
    }

    struct SubmissionModel {
        var number: Int
        var round: String
        var code: String
        var received: String
        var late: Bool
        var current: Bool
        var commentCount: Int
        var proposal: Bool
        var noObjection: Bool
        var receipt: String
        var hasComments: Bool
        var comments: [CommentModel]
    }

    var name: String
    var code: String
    var csrf: String
    var notice: String?
    var round: RoundModel?
    var submissions: [SubmissionModel]
    var silenceForms: Bool
    var commentForms: Bool
    /// In a round opened with `--visible`: every member's current submission, as they arrive.
    var everyone: EveryoneModel?
    /// The interface strings in the page's language (`PortalLanguage`).
    var t = PortalStrings.english

    /// The page of `member` at `context.now`.
    static func build(_ context: DraftingContext, member: Member, csrf: String, notice: String?) throws -> MemberPage {
        let snapshot = try context.store.snapshot()
        let workflow = try RecordReader.workflow(in: snapshot)
        let zone = try workflow.zone()
        var page = MemberPage(name: member.name, code: member.code, csrf: csrf, notice: notice, round: nil, submissions: [],
                              silenceForms: false, commentForms: false)
        guard let round = MemberDesk.round(workflow) else { return page }
        let open = round.isOpen(at: context.now)
        let text = try Texts(context).documentText(round.on)
        let blocks = DraftDocument.parse(text).blocks.map { block -> BlockModel in
            var heading = false
            if case .heading = block.kind { heading = true }
            return BlockModel(anchor: block.anchor, domID: "b\(block.index)", number: block.number ?? "", body: block.body, heading: heading)
        }
        page.round = RoundModel(name: round.name, version: round.on, silence: round.kind == .silence, open: open,
                                closesHuman: InstantFormat.human(round.effectiveClose, in: zone), zone: workflow.timezone,
                                closesISO: InstantFormat.iso(round.effectiveClose, in: InstantFormat.utc),
                                nowISO: InstantFormat.iso(context.now, in: InstantFormat.utc),
                                timeLeft: InstantFormat.remaining(from: context.now, to: round.effectiveClose), blocks: blocks)
        page.commentForms = open && round.kind == .comments
        page.silenceForms = open && round.kind == .silence
        // Every member's records are read only in a visible round: otherwise the page reads the member's own.
        if round.isVisible {
            let all = try RecordReader.submissions(round: round.name, in: snapshot)
            page.everyone = Self.everyone(round: round, submissions: all, workflow: workflow, zone: zone)
        }
        // Every round's submissions, the latest round first, each with its dispositions once merged.
        for earlier in workflow.rounds.reversed() {
            let mine = try RecordReader.submissions(of: member.code, round: earlier.name, in: snapshot)
            guard !mine.isEmpty else { continue }
            let current = RecordReader.current(mine)[member.code]
            let decisions = try Self.dispositions(context, member: member.code, round: earlier, in: snapshot)
            page.submissions += mine.sorted { $0.number > $1.number }.map { submission in
                let counts = submission.number == current?.number
                let comments = submission.comments.map { comment in
                    CommentModel(id: comment.id, reference: comment.reference.description, type: comment.type.rawValue, text: comment.text,
                                 proposed: comment.proposedChange.flatMap { $0.isEmpty ? nil : $0 },
                                 disposition: counts ? decisions[comment.id]?.0 : nil, observation: counts ? decisions[comment.id]?.1 : nil)
                }
                return SubmissionModel(number: submission.number, round: submission.round, code: member.code,
                                       received: InstantFormat.human(submission.received, in: zone), late: submission.late, current: counts,
                                       commentCount: submission.comments.count, proposal: submission.proposal != nil,
                                       noObjection: submission.noObjection != nil,
                                       receipt: "\(submission.round)/\(member.code)/\(submission.number)",
                                       hasComments: !comments.isEmpty, comments: comments)
            }
        }
        return page
    }

    /// The member's comments' dispositions in `round` once it is merged: id → (the disposition as
    /// the table writes it, the observation); empty before its merge, and for undecided comments.
    static func dispositions(_ context: DraftingContext, member: String, round: Round,
                             in snapshot: any WorkspaceSnapshot) throws -> [String: (String, String?)] {
        guard round.kind == .comments, try snapshot.file(RecordPaths.merge(round: round.name)) != nil else { return [:] }
        var result: [String: (String, String?)] = [:]
        for row in try DispositionDesk(context).rows(round: round.name).rows where row.member == member && row.decision != nil {
            let cells = DispositionTable.cells(row)
            result[row.id] = (cells[8], cells[9].isEmpty ? nil : cells[9])
        }
        return result
    }
}
