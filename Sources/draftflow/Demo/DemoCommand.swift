import ArgumentParser
import DraftFlow
import DraftFlowExport
import DraftFlowGit
import Foundation

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Replay the embedded 2020 HLPF example into a fresh workspace and print its timeline.",
        discussion: """
        The example is the project's own Workflow.md, Drafts/ and Comments/: the drafting of the ITU \
        Council's input to the 2020 HLPF. The clock steps through the real dates.
        Example: draftflow demo --out /tmp/hlpf-2020
        Example: draftflow demo --remote --out /tmp/hlpf-2020-shared
        """
    )

    @Option(help: ArgumentHelp("Where to create the workspace (default: a new temporary folder).", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("The example to replay (default: found from the current folder or the executable).", valueName: "DIR"))
    var example: String?

    @Flag(help: "Print the timeline and status as JSON.")
    var json = false

    @Flag(help: "Share the workspace through a local bare repository beside it (DIR-remote.git): each submission is sent from its member's clone (DIR-members/CODE) and collected.")
    var remote = false

    func run() async throws {
        try await withErrorHandling {
            try ExportResources.check()
            let exampleFolder: URL
            if let example {
                exampleFolder = URL(fileURLWithPath: example)
            } else {
                let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
                guard let found = DemoReplay.locateExample(from: [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), executable]) else {
                    throw DraftFlowError(.invalidInput, "cannot find the embedded example (Workflow.md, Drafts/, Comments/ beside Package.swift)",
                                         fix: "run from the project folder, or pass --example DIR")
                }
                exampleFolder = found
            }
            let output = out.map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-demo-\(UUID().uuidString.prefix(8).lowercased())")
            let report = try await DemoReplay(example: exampleFolder, output: output, remote: remote).run()
            if json {
                struct Output: Encodable {
                    var workspace: String
                    var timeline: [TimelineEvent]
                    var status: StatusReport
                }
                try printJSON(Output(workspace: report.workspace.path, timeline: report.timeline, status: report.status))
                return
            }
            print("DraftFlow demo: \(report.status.title)")
            print("Replaying \(exampleFolder.appendingPathComponent("Workflow.md").path)")
            print("")
            for step in report.steps {
                print("\(step.at)  \(step.summary)")
            }
            print("")
            print("Timeline read back from git history:")
            for event in report.timeline {
                print("  \(event.at)  \(event.summary)")
            }
            print("")
            if let round = report.status.round {
                print("Round \(round.name) on \(round.on): \(round.open ? "open" : "closed"), closes \(round.closesAtLocal) (\(round.closesAtUTC))")
            }
            for member in report.status.members {
                print("  \(member.code)  \(member.name): \(member.state == .noResponse ? "no response" : "\(member.state.rawValue), \(member.comments) comments")")
            }
            if let merge = report.status.merge {
                print("Merge of \(merge.round): open collisions \(merge.openCollisions.isEmpty ? "none" : merge.openCollisions.joined(separator: ", ")), undecided comments \(merge.undecided.isEmpty ? "none" : merge.undecided.joined(separator: ", "))")
            }
            if let silence = report.status.round?.silence {
                print("Silence in \(report.status.round?.name ?? ""): \(silence.rawValue)")
            }
            print("")
            print("Workspace: \(report.workspace.path)")
            if let shared = DemoReplay(example: exampleFolder, output: output, remote: remote).remote {
                print("Shared through: \(shared.bare.path) (members' clones in \(shared.members.path))")
            }
            if !report.packet.isEmpty {
                print("Written beside the workspace (the packet for the chair, the draft as circulated, members' receipts and reports):")
                for (format, file) in report.packet { print("  \(DisplayWidth.padded(format, to: 5)) \(file.path)") }
            }
            for (format, reason) in report.skipped { print("  \(format): not written: \(reason)") }
            print("  try: cd \(report.workspace.path) && DRAFTFLOW_NOW=\(report.status.now) draftflow status")
            print("       git -C \(report.workspace.path) log --stat")
        }
    }
}
