import Clibgit2
import GitCore
import Foundation

/// The four kinds of git object.
public enum ObjectKind: String, Sendable, Equatable, Codable {
    case commit, tree, blob, tag
}

/// A git object read raw from the object database, its content re-hashed and found to match its id.
public struct VerifiedObject: Sendable, Equatable {
    public let id: ObjectID
    public let kind: ObjectKind
    /// The object's content, without git's "<type> <size>\0" header.
    public let data: Data
}

/// The header of a commit object: what it points to.
public struct RawCommit: Sendable, Equatable {
    public let tree: ObjectID
    public let parents: [ObjectID]
}

/// The header of an annotated tag object.
public struct RawTag: Sendable, Equatable {
    public let target: ObjectID
    /// "commit", "tree", "blob" or "tag", as the tag says.
    public let targetType: String
    public let name: String
    /// When the tagger signed it; nil when the tag has no (readable) tagger line.
    public let taggerTime: Date?
}

extension GitError {
    /// An object whose content does not hash to its id, or whose stored bytes are damaged.
    public var isCorrupt: Bool { code == GIT_EMISMATCH.rawValue || errorClass == Int32(GIT_ERROR_ZLIB.rawValue) || errorClass == Int32(GIT_ERROR_OBJECT.rawValue) }
}

// MARK: - Reading and re-hashing objects

extension Repository {
    /// Reads object `id` raw through the object database (`git_odb_read`) and recomputes its hash
    /// (`git_odb_hash`), so damage is found even where libgit2 does not check.
    ///
    /// A loose object is first inflated here, outside libgit2, with zlib: libgit2 1.5.1 can loop
    /// forever on a truncated loose object (docs/LIBGIT2.md, item 10), so a damaged loose file is
    /// reported before libgit2 ever reads it. Callers must still guard the whole verification
    /// with a timeout.
    ///
    /// Throws a `GitError`: `isNotFound` when the object is missing, `isCorrupt` when it is damaged.
    /// `inflateLooseObjectFirst: false` skips the check outside libgit2 (to test the timeout guard).
    public func verifiedObject(_ id: ObjectID, inflateLooseObjectFirst: Bool = true) throws -> VerifiedObject {
        if inflateLooseObjectFirst { try checkLooseObjectFile(id) }
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var raw = id.raw
        var object: OpaquePointer?
        try check(git_odb_read(&object, odb, &raw), "git_odb_read(\(id.hex))")
        defer { git_odb_object_free(object) }
        let type = git_odb_object_type(object)
        let size = git_odb_object_size(object)
        let data: Data
        if size > 0, let bytes = git_odb_object_data(object) {
            data = Data(bytes: bytes, count: size)
        } else {
            data = Data()
        }
        guard let kind = Self.kind(type) else {
            throw GitError(code: GIT_ERROR.rawValue, errorClass: Int32(GIT_ERROR_OBJECT.rawValue),
                           message: "object \(id.hex) has an unknown type (\(type.rawValue))", operation: "verify object")
        }
        let actual = try Self.hash(data, type: type)
        guard actual == id else {
            throw GitError(code: GIT_EMISMATCH.rawValue, errorClass: Int32(GIT_ERROR_ODB.rawValue),
                           message: "object \(id.hex) (\(kind.rawValue)) is damaged: its content hashes to \(actual.hex)",
                           operation: "verify object")
        }
        return VerifiedObject(id: id, kind: kind, data: data)
    }

    /// The id git gives `data` as an object of `kind`.
    public static func objectID(of data: Data, kind: ObjectKind) throws -> ObjectID {
        LibGit2.initialize()
        return try hash(data, type: type(kind))
    }

    private static func hash(_ data: Data, type: git_object_t) throws -> ObjectID {
        var oid = git_oid()
        _ = try data.withUnsafeBytes { bytes in
            try check(git_odb_hash(&oid, bytes.baseAddress, bytes.count, type), "git_odb_hash")
        }
        return ObjectID(oid)
    }

    private static func kind(_ type: git_object_t) -> ObjectKind? {
        switch type {
        case GIT_OBJECT_COMMIT: return .commit
        case GIT_OBJECT_TREE: return .tree
        case GIT_OBJECT_BLOB: return .blob
        case GIT_OBJECT_TAG: return .tag
        default: return nil
        }
    }

