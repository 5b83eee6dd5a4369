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
        var target: [String: BlobID] = [:]
        for file in try allFiles(in: tree) { target[file.path] = file.id }

        let index = try Handle("git_repository_index", free: git_index_free, owner: self) { git_repository_index(&$0, pointer) }
        return try index.read { index in
            try check(git_index_read(index, 1), "git_index_read")
            var indexed: [String: BlobID] = [:]
            for position in 0..<git_index_entrycount(index) {
                guard let entry = git_index_get_byindex(index, position) else { continue }
                indexed[String(cString: entry.pointee.path)] = BlobID(ObjectID(entry.pointee.id))
            }

            func content(_ path: String, _ id: BlobID) throws -> Data {
                if let file = known[path], file.id == id { return file.data }
                return try blobData(id)
            }
            var result = WorkTreeSync()
            for (path, id) in target.sorted(by: { $0.key < $1.key }) where indexed[path] != id {
                let url = root.appendingPathComponent(path)
                if let file = known[path], file.id == id, indexed[path] == nil, !FileManager.default.fileExists(atPath: url.path) {
                    // A new file we just committed: write it and index it without hashing it again.
                    try FileSystem.replaceFile(at: url, with: file.data)
                    MappedFiles.release(file.data)
                    try addWrittenFile(to: index, path: path, url: url, id: id)
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
            return result
        }
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
            try index.read { try check(git_index_read($0, 1), "git_index_read") }
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
        var info = stat()
        guard stat(url.path, &info) == 0 else {
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
