import Foundation

/// Every text DraftFlow writes for people in its documents (the packet, the disposition table,
/// receipts, member reports, the circulation note), one catalogue per UN language.
///
/// The English catalogue is the text DraftFlow always wrote; the others follow the UN's and ITU's
/// own terms ("已接受", "Acceptée", "Принято", "Aceptada", "مقبول"). Each language is one file
/// (`Catalogue+Chinese.swift`, ...), and the compiler sees that none misses a text. Dates are
/// `InstantFormat.human(_:in:language:)`'s; names, codes, labels and the members' own words are
/// never translated.
public protocol Catalogue: Sendable {
    var language: Language { get }

    // MARK: Shared words
    /// "round draft-1", "rounds draft-1 and draft-1b".
    func rounds(_ names: [String]) -> String
    /// "1 comment", "3 comments".
    func comments(_ count: Int) -> String
    /// "(late)".
    var late: String { get }
    /// Between a label and its value: ": " ("：" in Chinese, " : " in French).
    var colon: String { get }
    /// The end of a sentence: "." ("。" in Chinese).
    var fullStop: String { get }
    /// Between two parts of a phrase: ", " ("，" in Chinese, "، " in Arabic).
    var comma: String { get }
    func decision(_ decision: Decision?) -> String
    func commentType(_ type: CommentType) -> String

    // MARK: The packet: title block
    var version: String { get }
    var transmittedTo: String { get }
    var status: String { get }
    /// "Draft draft-1, not the final text; not transmitted to the President of ECOSOC".
    func draftStatus(version: String, recipient: String) -> String
    var due: String { get }
    var preparedBy: String { get }
    var preparedAt: String { get }
    /// Who receives the packet when `init --recipient` named no one.
    var theChair: String { get }

    // MARK: The packet: sections
    var finalSections: [String] { get }
    func draftSections(version: String) -> [String]
    var timeline: String { get }
    var noEvents: String { get }
    var date: String { get }
    var event: String { get }
    var commentsReceived: String { get }
    var noMemberCommented: String { get }
    var member: String { get }
    var received: String { get }
    /// The column heading "Comments".
    var commentsColumn: String { get }
    var silenceProcedure: String { get }
    var changes: String { get }
    /// "3 paragraphs modified, 1 inserted, 0 deleted" (", 1 moved").
    func changeSummary(modified: Int, inserted: Int, deleted: Int, moved: Int) -> String
    /// "What changed since draft-1: …".
    func changeLine(since first: String, _ summary: String) -> String
    var textIsEmpty: String { get }
    /// "3. Redline from draft-1 to final".
    func redlineHeading(_ section: String, from: String, to: String) -> String
    var noText: String { get }
    var redlineLegendMarkdown: String { get }
    /// HTML, with `<del>` and `<ins>` showing what they name.
    var redlineLegendHTML: String { get }
    /// "(moved from 2.3 to 2.5)".
    func moved(from: String, to: String) -> String
    /// After a moved paragraph in the Markdown redline, its separator first: " (moved from 2.3)".
    func movedFrom(_ from: String) -> String
    var trackedChangesNote: String { get }
    var noCommentsReceived: String { get }
    var tag: String { get }
    var commit: String { get }
    var noSources: String { get }
    var workspaceHead: String { get }
    /// The Word packet's title block: "Document C20/45", "Original: English", "Source: ITU".
    func documentSymbol(_ symbol: String) -> String
    func original(_ language: String) -> String
    /// In a compilation on a language version (`compile --lang`), what introduces the original's
    /// paragraph with the members' proposals: "Proposals to the original:".
    var proposalsToOriginal: String { get }
    /// The original language when `--original` names none: English, in this language.
    var english: String { get }
    func source(_ who: String) -> String

    // MARK: The packet: timeline and silence (English keeps the commit's own summary)
    func published(_ version: String) -> String
    func roundOpened(silence: Bool, name: String, on version: String, closes: String) -> String
    func roundClosedEarly(_ name: String) -> String
    func roundExtended(_ name: String, closes: String) -> String
    func roundClosed(_ name: String, at: String, reopenedLater: Bool) -> String
    func submissionReceived(from member: String, round: String, late: Bool, noObjection: Bool) -> String
    func merged(_ rounds: String) -> String
    func finalized(_ version: String) -> String
    func submitted(_ version: String, to recipient: String) -> String
    func silenceKept(on version: String, before: String) -> String
    func silenceBroken(by codes: [String], in round: String) -> String
    func silenceOpen(_ name: String, on version: String, until: String, brokenBy codes: [String]) -> String
    func noSilenceProcedure(on version: String?) -> String
    func overObjection(_ codes: [String], note: String) -> String
    /// " No objection confirmed in R by CAN on …; USA on …."
    func confirmations(in round: String, _ entries: [(member: String, at: String)]) -> String
    /// "Canada (no objection in final-draft-silence)".
    func silenceReply(_ name: String, noObjection: Bool, round: String) -> String

    // MARK: The disposition table
    var dispositionColumns: [String] { get }
    func paragraph(_ paragraph: String, now: String) -> String
    func orphaned(_ paragraph: String) -> String
    var modifiedText: String { get }
    /// "ITU Council input: disposition of comments, round draft-1" (", CAN only").
    func dispositionTitle(_ title: String, rounds: String, only member: String?) -> String

    // MARK: Member reports
    var reportColumns: [String] { get }
    var generalWholeText: String { get }
    func deleted(_ paragraph: String) -> String
    func sameNumber(_ paragraph: String) -> String
    func reportTitle(_ title: String, member: String, rounds: String) -> String
    /// "3 comments; paragraphs in the new text are those of draft-2."
    func reportCount(_ count: Int, newText: String) -> String
    /// "the candidate merged from round draft-1", as `reportCount` names the new text.
    func candidate(_ rounds: String) -> String

    // MARK: The circulation note
    /// After the version's label, its own separator first: " (a draft for comment, not the final text)".
    var draftForCommentNote: String { get }
    var circulatedBy: String { get }
    var howToComment: String { get }
    func changesSince(_ previous: String?) -> String
    var firstVersion: String { get }
    var redlineLegendPlain: String { get }
    func textOf(_ version: String) -> String
    /// After the title and the version in the page's title, its separator first: " (draft for comment)".
    var draftForComment: String { get }
    func instructions(silence: Bool, round: String, version: String, deadline: String, to: String) -> [String]

    // MARK: Receipts
    var receipt: String { get }
    /// The label "Round".
    var round: String { get }
    var submission: String { get }
    func onVersion(_ version: String) -> String
    var receivedUTC: String { get }
    var onTime: String { get }
    var yes: String { get }
    var recordedLate: String { get }
    func sha256(of role: String) -> String
    func fileRole(_ role: String) -> String
    func bytes(_ count: Int) -> String
    var receiptComments: String { get }
    var id: String { get }
    var paragraphColumn: String { get }
    var type: String { get }
    var checkReceiptMarkdown: String { get }
    var checkReceiptHTML: String { get }
}

extension Language {
    /// This language's catalogue.
    public var catalogue: any Catalogue {
        switch self {
        case .en: return EnglishCatalogue()
        case .fr: return FrenchCatalogue()
        case .es: return SpanishCatalogue()
        case .ru: return RussianCatalogue()
        case .zh: return ChineseCatalogue()
        case .ar: return ArabicCatalogue()
        }
    }
}
