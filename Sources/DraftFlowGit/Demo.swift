import DraftFlow
import DraftFlowExport
import Foundation

/// Replays an example drafting process (its `Workflow.md` schedule, `Drafts/` and `Comments/`)
/// into a fresh workspace, stepping the clock through the schedule's instants.
public struct DemoReplay {
    /// What one step did.
    public struct StepResult: Sendable, Equatable {
        public var at: String
        public var action: String
        public var summary: String
    }

    public struct Report {
        public var workspace: URL
        /// The final text packet files written beside the workspace, by format.
        public var packet: [(format: String, file: URL)] = []
        /// Formats that could not be written, with the reason (e.g. pandoc missing).
        public var skipped: [(format: String, reason: String)] = []
        public var steps: [StepResult]
        public var timeline: [TimelineEvent]
        public var status: StatusReport
    }

    public let example: URL
    public let output: URL

    public init(example: URL, output: URL) {
        self.example = example
        self.output = output
    }

    /// Finds the embedded example: the folder holding `Workflow.md`, `Drafts/` and `Comments/`
    /// beside `Package.swift`, searched upwards from each of `starts`.
    public static func locateExample(from starts: [URL]) -> URL? {
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

    public func run() async throws -> Report {
        let script = try Schedule.parse(try readExample("Workflow.md"))
        let zone = try Deadline.timeZone(script.timezone)
        guard let first = script.schedule.first, first.action == "init" else {
            throw DraftFlowError(.invalidInput, "the example's schedule must start with an `init` step", fix: "restore Workflow.md")
        }
        if FileManager.default.fileExists(atPath: output.path),
           let contents = try? FileManager.default.contentsOfDirectory(atPath: output.path), !contents.isEmpty {
            throw DraftFlowError(.conflict, "\(output.path) exists and is not empty", fix: "pass --out with a new folder")
        }
        var results: [StepResult] = []
        var store: GitWorkspaceStore?
        for step in script.schedule {
            let now = try Deadline.parseInstant(step.at, timeZone: zone)
            let at = Deadline.iso(now, in: zone)
            if step.action == "init" {
                let change = try Drafting.initialChange(
                    title: script.title, documentName: URL(fileURLWithPath: script.document).lastPathComponent,
                    document: try readExample(script.document), timezone: script.timezone, secretariat: script.secretariat,
                    recipient: script.recipient, due: script.due, now: now)
                store = try GitWorkspaceStore.create(at: output, first: change)
                let drafting = Drafting(store: store!, now: now)
                for member in script.members {
                    try drafting.addMember(code: member.code, name: member.name, email: member.email)
                }
                results.append(.init(at: at, action: step.action, summary: "Workspace created; \(script.members.count) members registered (\(script.members.map(\.code).joined(separator: ", ")))"))
                continue
            }
            guard let store else { continue }
            let drafting = Drafting(store: store, now: now)
            switch step.action {
            case "publish":
                let label = try required(step.label, "label", step)
                let publication = try drafting.publish(label: label, note: step.note)
                results.append(.init(at: at, action: step.action, summary: "Published \(publication.label)"))
            case "open-round":
                let round = try drafting.openRound(on: try required(step.on, "on", step), closes: try required(step.closes, "closes", step),
                                                   kind: step.kind ?? .comments, name: step.name)
                results.append(.init(at: at, action: step.action, summary: "Opened round \(round.name) on \(round.on), closing \(Deadline.human(round.closes, in: zone))"))
            case "close-round":
                let round = try drafting.closeRound()
                results.append(.init(at: at, action: step.action, summary: "Closed round \(round.name)"))
            case "comment":
                let member = try required(step.member, "member", step)
                let file = try required(step.file, "file", step)
                let proposal = try step.proposal.map { Drafting.IncomingFile(name: URL(fileURLWithPath: $0).lastPathComponent, data: try readExample($0)) }
                let submission = try drafting.comment(member: member, file: .init(name: URL(fileURLWithPath: file).lastPathComponent, data: try readExample(file)),
                                                      proposal: proposal, received: now, late: step.late ?? false, roundName: nil)
                results.append(.init(at: at, action: step.action,
                                     summary: "Recorded \(submission.comments.count) comments from \(member) (\(submission.comments.map(\.id).joined(separator: ", ")))"
                                         + (proposal == nil ? "" : " with an edited copy of the draft")))
            case "status":
                let status = try drafting.status()
                let responded = status.members.filter { $0.state != "none" }.map(\.code)
                results.append(.init(at: at, action: step.action,
                                     summary: "Round \(status.round?.name ?? "-") is \(status.round?.open == true ? "open" : "closed"); responded: \(responded.isEmpty ? "none" : responded.joined(separator: ", "))"))
            case "merge":
                let outcome = try drafting.merge(round: step.round)
                let members = Set(outcome.record.changes.flatMap(\.members)).sorted()
                results.append(.init(at: at, action: step.action,
                                     summary: "Merged round \(outcome.round): \(outcome.record.changes.count) changes by \(members.joined(separator: ", ")), "
                                         + "\(outcome.openCollisions.count) collision\(outcome.openCollisions.count == 1 ? "" : "s")"
                                         + (outcome.openCollisions.isEmpty ? "" : " (" + outcome.openCollisions.map { "\($0.id) at \($0.paragraph)" }.joined(separator: ", ") + ")")))
            case "resolve":
                let id = try required(step.collision, "collision", step)
                let choice: Drafting.Choice
                if let text = step.text { choice = .text(text) } else if step.take == "base" { choice = .base } else { choice = .member(try required(step.take, "take", step)) }
                let outcome = try drafting.resolve(collision: id, choice: choice, note: step.note, round: step.round)
                results.append(.init(at: at, action: step.action,
                                     summary: "Resolved \(id)" + (step.take.map { " taking \($0)" } ?? " with the secretariat's text")
                                         + "; \(outcome.openCollisions.count) collision\(outcome.openCollisions.count == 1 ? "" : "s") left"))
            case "finalize":
                let result = try drafting.finalize(label: step.label ?? "final", overObjection: false, note: step.note)
                results.append(.init(at: at, action: step.action, summary: "Finalized \(result.label): silence \(result.silence) in \(result.round)"))
            case "dispose":
                let id = try required(step.comment, "comment", step)
                guard let decision = step.decision else { _ = try required(nil, "decision", step); continue }
                let (disposition, _) = try drafting.dispose(comment: id, decision: decision, text: step.text, note: step.note, round: step.round)
                results.append(.init(at: at, action: step.action, summary: "\(disposition.comment): \(disposition.decision.title)"))
            default:
                throw DraftFlowError(.invalidInput, "the example's schedule has an unknown action '\(step.action)'", fix: "restore Workflow.md")
            }
        }
        guard let store, let last = script.schedule.last else {
            throw DraftFlowError(.invalidInput, "the example's schedule is empty", fix: "restore Workflow.md")
        }
        let end = Drafting(store: store, now: try Deadline.parseInstant(last.at, timeZone: zone))
        var report = Report(workspace: output, steps: results, timeline: try end.log(), status: try end.status())
        if script.schedule.contains(where: { $0.action == "finalize" }) {
            try await writePacket(end, into: &report)
        }
        return report
    }

    /// Writes the final text packet (Markdown, HTML, DOCX, PDF) in a folder beside the workspace.
    private func writePacket(_ drafting: Drafting, into report: inout Report) async throws {
        let packet = try PacketBuilder(drafting: drafting).packet(version: nil)
        let folder = output.deletingLastPathComponent().appendingPathComponent(output.lastPathComponent + "-packet")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = folder.appendingPathComponent("\(packet.version)-packet")
        let html = FinalTextPacket.html(packet)
        try Data(FinalTextPacket.markdown(packet).utf8).write(to: base.appendingPathExtension("md"))
        report.packet.append(("md", base.appendingPathExtension("md")))
        try Data(html.utf8).write(to: base.appendingPathExtension("html"))
        report.packet.append(("html", base.appendingPathExtension("html")))
        for format in Pandoc.OutputFormat.allCases {
            let file = base.appendingPathExtension(format.rawValue)
            do {
                try await Pandoc.convert(html: html, to: format, output: file)
                report.packet.append((format.rawValue, file))
            } catch let error as DraftFlowError {
                report.skipped.append((format.rawValue, error.message + (error.fix.map { " (\($0))" } ?? "")))
            }
        }
    }

    private func required(_ value: String?, _ key: String, _ step: Schedule.Step) throws -> String {
        guard let value else {
            throw DraftFlowError(.invalidInput, "the example's `\(step.action)` step at \(step.at) has no `\(key)`", fix: "restore Workflow.md")
        }
        return value
    }

    private func readExample(_ path: String) throws -> Data {
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw DraftFlowError(.invalidInput, "the example names the unsafe path \(path)")
        }
        let url = example.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DraftFlowError(.invalidInput, "the example file \(url.path) is missing", fix: "restore it from the project's repository")
        }
        return data
    }
}
