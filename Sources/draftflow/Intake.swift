import ArgumentParser
import DraftFlow
import DraftFlowOffice
import Foundation
import Parallel

struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Record every submission in a folder at once: one attributed commit each, written and synced together.",
        discussion: """
        The folder holds one comment file per member, named by its code (CAN.md, USA.csv, CHN.docx), and \
        optionally its edited copy of the draft (CAN.proposal.md). A Word copy of the draft (.docx) is read \
        as the member's edited copy, its tracked changes and Word comments included; Word's owner files \
        (~$CAN.docx) are skipped. Every file is checked before \
        anything is written: one bad file stops the whole intake and nothing is recorded.
        With --consolidated FILE instead of a folder, the secretariat's consolidated ISO template \
        (.csv, .xlsx or a Word table) is split by its MB/NC column into one submission per member.
        Example: draftflow intake inbox/ --received 2020-03-01T18:00:00+01:00
        Example: draftflow intake --consolidated compiled-comments.xlsx --received 2020-03-02
        With --mail, the messages of the secretariat's mailbox: each from a member's registered \
        address is its submission, received when the server received it; others are held.
        Example: draftflow intake --mail inbox.mbox; draftflow intake --mail inbox.mbox --held
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The folder of submissions.")
    var folder: String?

    @Option(help: ArgumentHelp("The secretariat's consolidated ISO template (.csv, .xlsx or .docx), split by MB/NC into one submission per member.",
                               valueName: "FILE"))
    var consolidated: String?
    @Option(help: ArgumentHelp("Take in e-mail instead: an .eml file, an mbox, a maildir or a folder of .eml files.", valueName: "FILE|FOLDER"))
    var mail: String?

    @Flag(help: "With --mail: list the messages held (unknown sender, another subject, unreadable), record nothing.")
    var held = false

    @Option(name: .customLong("as"), help: ArgumentHelp("With --mail: record a held message as this member's.", valueName: "CODE"))
    var asMember: String?

    @Option(help: ArgumentHelp("With --as: which held message, by its number in --held's list.", valueName: "N"))
    var message: Int?

    @OptionGroup var submission: SubmissionOptions

    @Flag(help: "Print the recorded submissions as JSON.")
    var json = false

    func validate() throws {
        if [folder != nil, consolidated != nil, mail != nil].filter({ $0 }).count != 1 {
            throw ValidationError("give one of: a folder of submissions, --consolidated FILE, or --mail FILE|FOLDER")
        }
    }

    func run() throws {
        if let mail { return try runMail(mail) }
        try withErrorHandling {
            let context = try options.context()
            let zone = try context.workflow().zone()
            let receivedAt = try submission.receivedAt(in: zone)
            if let consolidated {
                let (items, split) = try consolidatedItems(consolidated, context: context, receivedAt: receivedAt)
                try record(items, context: context, zone: zone, heading: split)
                return
            }
            guard let folder else {
                throw DraftFlowError(.invalidInput, "name the folder of submissions", fix: "e.g. draftflow intake inbox/, or draftflow intake --mail mailbox.mbox")
            }
            let url = URL(fileURLWithPath: folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DraftFlowError(.invalidInput, "\(folder) is not a folder", fix: "name a folder holding CODE.md or CODE.csv files")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter(isIntakeSubmissionName).sorted()
            var comments: [String: String] = [:]
            var proposals: [String: String] = [:]
            // Only the folder's own files: no link out of it (to /etc/passwd, say), no FIFO or
            // device that would hang the intake, no sub-folder. All are checked before any is read.
            for name in names {
                let kind = UserFileKind(path: url.appendingPathComponent(name).path) ?? .other
                if kind != .regular {
                    try kind.refuseUnlessRegular(what: "\(name) in \(folder)", inFolder: true)
                }
            }
            for name in names {
                if name.hasSuffix(".proposal.md") {
                    proposals[String(name.dropLast(".proposal.md".count))] = name
                } else if let dot = name.lastIndex(of: ".") {
                    let code = String(name[..<dot])
                    if let other = comments[code] {
                        throw DraftFlowError(.invalidInput, "\(folder) has two comment files for \(code): \(other) and \(name)", fix: "keep one per member")
                    }
                    comments[code] = name
                } else {
                    throw DraftFlowError(.invalidInput, "\(name) in \(folder) has no extension", fix: "name comment files CODE.md or CODE.csv")
                }
            }
            if let orphan = proposals.keys.sorted().first(where: { comments[$0] == nil }) {
                throw DraftFlowError(.invalidInput, "\(orphan).proposal.md has no comment file beside it", fix: "add \(orphan).md (a general comment is enough)")
            }
            guard !comments.isEmpty else {
                throw DraftFlowError(.invalidInput, "\(folder) holds no submission", fix: "put CODE.md or CODE.csv files in it")
            }
            // The files are read on every core: hundreds of them, a megabyte each.
            let codes = comments.keys.sorted()
            let files = codes.map { (code: $0, comments: comments[$0]!, proposal: proposals[$0]) }
            let version = try versionForWordCopies(files.map(\.comments), round: submission.round, context: context)
            let items = try concurrentMap(files) { file -> Submissions.BatchItem in
                let data = try readUserFile(url.appendingPathComponent(file.comments).path, what: "the comment file")
                let proposal = try file.proposal.map {
                    IncomingFile(name: $0, data: try readUserFile(url.appendingPathComponent($0).path, what: "the proposal"))
                }
                return Submissions.BatchItem(member: file.code, file: try OfficeFiles.read(.init(name: file.comments, data: data), version: version), proposal: proposal,
                                             received: receivedAt)
            }
            try record(items, context: context, zone: zone)
        }
    }

    /// Records the items at once and prints what was recorded (after `heading`), with a receipt each.
    func record(_ items: [Submissions.BatchItem], context: DraftingContext, zone: TimeZone, heading: String? = nil) throws {
        let result = try Submissions(context).intake(items, late: submission.late, roundName: submission.round)
        let submissions = result.recorded
        for recorded in submissions { warnIfNotCurrent(recorded, zone: zone) }
        var standardError = StandardError()
        for known in result.alreadyRecorded {
            Swift.print(TerminalText.escaped("note: \(known.member)'s submission is recorded already, byte for byte (submission \(known.number) in round \(known.round)): skipped"),
                        to: &standardError)
        }
        if json {
            printJSON(data: try RecordCoding.encoder(timeZone: zone).encode(submissions))
            return
        }
        let count = submissions.reduce(0) { $0 + $1.comments.count }
        let copies = submissions.filter { $0.proposal != nil }.count
        if submissions.isEmpty && !result.alreadyRecorded.isEmpty {
            print("Recorded nothing: all \(result.alreadyRecorded.count) submissions are recorded already")
            return
        }
        if let heading { print(heading) }
        print("Recorded \(submissions.count) submission\(submissions.count == 1 ? "" : "s") (\(count) comment\(count == 1 ? "" : "s"), "
              + "\(copies) edited cop\(copies == 1 ? "y" : "ies")) in round \(submissions.first?.round ?? "-")")
        let workflow = try context.workflow()
        let byCode = Dictionary(items.map { ($0.member.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for (index, recorded) in submissions.enumerated() {
            guard let item = byCode[recorded.member] else { continue }
            printReceipt(Receipt(submission: recorded, commit: index < result.commitIDs.count ? result.commitIDs[index] : "-",
                                 title: workflow.title, memberName: workflow.members.first { $0.code == recorded.member }?.name,
                                 version: workflow.rounds.first { $0.name == recorded.round }?.on,
                                 zone: zone, original: item.file.data, proposal: item.proposal?.data, sha256: result.sha256))
            // Each file's pages are given back once its receipt is made: 772 copies are 772 MB.
            MappedFiles.release(item.file.data)
            if let proposal = item.proposal { MappedFiles.release(proposal.data) }
        }
    }
}
