import ArgumentParser
import DraftFlow
import DraftFlowOffice
import Foundation

struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Record one member's submission in the open round.",
        discussion: """
        FILE is kept byte for byte and parsed into comments, each with a stable id (CAN-1, CAN-2, ...). \
        Markdown: one '## <paragraph> (<type>)' section per comment, with an optional 'Proposed change:' \
        line; plain text without sections is one general comment. A paragraph is its id as \
        `draftflow outline` lists it (4.2.2.3, 3.3 b) 4), 2.1.1 •2), a range or list (4.2.2.5-4.2.2.6), \
        or 'after 4.2.2.6' for a new paragraph; headings and types may be written in any of the six \
        UN languages (## 第4.2.2.3段（编辑性）). A paragraph the version does not have is refused, \
        naming the nearest ones. CSV, .xlsx or a Word table (.docx): the ISO commenting template's \
        columns, every row's MB/NC naming this member or left empty. A second submission by \
        the same member supersedes the first. A Word copy of the draft (.docx) is the member's edited copy: \
        its tracked changes are accepted and kept with their authors and dates, its Word comments are comments on \
        the paragraph they start in ('ed:', 'te:' or 'ge:' first gives the type), and what Word changes on its own \
        (curly quotes, non-breaking spaces, soft line breaks, its own numbering) is not an edit. A PDF is refused. In a silence round, --no-objection records the reply as a \
        confirmation that does not break silence; a reply whose whole text is 'No objection.' (or 'Pas \
        d'objection.', 'Sin objeciones.', 'Возражений нет.', '无异议。', 'لا اعتراض.') is recorded so without it.
        Example: draftflow comment GBR reply-uk.md --no-objection --received 2020-03-11T10:00:00+01:00
        Example: draftflow comment CAN comments-canada.md --proposal draft-1-canada.md --received 2020-02-28T16:12:00+01:00
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The member's code, e.g. CAN.")
    var code: String

    @Argument(help: "The member's comments: Markdown or ISO-template CSV (UTF-8), or a Word copy of the draft (.docx); at most 10 MiB.")
    var file: String

    @Option(help: ArgumentHelp("The member's edited copy of the draft, kept for the merge.", valueName: "FILE"))
    var proposal: String?

    @OptionGroup var submission: SubmissionOptions

    @Flag(help: "Record the reply as a confirmation of no objection: in a silence round it does not break silence.")
    var noObjection = false

    @Flag(help: "Print the recorded submission as JSON.")
    var json = false

    func run() throws {
        try withErrorHandling {
            let context = try options.context()
            let zone = try context.workflow().zone()
            try refuseMailFile(file, member: code)
            let data = try readUserFile(file, what: "the comment file")
            let name = URL(fileURLWithPath: file).lastPathComponent
            let version = try versionForWordCopies([name], round: self.submission.round, context: context)
            let proposalFile = try proposal.map { IncomingFile(name: URL(fileURLWithPath: $0).lastPathComponent, data: try readUserFile($0, what: "the proposal")) }
            let incoming = try OfficeFiles.read(.init(name: name, data: data), version: version)
            var notices = StandardError()
            for line in incoming.read?.notes ?? [] { print(TerminalText.escaped("note: \(line)"), to: &notices) }
            let outcome = try Submissions(context).submit(member: code, file: incoming,
                                                          proposal: proposalFile, received: try self.submission.receivedAt(in: zone),
                                                          late: self.submission.late, roundName: self.submission.round,
                                                          noObjection: noObjection)
            let submission = outcome.submission
            if outcome.alreadyRecorded {
                // Said on standard error, so that --json output stays the submission record.
                var standardError = StandardError()
                print("note: \(submission.member)'s submission \(submission.number) in round \(submission.round) holds these files already, byte for byte "
                      + "(received \(InstantFormat.human(submission.received, in: zone))); nothing was recorded", to: &standardError)
                if json { printJSON(data: try RecordCoding.encoder(timeZone: zone).encode(submission)) }
                return
            }
            if json {
                warnIfNotCurrent(submission, zone: zone)
                printJSON(data: try RecordCoding.encoder(timeZone: zone).encode(submission))
                return
            }
            warnIfNotCurrent(submission, zone: zone)
            if let confirmation = submission.noObjection {
                print("Recorded \(submission.member)'s confirmation of no objection in round \(submission.round)"
                      + (submission.late ? " (late)" : "") + (submission.superseding.map { ", superseding submission \($0)" } ?? ""))
                print("  received \(InstantFormat.human(submission.received, in: zone))")
                if confirmation == .statement {
                    print("  note: the reply's whole text is a no-objection statement, so it is recorded as a confirmation; silence is not broken")
                } else {
                    print("  silence is not broken")
                }
                return
            }
            print("Recorded \(submission.comments.count) comment\(submission.comments.count == 1 ? "" : "s") from \(submission.member) in round \(submission.round)"
                  + (submission.late ? " (late)" : "")
                  + (submission.superseding.map { ", superseding submission \($0)" } ?? ""))
            print("  received \(InstantFormat.human(submission.received, in: zone))")
            for comment in submission.comments {
                print("  \(comment.id)  \(comment.reference)  \(comment.type.rawValue)" + (comment.proposedChange == nil ? "" : "  (proposed text)"))
            }
            if let stored = submission.proposal { print("  edited copy kept as \(stored)") }
            let workflow = try context.workflow()
            printReceipt(Receipt(submission: submission, commit: outcome.commitID ?? "-", title: workflow.title,
                                 memberName: workflow.members.first { $0.code == submission.member }?.name,
                                 version: workflow.rounds.first { $0.name == submission.round }?.on,
                                 zone: zone, original: data, proposal: proposalFile?.data))
        }
    }
}

/// When and where submissions go: shared by `comment` and `intake`.
struct SubmissionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("When the submission arrived (default: now): YYYY-MM-DD or an ISO 8601 instant.", valueName: "WHEN"))
    var received: String?

    @Flag(help: "Record what arrived after the close, marked late.")
    var late = false

    @Option(help: "The round to record it in (default: the open round).")
    var round: String?

    /// `--received` read in the workspace's zone, or nil for now.
    func receivedAt(in zone: TimeZone) throws -> Date? {
        try received.map { try Deadline.parseInstant($0, timeZone: zone) }
    }
}

/// The warning for a submission received before the member's current one: recorded, not current.
func warnIfNotCurrent(_ submission: Submission, zone: TimeZone) {
    guard let current = submission.stillCurrent else { return }
    var standardError = StandardError()
    Swift.print(TerminalText.escaped(
        "warning: \(submission.member)'s submission \(submission.number) was received \(InstantFormat.human(submission.received, in: zone)), "
            + "before its submission \(current.number) (received \(InstantFormat.human(current.received, in: zone))): it is recorded, "
            + "but submission \(current.number) stays the one that counts (status, merge and dispositions use it)"), to: &standardError)
}
