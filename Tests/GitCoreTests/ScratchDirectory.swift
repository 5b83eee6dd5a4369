import Foundation

/// A fresh temporary folder for one test, removed afterwards.
final class ScratchDirectory {
    let url: URL

    init(_ name: String = "git") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Runs the real `git` command to check what libgit2 wrote. Returns standard output.
@discardableResult
func git(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder.path] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
