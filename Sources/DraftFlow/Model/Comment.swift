/// The type of a comment, as in the ISO commenting template (ge / te / ed).
public enum CommentType: String, Codable, Sendable, CaseIterable, Equatable {
    case general
    case technical
    case editorial
    /// A change found in a member's edited copy with no comment of theirs to give it a type.
    case unspecified
}

/// Where a comment applies: the whole text, or one numbered paragraph (or section) of the draft.
public enum Anchor: Hashable, Sendable, Codable, CustomStringConvertible {
    case general
    /// A paragraph or section number as written in the draft, e.g. "2.3" or "1".
    case paragraph(String)

    public var description: String {
        switch self {
        case .general: return "general"
        case .paragraph(let number): return number
        }
    }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(String.self)
        self = value == "general" ? .general : .paragraph(value)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// One point made by one member, as parsed from a submission, before it gets its id.
public struct ParsedComment: Equatable, Sendable {
    /// The primary anchor: general, the first paragraph named, or `after X` for a new paragraph.
    public var anchor: Anchor
    /// Everything the heading (or the template row) named; `anchor` is its first part.
    public var reference: CommentReference
    public var type: CommentType
    /// The comment itself (the member's reasoning).
    public var text: String
    /// The text the member proposes, as written after the label (`Proposed change:`): a leading
    /// paragraph number and the tab or spaces after it are kept. `proposedBody` is the text
    /// without a leading number that repeats the anchor.
    public var proposedChange: String?
    /// Whether the proposed change is text or an instruction; nil when there is no proposed change.
    public var proposalKind: ProposedChangeKind?
    /// The ISO template's cells, for a comment read from a `.csv` file.
    public var template: TemplateFields?

    /// A comment on `anchor` alone; the proposed change, if any, is replacement text unless
    /// `proposalKind` says otherwise.
    public init(anchor: Anchor, type: CommentType, text: String, proposedChange: String? = nil,
                proposalKind: ProposedChangeKind? = nil, template: TemplateFields? = nil) {
        self.init(reference: CommentReference.implied(by: anchor), type: type, text: text, proposedChange: proposedChange,
                  proposalKind: proposalKind, template: template)
    }

    /// A comment on everything `reference` names; its anchor is the reference's first part.
    public init(reference: CommentReference, type: CommentType, text: String, proposedChange: String? = nil,
                proposalKind: ProposedChangeKind? = nil, template: TemplateFields? = nil) {
        self.anchor = reference.anchor
        self.reference = reference
        self.type = type
        self.text = text
        self.proposedChange = proposedChange
        self.proposalKind = proposedChange == nil ? nil : proposalKind ?? .replacement
        self.template = template
    }

    /// The proposed change without a leading number that repeats the anchor (see
    /// `ParagraphReference.proposedBody`); nil without a proposed change.
    public var proposedBody: String? {
        guard let proposedChange else { return nil }
        guard case .paragraph(let id) = anchor else { return proposedChange }
        return ParagraphReference.proposedBody(proposedChange, anchor: id)
    }
}

/// A recorded comment with its stable id (`CAN-1`).
///
/// Its JSON has the keys `anchor`, `id`, `member`, `proposedChange` (when there is one), `text` and
/// `type`, as records have always had, and only when they say more than that: `proposalKind`
/// (an instruction), `reference` (a list or range) and `template` (a CSV comment). A comment on
/// one paragraph from a Markdown file writes exactly the JSON it wrote before these existed.
public struct Comment: Codable, Equatable, Sendable {
    public var id: String
    public var member: String
    public var anchor: Anchor
    public var reference: CommentReference
    public var type: CommentType
    public var text: String
    /// As in `ParsedComment`: the proposed text as written, a leading number kept.
    public var proposedChange: String?
    public var proposalKind: ProposedChangeKind?
    public var template: TemplateFields?

    public init(id: String, member: String, parsed: ParsedComment) {
        self.id = id
        self.member = member
        self.anchor = parsed.anchor
        self.reference = parsed.reference
        self.type = parsed.type
        self.text = parsed.text
        self.proposedChange = parsed.proposedChange
        self.proposalKind = parsed.proposalKind
        self.template = parsed.template
    }

    /// The proposed change without a leading number that repeats the anchor; nil without one.
    public var proposedBody: String? {
        guard let proposedChange else { return nil }
        guard case .paragraph(let id) = anchor else { return proposedChange }
        return ParagraphReference.proposedBody(proposedChange, anchor: id)
    }

    /// Whether `reference` is worth writing: it says more than the anchor.
    var writesReference: Bool { reference != CommentReference.implied(by: anchor) }

    /// The kind worth writing: only an instruction.
    var writtenProposalKind: ProposedChangeKind? { proposalKind?.isInstruction == true ? proposalKind : nil }

    private enum CodingKeys: String, CodingKey {
        case anchor, id, member, proposalKind, proposedChange, reference, template, text, type
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        member = try container.decode(String.self, forKey: .member)
        anchor = try container.decode(Anchor.self, forKey: .anchor)
        reference = try container.decodeIfPresent(CommentReference.self, forKey: .reference) ?? CommentReference.implied(by: anchor)
        type = try container.decode(CommentType.self, forKey: .type)
        text = try container.decode(String.self, forKey: .text)
        proposedChange = try container.decodeIfPresent(String.self, forKey: .proposedChange)
        proposalKind = try container.decodeIfPresent(ProposedChangeKind.self, forKey: .proposalKind)
            ?? (proposedChange == nil ? nil : .replacement)
        template = try container.decodeIfPresent(TemplateFields.self, forKey: .template)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(anchor, forKey: .anchor)
        try container.encode(id, forKey: .id)
        try container.encode(member, forKey: .member)
        try container.encodeIfPresent(writtenProposalKind, forKey: .proposalKind)
        try container.encodeIfPresent(proposedChange, forKey: .proposedChange)
        if writesReference { try container.encode(reference, forKey: .reference) }
        try container.encodeIfPresent(template, forKey: .template)
        try container.encode(text, forKey: .text)
        try container.encode(type, forKey: .type)
    }
}

extension Comment: KeysNotWrittenAgain {
    /// What `encode(to:)` leaves out: a kind that is not an instruction, a reference the anchor
    /// says, and the optional values that are nil.
    var keysNotWrittenAgain: [String] {
        var keys: [String] = []
        if writtenProposalKind == nil { keys.append(CodingKeys.proposalKind.stringValue) }
        if proposedChange == nil { keys.append(CodingKeys.proposedChange.stringValue) }
        if !writesReference { keys.append(CodingKeys.reference.stringValue) }
        if template == nil { keys.append(CodingKeys.template.stringValue) }
        return keys
    }
}
