import Foundation
import GitCore

/// A git object read raw from the object database, its content re-hashed and found to match its id.
public struct VerifiedObject: Sendable, Equatable {
    public let id: ObjectID
    public let kind: ObjectKind
    /// The object's content, without git's "<type> <size>\0" header.
    public let data: Data
}

/// The header of a commit object: what it points to.
public struct RawCommit: Sendable, Equatable {
    public let tree: TreeID
    public let parents: [CommitID]
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

// MARK: - Parsing raw objects (the formats `ObjectEncoding` writes)

extension VerifiedObject {
    private func malformed(_ what: String) -> DamagedObjectError {
        DamagedObjectError(id, operation: "parse \(what)", message: "object \(id.hex) is not a well-formed \(what)")
    }

    private func expect(_ expected: ObjectKind) throws {
        guard kind == expected else {
            throw DamagedObjectError(id, operation: "parse \(expected.rawValue)",
                                     message: "object \(id.hex) is a \(kind.rawValue), not a \(expected.rawValue)")
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
        var tree: TreeID?
        var parents: [CommitID] = []
        for line in headerLines() {
            if line.hasPrefix("tree ") {
                guard tree == nil, let id = TreeID(hex: String(line.dropFirst(5))) else { throw malformed("commit") }
                tree = id
            } else if line.hasPrefix("parent ") {
                guard let id = CommitID(hex: String(line.dropFirst(7))) else { throw malformed("commit") }
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
            guard !name.isEmpty, let id = ObjectID(bytes: bytes[(nul + 1)..<(nul + 21)]) else { throw malformed("tree") }
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
