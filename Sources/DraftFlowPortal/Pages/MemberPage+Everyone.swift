import DraftFlow
import Foundation

/// What every member sees in a round opened with `round open --visible`: each member's current
/// submission (the one that counts), in the order they arrived, with its comments. In any other
/// round a member sees only its own submissions before the close (`MemberPage.submissions`), and
/// every member's once the round has closed.
extension MemberPage {
    struct EveryoneModel {
        var round: String
        /// Shown because the round has closed (otherwise because it was opened `--visible`).
        var closed: Bool
        var entries: [EntryModel]
    }

    struct EntryModel {
        var code: String
        var name: String
        var number: Int
        var received: String
        var late: Bool
        var commentCount: Int
        var proposal: Bool
        var noObjection: Bool
        var hasComments: Bool
        var comments: [CommentModel]
    }

    static func everyone(round: Round, submissions: [Submission], workflow: Workflow, zone: TimeZone, closed: Bool, language: PortalLanguage) -> EveryoneModel {
        let current = RecordReader.current(submissions).values.sorted { ($0.received, $0.member) < ($1.received, $1.member) }
        let entries = current.map { submission in
            let comments = submission.comments.map { comment in
                CommentModel(id: comment.id, reference: comment.reference.description, type: typeName(comment.type, language.strings), text: comment.text,
                             proposed: comment.proposedChange.flatMap { $0.isEmpty ? nil : $0 }, disposition: nil, observation: nil)
            }
            return EntryModel(code: submission.member, name: workflow.member(submission.member)?.name ?? submission.member,
                              number: submission.number, received: InstantFormat.human(submission.received, in: zone, language: language), late: submission.late,
                              commentCount: submission.comments.count, proposal: submission.proposal != nil,
                              noObjection: submission.noObjection != nil, hasComments: !comments.isEmpty, comments: comments)
        }
        return EveryoneModel(round: round.name, closed: closed, entries: entries)
    }
}
