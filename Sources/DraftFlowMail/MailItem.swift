import DraftFlow
import Foundation

/// One message of a mailbox as DraftFlow read it, before it is matched to a member and a round.
public struct MailItem: Sendable {
    /// Its place in what was read: 1 for the first message of the mbox or folder.
    public var position: Int
    /// Where it was read from (the mbox, the .eml file, the maildir entry), for messages.
    public var source: String
    /// The sender's address and display name, as in `From:`.
    public var from: String
    public var fromName: String?
    public var subject: String?
    public var messageID: String?
    public var contentHash: String
    /// When it was received (the top `Received:` header, else `Date:`); nil when neither says.
    public var received: Date?
    public var receivedFrom: MailOrigin.ReceivedFrom
    /// The message kept byte for byte, with what was read from its body and attachments; nil when
    /// it could not be read as comments (`problem` says why).
    public var file: IncomingFile
    /// Why it cannot be recorded as it is (an attachment DraftFlow cannot read, a body the comment
    /// parser refuses, no comment at all); nil when it can.
    public var problem: String?
    /// What the secretariat should know (a Date: used for want of Received:, ignored parts).
    public var notes: [String]

    /// `Name <address>` as a person reads it.
    public var sender: String { fromName.map { "\($0) <\(from)>" } ?? from }
}
