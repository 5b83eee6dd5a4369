import Foundation
import Testing
import TestSupport

/// Runs the built `draftflow` executable, as a user would.
struct CLI {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    static var executable: URL {
        // The test runner lives in the build folder beside the executables it was built with.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("draftflow")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/draftflow")
    }

    var folder: URL
    var now: String?

    @discardableResult
    func run(_ arguments: [String], now: String? = nil, in directory: URL? = nil, input: Data? = nil,
             environment: [String: String] = [:]) throws -> Result {
        try CLI.run(arguments, now: now ?? self.now, in: directory ?? folder, input: input, environment: environment)
    }

    /// Runs the tool; `input`, when given, is written to its standard input through a pipe.
    @discardableResult
    /// `environment`: variables set for the tool beside the test's own.
    static func run(_ arguments: [String], now: String?, in directory: URL, input: Data? = nil,
                    environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["DRAFTFLOW_NOW"] = now
        environment.merge(extra) { _, given in given }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            // The tool may stop reading early (a file over the limit): a write to the closed pipe
            // must fail, not end the test process.
            signal(SIGPIPE, SIG_IGN)
            let writer = stdin.fileHandleForWriting
            DispatchQueue.global().async {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self), error: String(decoding: errData, as: UTF8.self))
    }
}

let sampleDraft = """
# Outline of the input

## 1 Introduction

1.1 The Council welcomes the invitation to provide an input.

1.2 This input was prepared by the working group.

## 2 Contribution

2.1 ITU contributes to the SDGs.

2.2 Connectivity remains a challenge.

"""

/// A workspace with members CAN, USA, CHN, draft-1 published and a round closing 2020-03-01 (Geneva).
func makeRoundWorkspace(_ scratch: ScratchDirectory) throws -> CLI {
    let draft = try scratch.write("outline.md", sampleDraft)
    let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
    let created = try CLI.run(["init", "ws", "--title", "Council input to the 2020 HLPF", "--document", draft.path], now: cli.now, in: scratch.url)
    precondition(created.status == 0, created.error)
    for (code, name) in [("CAN", "Canada"), ("USA", "United States"), ("CHN", "China")] {
        let added = try cli.run(["member", "add", code, "--name", name, "--email", "\(code.lowercased())@example.org"])
        precondition(added.status == 0, added.error)
    }
    let published = try cli.run(["publish", "draft-1", "--note", "Draft 1"])
    precondition(published.status == 0, published.error)
    let opened = try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-01", "--name", "draft-1"])
    precondition(opened.status == 0, opened.error)
    return cli
}

/// `makeRoundWorkspace`'s round closed early, draft-1 published as final-draft, and a silence
/// procedure on it closing 12 March 2020 (Geneva).
func makeSilenceWorkspace(_ scratch: ScratchDirectory) throws -> CLI {
    let cli = try makeRoundWorkspace(scratch)
    #expect(try cli.run(["round", "close"], now: "2020-02-20T10:00:00+01:00").status == 0)
    #expect(try cli.run(["publish", "final-draft"], now: "2020-03-05T10:00:00+01:00").status == 0)
    let opened = try cli.run(["round", "open", "--on", "final-draft", "--closes", "2020-03-12", "--kind", "silence"], now: "2020-03-05T10:05:00+01:00")
    #expect(opened.status == 0, "\(opened.error)")
    return cli
}

/// The `round` object of `status --json` run at `now`.
func statusRound(_ cli: CLI, at now: String) throws -> [String: Any] {
    let status = try cli.run(["status", "--json"], now: now)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
    return try #require(json["round"] as? [String: Any])
}
