import DraftFlow
import DraftFlowMail
import Foundation

/// `intake --mail`: the messages of an .eml file, an mbox, a maildir or a folder of .eml files.
extension Intake {
    /// The largest mailbox file read (an mbox holds every message of a round, attachments included).
    static let mailboxLimit = 512 * 1_048_576

    func runMail(_ path: String) throws {
        try withErrorHandling {
            if folder != nil {
                throw DraftFlowError(.invalidInput, "give either a folder of submissions or --mail, not both", fix: "e.g. draftflow intake --mail inbox.mbox")
            }
            if asMember == nil, message != nil {
                throw DraftFlowError(.invalidInput, "--message chooses the held message --as records", fix: "add --as CODE")
            }
            if held && asMember != nil {
                throw DraftFlowError(.invalidInput, "--held lists the held messages; --as records one", fix: "run them one after the other")
            }
            let context = try options.context()
            let zone = try context.workflow().zone()
            if submission.received != nil {
                throw DraftFlowError(.invalidInput, "--received does not apply to e-mail: each message is received when the secretariat's server received it",
                                     fix: "leave out --received")
            }
            // An attached Word copy is compared with the version the round is on.
            let version = try versionText(round: submission.round, context: context)
            let items = try Self.mailItems(at: path, version: version)
            let intake = MailIntake(context)
            var standardError = StandardError()
            if held {
                let sorted = try intake.sort(items, late: submission.late, roundName: submission.round)
                printHeld(sorted.filter { if case .held = $0.disposition { true } else { false } }, path: path, zone: zone)
                return
            }
            var only: Int?
            if let asMember {
                let sorted = try intake.sort(items, late: submission.late, roundName: submission.round)
                only = try chooseHeld(sorted, member: asMember, path: path)
            }
            let outcome = try intake.intake(items, late: submission.late, roundName: submission.round, as: asMember, only: only)
            for recorded in outcome.recorded { warnIfNotCurrent(recorded, zone: zone) }
            for entry in outcome.sorted where only == nil || entry.item.position == only {
                let label = "message \(entry.item.position) (\(entry.item.from))"
                switch entry.disposition {
                case .record:
                    if entry.item.receivedFrom == .date {
                        Swift.print(TerminalText.escaped("warning: \(label) has no Received: header DraftFlow can read: its received instant is its Date: header, as the sender's client wrote it"), to: &standardError)
                    }
                    for note in entry.item.notes { Swift.print(TerminalText.escaped("note: \(label): \(note)"), to: &standardError) }
                case .known(let member, let round, let number):
                    Swift.print(TerminalText.escaped("note: \(label) is recorded already as \(member)'s submission \(number) in round \(round): skipped"), to: &standardError)
                case .repeats(let first):
                    Swift.print(TerminalText.escaped("note: \(label) is message \(first) again (the same \(entry.item.messageID == nil ? "content" : "Message-ID")): skipped"), to: &standardError)
                case .held:
                    break
                }
            }
            if json {
                printJSON(data: try RecordCoding.encoder(timeZone: zone).encode(outcome.recorded))
                return
            }
            let count = outcome.recorded.reduce(0) { $0 + $1.comments.count }
            let copies = outcome.recorded.filter { $0.proposal != nil }.count
            print("Read \(items.count) message\(items.count == 1 ? "" : "s") from \(TerminalText.escaped(path))")
            if outcome.recorded.isEmpty {
                print("Recorded nothing")
            } else {
                print("Recorded \(outcome.recorded.count) submission\(outcome.recorded.count == 1 ? "" : "s") (\(count) comment\(count == 1 ? "" : "s"), "
                      + "\(copies) edited cop\(copies == 1 ? "y" : "ies")) in round \(outcome.recorded.first?.round ?? "-")")
                // Codes line up in a column as wide as the longest (ERICSSON beside CAN).
                let codeWidth = DisplayWidth.column(outcome.recorded.map(\.member))
                for recorded in outcome.recorded {
                    let item = outcome.sorted.first { $0.item.file.read?.mail?.contentHash == recorded.mail?.contentHash }?.item
                    print(TerminalText.escaped("  \(DisplayWidth.padded(recorded.member, to: codeWidth))  submission \(recorded.number)  \(recorded.comments.count) comment\(recorded.comments.count == 1 ? "" : "s")"
                        + "  received \(InstantFormat.human(recorded.received, in: zone))  message \(item?.position ?? 0) from \(item?.sender ?? "-")"))
                }
            }
            let stillHeld = only == nil ? outcome.held : []
            if !stillHeld.isEmpty {
                print("Held \(stillHeld.count) message\(stillHeld.count == 1 ? "" : "s"): see `draftflow intake --mail \(TerminalText.escaped(path)) --held`")
            }
            // Each member's receipt, as `comment` and a folder intake print it.
            let workflow = try context.workflow()
            for (index, recorded) in outcome.recorded.enumerated() {
                guard let item = outcome.sorted.first(where: { $0.item.file.read?.mail?.contentHash == recorded.mail?.contentHash })?.item else { continue }
                printReceipt(Receipt(submission: recorded, commit: index < outcome.commitIDs.count ? outcome.commitIDs[index] : "-",
                                     title: workflow.title, memberName: workflow.members.first { $0.code == recorded.member }?.name,
                                     version: workflow.rounds.first { $0.name == recorded.round }?.on,
                                     zone: zone, original: item.file.data, proposal: item.file.read?.editedCopy.map { Data($0.utf8) }))
            }
        }
    }

