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
}

/// A change to a tree: put a blob at a path, or remove the path.
public enum TreeUpdate: Sendable, Equatable {
    case upsert(path: String, blob: ObjectID)
    case remove(path: String)

    var path: String {
        switch self {
        case .upsert(let path, _), .remove(let path): return path
        }
    }
}

extension Repository {
    /// The id of the empty tree, written if needed.
    public func emptyTree() throws -> ObjectID {
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, handle, nil), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder), "git_treebuilder_write")
        return ObjectID(oid)
    }

    /// Writes a new tree: `base` (or the empty tree) with `updates` applied. Folders are created
    /// and removed as needed.
    public func updateTree(_ base: ObjectID?, _ updates: [TreeUpdate]) throws -> ObjectID {
        if updates.isEmpty { return try base ?? emptyTree() }
        // Without a base, libgit2 starts from an empty tree without writing one.
        var tree: OpaquePointer?
        if let base {
            var rawBase = base.raw
            try check(git_tree_lookup(&tree, handle, &rawBase), "git_tree_lookup")
        }
        defer { git_tree_free(tree) }
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
                    entry.id = blob.raw
                    entry.filemode = GIT_FILEMODE_BLOB
                case .remove:
                    entry.action = GIT_TREE_UPDATE_REMOVE
                }
                raw.append(entry)
            }
            try check(git_tree_create_updated(&out, handle, tree, raw.count, raw), "git_tree_create_updated")
        }
        return ObjectID(out)
    }

    /// The entries directly inside the folder `path` of `tree` ("" for the root). Empty when the
    /// folder does not exist.
    public func treeEntries(_ tree: ObjectID, path: String = "") throws -> [TreeEntry] {
        let folder: ObjectID
        if path.isEmpty {
            folder = tree
        } else {
            guard let entry = try entry(in: tree, path: path), entry.kind == .tree else { return [] }
            folder = entry.id
        }
        var raw = folder.raw
        var treeHandle: OpaquePointer?
        try check(git_tree_lookup(&treeHandle, handle, &raw), "git_tree_lookup")
        defer { git_tree_free(treeHandle) }
        let count = git_tree_entrycount(treeHandle)
        var entries: [TreeEntry] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            guard let entry = git_tree_entry_byindex(treeHandle, index) else { continue }
            entries.append(Self.copy(entry))
        }
        return entries
    }

    /// The entry at `path` in `tree`, or nil.
    public func entry(in tree: ObjectID, path: String) throws -> TreeEntry? {
        var raw = tree.raw
        var treeHandle: OpaquePointer?
        try check(git_tree_lookup(&treeHandle, handle, &raw), "git_tree_lookup")
        defer { git_tree_free(treeHandle) }
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, treeHandle, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_tree_entry_bypath")
        defer { git_tree_entry_free(entry) }
        return Self.copy(entry!)
    }

    /// The content of the file at `path` in `tree`, or nil when there is none.
    public func file(in tree: ObjectID, path: String) throws -> Data? {
        guard let entry = try entry(in: tree, path: path), entry.kind == .blob else { return nil }
        return try blobData(entry.id)
    }

    /// Every file of `tree`, recursively, as path and blob id.
    public func allFiles(in tree: ObjectID, under prefix: String = "") throws -> [(path: String, id: ObjectID)] {
        var result: [(String, ObjectID)] = []
        for entry in try treeEntries(tree, path: prefix) {
            let path = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
            switch entry.kind {
            case .blob: result.append((path, entry.id))
            case .tree: result.append(contentsOf: try allFiles(in: tree, under: path))
            case .other: continue
            }
        }
        return result
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
