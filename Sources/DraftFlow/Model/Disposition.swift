import Foundation

/// The secretariat's decision on a comment, as in the ISO commenting template.
public enum Decision: String, Codable, Sendable, CaseIterable {
    /// The comment is accepted; any proposed change stays in the text.
    case accepted
    /// Accepted with modification: the secretariat's text replaces the proposed change.
    case modified
    /// Noted: acknowledged, with no change to the text.
    case noted
    /// Not accepted: any proposed change is taken back out of the text.
    case rejected
    /// Withdrawn by the member (recorded by the secretariat on their behalf, or by a resubmission
    /// without the comment): any proposed change is taken back out of the text.
    case withdrawn

    /// How the disposition table writes it.
    public var title: String {
        switch self {
        case .accepted: return "Accepted"
        case .modified: return "Accepted with modification"
        case .noted: return "Noted"
        case .rejected: return "Not accepted"
        case .withdrawn: return "Withdrawn"
        }
    }
}

/// One recorded decision on one comment.
public struct Disposition: Codable, Equatable, Sendable {
    public var comment: String
    public var decision: Decision
    /// For `modified`: the paragraph text the secretariat puts in place of the proposal.
    public var text: String?
    /// The ISO template's "observations of the secretariat".
    public var note: String?
    public var decided: Date

    public init(comment: String, decision: Decision, text: String?, note: String?, decided: Date) {
        self.comment = comment
        self.decision = decision
        self.text = text
        self.note = note
        self.decided = decided
    }
}

/// One row of the disposition-of-comments table.
public struct DispositionRow: Codable, Equatable, Sendable {
    public var id: String
    public var member: String
    public var memberName: String
    /// The paragraph in the version the round was on, or "general".
    public var paragraph: String
    /// Where that paragraph is in the candidate: the same number, a new one, or nil when it was deleted.
    public var paragraphNow: String?
    /// The paragraph no longer exists in the candidate: the comment is orphaned, never dropped.
    public var orphaned: Bool
    public var type: CommentType
    public var comment: String
    public var proposedChange: String?
    /// What the proposed change changes in its paragraph: the changed words with a little context
    /// (`remains a challenge → remains a major challenge`); nil without a proposed change.
    public var change: String?
    /// `accepted`, `modified`, `noted`, `rejected`, `withdrawn`, or nil while undecided.
    public var decision: Decision?
    /// The secretariat's observation.
    public var observation: String?
    /// For `modified`: the text the secretariat used instead.
    public var modifiedText: String?
    public var late: Bool
    /// The comment whose `modified` disposition set the wording of this comment's paragraph, when
    /// this comment's change was pending then: it is not applied, and needs its own disposition.
    public var supersededBy: String?
    /// Why the proposed change was not put in the text, when it was not (an instruction, say).
    public var flag: ProposalFlag?
    /// The ISO template's cells of the comment (MB/NC, line number, clause), when it came in one.
    public var template: TemplateFields?

    public init(id: String, member: String, memberName: String, paragraph: String, paragraphNow: String?, orphaned: Bool,
                type: CommentType, comment: String, proposedChange: String?, decision: Decision?, observation: String?,
                modifiedText: String?, late: Bool, supersededBy: String? = nil) {
        self.id = id
        self.member = member
        self.memberName = memberName
        self.paragraph = paragraph
        self.paragraphNow = paragraphNow
        self.orphaned = orphaned
        self.type = type
        self.comment = comment
        self.proposedChange = proposedChange
        self.decision = decision
        self.observation = observation
        self.modifiedText = modifiedText
        self.late = late
        self.supersededBy = supersededBy
    }

    /// "Accepted", ..., or "Undecided".
    public var dispositionTitle: String { decision?.title ?? "Undecided" }
}
