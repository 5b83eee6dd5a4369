import Foundation

/// Runs the real `git` command in `folder`, to check that what DraftFlow wrote is ordinary git.
/// Returns its status and its output and errors together.
@discardableResult
public func git(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
    let (status, output, _) = try runGitCommand(["-C", folder.path] + arguments, errorsWithOutput: true)
    return (status, output)
}

/// `git` in `folder`, its standard output alone (its errors go to the test's own).
public func gitOutput(_ arguments: [String], in folder: URL) throws -> String {
    try runGitCommand(["-C", folder.path] + arguments, errorsWithOutput: false).output
}

/// A `git` failure: the command and what it said.
public struct GitCommandFailure: Error, CustomStringConvertible {
    public var arguments: [String]
    public var status: Int32
    public var description: String { "git \(arguments.joined(separator: " ")) exited with \(status)" }
}

/// Turns every pack of the repository at `gitDirectory` into loose objects: each pack is moved
/// out of the repository and fed to `git unpack-objects`, which skips objects the repository
/// still has. Tests that damage a loose object use it to have one.
public func unpackObjects(inGitDirectory gitDirectory: URL) throws {
    let packs = gitDirectory.appendingPathComponent("objects/pack")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: packs.path)) ?? []
    for name in names where name.hasSuffix(".pack") {
        let scratch = try ScratchDirectory("pack")
        let moved = scratch.url.appendingPathComponent(name)
        try FileManager.default.moveItem(at: packs.appendingPathComponent(name), to: moved)
        try FileManager.default.removeItem(at: packs.appendingPathComponent(String(name.dropLast(5)) + ".idx"))
        let arguments = ["--git-dir", gitDirectory.path, "unpack-objects", "-q"]
        let (status, _, _) = try runGitCommand(arguments, errorsWithOutput: true, input: try FileHandle(forReadingFrom: moved))
        guard status == 0 else { throw GitCommandFailure(arguments: arguments, status: status) }
    }
}

private func runGitCommand(_ arguments: [String], errorsWithOutput: Bool, input: FileHandle? = nil) throws
    -> (status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    if errorsWithOutput { process.standardError = pipe }
    if let input { process.standardInput = input }
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self), "")
}
