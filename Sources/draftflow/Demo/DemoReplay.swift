import DraftFlow
import DraftFlowExport
import DraftFlowGit
import DraftFlowMail
import DraftFlowOffice
import Foundation

/// Replays an example drafting process (its `Workflow.md` schedule, `Drafts/` and `Comments/`)
/// into a fresh workspace, stepping the clock through the schedule's instants.
struct DemoReplay {
    /// What one step did.
    struct StepResult: Sendable, Equatable {
        var at: String
        var action: String
        var summary: String
    }

    struct Report {
        var workspace: URL
        /// The final text packet files written beside the workspace, by format.
        var packet: [(format: String, file: URL)] = []
        /// Formats that could not be written, with the reason (e.g. pandoc missing).
        var skipped: [(format: String, reason: String)] = []
        var steps: [StepResult]
        var timeline: [TimelineEvent]
        var status: StatusReport
    }

    let example: URL
    let output: URL
    /// `demo --remote`: the workspace shared through a local bare repository, each submission
    /// sent from its member's clone and collected.
    let remote: DemoRemote?

    init(example: URL, output: URL, remote: Bool = false) {
        self.example = example
        self.output = output
        self.remote = remote ? DemoRemote(output: output) : nil
    }

    /// Finds the embedded example: the folder holding `Workflow.md`, `Drafts/` and `Comments/`
    /// beside `Package.swift`, searched upwards from each of `starts`.
    static func locateExample(from starts: [URL]) -> URL? {
        let fileManager = FileManager.default
        for start in starts {
            var current = start.standardizedFileURL
            while true {
                let looksRight = ["Workflow.md", "Drafts", "Comments", "Package.swift"].allSatisfy {
                    fileManager.fileExists(atPath: current.appendingPathComponent($0).path)
                }
                if looksRight { return current }
                let parent = current.deletingLastPathComponent()
                if parent.path == current.path { break }
                current = parent
            }
        }
        return nil
    }

