import Clibgit2
import Foundation
import Glibc
import Parallel

/// What bringing the work tree up to date left alone because a person had changed it.
public struct WorkTreeSync: Equatable, Sendable {
    /// Files written or removed to match the commit.
    public var updated: [String] = []
    /// Files a person had edited: kept as they are, so no edit is lost.
    public var keptLocalEdits: [String] = []
}

extension Repository {
    /// Brings the work tree and the index to `commit`, without losing anyone's edits: a file is
    /// rewritten only when it still holds what the index says (or is missing).
    ///
    /// Call it while holding `withWorkTreeLock`, so that processes writing at the same time leave
    /// the work tree at the newest commit.
    /// - Parameter known: contents the caller has at hand (what it just committed), used instead of
    ///   reading the blob back from the object database when their id matches.
    @discardableResult
    public func syncWorkTree(to commit: CommitID, known: [String: (id: BlobID, data: Data)] = [:]) throws -> WorkTreeSync {
        guard let root = workTree else { return WorkTreeSync() }
        let tree = try self.commit(commit).tree

        let index = try Handle("git_repository_index", free: git_index_free, owner: self) { git_repository_index(&$0, pointer) }
        return try index.read { index in
            // Read again only when the file changed since libgit2 last read it (its time, size and
            // inode; every writer of the index replaces the file). A sync that fails half-way reads
            // the file again, so that no half-made change stays in libgit2's copy.
            try check(git_index_read(index, 0), "git_index_read")
            do {
                return try sync(index, root: root, tree: tree, known: known)
            } catch {
                _ = git_index_read(index, 1)
                throw error
            }
        }
    }

    private func sync(_ index: OpaquePointer, root: URL, tree: TreeID, known: [String: (id: BlobID, data: Data)]) throws -> WorkTreeSync {
        // The paths whose index entry may differ from the commit's, with the entry's blob. When
        // this index is the one the last sync wrote, it holds that sync's tree: only the paths
        // that differ between that tree and this one can differ, and the two trees are compared
        // without listing what they share. Otherwise every path of the tree and the index.
        var target: [String: BlobID] = [:]
        var indexed: [String: BlobID] = [:]
        if let synced = IndexSyncRecord.read(gitDirectory), synced.index == ObjectID(git_index_checksum(index).pointee) {
            for change in try differingFiles(from: synced.tree, to: tree) {
                target[change.path] = change.new
                indexed[change.path] = change.old
            }
        } else {
            for file in try allFiles(in: tree) { target[file.path] = file.id }
            for position in 0..<git_index_entrycount(index) {
                guard let entry = git_index_get_byindex(index, position) else { continue }
                indexed[String(cString: entry.pointee.path)] = BlobID(ObjectID(entry.pointee.id))
            }
        }

        func content(_ path: String, _ id: BlobID) throws -> Data {
            if let file = known[path], file.id == id { return file.data }
            return try blobData(id)
        }
        var result = WorkTreeSync()
        let changed = target.sorted(by: { $0.key < $1.key }).filter { indexed[$0.key] != $0.value }
        // New files just committed (an intake's hundreds of copies) are written on every core
        // first: copying their bytes into the page cache is most of a sync. Each is then indexed
        // in order, from its stat data, without hashing it again.
        let fresh = changed.compactMap { path, id -> NewFile? in
            guard let file = known[path], file.id == id, indexed[path] == nil else { return nil }
            return NewFile(path: path, url: root.appendingPathComponent(path), data: file.data)
        }
        let written = try concurrentMap(fresh) { file -> (path: String, status: WrittenStatus?) in
            // A file already there (put there since) is left to the general way below.
            if FileManager.default.fileExists(atPath: file.url.path) { return (file.path, nil) }
            // Past the page cache: the work tree keeps these copies, nothing reads them back soon.
            try FileSystem.replaceFile(at: file.url, with: file.data, direct: true)
            MappedFiles.release(file.data)
            return (file.path, WrittenStatus(file.url))
        }
        var writtenStatus: [String: WrittenStatus] = [:]
        for file in written { if let status = file.status { writtenStatus[file.path] = status } }
        for (path, id) in changed {
            let url = root.appendingPathComponent(path)
            if let status = writtenStatus[path] {
                try addWrittenFile(to: index, path: path, status: status, id: id)
                result.updated.append(path)
                continue
            }
            if let current = try? Data(contentsOf: url) {
                let currentID = BlobID(hashing: current)
                if currentID != id && currentID != indexed[path] {
                    // Keep the person's edit: the index follows the commit, the file stays theirs.
                    result.keptLocalEdits.append(path)
                    try setEntry(of: index, path: path, id: id)
                    continue
                }
                if currentID != id {
                    try FileSystem.replaceFile(at: url, with: try content(path, id))
                }
            } else {
                try FileSystem.replaceFile(at: url, with: try content(path, id))
            }
            // The file holds blob `id` now: indexed from its stat data, not read and hashed again.
            try addWrittenFile(to: index, path: path, url: url, id: id)
            result.updated.append(path)
        }
        for (path, id) in indexed.sorted(by: { $0.key < $1.key }) where target[path] == nil {
            let url = root.appendingPathComponent(path)
            if let current = try? Data(contentsOf: url), BlobID(hashing: current) != id {
                result.keptLocalEdits.append(path)
            } else {
                try? FileManager.default.removeItem(at: url)
                FileSystem.removeEmptyFolders(from: url.deletingLastPathComponent(), upTo: root)
                result.updated.append(path)
            }
            try check(git_index_remove_bypath(index, path), "git_index_remove_bypath(\(path))")
        }
        try check(git_index_write(index), "git_index_write")
        // The index now holds the commit's tree, path for path: say so for the next sync.
        IndexSyncRecord.write(IndexSyncRecord(index: ObjectID(git_index_checksum(index).pointee), tree: tree), gitDirectory)
        return result
    }

