import Foundation

/// A tool the tests read DraftFlow's output back with (pandoc, unzip) that failed.
public struct ToolFailure: Error, CustomStringConvertible {
    public var command: [String]
    public var status: Int32
    public var errors: String
    public var description: String { "\(command.joined(separator: " ")) exited with \(status): \(errors)" }
}

/// Runs `executable` with `arguments` and returns its standard output; a non-zero exit throws.
public func processOutput(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read before waiting: a full pipe would block the tool.
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ToolFailure(command: [executable] + arguments, status: process.terminationStatus, errors: String(decoding: errorData, as: UTF8.self))
    }
    return String(decoding: data, as: UTF8.self)
}
