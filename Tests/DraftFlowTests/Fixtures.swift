import Foundation

/// Files of Tests/Fixtures, found from this source file (tests never read outside the checkout).
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The seed's real report (Chinese), exactly as Word exported it to plain text.
    static let seedReport = "itu-cwg-wsis-sdg-2020-report.zh.txt"

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }

    /// The embedded example draft (Drafts/ of the checkout).
    static func exampleDraft() throws -> Data {
        try Data(contentsOf: folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Drafts/hlpf-2020-input.md"))
    }
}