    /// Paths of the work tree whose content differs from `commit` (edited, added to the index, or
    /// removed), limited to `prefix` when given. Untracked files count only under `prefix`.
    public func changedFiles(against commit: CommitID, under prefix: String) throws -> [String: Data?] {
        guard let root = workTree else { return [:] }
        let tree = try self.commit(commit).tree
        var committed: [String: BlobID] = [:]
        for file in try allFiles(in: tree, under: prefix) { committed[file.path] = file.id }
        var changes: [String: Data?] = [:]
        let folder = root.appendingPathComponent(prefix)
        var present = Set<String>()
        if let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let relative = prefix + "/" + url.path.dropFirst(folder.path.count + 1)
                present.insert(relative)
                let data = try Data(contentsOf: url)
                if BlobID(hashing: data) != committed[relative] {
                    changes[relative] = data
                }
            }
        }
        for path in committed.keys where !present.contains(path) {
            changes[path] = .some(nil)
        }
        return changes
    }

    /// Why the index cannot be read, or nil when it can (a missing index reads as empty).
    public func indexProblem() -> GitError? {
        do {
            let index = try Handle("git_repository_index", free: git_index_free, owner: self) { git_repository_index(&$0, pointer) }
            try index.read { try check(git_index_read($0, 0), "git_index_read") }
            return nil
        } catch let error as GitError {
            return error
        } catch {
            return GitError(code: GIT_ERROR.rawValue, errorClass: 0, message: "\(error)", operation: "git_index_read")
        }
    }

    /// Writes a new index holding the files of `commit` (none for nil), in place of one that cannot
    /// be read. The entries carry no file times, so git re-reads each file once to see it is clean.
    public func rebuildIndex(from commit: CommitID?) throws {
        let path = gitDirectory.appendingPathComponent("index").path
        if unlink(path) != 0 && errno != ENOENT {
            throw SystemCallError("index", call: "unlink", cannot: "remove", path: path, errno: errno)
        }
        let index = try Handle("git_repository_index", free: git_index_free, owner: self) { git_repository_index(&$0, pointer) }
        try index.read { index in
            try check(git_index_read(index, 1), "git_index_read")
            try check(git_index_clear(index), "git_index_clear")
            if let commit {
                let tree = try lookup(try self.commit(commit).tree)
                try tree.read { try check(git_index_read_tree(index, $0), "git_index_read_tree") }
            }
            try check(git_index_write(index), "git_index_write")
        }
    }

    /// Adds a file just written with known content `id` to the index, from its stat data.
    private func addWrittenFile(to index: OpaquePointer, path: String, url: URL, id: BlobID) throws {
        try addWrittenFile(to: index, path: path, status: WrittenStatus(url), id: id)
    }

    /// Adds a file just written with known content `id` to the index, from the stat data taken
    /// after writing it (nil: it could not be read, and libgit2 reads and hashes the file).
    private func addWrittenFile(to index: OpaquePointer, path: String, status: WrittenStatus?, id: BlobID) throws {
        guard let info = status?.info else {
            try check(git_index_add_bypath(index, path), "git_index_add_bypath(\(path))")
            return
        }
        var entry = git_index_entry()
        entry.ctime = git_index_time(seconds: Int32(truncatingIfNeeded: info.st_ctim.tv_sec), nanoseconds: UInt32(truncatingIfNeeded: info.st_ctim.tv_nsec))
        entry.mtime = git_index_time(seconds: Int32(truncatingIfNeeded: info.st_mtim.tv_sec), nanoseconds: UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec))
        entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
        entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
        entry.mode = GIT_FILEMODE_BLOB.rawValue
        entry.uid = info.st_uid
        entry.gid = info.st_gid
        entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
        entry.id = id.objectID.raw
        try path.withCString { cPath in
            entry.path = cPath
            try check(git_index_add(index, &entry), "git_index_add(\(path))")
        }
    }

    /// Points the index entry of `path` at blob `id`, leaving the file as it is.
    private func setEntry(of index: OpaquePointer, path: String, id: BlobID) throws {
        var entry = git_index_entry()
        entry.mode = GIT_FILEMODE_BLOB.rawValue
        entry.id = id.objectID.raw
        try path.withCString { cPath in
            entry.path = cPath
            try check(git_index_add(index, &entry), "git_index_add(\(path))")
        }
    }
}

