import Foundation
import Testing
import TestSupport

/// Kills the real binary at the N-th write, rename, fsync, flock or unlink (strace's fault
/// injection) during each writing step of a round, then checks what a secretariat depends on:
/// the repository is sound, the next command needs nobody's help, the work tree is clean, nothing
/// recorded is lost, and the version published at the end is exactly the decided text.
///
/// CI runs a fixed sample of points; `scripts/crash-all.sh` runs every point
/// (DRAFTFLOW_CRASH_ALL=1) and prints the table.
@Suite(.serialized) struct CrashRecoveryTests {
    static let syscalls = ["write", "rename", "fsync", "flock", "unlink"]

    @Test func aCommandKilledAtAnyWriteRenameFsyncFlockOrUnlinkIsRecoveredByTheNextCommand() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else {
            Issue.record("strace is missing: install it with scripts/install-dependencies.sh")
            return
        }
        let scenario = try CrashScenario()
        let all = ProcessInfo.processInfo.environment["DRAFTFLOW_CRASH_ALL"] == "1"
        var rows: [String] = []
        var failures: [String] = []
        var totals = (points: 0, kills: 0, failures: 0)
        var generator = SeededGenerator(seed: 11)
        for (index, step) in scenario.steps.enumerated() {
            for syscall in Self.syscalls {
                var points = 0, kills = 0, failed = 0
                // Every point until the command runs to its end, or one sampled point in CI.
                let sample = 1 + generator.below(syscall == "flock" ? 2 : 8)
                var n = all ? 1 : sample
                while true {
                    let outcome = try scenario.crash(at: index, syscall: syscall, when: n)
                    points += 1
                    if outcome.killed { kills += 1 }
                    if let failure = outcome.failure {
                        failed += 1
                        failures.append("\(step.name) \(syscall) when=\(n): \(failure)")
                    }
                    if !all || !outcome.killed { break }
                    n += 1
                }
                rows.append("\(step.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(syscall.padding(toLength: 7, withPad: " ", startingAt: 0)) \(String(format: "%6d %6d %8d", points, kills, failed))")
                totals.points += points
                totals.kills += kills
                totals.failures += failed
            }
        }
        let table = (["step       syscall points  kills failures"] + rows
                     + [String(format: "%-18@ %6d %6d %8d", "total" as NSString, totals.points, totals.kills, totals.failures)]).joined(separator: "\n") + "\n"
        if let path = ProcessInfo.processInfo.environment["DRAFTFLOW_CRASH_TABLE"] {
            try Data(table.utf8).write(to: URL(fileURLWithPath: path))
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // The sample must actually kill: a point past every call would test nothing.
        #expect(totals.kills * 2 >= totals.points, "\(table)")
    }
}

@Suite struct ObjectFolderSyncTests {
    @Test func aNewFanOutFolderOfObjectsIsSyncedBeforeTheBranchNamesIt() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else {
            Issue.record("strace is missing: install it with scripts/install-dependencies.sh")
            return
        }
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let trace = scratch.url.appendingPathComponent("trace")
        let run = try TimedRun.run(["/usr/bin/strace", "-f", "-o", trace.path, "-e", "trace=mkdir,openat,fsync,rename",
                                    CLI.executable.path, "member", "add", "FRA", "--name", "France"], now: "2020-02-14T10:00:00+01:00", in: cli.folder)
        #expect(run.status == 0, "\(run.error)")
        let lines = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n").map(String.init)
        let objects = cli.folder.appendingPathComponent(".git/objects").standardizedFileURL.path
        let branchMove = try #require(lines.firstIndex { $0.contains("rename(\"") && $0.contains("refs/heads/main.lock\"") })
        let fanOuts = lines.indices.filter { lines[$0].contains("mkdir(\"\(objects)/") && lines[$0].hasSuffix("= 0") }
        // New objects went into new fan-out folders (each commit writes a few objects).
        #expect(!fanOuts.isEmpty)
        // objects/ opened as a folder and fsynced after the last new fan-out folder, before the branch moved.
        let synced = lines.indices.contains { index in
            guard index > (fanOuts.last ?? 0), index < branchMove, lines[index].contains("openat(AT_FDCWD, \"\(objects)\", O_RDONLY"),
                  let descriptor = lines[index].split(separator: "=").last?.trimmingCharacters(in: .whitespaces) else { return false }
            return lines[(index + 1)..<branchMove].contains { $0.contains("fsync(\(descriptor))") && $0.hasSuffix("= 0") }
        }
        #expect(synced, "\(lines.joined(separator: "\n"))")
    }
}