    /// The held message `--as` records: the one `--message` names, or the only one held.
    private func chooseHeld(_ sorted: [MailIntake.Sorted], member: String, path: String) throws -> Int {
        let heldOnes = sorted.filter { if case .held = $0.disposition { true } else { false } }
        guard let number = message ?? (heldOnes.count == 1 ? heldOnes[0].item.position : nil) else {
            throw DraftFlowError(.invalidInput, heldOnes.isEmpty ? "no message of \(path) is held" : "\(heldOnes.count) messages of \(path) are held: say which with --message N",
                                 fix: "see `draftflow intake --mail \(path) --held`")
        }
        guard let entry = sorted.first(where: { $0.item.position == number }) else {
            throw DraftFlowError(.invalidInput, "\(path) has no message \(number) (it has \(sorted.count))", fix: "see `draftflow intake --mail \(path) --held`")
        }
        guard case .held = entry.disposition else {
            throw DraftFlowError(.refused, "message \(number) of \(path) is not held", fix: "see `draftflow intake --mail \(path) --held`")
        }
        if let problem = entry.item.problem {
            throw DraftFlowError(.refused, "message \(number) of \(path) cannot be recorded: \(problem)", fix: "ask the member to send it again as DraftFlow reads it")
        }
        return number
    }

    private func printHeld(_ heldOnes: [MailIntake.Sorted], path: String, zone: TimeZone) {
        guard !heldOnes.isEmpty else {
            print("No message of \(TerminalText.escaped(path)) is held")
            return
        }
        print("\(heldOnes.count) message\(heldOnes.count == 1 ? "" : "s") of \(TerminalText.escaped(path)) held:")
        for entry in heldOnes {
            guard case .held(let reason) = entry.disposition else { continue }
            let item = entry.item
            let when = item.received.map { InstantFormat.human($0, in: zone) } ?? "-"
            print(TerminalText.escaped("  \(item.position)  \(when)  \(item.sender)  \"\(item.subject ?? "")\""))
            print(TerminalText.escaped("     \(reason)"))
        }
        print("Record one as a member's with `draftflow intake --mail \(TerminalText.escaped(path)) --as CODE --message N`")
    }

    /// The messages at `path`, read on every core: an mbox or an .eml file; a maildir (its `new`
    /// and `cur` folders) or a folder of .eml files, by file name.
    static func mailItems(at path: String, version: String? = nil) throws -> [MailItem] {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DraftFlowError(.invalidInput, "the mailbox \(path) does not exist", fix: "check the path")
        }
        var files: [(path: String, name: String)] = []
        if isDirectory.boolValue {
            let maildir = ["new", "cur"].map { url.appendingPathComponent($0) }.filter { FileManager.default.fileExists(atPath: $0.path) }
            let folders = maildir.isEmpty ? [url] : maildir
            for folder in folders {
                let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
                for name in names where !maildir.isEmpty || name.lowercased().hasSuffix(".eml") {
                    let kind = UserFileKind(path: folder.appendingPathComponent(name).path) ?? .other
                    if kind != .regular { try kind.refuseUnlessRegular(what: "\(name) in \(path)", inFolder: true) }
                    files.append((folder.appendingPathComponent(name).path, name))
                }
            }
            files.sort { $0.name < $1.name }
            if files.isEmpty {
                throw DraftFlowError(.invalidInput, "\(path) holds no message", fix: maildir.isEmpty ? "put .eml files in it, or name an mbox or a maildir" : "check the maildir's new/ and cur/ folders")
            }
        } else {
            files = [(path, url.lastPathComponent)]
        }
        let data = try files.map { (name: $0.name, data: try readUserFile($0.path, what: "the mailbox", limit: mailboxLimit)) }
        return try MailReader.items(in: data, version: version)
    }
}

/// A message or mailbox given to `comment` would be read as a comment file (its headers and
/// base64 as text): it goes to `intake --mail`, which reads it as mail.
func refuseMailFile(_ path: String, member: String) throws {
    let name = URL(fileURLWithPath: path).lastPathComponent
    let fileExtension = SafeName.fileExtension(ofFileName: name).lowercased()
    guard fileExtension == "eml" || fileExtension == "mbox" else { return }
    throw DraftFlowError(.invalidInput, "\(SafeName.display(name)) is an e-mail \(fileExtension == "eml" ? "message" : "mailbox"), not a comment file",
                         fix: "take it in with `draftflow intake --mail \(path)` (its sender's address must be \(member)'s; or add --as \(member) for a held message)")
}
