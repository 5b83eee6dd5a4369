import Clibgit2
import ContentHash
import GitCore
import Foundation
import Parallel

/// One commit of a series written by `writeSeries`.
public struct SeriesCommit {
    /// A file to write: its content, its blob id when the caller computed it already, and the path
    /// (in the series' starting tree) of a file it is an edited copy of, to store it as a delta.
    public struct File {
        public var path: String
        public var data: Data
        public var id: ObjectID?
        public var similarTo: String?

        public init(path: String, data: Data, id: ObjectID?, similarTo: String?) {
            self.path = path
            self.data = data
            self.id = id
            self.similarTo = similarTo
        }
    }

    public var files: [File]
    public var removals: [String]
    public var author: Signature
    public var committer: Signature
    public var message: String

    public init(files: [File], removals: [String], author: Signature, committer: Signature, message: String) {
        self.files = files
        self.removals = removals
        self.author = author
        self.committer = committer
        self.message = message
    }
}

extension Repository {
    /// The compressed deltas of the series' edited copies (large files `similarTo` a file of
    /// `startTree`), computed on every core; `bases` receives each base, prepared once.
    private func encodeDeltas(_ commits: [SeriesCommit], startTree: ObjectID?, bases: inout [ObjectID: Delta.Index]) throws -> [ObjectID: PackWriter.EncodedDelta] {
        guard let startTree else { return [:] }
        var jobs: [(id: ObjectID, data: Data, base: Delta.Index)] = []
        var seen = Set<ObjectID>()
        for commit in commits {
            for file in commit.files where file.data.count > 4096 {
                guard let basePath = file.similarTo, let base = try entry(in: startTree, path: basePath), base.kind == .blob else { continue }
                let id = try file.id ?? Repository.blobID(of: file.data)
                guard base.id != id, !seen.contains(id), !contains(id, refresh: false) else { continue }
                seen.insert(id)
                if bases[base.id] == nil { bases[base.id] = Delta.Index(try blobData(base.id)) }
                jobs.append((id, file.data, bases[base.id]!))
            }
        }
        let encoded = try concurrentMap(jobs) { job in try PackWriter.EncodedDelta(index: job.base, target: job.data) }
        return Dictionary(zip(jobs.map(\.id), encoded), uniquingKeysWith: { first, _ in first })
    }

    /// Writes `commits` one on top of the other, starting from `parent`, as one pack synced once:
    /// the blobs, trees and commits are serialized here, so no object passes through libgit2's
    /// object database one by one (each such write rescans the pack folder). No reference moves.
    ///
    /// - Returns: the ids of the new commits, in order, and the blob id written at each path.
    public func writeSeries(_ commits: [SeriesCommit], parent: ObjectID?) throws -> (commits: [ObjectID], blobs: [String: ObjectID]) {
        var writer = PackWriter()
        var bases: [ObjectID: Delta.Index] = [:]
        var blobsAtPath: [String: ObjectID] = [:]
        let startTree = try parent.map { try self.commit($0).tree }
        let deltas = try encodeDeltas(commits, startTree: startTree, bases: &bases)
        let root = TreeNode(id: startTree)
        var previous = parent
        var written: [ObjectID] = []
        for commit in commits {
            for file in commit.files {
                try Self.checkSeriesPath(file.path)
                let id = try file.id ?? Repository.blobID(of: file.data)
                blobsAtPath[file.path] = id
                if !writer.contains(id) && !contains(id, refresh: false) {
                    if file.data.count > 4096, let basePath = file.similarTo, let startTree,
                       let base = try entry(in: startTree, path: basePath), base.kind == .blob, base.id != id {
                        if !writer.contains(base.id) {
                            try writer.add(id: base.id, type: GIT_OBJECT_BLOB, data: bases[base.id]!.base)
                        }
                        if let delta = deltas[id] {
                            writer.addDelta(id: id, base: base.id, encoded: delta)
                        } else {
                            try writer.addDelta(id: id, data: file.data, base: base.id, index: bases[base.id]!)
                        }
                    } else {
                        try writer.add(id: id, type: GIT_OBJECT_BLOB, data: file.data)
                    }
                }
                try root.set(ArraySlice(file.path.split(separator: "/").map(String.init)), to: (id, 0o100644), in: self)
            }
            for path in commit.removals {
                try Self.checkSeriesPath(path)
                try root.set(ArraySlice(path.split(separator: "/").map(String.init)), to: nil, in: self)
            }
            // Only the folders this commit changed are written, once each.
            let treeID: ObjectID
            if let tree = try root.write(into: &writer, repository: self) {
                treeID = tree
            } else {
                let body = Data()
                treeID = Self.objectID(type: "tree", body)
                if !contains(treeID, refresh: false) && !writer.contains(treeID) { try writer.add(id: treeID, type: GIT_OBJECT_TREE, data: body) }
            }
            var text = "tree \(treeID.hex)\n"
            if let previous { text += "parent \(previous.hex)\n" }
            text += "author \(Self.signatureLine(commit.author))\ncommitter \(Self.signatureLine(commit.committer))\n\n\(commit.message)"
            let body = Data(text.utf8)
            let id = Self.objectID(type: "commit", body)
            try writer.add(id: id, type: GIT_OBJECT_COMMIT, data: body)
            written.append(id)
            previous = id
        }
        if !writer.isEmpty { try install(try writer.packAndIndex()) }
        return (written, blobsAtPath)
    }