/// A small round built by the command line, kept as one copy of the workspace before each step.
final class CrashScenario {
    struct Step {
        var name: String
        var arguments: [String]
        var now: String
        /// The exit status of the step on a workspace where it has not run.
        var status: Int32
    }

    struct Outcome {
        var killed: Bool
        var failure: String?
    }

    let scratch: ScratchDirectory
    let steps: [Step]
    /// The workspace before each step, and its HEAD.
    private(set) var stages: [URL] = []
    private(set) var heads: [String] = []
    /// What `draft-2` holds when nothing is killed.
    private(set) var expectedText = ""

    static let draft = """
    # Outline of the input

    ## 1 Introduction

    1.1 The Council welcomes the invitation to provide an input.

    1.2 This input was prepared by the working group.

    ## 2 Contribution

    2.1 ITU contributes to the SDGs.

    2.2 Connectivity remains a challenge.

    """

    init() throws {
        scratch = try ScratchDirectory("crash")
        let can = try scratch.write("can.md", """
            ## 1.1
            Warmer.
            Proposed change: 1.1 The Council warmly welcomes the invitation to provide an input.

            ## 2.2 (technical)
            Say more.
            Proposed change: 2.2 Connectivity remains a major challenge.

            """)
        let inbox = scratch.url.appendingPathComponent("inbox")
        try scratch.write("inbox/USA.md", "## 2.2\nBe precise.\nProposed change: 2.2 Connectivity remains a serious challenge.\n")
        try scratch.write("inbox/CHN.md", "## 2.1 (editorial)\nAll of them.\nProposed change: 2.1 ITU contributes to all the SDGs.\n")
        let after = "2020-03-03T10:00:00+01:00"
        steps = [
            Step(name: "comment", arguments: ["comment", "CAN", can.path], now: "2020-02-20T10:00:00+01:00", status: 0),
            Step(name: "intake", arguments: ["intake", inbox.path], now: "2020-02-21T10:00:00+01:00", status: 0),
            Step(name: "merge", arguments: ["merge"], now: after, status: 1),
            Step(name: "resolve", arguments: ["resolve", "C1", "--take", "USA"], now: after, status: 0),
            // CAN's change to 1.1 is not accepted: it must not reach the published text.
            Step(name: "dispose", arguments: ["dispose", "CAN-1", "rejected"], now: after, status: 0),
            // CAN's wording for 2.2 lost C1 to the United States': not in the text, so not accepted.
            Step(name: "dispose-superseded", arguments: ["dispose", "CAN-2", "noted"], now: after, status: 0),
            Step(name: "dispose-all", arguments: ["dispose", "--all-undecided", "accepted"], now: after, status: 0),
            Step(name: "publish", arguments: ["publish", "draft-2"], now: after, status: 0),
        ]
        try build()
    }

