import Foundation
import GitCore
import Parallel

/// One commit of a series written by `writeSeries`.
public struct SeriesCommit {
    /// A file to write: its content, its blob id when the caller computed it already, and the path
    /// (in the series' starting tree) of a file it is an edited copy of, to store it as a delta.
    public struct File {
        public var path: String
        public var data: Data
        public var id: BlobID?
        public var similarTo: String?

        public init(path: String, data: Data, id: BlobID?, similarTo: String?) {
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
    /// The commit's `encoding` header, nil for none (git's default, UTF-8). `Repository.createCommit`
    /// writes "UTF-8": a commit written both ways gets the same id only with it.
    public var encoding: String?

    public init(files: [File], removals: [String], author: Signature, committer: Signature, message: String, encoding: String? = nil) {
        self.files = files
        self.removals = removals
        self.author = author
        self.committer = committer
        self.message = message
        self.encoding = encoding
    }
}

extension Repository {
    /// Writes `commits` one on top of the other, starting from `parent`, as one pack synced once:
    /// the blobs, trees and commits are serialized here, so no object passes through libgit2's
    /// object database one by one (each such write is a file synced on its own). No reference
    /// moves.
    ///
    /// - Returns: the ids of the new commits, in order, and the blob id written at each path.
    public func writeSeries(_ commits: [SeriesCommit], parent: CommitID?) throws -> (commits: [CommitID], blobs: [String: BlobID]) {
        var series = try packSeries(commits, parent: parent)
        if !series.pack.isEmpty { try install(try series.pack.packAndIndex()) }
        return (series.commits, series.blobs)
    }

    /// The pack `writeSeries` writes, not installed yet, with the ids of the commits in it and
    /// the blob id written at each path.
    package func packSeries(_ commits: [SeriesCommit], parent: CommitID?) throws -> (pack: PackWriter, commits: [CommitID], blobs: [String: BlobID]) {
        var writer = PackWriter()
        var bases: [BlobID: Delta.Index] = [:]
        var blobsAtPath: [String: BlobID] = [:]
        // A file the series writes again (the round's index, in every commit): its last version in
        // this pack, and how many deltas reading it applies.
        var lastInPack: [String: (id: BlobID, data: Data, depth: Int)] = [:]
        let startTree = try parent.map { try self.commit($0).tree }
        let deltas = try encodeDeltas(commits, startTree: startTree, bases: &bases)
        let hashed = try idsOfUnnamedFiles(commits)
        let root = TreeNode(id: startTree)
        var previous = parent
        var written: [CommitID] = []
        for (commitIndex, commit) in commits.enumerated() {
            for (fileIndex, file) in commit.files.enumerated() {
                try Self.checkSeriesPath(file.path)
                let id = file.id ?? hashed[FilePlace(commit: commitIndex, file: fileIndex)] ?? BlobID(hashing: file.data)
                blobsAtPath[file.path] = id
                if !writer.contains(id.objectID) && !contains(id.objectID, refresh: false) {
                    if file.data.count > 4096, let startTree, let base = try deltaBase(for: file, in: startTree), base != id {
                        if !writer.contains(base.objectID) {
                            try writer.add(id: base.objectID, kind: .blob, data: bases[base]!.base)
                        }
                        if let delta = deltas[id] {
                            writer.addDelta(id: id.objectID, base: base.objectID, encoded: delta)
                        } else {
                            try writer.addDelta(id: id.objectID, data: file.data, base: base.objectID, index: bases[base]!)
                        }
                    } else if file.data.count > 4096, let last = lastInPack[file.path], last.depth < Self.rewriteDepth, writer.contains(last.id.objectID) {
                        try writer.addDelta(id: id.objectID, base: last.id.objectID, encoded: .init(ends: last.data, target: file.data))
                        lastInPack[file.path] = (id, file.data, last.depth + 1)
                    } else {
                        try writer.add(id: id.objectID, kind: .blob, data: file.data)
                        if file.similarTo == nil { lastInPack[file.path] = (id, file.data, 0) }
                    }
                }
                try root.set(ArraySlice(file.path.split(separator: "/").map(String.init)), to: (id, 0o100644), in: self)
            }
            for path in commit.removals {
                try Self.checkSeriesPath(path)
                try root.set(ArraySlice(path.split(separator: "/").map(String.init)), to: nil, in: self)
            }
            // Only the folders this commit changed are written, once each.
            let treeID: TreeID
            if let tree = try root.write(into: &writer, repository: self) {
                treeID = tree
            } else {
                let body = ObjectEncoding.tree([])
                treeID = TreeID(ObjectID(hashing: body, as: .tree))
                if !contains(treeID.objectID, refresh: false) { try writer.add(id: treeID.objectID, kind: .tree, data: body) }
            }
            let body = ObjectEncoding.commit(tree: treeID, parent: previous, author: commit.author, committer: commit.committer,
                                             encoding: commit.encoding, message: commit.message)
            let id = CommitID(ObjectID(hashing: body, as: .commit))
            try writer.add(id: id.objectID, kind: .commit, data: body)
            written.append(id)
            previous = id
        }
        return (writer, written, blobsAtPath)
    }

    /// The blob ids of the series' files that come without one (records, comment files, the
    /// round's index in each of its versions), hashed on every core: at 772 members the index's
    /// versions alone are 128 MB.
    private func idsOfUnnamedFiles(_ commits: [SeriesCommit]) throws -> [FilePlace: BlobID] {
        var places: [FilePlace] = []
        for (commitIndex, commit) in commits.enumerated() {
            for (fileIndex, file) in commit.files.enumerated() where file.id == nil {
                places.append(FilePlace(commit: commitIndex, file: fileIndex))
            }
        }
        let ids = try concurrentMap(places.map { commits[$0.commit].files[$0.file].data }) { BlobID(hashing: $0) }
        return Dictionary(uniqueKeysWithValues: zip(places, ids))
    }

