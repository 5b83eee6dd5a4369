import Clibgit2
import Foundation

/// One entry of a tree, copied out of libgit2.
public struct TreeEntry: Equatable, Sendable {
    public enum Kind: Sendable, Equatable { case blob, tree, other }
    public let name: String
    public let id: ObjectID
    public let kind: Kind
    public let executable: Bool
    /// The git file mode (0o100644, 0o100755, 0o40000, 0o120000, 0o160000).
    public let mode: UInt32

    package init(name: String, id: ObjectID, kind: Kind, executable: Bool, mode: UInt32) {
        self.name = name
        self.id = id
        self.kind = kind
        self.executable = executable
        self.mode = mode
    }

    /// The entry's blob, when it is a file.
    public var blobID: BlobID? { kind == .blob ? BlobID(id) : nil }
    /// The entry's tree, when it is a folder.
    public var treeID: TreeID? { kind == .tree ? TreeID(id) : nil }
}

/// A change to a tree: put a blob at a path, or remove the path.
public enum TreeUpdate: Sendable, Equatable {
    case upsert(path: String, blob: BlobID)
    case remove(path: String)

    var path: String {
        switch self {
        case .upsert(let path, _), .remove(let path): return path
        }
    }
}

extension Repository {
    /// The id of the empty tree, written if needed.
    public func emptyTree() throws -> TreeID {
        let builder = try Handle("git_treebuilder_new", free: git_treebuilder_free, owner: self) { git_treebuilder_new(&$0, pointer, nil) }
        var oid = git_oid()
        try builder.read { try check(git_treebuilder_write(&oid, $0), "git_treebuilder_write") }
        return TreeID(ObjectID(oid))
    }

    /// Writes a new tree: `base` (or the empty tree) with `updates` applied. Folders are created
    /// and removed as needed.
    public func updateTree(_ base: TreeID?, _ updates: [TreeUpdate]) throws -> TreeID {
        if updates.isEmpty { return try base ?? emptyTree() }
        // Without a base, libgit2 starts from an empty tree without writing one.
        let baseTree = try base.map { try lookup($0) }
        // The C strings must outlive the call: keep them in one array of buffers.
        let paths = updates.map { Array($0.path.utf8CString) }
        var out = git_oid()
        try paths.withUnsafeBufferPointers { cPaths in
            var raw: [git_tree_update] = []
            raw.reserveCapacity(updates.count)
            for (index, update) in updates.enumerated() {
                var entry = git_tree_update()
                entry.path = cPaths[index]
                switch update {
                case .upsert(_, let blob):
                    entry.action = GIT_TREE_UPDATE_UPSERT
                    entry.id = blob.objectID.raw
                    entry.filemode = GIT_FILEMODE_BLOB
                case .remove:
                    entry.action = GIT_TREE_UPDATE_REMOVE
                }
                raw.append(entry)
            }
            try check(git_tree_create_updated(&out, pointer, baseTree?.pointer, raw.count, raw), "git_tree_create_updated")
        }
        withExtendedLifetime(baseTree) {}
        return TreeID(ObjectID(out))
    }

    /// The entries directly inside the folder `path` of `tree` ("" for the root). Empty when the
    /// folder does not exist.
    public func treeEntries(_ tree: TreeID, path: String = "") throws -> [TreeEntry] {
        guard let folder = try folder(path, in: tree) else { return [] }
        return try lookup(folder).read { tree in
            (0..<git_tree_entrycount(tree)).compactMap { git_tree_entry_byindex(tree, $0).map(Self.copy) }
        }
    }

    /// The tree of the folder `path` of `tree` ("" for `tree` itself), or nil when there is none.
    private func folder(_ path: String, in tree: TreeID) throws -> TreeID? {
        path.isEmpty ? tree : try entry(in: tree, path: path)?.treeID
    }

    /// The entry at `path` in `tree`, or nil.
    public func entry(in tree: TreeID, path: String) throws -> TreeEntry? {
        try lookup(tree).read { tree in
            try Handle.ifPresent("git_tree_entry_bypath", free: git_tree_entry_free) { git_tree_entry_bypath(&$0, tree, path) }?
                .read(Self.copy)
        }
    }

    /// The content of the file at `path` in `tree`, or nil when there is none.
    public func file(in tree: TreeID, path: String) throws -> Data? {
        guard let blob = try entry(in: tree, path: path)?.blobID else { return nil }
        return try blobData(blob)
    }

    /// Every file of `tree`, recursively, as path and blob id.
    public func allFiles(in tree: TreeID, under prefix: String = "") throws -> [(path: String, id: BlobID)] {
        var result: [(path: String, id: BlobID)] = []
        guard let folder = try folder(prefix, in: tree) else { return [] }
        try collectFiles(in: folder, prefix: prefix.isEmpty ? "" : prefix + "/", into: &result)
        return result
    }

    /// Appends the files of `folder` and its folders, each folder opened by its own id.
    private func collectFiles(in folder: TreeID, prefix: String, into result: inout [(path: String, id: BlobID)]) throws {
        for entry in try treeEntries(folder) {
            switch entry.kind {
            case .blob: result.append((prefix + entry.name, BlobID(entry.id)))
            case .tree: try collectFiles(in: TreeID(entry.id), prefix: prefix + entry.name + "/", into: &result)
            case .other: continue
            }
        }
    }

    private static func copy(_ entry: OpaquePointer) -> TreeEntry {
        let name = String(cString: git_tree_entry_name(entry))
        let id = ObjectID(git_tree_entry_id(entry).pointee)
        let kind: TreeEntry.Kind
        switch git_tree_entry_type(entry) {
        case GIT_OBJECT_BLOB: kind = .blob
        case GIT_OBJECT_TREE: kind = .tree
        default: kind = .other
        }
        let mode = git_tree_entry_filemode(entry)
        return TreeEntry(name: name, id: id, kind: kind, executable: mode == GIT_FILEMODE_BLOB_EXECUTABLE, mode: mode.rawValue)
    }
}

extension Array where Element == [CChar] {
    /// Calls `body` with stable pointers to every C string of the array.
    func withUnsafeBufferPointers<T>(_ body: ([UnsafePointer<CChar>]) throws -> T) rethrows -> T {
        var storage: [UnsafeMutablePointer<CChar>] = []
        storage.reserveCapacity(count)
        for string in self {
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: string.count)
            buffer.initialize(from: string, count: string.count)
            storage.append(buffer)
        }
        defer { storage.forEach { $0.deallocate() } }
        return try body(storage.map { UnsafePointer($0) })
    }
}

/// Paths inside a tree, as DraftFlow writes them.
public enum TreePath {
    /// Whether `path` is safe to write into a tree and its work tree: relative, with no empty,
    /// `.`, `..` or `.git` part, no backslash and no control character (docs/LIBGIT2.md, item 11).
    public static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !(path.isEmpty || path.hasPrefix("/")
            || parts.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0.lowercased() == ".git" }
            || path.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\\" })
    }
}
