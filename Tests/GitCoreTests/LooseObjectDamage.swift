import Foundation
import GitCore
import Testing

/// What the tests of damaged loose objects share: an object's file, cutting it in half, and the
/// error a read that should fail throws.
enum LooseObjectDamage {
    static func file(_ hex: String, in repository: Repository) -> URL {
        repository.gitDirectory.appendingPathComponent("objects/\(hex.prefix(2))/\(hex.dropFirst(2))")
    }

    static func truncate(_ url: URL) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count / 2).write(to: url)
    }

    /// The error `body` throws; an issue is recorded when it succeeds or throws something else.
    static func gitError(of body: () throws -> Void) -> GitError? {
        do {
            try body()
            Issue.record("it succeeded")
            return nil
        } catch let error as GitError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }
}
