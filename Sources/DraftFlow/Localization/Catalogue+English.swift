import Foundation

/// English: the texts DraftFlow always wrote, word for word (tests compare them exactly).
struct EnglishCatalogue: Catalogue {
    var language: Language { .en }

    func rounds(_ names: [String]) -> String {
        guard names.count > 1 else { return "round \(names.first ?? "")" }
        return "rounds " + names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
    func comments(_ count: Int) -> String { "\(count) \(count == 1 ? "comment" : "comments")" }
    var late: String { "(late)" }
    var colon: String { ": " }
    var fullStop: String { "." }
    var comma: String { ", " }
    func decision(_ decision: Decision?) -> String { decision?.title ?? "Undecided" }
    func commentType(_ type: CommentType) -> String { type.rawValue }

    var version: String { "Version" }
    var transmittedTo: String { "Transmitted to" }
    var status: String { "Status" }
    func draftStatus(version: String, recipient: String) -> String { "Draft \(version), not the final text; not transmitted to \(recipient)" }
    var due: String { "Due" }
    var preparedBy: String { "Prepared by" }
    var preparedAt: String { "Prepared at" }
    var theChair: String { "the Chair" }

    var finalSections: [String] { ["1. Transmittal summary", "2. Final text", "3. Redline", "4. Disposition of comments", "5. Sources"] }
    func draftSections(version: String) -> [String] {
        ["1. Summary", "2. Text of \(version) (a draft, not the final text)", "3. Redline", "4. Disposition of comments", "5. Sources"]
    }
    var timeline: String { "Timeline" }
    var noEvents: String { "No events recorded." }
    var date: String { "Date" }
    var event: String { "Event" }
    var commentsReceived: String { "Comments received" }
    var noMemberCommented: String { "No member commented." }
    var member: String { "Member" }
    var received: String { "Received" }
    var commentsColumn: String { "Comments" }
    var silenceProcedure: String { "Silence procedure" }
    var changes: String { "Changes" }
    func changeSummary(modified: Int, inserted: Int, deleted: Int, moved: Int) -> String {
        "\(modified) \(modified == 1 ? "paragraph" : "paragraphs") modified, \(inserted) inserted, \(deleted) deleted" + (moved > 0 ? ", \(moved) moved" : "")
    }
    func changeLine(since first: String, _ summary: String) -> String { "What changed since \(first): \(summary)" }
    var textIsEmpty: String { "(The text is empty.)" }
    func redlineHeading(_ section: String, from: String, to: String) -> String { "\(section) from \(from) to \(to)" }
    var noText: String { "(No text.)" }
    var redlineLegendMarkdown: String { "Deletions are ~~struck through~~, insertions are in **bold**; moved paragraphs are noted." }
    var redlineLegendHTML: String {
        "Deletions are shown <del>struck through in red</del>, insertions <ins>underlined in green</ins>; "
            + "changed paragraphs are marked in the margin and moved paragraphs are noted."
    }
    func moved(from: String, to: String) -> String { "(moved from \(from) to \(to))" }
    func movedFrom(_ from: String) -> String { " (moved from \(from))" }
    var trackedChangesNote: String { "The changes are tracked changes: Word lists each one, and a reader may accept or reject it." }
    var noCommentsReceived: String { "No comments were received." }
    var tag: String { "Tag" }
    var commit: String { "Commit" }
    var noSources: String { "No sources recorded." }
    var workspaceHead: String { "workspace (HEAD)" }
    func documentSymbol(_ symbol: String) -> String { "Document \(symbol)" }
    func original(_ language: String) -> String { "Original: \(language)" }
    var proposalsToOriginal: String { "Proposals to the original:" }
    var english: String { "English" }
    func source(_ who: String) -> String { "Source: \(who)" }

    func published(_ version: String) -> String { "Published \(version)" }
    func roundOpened(silence: Bool, name: String, on version: String, closes: String) -> String {
        "Opened \(silence ? "silence procedure" : "comment round") \(name) on \(version), closing \(closes)"
    }
    func roundClosedEarly(_ name: String) -> String { "Closed round \(name) early" }
    func roundExtended(_ name: String, closes: String) -> String { "Extended round \(name) to \(closes)" }
    func roundClosed(_ name: String, at: String, reopenedLater: Bool) -> String {
        reopenedLater ? "Round \(name) closed at \(at) (reopened later)" : "Round \(name) closed at its deadline, \(at)"
    }
    func submissionReceived(from member: String, round: String, late: Bool, noObjection: Bool) -> String {
        (noObjection ? "No objection from \(member) in \(round)" : "Received a submission from \(member) in \(round)") + (late ? " (late)" : "")
    }
    func merged(_ rounds: String) -> String { "Merged the proposals of \(rounds) into a candidate next draft" }
    func finalized(_ version: String) -> String { "Finalized \(version)" }
    func submitted(_ version: String, to recipient: String) -> String { "Submitted \(version) to \(recipient)" }
    func silenceKept(on version: String, before: String) -> String { "Silence kept: no member objected to \(version) before \(before)." }
    func silenceBroken(by codes: [String], in round: String) -> String { "Silence broken by \(codes.joined(separator: ", ")) in \(round)." }
    func silenceOpen(_ name: String, on version: String, until: String, brokenBy codes: [String]) -> String {
        "Silence procedure \(name) on \(version) is open until \(until)"
            + (codes.isEmpty ? "; not broken so far." : "; broken by \(codes.joined(separator: ", ")).")
    }
    func noSilenceProcedure(on version: String?) -> String {
        version.map { "No silence procedure was held on \($0)." } ?? "No silence procedure was held."
    }
    func overObjection(_ codes: [String], note: String) -> String {
        "Silence broken by \(codes.joined(separator: ", ")); the secretariat finalized over the objection: \(note)"
    }
    func confirmations(in round: String, _ entries: [(member: String, at: String)]) -> String {
        " No objection confirmed in \(round) by " + entries.map { "\($0.member) on \($0.at)" }.joined(separator: "; ") + "."
    }
    func silenceReply(_ name: String, noObjection: Bool, round: String) -> String {
        "\(name) (\(noObjection ? "no objection" : "objection") in \(round))"
    }

    var dispositionColumns: [String] {
        ["Id", "Member", "Line number", "Clause/Subclause", "Paragraph", "Type of comment", "Comments", "Proposed change", "Disposition",
         "Observations of the secretariat"]
    }
    func paragraph(_ paragraph: String, now: String) -> String { "\(paragraph) (now \(now))" }
    func orphaned(_ paragraph: String) -> String { "\(paragraph) (deleted: orphaned)" }
    var modifiedText: String { "Modified text: " }
    func dispositionTitle(_ title: String, rounds: String, only member: String?) -> String {
        "\(title): disposition of comments, \(rounds)" + (member.map { ", \($0) only" } ?? "")
    }

    var reportColumns: [String] { ["Id", "Paragraph", "Type", "Comment", "Disposition", "Observation", "In the new text"] }
    var generalWholeText: String { "general (the whole text)" }
    func deleted(_ paragraph: String) -> String { "\(paragraph) → deleted" }
    func sameNumber(_ paragraph: String) -> String { "\(paragraph) (same number)" }
    func reportTitle(_ title: String, member: String, rounds: String) -> String { "\(title): comments of \(member), \(rounds)" }
    func candidate(_ rounds: String) -> String { "the candidate merged from \(rounds)" }
    func reportCount(_ count: Int, newText: String) -> String {
        "\(count) comment\(count == 1 ? "" : "s"); paragraphs in the new text are those of \(newText)."
    }

    var draftForCommentNote: String { " (a draft for comment, not the final text)" }
    var circulatedBy: String { "Circulated by" }
    var howToComment: String { "1. How to comment" }
    func changesSince(_ previous: String?) -> String { "2. Changes since " + (previous ?? "the previous version") }
    var firstVersion: String { "This is the first version." }
    var redlineLegendPlain: String { "Deletions are struck through, insertions are underlined; moved paragraphs are noted." }
    func textOf(_ version: String) -> String { "3. Text of \(version)" }
    var draftForComment: String { " (draft for comment)" }
    func instructions(silence: Bool, round: String, version: String, deadline: String, to: String) -> [String] {
        silence ? [
            "Silence procedure \(round) on \(version). Unless a member objects by \(deadline), the text is considered adopted.",
            "To object, send the objection to \(to) before the deadline. A reply of \"No objection.\" is recorded as a confirmation "
                + "and does not break silence.",
        ] : [
            "Comment round \(round) on \(version). Comments must be received by \(deadline).",
            "Send them to \(to): one section per comment, headed with the paragraph's number and the type of comment, "
                + "e.g. \"## 4.2.2.3 (editorial)\", with an optional \"Proposed change:\" line; or the ISO commenting template. "
                + "An edited copy of the draft may be attached.",
        ]
    }

    var receipt: String { "Receipt" }
    var round: String { "Round" }
    var submission: String { "Submission" }
    func onVersion(_ version: String) -> String { " (on \(version))" }
    var receivedUTC: String { "Received (UTC)" }
    var onTime: String { "On time" }
    var yes: String { "yes" }
    var recordedLate: String { "no (recorded late)" }
    func sha256(of role: String) -> String { "SHA-256 of \(role)" }
    func fileRole(_ role: String) -> String { role }
    func bytes(_ count: Int) -> String { "(\(count) bytes)" }
    var receiptComments: String { "Comments" }
    var id: String { "Id" }
    var paragraphColumn: String { "Paragraph" }
    var type: String { "Type" }
    var checkReceiptMarkdown: String { "Check it at any time: `draftflow verify --receipt FILE` in the workspace, or `sha256sum` on the original file." }
    var checkReceiptHTML: String { "Check it at any time: <code>draftflow verify --receipt FILE</code> in the workspace." }
}
