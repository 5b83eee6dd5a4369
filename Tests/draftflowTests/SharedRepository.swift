import Foundation
import Testing
import TestSupport

/// Runs `executable` in `folder` with `environment` added to the test's own (less any user a git
/// server would set), standard output and errors apart.
@discardableResult
func runProgram(_ executable: String, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> CLI.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var merged = ProcessInfo.processInfo.environment
    for name in ["REMOTE_USER", "GL_USERNAME", "GL_USER", "DRAFTFLOW_SIGNING_KEY", "GIT_DIR"] { merged[name] = nil }
    merged["GIT_TERMINAL_PROMPT"] = "0"
    merged.merge(environment) { $1 }
    process.environment = merged
    let scratch = try ScratchDirectory("run")
    let outURL = scratch.url.appendingPathComponent("out"), errURL = scratch.url.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    defer { try? out.close(); try? err.close() }
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return CLI.Result(status: process.terminationStatus, output: try String(contentsOf: outURL, encoding: .utf8),
                      error: try String(contentsOf: errURL, encoding: .utf8))
}

/// The `git` command with `environment` (REMOTE_USER for a push that stands for the server's user).
@discardableResult
func gitRun(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> CLI.Result {
    try runProgram("/usr/bin/git", ["-c", "credential.helper=", "-c", "protocol.file.allow=always"] + arguments, in: folder, environment: environment)
}

/// What the hook said, as git shows it to the one who pushed ("remote: draftflow: ..."), without
/// the spaces git pads the lines with.
func hookLines(_ errors: String) -> [String] {
    errors.split(separator: "\n").map { String($0).replacingOccurrences(of: "\u{1B}[K", with: "") }
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("remote: draftflow:") }
}

/// A round workspace (`makeRoundWorkspace`: CAN, USA, CHN; round draft-1 open) shared through a
/// bare repository with DraftFlow's hook: the server's user `itu` is the secretariat, `ottawa`
/// is CAN and `washington` is USA.
struct SharedWorkspace {
    var cli: CLI
    var bare: URL

    static let users = ["itu": "secretariat", "ottawa": "CAN", "washington": "USA"]

    static func make(_ scratch: ScratchDirectory, serverRoot: URL? = nil) throws -> SharedWorkspace {
        let cli = try makeRoundWorkspace(scratch)
        let root = serverRoot ?? scratch.url
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let bare = root.appendingPathComponent("shared.git")
        let cloned = try gitRun(["clone", "-q", "--bare", cli.folder.path, bare.path], in: scratch.url)
        precondition(cloned.status == 0, cloned.error)
        let installed = try cli.run(["hook", "install", bare.path, "--secretariat", "itu", "--member", "ottawa=CAN", "--member", "washington=USA"])
        precondition(installed.status == 0, installed.error)
        return SharedWorkspace(cli: cli, bare: bare)
    }

    /// A member's clone of `url` at `folder`, committing as that member.
    func memberClone(_ url: String, at folder: URL, code: String) throws -> URL {
        let cloned = try gitRun(["clone", "-q", url, folder.path], in: folder.deletingLastPathComponent())
        precondition(cloned.status == 0, cloned.error)
        try gitRun(["config", "user.name", code], in: folder)
        try gitRun(["config", "user.email", "\(code.lowercased())@example.org"], in: folder)
        return folder
    }
}

/// Writes `text` to `path` in the clone `folder` and commits it; returns the commit id.
@discardableResult
func commitFile(_ path: String, _ text: String, in folder: URL, message: String = "Submission") throws -> String {
    let file = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    try gitRun(["add", path], in: folder)
    let committed = try gitRun(["commit", "-q", "-m", message], in: folder)
    precondition(committed.status == 0, committed.error)
    return try gitRun(["rev-parse", "HEAD"], in: folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
}