/// A new file the sync writes: where, and its bytes.
private struct NewFile: @unchecked Sendable {
    // `Data` of a file mapping is handed to one writer only; @unchecked for its deallocator.
    let path: String
    let url: URL
    let data: Data
}

/// The stat data of a file just written, for its index entry; nil when `stat` failed.
private struct WrittenStatus: @unchecked Sendable {
    // A plain C struct of numbers.
    let info: stat

    init?(_ url: URL) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        self.info = info
    }
}

/// What the last `syncWorkTree` left: the checksum of the index it wrote (the trailer git and
/// libgit2 verify on every read) and the tree that index then held, path for path. An index with
/// that checksum has those bytes, so it still holds that tree; any other writer of the index (git
/// itself, or a person's `git add`) changes the checksum, and the record no longer applies. Kept in
/// `.git/draftflow/index-synced` as two lines of hexadecimal; a missing, damaged or foreign file
/// (a link, a FIFO, too long) is not used, and the next sync compares everything.
package struct IndexSyncRecord: Equatable {
    package var index: ObjectID
    package var tree: TreeID

    package static func path(_ gitDirectory: URL) -> String {
        gitDirectory.appendingPathComponent("draftflow/index-synced").path
    }

    package static func read(_ gitDirectory: URL) -> IndexSyncRecord? {
        let descriptor = open(path(gitDirectory), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == 82 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 82)
        guard Glibc.read(descriptor, &bytes, 82) == 82, bytes[40] == 0x0A, bytes[81] == 0x0A,
              let index = ObjectID(hex: String(decoding: bytes[0..<40], as: UTF8.self)),
              let tree = ObjectID(hex: String(decoding: bytes[41..<81], as: UTF8.self)) else { return nil }
        return IndexSyncRecord(index: index, tree: TreeID(tree))
    }

    /// Writes the record beside the index as the work tree's files are written (a temporary file
    /// renamed over it, not synced: a record lost in a crash only makes the next sync compare
    /// everything). When it cannot be written, the old record is removed, since it names another
    /// index.
    package static func write(_ record: IndexSyncRecord, _ gitDirectory: URL) {
        let target = URL(fileURLWithPath: path(gitDirectory))
        do {
            try FileSystem.replaceFile(at: target, with: Data((record.index.hex + "\n" + record.tree.objectID.hex + "\n").utf8))
        } catch {
            unlink(target.path)
        }
    }
}

extension Repository {
    /// The files that differ between two trees, as path, blob in `old` and blob in `new` (nil where
    /// the path holds no file). Folders with the same id on both sides are not opened.
    package func differingFiles(from old: TreeID, to new: TreeID) throws -> [(path: String, old: BlobID?, new: BlobID?)] {
        var result: [(path: String, old: BlobID?, new: BlobID?)] = []
        try compare(old, new, prefix: "", into: &result)
        return result
    }

    private func compare(_ old: TreeID?, _ new: TreeID?, prefix: String, into result: inout [(path: String, old: BlobID?, new: BlobID?)]) throws {
        if old == new { return }
        let before = try old.map { try treeEntries($0) } ?? []
        let after = try new.map { try treeEntries($0) } ?? []
        var newByName: [String: TreeEntry] = [:]
        for entry in after { newByName[entry.name] = entry }
        var seen = Set<String>()
        for entry in before {
            seen.insert(entry.name)
            try compare(entry, newByName[entry.name], path: prefix + entry.name, into: &result)
        }
        for entry in after where !seen.contains(entry.name) {
            try compare(nil, entry, path: prefix + entry.name, into: &result)
        }
    }

    private func compare(_ old: TreeEntry?, _ new: TreeEntry?, path: String, into result: inout [(path: String, old: BlobID?, new: BlobID?)]) throws {
        let oldBlob = old?.blobID, newBlob = new?.blobID
        if oldBlob != newBlob { result.append((path, oldBlob, newBlob)) }
        let oldTree = old?.treeID, newTree = new?.treeID
        if oldTree != nil || newTree != nil { try compare(oldTree, newTree, prefix: path + "/", into: &result) }
    }
}
