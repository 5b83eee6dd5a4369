import ContentHash
import DraftFlow
import DraftFlowOffice
import Foundation
import MailCore
import Parallel

/// Reads messages into `MailItem`s: the sender, the received instant, and the comments of the
/// body and attachments, each attachment read by `OfficeFiles.read` as a file sent alone would be.
public enum MailReader {
    /// The extensions of the attachments read as comments.
    public static let attachmentExtensions: Set<String> = ["md", "txt", "csv", "docx", "xlsx"]

    /// The messages of `data`: an mbox (it starts with a `From ` line) or one message.
    public static func messages(in data: Data, name: String) throws -> [MailMessage] {
        do {
            return MailParser.looksLikeMbox(data) ? try MailParser.mbox(data) : [try MailParser.message(data)]
        } catch let error as MailError {
            throw DraftFlowError(.invalidInput, "\(SafeName.display(name)): \(error.message)", fix: "give an .eml file, an mbox or a maildir folder")
        } catch let error as GMimeUnavailable {
            throw DraftFlowError(.workspace, "GMime 3 (\(error.library)), which reads e-mail, could not be loaded: \(error.reason)",
                                 fix: "install it with `sudo apt-get install -y libgmime-3.0-0` (scripts/install-dependencies.sh installs it)")
        }
    }

    /// Every message of these files (each an mbox or one message), numbered from 1 in order: the
    /// files parsed on every core, then each message read (its comments parsed) on every core.
    /// A message of an mbox is stored as `NAME-N.eml`; a message file under its own name.
    /// `version`: the text of the version the round is on, which an attached Word copy is compared with.
    public static func items(in files: [(name: String, data: Data)], version: String? = nil) throws -> [MailItem] {
        let parsed = try concurrentMap(files.map { FileData(name: $0.name, data: $0.data) }) { file -> [ParsedEntry] in
            let messages = try messages(in: file.data, name: file.name)
            let mbox = isMbox(file.data)
            return messages.enumerated().map { index, message in
                ParsedEntry(message: message, source: file.name,
                            stored: mbox ? "\(file.name)-\(index + 1).eml" : (file.name.lowercased().hasSuffix(".eml") ? file.name : file.name + ".eml"))
            }
        }
        let all = Array(parsed.joined())
        return try concurrentMap(Array(all.indices)) { index in
            item(all[index].message, position: index + 1, source: all[index].source, storedName: all[index].stored, version: version)
        }
    }

    private struct FileData: Sendable {
        var name: String
        var data: Data
    }

    private struct ParsedEntry: Sendable {
        var message: MailMessage
        var source: String
        var stored: String
    }

    /// Whether `data` is an mbox (it starts with a `From ` line), not one message.
    public static func isMbox(_ data: Data) -> Bool { MailParser.looksLikeMbox(data) }

    /// Reads one message. `storedName` is the name its original is recorded under (ends in .eml).
    public static func item(_ message: MailMessage, position: Int, source: String, storedName: String, version: String? = nil) -> MailItem {
        let sender = message.from.first
        var notes: [String] = []
        var receivedFrom = MailOrigin.ReceivedFrom.received
        var received = message.topReceived
        if received == nil, let date = message.date {
            received = date
            receivedFrom = .date
        }
        var problem: String?
        var comments: [ParsedComment] = []
        var editedCopy: String?
        var revisions: [Revision] = []
        var readAttachments: [String] = []
        do {
            for part in message.parts where part.isAttachment {
                guard let name = part.fileName else {
                    notes.append("an unnamed \(part.mediaType) part is not read")
                    continue
                }
                let display = SafeName.display(name)
                let fileExtension = SafeName.fileExtension(ofFileName: name).lowercased()
                if part.mediaType.hasPrefix("image/") {
                    notes.append("the image \(display) is not read")
                    continue
                }
                if fileExtension == "pdf" {
                    _ = try OfficeFiles.read(IncomingFile(name: name, data: part.data))
                }
                guard attachmentExtensions.contains(fileExtension) else {
                    throw DraftFlowError(.invalidInput, "its attachment \(display) is not a file DraftFlow reads (.md, .txt, .csv, .docx, .xlsx)", fix: "")
                }
                if name.lowercased().hasSuffix(".proposal.md") {
                    guard editedCopy == nil else { throw DraftFlowError(.invalidInput, "it holds two edited copies of the draft", fix: "") }
                    editedCopy = String(decoding: part.data, as: UTF8.self)
                    readAttachments.append(name)
                    continue
                }
                let file = try OfficeFiles.read(IncomingFile(name: name, data: part.data), version: version)
                do {
                    comments += try file.read?.comments ?? CommentParser.parse(data: file.data, fileName: name)
                } catch let error as DraftFlowError {
                    throw DraftFlowError(error.kind, "its attachment \(display): \(error.message)", fix: error.fix)
                }
                if let copy = file.read?.editedCopy {
                    guard editedCopy == nil else { throw DraftFlowError(.invalidInput, "it holds two edited copies of the draft", fix: "") }
                    editedCopy = copy
                }
                revisions += file.read?.revisions ?? []
                notes += file.read?.notes ?? []
                readAttachments.append(name)
            }
            let body = MailBody.own(MailBody.text(of: message) ?? "")
            if !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                if MailBody.hasHeading(body) || readAttachments.isEmpty {
                    do {
                        comments = try CommentParser.parse(data: Data(body.utf8), fileName: "body.md") + comments
                    } catch let error as DraftFlowError {
                        throw DraftFlowError(error.kind, "its body: \(error.message)", fix: error.fix)
                    }
                } else {
                    notes.append("its body has no comment heading: read as a covering note, not as a comment")
                }
            }
            if comments.isEmpty && editedCopy == nil {
                throw DraftFlowError(.invalidInput, "it holds no comment (an empty body and no attachment DraftFlow reads)", fix: "")
            }
        } catch let error as DraftFlowError {
            problem = error.message
        } catch {
            problem = "it cannot be read: \(error)"
        }
        let origin = MailOrigin(messageID: message.messageID, contentHash: contentHash(message), from: sender?.address ?? "",
                                subject: message.subject, receivedFrom: receivedFrom, attachments: readAttachments.isEmpty ? nil : readAttachments)
        let read = ReadSubmission(comments: comments, editedCopy: editedCopy, revisions: revisions, notes: notes, mail: origin)
        return MailItem(position: position, source: source, from: sender?.address ?? "", fromName: sender?.name, subject: message.subject,
                        messageID: message.messageID, contentHash: origin.contentHash, received: received, receivedFrom: receivedFrom,
                        file: IncomingFile(name: storedName, data: message.raw, read: read), problem: problem, notes: notes)
    }

    /// The hash of what the sender wrote: `From:`, `Subject:`, `Date:` and the body as sent, not the
    /// `Received:` and other headers servers add on the way (a message delivered twice, or
    /// kept in two mailboxes, has the same hash).
    public static func contentHash(_ message: MailMessage) -> String {
        var content = Data()
        for name in ["From", "Subject", "Date"] {
            content.append(Data((message.headers(named: name).first ?? "").utf8))
            content.append(0x0A)
        }
        content.append(message.rawBody)
        return FileSHA256.hex(content)
    }
}
