import DraftFlow
import Foundation

/// Runs ssh-keygen or gpg, the programs that sign and check tags (as git runs them), in a scratch
/// folder that goes when the call ends.
enum SigningTool {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `program` with `arguments` in a fresh scratch folder after `prepare` wrote its files
    /// there; `input`, when given, names a file of that folder to read standard input from.
    static func run<T>(_ program: String, _ arguments: (URL) -> [String], input: String? = nil,
                       prepare: (URL) throws -> Void = { _ in }, then finish: (URL, Result) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-sign-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try prepare(folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw DraftFlowError(.storage, "could not prepare the files \(program) reads in \(folder.path): \(error.localizedDescription)",
                                 fix: "check that the temporary folder (TMPDIR) can be written")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent(".stdout"), err = folder.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments(folder)
        process.currentDirectoryURL = folder
        let result: Result
        do {
            let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
            defer { try? outHandle.close(); try? errHandle.close() }
            process.standardOutput = outHandle
            process.standardError = errHandle
            process.standardInput = try input.map { try FileHandle(forReadingFrom: folder.appendingPathComponent($0)) } ?? FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            result = Result(status: process.terminationStatus,
                            output: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
                            errors: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
        } catch {
            throw DraftFlowError(.invalidInput, "could not run \(program): \(error.localizedDescription)", fix: installFix(program))
        }
        if result.status == 127 {
            throw DraftFlowError(.invalidInput, "\(program) is not installed", fix: installFix(program))
        }
        return try finish(folder, result)
    }

    static func installFix(_ program: String) -> String {
        "install it: apt-get install -y \(program == "gpg" ? "gnupg" : "openssh-client")"
    }

    /// The last line a tool wrote that says something, for a one-line message.
    static func lastLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("[GNUPG:]") }
        return lines.last ?? "no message"
    }
}
