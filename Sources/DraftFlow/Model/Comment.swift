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
    public var anchor: Anchor
    public var type: CommentType
    /// The comment itself (the member's reasoning).
    public var text: String
    /// The text the member proposes instead, if any.
    public var proposedChange: String?

    public init(anchor: Anchor, type: CommentType, text: String, proposedChange: String? = nil) {
        self.anchor = anchor
        self.type = type
        self.text = text
        self.proposedChange = proposedChange
    }
}

/// A recorded comment with its stable id (`CAN-1`).
public struct Comment: Codable, Equatable, Sendable {
    public var id: String
    public var member: String
    public var anchor: Anchor
    public var type: CommentType
    public var text: String
    public var proposedChange: String?

    public init(id: String, member: String, parsed: ParsedComment) {
        self.id = id
        self.member = member
        self.anchor = parsed.anchor
        self.type = parsed.type
        self.text = parsed.text
        self.proposedChange = parsed.proposedChange
    }
}