    func run() async throws -> Report {
        let script = try DemoSchedule.parse(try readExample("Workflow.md"))
        let zone = try Deadline.timeZone(script.timezone)
        guard let first = script.steps.first, case .initialize = first.action else {
            throw DraftFlowError(.invalidInput, "the example's schedule must start with an `init` step", fix: "restore Workflow.md")
        }
        if FileManager.default.fileExists(atPath: output.path),
           let contents = try? FileManager.default.contentsOfDirectory(atPath: output.path), !contents.isEmpty {
            throw DraftFlowError(.conflict, "\(output.path) exists and is not empty", fix: "pass --out with a new folder")
        }
        var results: [StepResult] = []
        var store: GitWorkspaceStore?
        for step in script.steps {
            let now = try Deadline.parseInstant(step.at, timeZone: zone)
            let at = InstantFormat.iso(now, in: zone)
            func done(_ summary: String) { results.append(.init(at: at, action: step.name, summary: summary)) }
            if case .initialize = step.action {
                let change = try WorkspaceSetup.initialChange(
                    title: script.title, documentName: URL(fileURLWithPath: script.document).lastPathComponent,
                    document: try readExample(script.document), timezone: script.timezone, secretariat: script.secretariat,
                    recipient: script.recipient, due: script.due, now: now)
                let created = try GitWorkspaceStore.create(at: output, first: change)
                store = created
                // The example's language versions go into Drafts/, published with the first version.
                let documentName = URL(fileURLWithPath: script.document).lastPathComponent
                for language in LanguageVersions.languages {
                    let path = LanguageVersions.path(of: script.document, language: language)
                    guard UserFileKind(path: example.appendingPathComponent(path).path) != nil else { continue }
                    let name = LanguageVersions.path(of: documentName, language: language)
                    try readExample(path).write(to: output.appendingPathComponent("Drafts").appendingPathComponent(name))
                }
                let membership = Membership(DraftingContext(store: created, now: now))
                for member in script.members {
                    try membership.add(code: member.code, name: member.name, email: member.email)
                }
                try remote?.share(created)
                done("Workspace created; \(script.members.count) members registered (\(script.members.map(\.code).joined(separator: ", ")))")
                continue
            }
            guard let store else { continue }
            let context = DraftingContext(store: store, now: now)
            switch step.action {
            case .initialize:
                continue
            case .publish(let label, let note):
                let publication = try Publishing(context).publish(label: label, note: note)
                let languages = try LanguageVersions(context).status().map { version in
                    version.language + " " + (version.current ? "current" : "\(version.stale.count + version.missing.count) paragraphs to re-translate")
                }
                done("Published \(publication.label)" + (languages.isEmpty ? "" : " (language versions: \(languages.joined(separator: ", ")))"))
            case .openRound(let on, let closes, let kind, let name, let subject):
                let round = try Rounds(context).open(on: on, closes: closes, kind: kind, name: name, subject: subject)
                done("Opened round \(round.name) on \(round.on), closing \(InstantFormat.human(round.closes, in: zone))")
            case .closeRound:
                let round = try Rounds(context).close()
                done("Closed round \(round.name)")
            case .comment(let member, let file, let proposalPath, let late):
                let proposal = try proposalPath.map { IncomingFile(name: URL(fileURLWithPath: $0).lastPathComponent, data: try readExample($0)) }
                // A Word copy is read as `comment` reads one: compared with the round's version.
                let name = URL(fileURLWithPath: file).lastPathComponent
                let version = try versionForWordCopies([name], round: nil, context: context)
                let incoming = try OfficeFiles.read(.init(name: name, data: try readExample(file)), version: version)
                let submission = try remote.map { try $0.submitAndCollect(member: member, file: incoming, proposal: proposal, context: context, store: store, version: version) }
                    ?? Submissions(context).record(member: member, file: incoming, proposal: proposal, received: now, late: late, roundName: nil)
                let revisions = submission.revisions?.count ?? 0
                done("Recorded \(submission.comments.count) comments from \(member) (\(submission.comments.map(\.id).joined(separator: ", ")))"
                     + (revisions > 0 ? " and a Word copy with \(revisions) tracked changes" : proposal == nil ? "" : " with an edited copy of the draft"))
            case .mail(let file):
                let version = try versionText(round: nil, context: context)
                let items = try MailReader.items(in: [(name: URL(fileURLWithPath: file).lastPathComponent, data: try readExample(file))], version: version)
                let outcome = try MailIntake(context).intake(items, late: false, roundName: nil)
                guard outcome.held.isEmpty, !outcome.recorded.isEmpty else {
                    throw DraftFlowError(.invalidInput, "the example's message \(file) was held, not recorded", fix: "restore it from the project's repository")
                }
                for submission in outcome.recorded {
                    let attachments = submission.mail?.attachments ?? []
                    done("Recorded \(submission.comments.count) comments from \(submission.member) by e-mail (\(submission.comments.map(\.id).joined(separator: ", ")))"
                         + (attachments.isEmpty ? "" : ", attached: \(attachments.joined(separator: ", "))"))
                }
            case .status:
                let status = try Reports(context).status()
                let responded = status.members.filter { $0.state != .noResponse }.map(\.code)
                done("Round \(status.round?.name ?? "-") is \(status.round?.open == true ? "open" : "closed"); responded: \(responded.isEmpty ? "none" : responded.joined(separator: ", "))")
            case .merge(let round):
                let outcome = try MergeDesk(context).merge(round: round)
                let members = Set(outcome.record.changes.flatMap(\.members)).sorted()
                done("Merged round \(outcome.round): \(outcome.record.changes.count) changes by \(members.joined(separator: ", ")), "
                     + "\(outcome.openCollisions.count) collision\(outcome.openCollisions.count == 1 ? "" : "s")"
                     + (outcome.openCollisions.isEmpty ? "" : " (" + outcome.openCollisions.map { "\($0.id) at \($0.paragraph)" }.joined(separator: ", ") + ")"))
            case .resolve(let id, let choice, let take, let note, let round):
                let outcome = try Resolutions(context).resolve(collision: id, choice: choice, note: note, round: round)
                done("Resolved \(id)" + (take.map { " taking \($0)" } ?? " with the secretariat's text")
                     + "; \(outcome.openCollisions.count) collision\(outcome.openCollisions.count == 1 ? "" : "s") left")
            case .finalize(let label, let note):
                let result = try Finalization(context).finalize(label: label, overObjection: false, note: note)
                done("Finalized \(result.label): silence \(result.silence.rawValue) in \(result.round)")
            case .submitted(let to, let note):
                let sent = try Transmittal(context).submitted(to: to, at: nil, note: note)
                done("Recorded the chair's transmission of \(sent.version) to \(sent.to)")
            case .dispose(let id, let decision, let text, let note, let round):
                let (disposition, _) = try DispositionDesk(context).dispose(comment: id, decision: decision, text: text, note: note, round: round)
                done("\(disposition.comment): \(disposition.decision.title)")
            }
        }
        guard let store, let last = script.steps.last else {
            throw DraftFlowError(.invalidInput, "the example's schedule is empty", fix: "restore Workflow.md")
        }
        try remote?.finish(store)
        let end = DraftingContext(store: store, now: try Deadline.parseInstant(last.at, timeZone: zone))
        var report = Report(workspace: output, steps: results, timeline: try Reports(end).log(), status: try Reports(end).status())
        if script.steps.contains(where: { if case .finalize = $0.action { return true } else { return false } }) {
            try await writePacket(end, into: &report)
        }
        return report
    }

