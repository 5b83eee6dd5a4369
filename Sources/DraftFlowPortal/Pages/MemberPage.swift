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
        /// The paragraph in the original, under a language version's (nil: the original is shown).
        var original: String?
        /// What the proposed-text field starts with: the original's wording, which a proposal amends.
        var proposable: String
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
    /// In a round opened with `--visible`: every member's current submission, as they arrive;
    /// in any round once it has closed: every member's submission that counts.
    var everyone: EveryoneModel?
    /// The language version the text is shown in (nil: the original).
    var languageVersion: String?
    /// The interface strings in the page's language (`PortalLanguage`).
    var t = PortalStrings.english

    /// The page of `member` at `context.now`, in `language`.
    static func build(_ context: DraftingContext, member: Member, csrf: String, notice: String?,
                      language: PortalLanguage = .en) throws -> MemberPage {
        let snapshot = try context.store.snapshot()
        let workflow = try RecordReader.workflow(in: snapshot)
        let zone = try workflow.zone()
        var page = MemberPage(name: member.name, code: member.code, csrf: csrf, notice: notice, round: nil, submissions: [],
                              silenceForms: false, commentForms: false)
        let strings = language.strings
        page.t = strings
        guard let round = MemberDesk.round(workflow) else { return page }
        let open = round.isOpen(at: context.now)
        let texts = Texts(context)
        let text = try texts.documentText(round.on)
        let translation = try texts.languageVersion(round.on, language: language.rawValue).map { DraftDocument.parse($0) }
        var translated: [String: String] = [:]
        for block in translation?.blocks ?? [] { translated[block.anchor] = block.body }
        if translation != nil { page.languageVersion = language.autonym }
        let blocks = DraftDocument.parse(text).blocks.map { block -> BlockModel in
            var heading = false
            if case .heading = block.kind { heading = true }
            let shown = translated[block.anchor]
            return BlockModel(anchor: block.anchor, domID: "b\(block.index)", number: block.number ?? "", body: shown ?? block.body, heading: heading,
                              original: shown == nil ? nil : block.body, proposable: block.body)
        }
        let seconds = round.effectiveClose.timeIntervalSince(context.now)
        page.round = RoundModel(name: round.name, version: round.on, silence: round.kind == .silence, open: open,
                                closesHuman: InstantFormat.human(round.effectiveClose, in: zone, language: language), zone: workflow.timezone,
                                closesISO: InstantFormat.iso(round.effectiveClose, in: InstantFormat.utc),
                                nowISO: InstantFormat.iso(context.now, in: InstantFormat.utc),
                                timeLeft: seconds >= 0 ? language.remaining(Int(seconds.rounded(.down))) : "", blocks: blocks)
        page.commentForms = open && round.kind == .comments
        page.silenceForms = open && round.kind == .silence
        // Every member's records are read only in a visible round, or once the round has closed:
        // before the close of any other round, the page reads the member's own.
        if round.isVisible || !open {
            let all = try RecordReader.submissions(round: round.name, in: snapshot)
            page.everyone = Self.everyone(round: round, submissions: all, workflow: workflow, zone: zone, closed: !open, language: language)
        }
        // Every round's submissions, the latest round first, each with its dispositions once merged.
        for earlier in workflow.rounds.reversed() {
            let mine = try RecordReader.submissions(of: member.code, round: earlier.name, in: snapshot)
            guard !mine.isEmpty else { continue }
            let current = RecordReader.current(mine)[member.code]
            let decisions = try Self.dispositions(context, member: member.code, round: earlier, in: snapshot, language: language)
            page.submissions += mine.sorted { $0.number > $1.number }.map { submission in
                let counts = submission.number == current?.number
                let comments = submission.comments.map { comment in
                    CommentModel(id: comment.id, reference: comment.reference.description, type: Self.typeName(comment.type, strings), text: comment.text,
                                 proposed: comment.proposedChange.flatMap { $0.isEmpty ? nil : $0 },
                                 disposition: counts ? decisions[comment.id]?.0 : nil, observation: counts ? decisions[comment.id]?.1 : nil)
                }
                return SubmissionModel(number: submission.number, round: submission.round, code: member.code,
                                       received: InstantFormat.human(submission.received, in: zone, language: language), late: submission.late, current: counts,
                                       commentCount: submission.comments.count, proposal: submission.proposal != nil,
                                       noObjection: submission.noObjection != nil,
                                       receipt: "\(submission.round)/\(member.code)/\(submission.number)",
                                       hasComments: !comments.isEmpty, comments: comments)
            }
        }
        return page
    }

    /// A comment's type as the page's language names it.
    static func typeName(_ type: CommentType, _ strings: [String: String]) -> String {
        strings["typeName." + type.rawValue] ?? type.rawValue
    }

    /// The member's comments' dispositions in `round` once it is merged: id → (the disposition as
    /// the table writes it, the observation); empty before its merge, and for undecided comments.
    static func dispositions(_ context: DraftingContext, member: String, round: Round,
                             in snapshot: any WorkspaceSnapshot, language: Language = .en) throws -> [String: (String, String?)] {
        guard round.kind == .comments, try snapshot.file(RecordPaths.merge(round: round.name)) != nil else { return [:] }
        var result: [String: (String, String?)] = [:]
        for row in try DispositionDesk(context).rows(round: round.name).rows where row.member == member && row.decision != nil {
            let cells = DispositionTable.cells(row, language: language)
            result[row.id] = (cells[8], cells[9].isEmpty ? nil : cells[9])
        }
        return result
    }
}
