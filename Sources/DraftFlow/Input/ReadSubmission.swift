import Foundation

/// What a reader of a format that is not plain text (a Word document, a spreadsheet, an e-mail
/// attachment) made of a member's file, before it is recorded. The original file is still kept
/// byte for byte; this is what DraftFlow read from it.
public struct ReadSubmission: Sendable, Equatable {
    /// The comments found in the file, as the comment parser would have given them.
    public var comments: [ParsedComment]
    /// The member's edited copy of the draft, as plain text in DraftFlow's format (a Word copy
    /// with every tracked change accepted), when the file is one.
    public var editedCopy: String?
    /// The tracked changes the file held, each with its author and date.
    public var revisions: [Revision]
    /// What the reader noticed and the secretariat should know (printed, not stored).
    public var notes: [String]
    /// For an e-mail message, its identity, stored in the submission record.
    public var mail: MailOrigin?

    public init(comments: [ParsedComment], editedCopy: String? = nil, revisions: [Revision] = [], notes: [String] = [], mail: MailOrigin? = nil) {
        self.comments = comments
        self.editedCopy = editedCopy
        self.revisions = revisions
        self.notes = notes
        self.mail = mail
    }
}

/// One tracked change of a Word document: who made it, when, and what it inserted or deleted.
public struct Revision: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case insertion
        case deletion
    }

    public var kind: Kind
    public var author: String
    /// As Word recorded it; nil when the document gives none.
    public var date: Date?
    /// The paragraph of the version it falls in, when known.
    public var paragraph: String?
    public var text: String

    public init(kind: Kind, author: String, date: Date?, paragraph: String?, text: String) {
        self.kind = kind
        self.author = author
        self.date = date
        self.paragraph = paragraph
        self.text = text
    }
}
