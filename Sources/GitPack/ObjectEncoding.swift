import Foundation
import GitCore

/// Git's object formats, serialized by hand: what libgit2 would write for the same tree or commit
/// (GitPackTests compares the ids with libgit2's).
enum ObjectEncoding {
    /// A tree: entries sorted as if folder names ended in "/", each
    /// "<octal mode> <name>\0<20-byte id>".
    static func tree(_ items: [TreeEntry]) -> Data {
        SortedTreeEntries(items).body
    }

    /// The key git sorts a tree's entries by: the name's bytes, a folder's followed by "/".
    static func treeKey(_ entry: TreeEntry) -> [UInt8] {
        Array(entry.name.utf8) + (entry.mode == 0o40000 ? [0x2f] : [])
    }

    /// One entry as a tree holds it: "<octal mode> <name>\0<20-byte id>".
    static func treeEntry(_ entry: TreeEntry) -> [UInt8] {
        var bytes = Array(String(entry.mode, radix: 8).utf8)
        bytes.append(0x20)
        bytes.append(contentsOf: entry.name.utf8)
        bytes.append(0)
        entry.id.withUnsafeBytes { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// A commit: its tree, its parent, author and committer, a blank line and the message.
    /// `encoding`: the message's encoding header, as libgit2 writes it when given one ("UTF-8").
    static func commit(tree: TreeID, parent: CommitID?, author: Signature, committer: Signature, encoding: String? = nil, message: String) -> Data {
        var text = "tree \(tree.hex)\n"
        if let parent { text += "parent \(parent.hex)\n" }
        text += "author \(signatureLine(author))\ncommitter \(signatureLine(committer))\n"
        if let encoding { text += "encoding \(encoding)\n" }
        text += "\n\(message)"
        return Data(text.utf8)
    }

    /// "Name <email> 1582821720 +0100", as git writes it.
    static func signatureLine(_ signature: Signature) -> String {
        let offset = signature.offsetMinutes
        let sign = offset < 0 ? "-" : "+"
        let zone = String(format: "%02d%02d", abs(offset) / 60, abs(offset) % 60)
        return "\(signature.recordedName) <\(signature.recordedEmail)> \(signature.seconds) \(sign)\(zone)"
    }
}

/// A tree's entries in git's order, each serialized once: a series that changes a few entries of
/// a large folder in every commit (a round's folder of 772 members) inserts and removes those
/// entries, instead of sorting and serializing the whole folder again each time.
struct SortedTreeEntries {
    private var keys: [[UInt8]] = []
    private var encoded: [[UInt8]] = []

    init(_ items: [TreeEntry] = []) {
        let pairs = items.map { (key: ObjectEncoding.treeKey($0), bytes: ObjectEncoding.treeEntry($0)) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        keys = pairs.map(\.key)
        encoded = pairs.map(\.bytes)
    }

    var isEmpty: Bool { keys.isEmpty }

    /// The first position whose key is not before `key`.
    private func position(of key: [UInt8]) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle].lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    mutating func insert(_ entry: TreeEntry) {
        let key = ObjectEncoding.treeKey(entry)
        let at = position(of: key)
        if at < keys.count && keys[at] == key {
            encoded[at] = ObjectEncoding.treeEntry(entry)
        } else {
            keys.insert(key, at: at)
            encoded.insert(ObjectEncoding.treeEntry(entry), at: at)
        }
    }

    mutating func remove(_ entry: TreeEntry) {
        let key = ObjectEncoding.treeKey(entry)
        let at = position(of: key)
        guard at < keys.count && keys[at] == key else { return }
        keys.remove(at: at)
        encoded.remove(at: at)
    }

    /// The tree object's body.
    var body: Data {
        var body = Data(capacity: encoded.reduce(0) { $0 + $1.count })
        for bytes in encoded { body.append(contentsOf: bytes) }
        return body
    }
}
