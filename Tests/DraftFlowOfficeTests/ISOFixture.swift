import DraftFlow
import Foundation

/// The ISO template fixtures of Tests/Fixtures/iso (made by make-fixtures.py there, committed).
enum ISOFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/iso")

    static func file(_ name: String) throws -> IncomingFile {
        IncomingFile(name: name, data: try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// What a test compares: each comment's MB/NC, row, reference, type, text and proposed change.
    static func summary(_ comments: [ParsedComment]) -> [String] {
        comments.map { comment in
            let template = comment.template
            return "\(template?.memberBody ?? "-")|\(template?.row ?? 0)|\(template?.line ?? "-")|\(template?.clause ?? "-")|\(template?.paragraph ?? "-")|"
                + "\(comment.reference)|\(comment.type.rawValue)|\(comment.text)|\(comment.proposedChange ?? "-")"
        }
    }
}