    /// A folder of the tree being built: read from the repository when first needed, written
    /// again only when something in it changed.
    final class TreeNode {
        private var id: ObjectID?
        private var loaded = false
        private var entries: [String: TreeEntry] = [:]
        private var children: [String: TreeNode] = [:]
        private var dirty = false

        init(id: ObjectID?) {
            self.id = id
        }

        private func load(_ repository: Repository) throws {
            guard !loaded else { return }
            loaded = true
            if let id {
                for entry in try repository.treeEntries(id) { entries[entry.name] = entry }
            }
        }

        func set(_ components: ArraySlice<String>, to blob: (id: ObjectID, mode: UInt32)?, in repository: Repository) throws {
            try load(repository)
            let name = components.first!
            if components.count == 1 {
                children[name] = nil
                if let blob {
                    entries[name] = TreeEntry(name: name, id: blob.id, kind: .blob, executable: false, mode: blob.mode)
                } else {
                    entries[name] = nil
                }
                dirty = true
                return
            }
            let child: TreeNode
            if let existing = children[name] {
                child = existing
            } else {
                let current = entries[name].flatMap { $0.kind == .tree ? $0.id : nil }
                if blob == nil && current == nil { return }  // removing from a folder that is not there
                child = TreeNode(id: current)
                children[name] = child
            }
            dirty = true
            try child.set(components.dropFirst(), to: blob, in: repository)
        }

        /// Writes this folder (and the changed folders in it); nil when it is empty.
        func write(into writer: inout PackWriter, repository: Repository) throws -> ObjectID? {
            guard dirty else { return entries.isEmpty && id == nil ? nil : id }
            for (name, child) in children {
                if let sub = try child.write(into: &writer, repository: repository) {
                    entries[name] = TreeEntry(name: name, id: sub, kind: .tree, executable: false, mode: 0o40000)
                } else {
                    entries[name] = nil
                    children[name] = nil
                }
            }
            dirty = false
            if entries.isEmpty {
                id = nil
                return nil
            }
            let body = Repository.serializeTree(Array(entries.values))
            let newID = Repository.objectID(type: "tree", body)
            if !writer.contains(newID) && !repository.contains(newID, refresh: false) {
                try writer.add(id: newID, type: GIT_OBJECT_TREE, data: body)
            }
            id = newID
            return newID
        }
    }

    /// Git's tree format: entries sorted as if folder names ended in "/", each
    /// "<octal mode> <name>\0<20-byte id>".
    static func serializeTree(_ items: [TreeEntry]) -> Data {
        let sorted = items.sorted { left, right in
            let a = Array(left.name.utf8) + (left.mode == 0o40000 ? [0x2f] : [])
            let b = Array(right.name.utf8) + (right.mode == 0o40000 ? [0x2f] : [])
            return a.lexicographicallyPrecedes(b)
        }
        var body = Data()
        for item in sorted {
            body.append(contentsOf: Array(String(item.mode, radix: 8).utf8))
            body.append(0x20)
            body.append(contentsOf: Array(item.name.utf8))
            body.append(0)
            var raw = item.id.raw
            withUnsafeBytes(of: &raw.id) { body.append(contentsOf: $0) }
        }
        return body
    }

    static func objectID(type: String, _ body: Data) -> ObjectID {
        var sha = SHA1()
        sha.update(Data("\(type) \(body.count)\u{0}".utf8))
        sha.update(body)
        return ObjectID(hex: sha.finalize().map { String(format: "%02x", $0) }.joined())!
    }

    /// "Name <email> 1582821720 +0100", as git writes it.
    static func signatureLine(_ signature: Signature) -> String {
        let name = Signature.clean(signature.name.isEmpty ? "unknown" : signature.name)
        let email = Signature.clean(signature.email.isEmpty ? "unknown" : signature.email)
        let offset = signature.offsetMinutes
        let sign = offset < 0 ? "-" : "+"
        let time = Int64(signature.time.timeIntervalSince1970.rounded(.down))
        return "\(name) <\(email)> \(time) \(sign)\(String(format: "%02d%02d", abs(offset) / 60, abs(offset) % 60))"
    }

    static func checkSeriesPath(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.isEmpty || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.lowercased() == ".git" }) {
            throw GitError(code: -1, errorClass: 0, message: "unsafe path '\(path)'", operation: "writeSeries")
        }
    }
}