    private func build() throws {
        let draftFile = try scratch.write("outline.md", Self.draft)
        let now = "2020-02-14T10:00:00+01:00"
        let workspace = scratch.url.appendingPathComponent("ws")
        try expect(CLI.run(["init", "ws", "--title", "Council input", "--document", draftFile.path], now: now, in: scratch.url), 0, "init")
        let cli = CLI(folder: workspace, now: now)
        for code in ["CAN", "USA", "CHN"] {
            try expect(cli.run(["member", "add", code, "--name", "Member \(code)"]), 0, "member add")
        }
        try expect(cli.run(["publish", "draft-1"]), 0, "publish draft-1")
        try expect(cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-01", "--name", "draft-1"]), 0, "round open")
        for (index, step) in steps.enumerated() {
            let stage = scratch.url.appendingPathComponent("stage-\(index)")
            try FileManager.default.copyItem(at: workspace, to: stage)
            stages.append(stage)
            heads.append(try gitOutput(["rev-parse", "HEAD"], in: stage))
            try expect(cli.run(step.arguments, now: step.now), step.status, step.name)
        }
        heads.append(try gitOutput(["rev-parse", "HEAD"], in: workspace))
        expectedText = try gitOutput(["show", "draft-2:Drafts/outline.md"], in: workspace)
        precondition(expectedText.contains("2.2 Connectivity remains a serious challenge."))
        precondition(expectedText.contains("1.1 The Council welcomes the invitation"))
    }

    private func expect(_ result: CLI.Result, _ status: Int32, _ what: String) throws {
        guard result.status == status else {
            throw ScenarioFailure(description: "\(what) exited \(result.status), not \(status): \(result.error)")
        }
    }

    struct ScenarioFailure: Error, CustomStringConvertible { var description: String }

    /// Runs step `index` on a copy of its stage, killed at the `when`-th call of `syscall`, then
    /// checks the workspace and carries the round to `publish draft-2`.
    func crash(at index: Int, syscall: String, when n: Int) throws -> Outcome {
        let step = steps[index]
        let run = scratch.url.appendingPathComponent("run")
        try? FileManager.default.removeItem(at: run)
        try FileManager.default.copyItem(at: stages[index], to: run)
        defer { try? FileManager.default.removeItem(at: run) }
        let killedRun = try TimedRun.run(["/usr/bin/strace", "-f", "-o", "/dev/null", "-e", "inject=\(syscall):signal=SIGKILL:when=\(n)",
                                          CLI.executable.path] + step.arguments, now: step.now, in: run)
        if killedRun.timedOut { return Outcome(killed: true, failure: "hung for 20 s") }
        let killed = killedRun.signaled
        func fail(_ text: String) -> Outcome { Outcome(killed: killed, failure: text) }
        if !killed && killedRun.status != step.status { return fail("\(step.name) exited \(killedRun.status): \(killedRun.error)") }

        let fsck = try git(["fsck", "--strict", "--no-dangling"], in: run)
        if fsck.status != 0 { return fail("git fsck --strict: \(fsck.output)") }
        // The next command, with no help from anybody.
        let status = try TimedRun.run([CLI.executable.path, "status"], now: step.now, in: run)
        if status.timedOut || status.status != 0 { return fail("status exited \(status.status): \(status.error)") }
        let porcelain = try gitOutput(["status", "--porcelain"], in: run)
        if porcelain != "" { return fail("git status after recovery: \(porcelain)") }
        // Every submission recorded before this step is still there.
        for (member, since) in [("CAN", 1), ("USA", 2), ("CHN", 2)] where index >= since {
            if try git(["cat-file", "-e", "HEAD:Comments/draft-1/\(member)/submission-1.json"], in: run).status != 0 {
                return fail("the submission of \(member) recorded before \(step.name) is missing")
            }
        }
        // The killed command either landed whole (HEAD is what the uninterrupted run made, its
        // commits being deterministic) or not at all; then running it again does it.
        let head = try gitOutput(["rev-parse", "HEAD"], in: run)
        if head == heads[index] {
            let again = try TimedRun.run([CLI.executable.path] + step.arguments, now: step.now, in: run)
            if again.timedOut || again.status != step.status { return fail("\(step.name) again exited \(again.status): \(again.error)") }
            if try gitOutput(["rev-parse", "HEAD"], in: run) != heads[index + 1] { return fail("\(step.name) again made another commit") }
        } else if head != heads[index + 1] {
            return fail("HEAD is \(head), neither before (\(heads[index])) nor after (\(heads[index + 1])) \(step.name)")
        }
        for later in steps[(index + 1)...] {
            let result = try TimedRun.run([CLI.executable.path] + later.arguments, now: later.now, in: run)
            if result.timedOut || result.status != later.status { return fail("\(later.name) then exited \(result.status): \(result.error)") }
        }
        let published = try gitOutput(["show", "draft-2:Drafts/outline.md"], in: run)
        if published != expectedText { return fail("draft-2 published\n\(published)\ninstead of\n\(expectedText)") }
        if try gitOutput(["rev-parse", "HEAD"], in: run) != heads[steps.count] { return fail("the round ended on another commit than without the kill") }
        let final = try gitOutput(["status", "--porcelain"], in: run)
        if final != "" { return fail("git status at the end: \(final)") }
        if try git(["fsck", "--strict", "--no-dangling"], in: run).status != 0 { return fail("git fsck --strict at the end") }
        return Outcome(killed: killed, failure: nil)
    }
}

/// Runs a program with a 20 s limit: a hang is killed and reported, never waited for.
enum TimedRun {
    struct Result {
        var status: Int32
        var error: String
        var timedOut: Bool
        /// Ended by a signal (the injected SIGKILL; strace ends itself with its tracee's signal).
        var signaled: Bool
    }

    static func run(_ arguments: [String], now: String, in directory: URL, limit: TimeInterval = 20) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["DRAFTFLOW_NOW"] = now
        process.environment = environment
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-crash-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer { try? errorHandle.close() }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorHandle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + limit) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            done.wait()
            return Result(status: -1, error: "", timedOut: true, signaled: true)
        }
        let error = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, error: error, timedOut: false,
                      signaled: process.terminationReason == .uncaughtSignal)
    }
}
