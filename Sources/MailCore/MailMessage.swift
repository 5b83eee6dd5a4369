import Foundation

/// One header of a message, decoded (RFC 2047 words, folding undone).
public struct MailHeader: Equatable, Sendable {
    public var name: String
    public var value: String
}

/// An address of a `From:` header: the display name decoded, the address as written.
public struct MailAddress: Equatable, Sendable {
    public var name: String?
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}

/// A leaf part of a message: a body or an attachment, its transfer encoding undone.
public struct MailPart: Equatable, Sendable {
    /// `type/subtype`, lowercase.
    public var mediaType: String
    /// The file name it was sent with (RFC 2231 and 2047 decoded), if any.
    public var fileName: String?
    /// Marked an attachment (`Content-Disposition: attachment`) or named.
    public var isAttachment: Bool
    /// The bytes, decoded from base64 or quoted-printable.
    public var data: Data
    /// For a text part, its text converted to UTF-8 from its charset.
    public var text: String?
}

/// A message as GMime read it, with its bytes exactly as they came.
public struct MailMessage: Sendable {
    /// The message's bytes as received (for a message of an mbox, without its `From ` line).
    public var raw: Data
    /// Where the body starts in `raw` (after the header block).
    public var bodyOffset: Int
    /// Every header, top first (the top `Received:` is the last server's).
    public var headers: [MailHeader]
    public var from: [MailAddress]
    /// Decoded; nil when the message has none.
    public var subject: String?
    /// Without the angle brackets.
    public var messageID: String?
    /// The `Date:` header, as the sender's client wrote it.
    public var date: Date?
    /// Every leaf part, in the order of the message.
    public var parts: [MailPart]

    /// The values of the headers named `name` (any case), top first.
    public func headers(named name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// When the top `Received:` header says the message arrived: the date after its last `;`.
    public var topReceived: Date? {
        guard let top = headers(named: "Received").first, let semicolon = top.lastIndex(of: ";") else { return nil }
        return GMime.date(String(top[top.index(after: semicolon)...]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The body's bytes as sent (every part, before decoding).
    public var rawBody: Data { raw.subdata(in: min(bodyOffset, raw.count)..<raw.count) }
}