    private static func type(_ kind: ObjectKind) -> git_object_t {
        switch kind {
        case .commit: return GIT_OBJECT_COMMIT
        case .tree: return GIT_OBJECT_TREE
        case .blob: return GIT_OBJECT_BLOB
        case .tag: return GIT_OBJECT_TAG
        }
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

    /// Inflates a loose object's file outside libgit2 and checks its header and hash. Does nothing
    /// when the object is not loose.
    private func checkLooseObjectFile(_ id: ObjectID) throws {
        let url = looseObjectURL(id)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let shortPath = "objects/\(id.hex.prefix(2))/\(id.hex.dropFirst(2))"
        func damaged(_ reason: String) -> GitError {
            GitError(code: GIT_ERROR.rawValue, errorClass: Int32(GIT_ERROR_ZLIB.rawValue),
                     message: "the loose object file \(shortPath) is damaged: \(reason)", operation: "verify object \(id.hex)")
        }
        let compressed: Data
        do {
            compressed = try Data(contentsOf: url)
        } catch {
            throw GitError(code: GIT_ERROR.rawValue, errorClass: Int32(GIT_ERROR_OS.rawValue),
                           message: "cannot read \(shortPath): \(error.localizedDescription)", operation: "verify object \(id.hex)")
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
        let actual = try Self.hash(Data(content), type: Self.type(kind))
        guard actual == id else {
            throw GitError(code: GIT_EMISMATCH.rawValue, errorClass: Int32(GIT_ERROR_ODB.rawValue),
                           message: "object \(id.hex) (\(kind.rawValue)) is damaged: its content hashes to \(actual.hex)",
                           operation: "verify object")
        }
    }
}

// MARK: - Parsing raw objects

extension VerifiedObject {
    private func malformed(_ what: String) -> GitError {
        GitError(code: GIT_ERROR.rawValue, errorClass: Int32(GIT_ERROR_OBJECT.rawValue),
                 message: "object \(id.hex) is not a well-formed \(what)", operation: "parse \(what)")
    }

    private func expect(_ expected: ObjectKind) throws {
        guard kind == expected else {
            throw GitError(code: GIT_ENOTFOUND.rawValue, errorClass: Int32(GIT_ERROR_INVALID.rawValue),
                           message: "object \(id.hex) is a \(kind.rawValue), not a \(expected.rawValue)", operation: "parse \(expected.rawValue)")
        }
    }

    /// The header lines of a commit or tag, up to the first empty line.
    private func headerLines() -> [Substring] {
        let text = String(decoding: data, as: UTF8.self)
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }
            lines.append(line)
        }
        return lines
    }

    /// The tree and parents of a commit.
    public func commitHeader() throws -> RawCommit {
        try expect(.commit)
        var tree: ObjectID?
        var parents: [ObjectID] = []
        for line in headerLines() {
            if line.hasPrefix("tree ") {
                guard tree == nil, let id = ObjectID(hex: String(line.dropFirst(5))) else { throw malformed("commit") }
                tree = id
            } else if line.hasPrefix("parent ") {
                guard let id = ObjectID(hex: String(line.dropFirst(7))) else { throw malformed("commit") }
                parents.append(id)
            }
        }
        guard let tree else { throw malformed("commit") }
        return RawCommit(tree: tree, parents: parents)
    }

    /// The target, name and tagger time of an annotated tag.
    public func tagHeader() throws -> RawTag {
        try expect(.tag)
        var target: ObjectID?, type: String?, name: String?, time: Date?
        for line in headerLines() {
            if line.hasPrefix("object ") {
                target = ObjectID(hex: String(line.dropFirst(7)))
            } else if line.hasPrefix("type ") {
                type = String(line.dropFirst(5))
            } else if line.hasPrefix("tag ") {
                name = String(line.dropFirst(4))
            } else if line.hasPrefix("tagger "), let close = line.lastIndex(of: ">") {
                let fields = line[line.index(after: close)...].split(separator: " ")
                if let seconds = fields.first.flatMap({ Int64($0) }) { time = Date(timeIntervalSince1970: TimeInterval(seconds)) }
            }
        }
        guard let target, let type, let name else { throw malformed("tag") }
        return RawTag(target: target, targetType: type, name: name, taggerTime: time)
    }

    /// The entries of a tree: "<mode> <name>\0<20-byte id>" each.
    public func treeEntries() throws -> [TreeEntry] {
        try expect(.tree)
        let bytes = [UInt8](data)
        var entries: [TreeEntry] = []
        var index = 0
        while index < bytes.count {
            guard let space = bytes[index...].firstIndex(of: 0x20), let nul = bytes[space...].firstIndex(of: 0), nul + 21 <= bytes.count else {
                throw malformed("tree")
            }
            let mode = String(decoding: bytes[index..<space], as: UTF8.self)
            let name = String(decoding: bytes[(space + 1)..<nul], as: UTF8.self)
            let hex = bytes[(nul + 1)..<(nul + 21)].map { String(format: "%02x", $0) }.joined()
            guard !name.isEmpty, let id = ObjectID(hex: hex) else { throw malformed("tree") }
            let kind: TreeEntry.Kind
            switch mode {
            case "40000", "040000": kind = .tree
            case "100644", "100755", "100664", "120000": kind = .blob
            default: kind = .other
            }
            entries.append(TreeEntry(name: name, id: id, kind: kind, executable: mode == "100755", mode: UInt32(mode, radix: 8) ?? 0))
            index = nul + 21
        }
        return entries
    }
}
