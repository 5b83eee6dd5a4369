import Foundation

/// Where a submission that came by e-mail came from, as its record keeps it: the message is
/// known by its Message-ID and by the hash of its content, so the same intake run twice (or the
/// same message delivered twice) records it once.
public struct MailOrigin: Codable, Equatable, Sendable {
    /// What the received instant was read from.
    public enum ReceivedFrom: String, Codable, Sendable {
        /// The top `Received:` header: when the secretariat's server received it.
        case received
        /// The `Date:` header, as the sender's client wrote it (the message had no usable `Received:`).
        case date
        /// The secretariat gave it (`--received`).
        case given
    }

    /// Without angle brackets; nil when the message has none.
    public var messageID: String?
    /// The hash of the message's content: sender, subject, date and body, not the headers each
    /// server on the way adds (DraftFlowMail computes it).
    public var contentHash: String
    /// The sender's address, as in `From:`.
    public var from: String
    /// The subject, decoded.
    public var subject: String?
    public var receivedFrom: ReceivedFrom
    /// The attachments read as the member's comments, by name.
    public var attachments: [String]?
    /// True when the message was held and the secretariat recorded it as this member's
    /// (`intake --mail … --as CODE`): its sender or subject did not say so.
    public var assigned: Bool?

    public init(messageID: String?, contentHash: String, from: String, subject: String?, receivedFrom: ReceivedFrom, attachments: [String]? = nil) {
        self.messageID = messageID
        self.contentHash = contentHash
        self.from = from
        self.subject = subject
        self.receivedFrom = receivedFrom
        self.attachments = attachments
    }
}
