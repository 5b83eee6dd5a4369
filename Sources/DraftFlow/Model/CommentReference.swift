/// Everything a comment's heading (or template row) named. The comment's `anchor` is its first
/// part: general, the first paragraph, or `after X` for an insertion.
///
/// Ids are those of the shared contract (`4.2.2.3`, `3.3 b) 4)`, `2.1.1 •2`, `¶1`); the parser
/// does not know the draft, so whether they exist is checked where the draft is known.
///
/// In JSON a reference is written only when the anchor alone does not say it (lists and ranges):
/// `{"kind": "paragraphs", "paragraphs": ["4.2.2.5", "4.2.2.6"]}` or
/// `{"from": "4.2.2.5", "kind": "range", "to": "4.2.2.6"}`; `{"kind": "general"}` and
/// `{"after": "4.2.2.6", "kind": "insertion"}` are read too.
public enum CommentReference: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The whole text.
    case general
    /// One or more paragraphs, in the order named, without repeats.
    case paragraphs([String])
    /// The paragraphs from one to another, both included (`4.2.2.5-4.2.2.6`).
    case range(from: String, to: String)
    /// A proposed new paragraph, after the paragraph named.
    case insertion(after: String)

    /// The primary anchor: general, the first paragraph named, or `after X`.
    public var anchor: Anchor {
        switch self {
        case .general: return .general
        case .paragraphs(let ids): return ids.first.map(Anchor.paragraph) ?? .general
        case .range(let from, _): return .paragraph(from)
        case .insertion(let after): return .paragraph("after " + after)
        }
    }

    /// What an anchor alone means (a record written without a reference): general, `after X` as an
    /// insertion, else that one paragraph.
    public static func implied(by anchor: Anchor) -> CommentReference {
        switch anchor {
        case .general: return .general
        case .paragraph(let id):
            if id.hasPrefix("after ") { return .insertion(after: String(id.dropFirst("after ".count))) }
            return .paragraphs([id])
        }
    }

    /// `general`, `4.2.2.3`, `4.2.2.5, 4.2.2.6`, `4.2.2.5-4.2.2.6`, `after 4.2.2.6`.
    public var description: String {
        switch self {
        case .general: return "general"
        case .paragraphs(let ids): return ids.joined(separator: ", ")
        case .range(let from, let to): return from + "-" + to
        case .insertion(let after): return "after " + after
        }
    }

    private enum CodingKeys: String, CodingKey { case after, from, kind, paragraphs, to }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "general": self = .general
        case "paragraphs":
            let ids = try container.decode([String].self, forKey: .paragraphs)
            guard !ids.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: .paragraphs, in: container, debugDescription: "a reference names at least one paragraph")
            }
            self = .paragraphs(ids)
        case "range": self = .range(from: try container.decode(String.self, forKey: .from), to: try container.decode(String.self, forKey: .to))
        case "insertion": self = .insertion(after: try container.decode(String.self, forKey: .after))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown kind of reference '\(kind)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .general:
            try container.encode("general", forKey: .kind)
        case .paragraphs(let ids):
            try container.encode("paragraphs", forKey: .kind)
            try container.encode(ids, forKey: .paragraphs)
        case .range(let from, let to):
            try container.encode("range", forKey: .kind)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case .insertion(let after):
            try container.encode("insertion", forKey: .kind)
            try container.encode(after, forKey: .after)
        }
    }
}

/// The cells of the ISO commenting template that say where a comment came from and what it is
/// about, as the member wrote them (trimmed; empty cells are nil). Kept on comments read from a
/// `.csv` file; Markdown comments have none.
public struct TemplateFields: Codable, Equatable, Sendable {
    /// `MB/NC`: the member body or national committee.
    public var memberBody: String?
    /// `Line number`.
    public var line: String?
    /// `Clause/Subclause`.
    public var clause: String?
    /// `Paragraph/Figure/Table/Note`.
    public var paragraph: String?
    /// The row of the file the comment was on, as a spreadsheet numbers rows (the header is a row).
    public var row: Int

    public init(memberBody: String? = nil, line: String? = nil, clause: String? = nil, paragraph: String? = nil, row: Int) {
        self.memberBody = memberBody
        self.line = line
        self.clause = clause
        self.paragraph = paragraph
        self.row = row
    }
}
