import DraftFlow
import Foundation
import Testing
@testable import DraftFlowExport

@Suite struct ProcessRunnerTests {

    /// A folder with an executable shell script `name` holding `body`.
    static func script(_ name: String, _ body: String) throws -> (folder: URL, program: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-runner-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let program = folder.appendingPathComponent(name)
        try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: program)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        return (folder, program)
    }

    @Test func aProgramThatSucceedsIsQuietWhateverItSays() async throws {
        let (folder, program) = try Self.script("fine", "echo out; echo warning >&2; pwd > here.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ProcessRunner.run(program, [], name: "fine", in: folder, timeout: 60)
        // It ran in the folder it was given.
        let here = try String(contentsOf: folder.appendingPathComponent("here.txt"), encoding: .utf8)
        #expect(URL(fileURLWithPath: here.trimmingCharacters(in: .newlines)).resolvingSymlinksInPath().path
                == folder.resolvingSymlinksInPath().path)
    }

    @Test func aFailureQuotesTheFirstEightLinesOfItsMessages() async throws {
        let (folder, program) = try Self.script("fake", """
        echo "first warning" >&2
        echo "" >&2
        printf 'second\\r\\nthird\\n' >&2
        for i in 1 2 3 4 5 6 7 8 9 10; do echo "line $i" >&2; done
        exit 3
        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = await #expect(throws: DraftFlowError.self) {
            try await ProcessRunner.run(program, ["a b", "--c"], name: "fake", in: folder, timeout: 60)
        }
        #expect(error == DraftFlowError(.storage, "fake failed (exit status 3):\n  first warning\n  second\n  third\n  line 1\n  line 2\n  line 3\n  line 4\n  line 5",
                                        fix: "check the message above; --format html always works"))
    }

    @Test func aFailureWithoutMessagesSaysOnlyHowItEnded() async throws {
        let (folder, program) = try Self.script("killed", "kill -TERM $$")
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = await #expect(throws: DraftFlowError.self) {
            try await ProcessRunner.run(program, [], name: "killed", in: folder, timeout: 60)
        }
        #expect(error == DraftFlowError(.storage, "killed failed (signal 15)", fix: "check the message above; --format html always works"))
    }

    @Test func aProgramThatRunsTooLongIsStopped() async throws {
        // The script becomes `sleep 60` under its own process id, which it writes down first.
        let (folder, program) = try Self.script("slow", "echo $$ > pid.txt\nexec sleep 60")
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = await #expect(throws: DraftFlowError.self) {
            try await ProcessRunner.run(program, [], name: "slow", in: folder, timeout: 1)
        }
        #expect(error == DraftFlowError(.storage, "slow did not finish within 1 seconds and was stopped",
                                        fix: "use --format html (it prints to PDF from a browser) or --format md, or split the text into smaller documents"))
        // It was stopped, not left running: no process has its id any more.
        let pid = try #require(Int32(String(decoding: try Data(contentsOf: folder.appendingPathComponent("pid.txt")), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    // Issue 11, item 17: a converter runs with a bounded address space (through util-linux's prlimit),
    // and running out of it is said as such.
    @Test(.enabled(if: Pandoc.executable(named: "prlimit") != nil))
    func aBoundedProgramRunsWithItsAddressSpaceLimited() async throws {
        let (folder, program) = try Self.script("bounded", "ulimit -v > limit.txt; echo \"$0 $1\" > arguments.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ProcessRunner.run(program, ["--x"], name: "bounded", in: folder, timeout: 60, memoryLimit: 768 << 20)
        // `ulimit -v` counts KiB.
        #expect(try String(contentsOf: folder.appendingPathComponent("limit.txt"), encoding: .utf8) == "786432\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("arguments.txt"), encoding: .utf8) == program.path + " --x\n")
        // Without a limit it runs as it is.
        try await ProcessRunner.run(program, [], name: "bounded", in: folder, timeout: 60)
        #expect(try String(contentsOf: folder.appendingPathComponent("limit.txt"), encoding: .utf8) == "unlimited\n")
    }

    @Test func aBoundedProgramThatRunsOutOfMemoryIsSaidToHave() async throws {
        // What pandoc's runtime writes when an allocation fails under the limit, and WeasyPrint's Python.
        for (message, code) in [("pandoc: out of memory (requested 1048576 bytes)", 251), ("MemoryError", 1)] {
            let (folder, program) = try Self.script("hungry", "echo '\(message)' >&2; exit \(code)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let error = await #expect(throws: DraftFlowError.self) {
                try await ProcessRunner.run(program, [], name: "pandoc", in: folder, timeout: 60, memoryLimit: 4 << 30)
            }
            #expect(error == DraftFlowError(.storage, "pandoc ran out of memory (its limit is 4 GiB) and was stopped",
                                            fix: "use --format html (it prints to PDF from a browser) or --format md, or split the text into smaller documents"))
        }
    }

    @Test func aProgramThatCannotStartIsNamed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-runner-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("no-such-program")
        let error = await #expect(throws: DraftFlowError.self) {
            try await ProcessRunner.run(missing, [], name: "none", in: folder, timeout: 60)
        }
        #expect(error?.kind == .storage)
        #expect(error?.message.hasPrefix("cannot run \(missing.path): ") == true)
    }
}
