import Foundation
import GitCore

/// An object found damaged by GitPack's own checks: its stored bytes do not inflate, its header
/// or content is malformed, it is not the kind expected, or its content hashes to another id.
/// (A damage libgit2 finds first is a `GitError`.)
public struct DamagedObjectError: GitLayerError, Equatable {
    public let id: ObjectID
    public let operation: String
    public let message: String

    package init(_ id: ObjectID, operation: String, message: String) {
        self.id = id
        self.operation = operation
        self.message = message
    }

    public var description: String { "\(operation) failed: \(message)" }
}

extension Repository {
    /// Reads object `id` as stored, through libgit2's object database, and hashes its content
    /// again, so damage is found even where libgit2 does not check.
    ///
    /// A loose object is first inflated here, outside libgit2, with zlib: libgit2 1.5.1 can loop
    /// forever on a truncated loose object (docs/LIBGIT2.md, item 10), so a damaged loose file is
    /// reported before libgit2 ever reads it. Callers must still guard the whole verification
    /// with a timeout.
    ///
    /// Throws a `GitError` when libgit2 cannot read the object (`isNotFound` when it is missing),
    /// a `DamagedObjectError` when the checks here find it damaged.
    /// `inflateLooseObjectFirst: false` skips the check outside libgit2 (to test the timeout guard).
    public func verifiedObject(_ id: ObjectID, inflateLooseObjectFirst: Bool = true) throws -> VerifiedObject {
        if inflateLooseObjectFirst { try checkLooseObjectFile(id) }
        let stored = try storedObject(id)
        guard let kind = stored.kind else {
            throw DamagedObjectError(id, operation: "verify object", message: "object \(id.hex) has an unknown type (\(stored.typeNumber))")
        }
        try Self.checkHash(stored.data, kind: kind, id: id)
        return VerifiedObject(id: id, kind: kind, data: stored.data)
    }

    /// Whether object `id` is stored loose (`objects/xx/yyyy...`) in this repository.
    public func isLooseObject(_ id: ObjectID) -> Bool {
        FileManager.default.fileExists(atPath: looseObjectURL(id).path)
    }

    /// Where a loose object `id` lives.
    public func looseObjectURL(_ id: ObjectID) -> URL {
        gitDirectory.appendingPathComponent("objects", isDirectory: true)
            .appendingPathComponent(String(id.hex.prefix(2)), isDirectory: true)
            .appendingPathComponent(String(id.hex.dropFirst(2)))
    }

    private static func checkHash(_ content: Data, kind: ObjectKind, id: ObjectID) throws {
        let actual = ObjectID(hashing: content, as: kind)
        guard actual == id else {
            throw DamagedObjectError(id, operation: "verify object",
                                     message: "object \(id.hex) (\(kind.rawValue)) is damaged: its content hashes to \(actual.hex)")
        }
    }

    /// Inflates a loose object's file outside libgit2 and checks its header and hash. Does nothing
    /// when the object is not loose.
    private func checkLooseObjectFile(_ id: ObjectID) throws {
        let url = looseObjectURL(id)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let shortPath = "objects/\(id.hex.prefix(2))/\(id.hex.dropFirst(2))"
        func damaged(_ reason: String) -> DamagedObjectError {
            DamagedObjectError(id, operation: "verify object \(id.hex)", message: "the loose object file \(shortPath) is damaged: \(reason)")
        }
        let compressed: Data
        do {
            compressed = try Data(contentsOf: url)
        } catch {
            throw DamagedObjectError(id, operation: "verify object \(id.hex)", message: "cannot read \(shortPath): \(error.localizedDescription)")
        }
        guard let inflated = Zlib.inflate(compressed) else {
            throw damaged("it is truncated or is not zlib data (\(compressed.count) bytes)")
        }
        // "<type> <size>\0<content>"
        guard let nul = inflated.firstIndex(of: 0) else { throw damaged("it has no object header") }
        let header = String(decoding: inflated[inflated.startIndex..<nul], as: UTF8.self).split(separator: " ")
        let content = inflated[(nul + 1)...]
        guard header.count == 2, let kind = ObjectKind(rawValue: String(header[0])), let size = Int(header[1]) else {
            throw damaged("its header is not '<type> <size>'")
        }
        guard size == content.count else {
            throw damaged("its header says \(size) bytes of content, it holds \(content.count)")
        }
        try Self.checkHash(Data(content), kind: kind, id: id)
    }
}
