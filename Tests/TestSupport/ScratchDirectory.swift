import Foundation

/// A fresh temporary folder for one test, removed when the test lets go of it.
public final class ScratchDirectory: @unchecked Sendable {
    public let url: URL

    /// - Parameter create: make the folder now (some code under test insists on creating it).
    public init(_ name: String = "test", create: Bool = true) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-\(name)-\(UUID().uuidString)")
        if create { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` to `name` inside the folder (making its folders) and returns the file.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}