    /// Where a file is in a series: its commit and its place among that commit's files.
    private struct FilePlace: Hashable, Sendable {
        var commit: Int
        var file: Int
    }

    /// The longest chain of deltas a file the series writes again is stored as: its versions are
    /// deltas on the one before, and every 16th is whole, so reading one applies at most 15.
    static let rewriteDepth = 15

    /// The blob of the starting tree that `file` is an edited copy of, if any.
    private func deltaBase(for file: SeriesCommit.File, in startTree: TreeID) throws -> BlobID? {
        guard let path = file.similarTo else { return nil }
        return try entry(in: startTree, path: path)?.blobID
    }

    /// The compressed deltas of the series' edited copies (large files `similarTo` a file of
    /// `startTree`), computed on every core; `bases` receives each base, prepared once.
    private func encodeDeltas(_ commits: [SeriesCommit], startTree: TreeID?, bases: inout [BlobID: Delta.Index]) throws -> [BlobID: PackWriter.EncodedDelta] {
        guard let startTree else { return [:] }
        var jobs: [(id: BlobID, data: Data, base: Delta.Index)] = []
        var seen = Set<BlobID>()
        for commit in commits {
            for file in commit.files where file.data.count > 4096 {
                guard let base = try deltaBase(for: file, in: startTree) else { continue }
                let id = file.id ?? BlobID(hashing: file.data)
                guard base != id, !seen.contains(id), !contains(id.objectID, refresh: false) else { continue }
                seen.insert(id)
                if bases[base] == nil { bases[base] = Delta.Index(try blobData(base)) }
                jobs.append((id, file.data, bases[base]!))
            }
        }
        let encoded = try concurrentMap(jobs) { job in
            defer { MappedFiles.release(job.data) }
            return try PackWriter.EncodedDelta(index: job.base, target: job.data)
        }
        return Dictionary(zip(jobs.map(\.id), encoded), uniquingKeysWith: { first, _ in first })
    }

    /// The last guard before a path goes into a tree (callers check paths first, with their own
    /// message).
    static func checkSeriesPath(_ path: String) throws {
        guard TreePath.isSafe(path) else {
            throw PackError(operation: "writeSeries", message: "unsafe path '\(path)'")
        }
    }
}

/// A folder of the tree being built: read from the repository when first needed, written again
/// only when something in it changed.
private final class TreeNode {
    private var id: TreeID?
    private var loaded = false
    private var entries: [String: TreeEntry] = [:]
    private var children: [String: TreeNode] = [:]
    private var dirty = false
    /// The entries as last written, in git's order and serialized (nil until the first write).
    private var sorted: SortedTreeEntries?
    /// The entries changed since the last write, each with what `sorted` holds for it.
    private var pending: [String: TreeEntry?] = [:]

    init(id: TreeID?) {
        self.id = id
    }

    private func load(_ repository: Repository) throws {
        guard !loaded else { return }
        loaded = true
        if let id {
            for entry in try repository.treeEntries(id) { entries[entry.name] = entry }
        }
    }

    /// Changes one entry, remembering what the last write held for it.
    private func replace(_ name: String, with entry: TreeEntry?) {
        if sorted != nil && pending.index(forKey: name) == nil { pending[name] = .some(entries[name]) }
        entries[name] = entry
    }

    func set(_ components: ArraySlice<String>, to blob: (id: BlobID, mode: UInt32)?, in repository: Repository) throws {
        try load(repository)
        let name = components.first!
        if components.count == 1 {
            children[name] = nil
            replace(name, with: blob.map { TreeEntry(name: name, id: $0.id.objectID, kind: .blob, executable: false, mode: $0.mode) })
            dirty = true
            return
        }
        let child: TreeNode
        if let existing = children[name] {
            child = existing
        } else {
            let current = entries[name]?.treeID
            if blob == nil && current == nil { return }  // removing from a folder that is not there
            child = TreeNode(id: current)
            children[name] = child
        }
        dirty = true
        try child.set(components.dropFirst(), to: blob, in: repository)
    }

    /// Writes this folder (and the changed folders in it); nil when it is empty.
    func write(into writer: inout PackWriter, repository: Repository) throws -> TreeID? {
        guard dirty else { return entries.isEmpty && id == nil ? nil : id }
        for (name, child) in children {
            if let sub = try child.write(into: &writer, repository: repository) {
                let entry = TreeEntry(name: name, id: sub.objectID, kind: .tree, executable: false, mode: 0o40000)
                if entries[name] != entry { replace(name, with: entry) }
            } else {
                replace(name, with: nil)
                children[name] = nil
            }
        }
        dirty = false
        // Only what changed since the last write is sorted in; the rest is serialized already.
        if var kept = sorted {
            sorted = nil
            for (name, old) in pending {
                if let old { kept.remove(old) }
                if let new = entries[name] { kept.insert(new) }
            }
            sorted = kept
        } else {
            sorted = SortedTreeEntries(Array(entries.values))
        }
        pending = [:]
        if entries.isEmpty {
            id = nil
            return nil
        }
        let body = sorted!.body
        let newID = TreeID(ObjectID(hashing: body, as: .tree))
        if !writer.contains(newID.objectID) && !repository.contains(newID.objectID, refresh: false) {
            try writer.add(id: newID.objectID, kind: .tree, data: body)
        }
        id = newID
        return newID
    }
}