    /// Writes the final text packet (Markdown, HTML, DOCX, PDF) in a folder beside the workspace.
    private func writePacket(_ context: DraftingContext, into report: inout Report) async throws {
        let packet = try PacketBuilder(context).packet(version: nil)
        let folder = output.deletingLastPathComponent().appendingPathComponent(output.lastPathComponent + "-packet")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = folder.appendingPathComponent("\(packet.version)-packet")
        let html = FinalTextPacket.html(packet)
        try Data(FinalTextPacket.markdown(packet).utf8).write(to: base.appendingPathExtension("md"))
        report.packet.append(("md", base.appendingPathExtension("md")))
        try Data(html.utf8).write(to: base.appendingPathExtension("html"))
        report.packet.append(("html", base.appendingPathExtension("html")))
        // The same packet with its own words and dates in Chinese, the seed report's language.
        let chinese = try PacketBuilder(context).packet(version: nil, language: .zh)
        let chineseBase = folder.appendingPathComponent("\(packet.version)-packet.zh")
        try Data(FinalTextPacket.markdown(chinese).utf8).write(to: chineseBase.appendingPathExtension("md"))
        report.packet.append(("md", chineseBase.appendingPathExtension("md")))
        try Data(FinalTextPacket.html(chinese).utf8).write(to: chineseBase.appendingPathExtension("html"))
        report.packet.append(("html", chineseBase.appendingPathExtension("html")))
        try writeMemberFiles(context, into: folder, report: &report)
        for format in Pandoc.OutputFormat.allCases {
            let file = base.appendingPathExtension(format.rawValue)
            do {
                // The Word packet is laid out as an ITU document (title block, landscape dispositions).
                if format == .docx {
                    try await PacketWord.write(packet, to: file)
                } else {
                    try await Pandoc.convert(html: html, to: format, output: file)
                }
                report.packet.append((format.rawValue, file))
            } catch let error as DraftFlowError {
                report.skipped.append((format.rawValue, error.message + (error.fix.map { " (\($0))" } ?? "")))
            }
        }
        // The compilation of each comment round as Word: every member's proposal a tracked change
        // authored by that member, every comment a Word comment, for the secretariat to work in.
        let workflow = try context.workflow()
        for round in workflow.rounds where round.kind == .comments {
            let file = folder.appendingPathComponent("compilation-\(round.name).docx")
            do {
                try await CompilationWord.write(try Texts(context).compilationDocument(round: round.name),
                                                title: "\(workflow.title): compilation text", to: file)
                report.packet.append(("docx", file))
            } catch let error as DraftFlowError {
                report.skipped.append(("docx", error.message + (error.fix.map { " (\($0))" } ?? "")))
            }
        }
    }

    /// Beside the packet: each draft as it was circulated, and the receipt and report of every
    /// member that commented, as the secretariat sends them to the delegations.
    private func writeMemberFiles(_ context: DraftingContext, into folder: URL, report: inout Report) throws {
        let snapshot = try context.store.snapshot()
        let workflow = try context.workflow()
        for round in workflow.rounds where round.kind == .silence {
            let circulation = try Circulation.build(context, version: round.on)
            let file = folder.appendingPathComponent("\(round.on)-circulated.html")
            try Data(Circulation.html(circulation).utf8).write(to: file)
            report.packet.append(("html", file))
        }
        for round in workflow.rounds where round.kind == .comments {
            let (_, rows) = try DispositionDesk(context).rows(round: round.name)
            for member in workflow.members where !((try? snapshot.list(RecordPaths.member(member.code, round: round.name))) ?? []).isEmpty {
                let receipt = try Receipts(context).receipt("\(round.name)/\(member.code)")
                let receiptFile = folder.appendingPathComponent("receipt-\(round.name)-\(member.code).md")
                try Data(try receipt.markdown().utf8).write(to: receiptFile)
                report.packet.append(("md", receiptFile))
                let title = MemberReport.title(workspace: workflow.title, member: member.code, memberName: member.name, round: round.name)
                let reportFile = folder.appendingPathComponent("report-\(round.name)-\(member.code).html")
                try Data(MemberReport.html(try memberRows(rows, member: member.code, workflow: workflow), title: title,
                                           newText: "the candidate merged from round \(round.name)").utf8).write(to: reportFile)
                report.packet.append(("html", reportFile))
            }
        }
    }

    private func readExample(_ path: String) throws -> Data {
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw DraftFlowError(.invalidInput, "the example names the unsafe path \(path)")
        }
        let url = example.appendingPathComponent(path)
        guard UserFileKind(path: url.path) != nil else {
            throw DraftFlowError(.invalidInput, "the example file \(url.path) is missing", fix: "restore it from the project's repository")
        }
        // As every file a person names: a regular file, not through a link, never a FIFO.
        return try readUserFile(url.path, what: "the example file")
    }
}
