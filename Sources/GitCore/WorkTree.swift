import Clibgit2
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
    public func syncWorkTree(to commit: ObjectID, known: [String: (id: ObjectID, data: Data)] = [:]) throws -> WorkTreeSync {
        guard let root = workTree else { return WorkTreeSync() }
        let tree = try self.commit(commit).tree
        var target: [String: ObjectID] = [:]
        for file in try allFiles(in: tree) { target[file.path] = file.id }

        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "git_repository_index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 1), "git_index_read")
        var indexed: [String: ObjectID] = [:]
        for position in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, position) else { continue }
            indexed[String(cString: entry.pointee.path)] = ObjectID(entry.pointee.id)
        }

        func content(_ path: String, _ id: ObjectID) throws -> Data {
            if let file = known[path], file.id == id { return file.data }
            return try blobData(id)
        }
        var result = WorkTreeSync()
        for (path, id) in target.sorted(by: { $0.key < $1.key }) where indexed[path] != id {
            let url = root.appendingPathComponent(path)
            if let file = known[path], file.id == id, indexed[path] == nil, !FileManager.default.fileExists(atPath: url.path) {
                // A new file we just committed: write it and index it without hashing it again.
                try write(file.data, to: url)
                try indexWrittenFile(index, path: path, url: url, id: id)
                result.updated.append(path)
                continue
            }
            if let current = try? Data(contentsOf: url) {
                let currentID = try Repository.blobID(of: current)
                if currentID != id && currentID != indexed[path] {
                    // Keep the person's edit: the index follows the commit, the file stays theirs.
                    result.keptLocalEdits.append(path)
                    try setIndexEntry(index, path: path, id: id)
                    continue
                }
                if currentID != id {
                    try write(try content(path, id), to: url)
                }
            } else {
                try write(try content(path, id), to: url)
            }
            try check(git_index_add_bypath(index, path), "git_index_add_bypath(\(path))")
            result.updated.append(path)
        }
        for (path, id) in indexed.sorted(by: { $0.key < $1.key }) where target[path] == nil {
            let url = root.appendingPathComponent(path)
            if let current = try? Data(contentsOf: url), try Repository.blobID(of: current) != id {
                result.keptLocalEdits.append(path)
            } else {
                try? FileManager.default.removeItem(at: url)
                removeEmptyFolders(from: url.deletingLastPathComponent(), upTo: root)
                result.updated.append(path)
            }
            try check(git_index_remove_bypath(index, path), "git_index_remove_bypath(\(path))")
        }
        try check(git_index_write(index), "git_index_write")
        return result
    }

    /// Runs `body` while holding an exclusive lock on this repository's work tree, shared by every
    /// DraftFlow process. The lock is released when the process ends, even by a crash.
    public func withWorkTreeLock<T>(_ body: () throws -> T) throws -> T {
        let lockPath = gitDirectory.appendingPathComponent("draftflow.lock").path
        let descriptor = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw GitError(code: -1, errorClass: 0, message: "cannot open \(lockPath): \(String(cString: strerror(errno)))", operation: "lock")
        }
        defer { Glibc.close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR {
                throw GitError(code: -1, errorClass: 0, message: "cannot lock \(lockPath): \(String(cString: strerror(errno)))", operation: "lock")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Paths of the work tree whose content differs from `commit` (edited, added to the index, or
    /// removed), limited to `prefix` when given. Untracked files count only under `prefix`.
    public func changedFiles(against commit: ObjectID, under prefix: String) throws -> [String: Data?] {
        guard let root = workTree else { return [:] }
        let tree = try self.commit(commit).tree
        var committed: [String: ObjectID] = [:]
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
                if try Repository.blobID(of: data) != committed[relative] {
                    changes[relative] = data
                }
            }
        }
        for path in committed.keys where !present.contains(path) {
            changes[path] = .some(nil)
        }
        return changes
    }

    /// Adds a file just written with known content `id` to the index, from its stat data.
    private func indexWrittenFile(_ index: OpaquePointer?, path: String, url: URL, id: ObjectID) throws {
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
        entry.id = id.raw
        try path.withCString { cPath in
            entry.path = cPath
            try check(git_index_add(index, &entry), "git_index_add(\(path))")
        }
    }

    private func setIndexEntry(_ index: OpaquePointer?, path: String, id: ObjectID) throws {
        var entry = git_index_entry()
        entry.mode = GIT_FILEMODE_BLOB.rawValue
        entry.id = id.raw
        try path.withCString { cPath in
            entry.path = cPath
            try check(git_index_add(index, &entry), "git_index_add(\(path))")
        }
    }

    /// Writes a work-tree file: to a temporary file, then renamed into place. No fsync: the work
    /// tree is a view of the commit, whose objects are already durable.
    private func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try Self.makeFolders(folder.path)
        // A new file is written in place (O_EXCL: nobody else's file is overwritten); an existing
        // one through a temporary file renamed over it, so a reader never sees it half written.
        var temporary = url
        var descriptor = Glibc.open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == EEXIST {
            temporary = folder.appendingPathComponent(".\(url.lastPathComponent).draftflow-\(getpid())")
            descriptor = Glibc.open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else {
            throw GitError(code: -1, errorClass: 0, message: "cannot write \(url.path): \(String(cString: strerror(errno)))", operation: "write")
        }
        let failure = writeAll(data, to: descriptor)
        Glibc.close(descriptor)
        if failure != 0 || (temporary != url && Glibc.rename(temporary.path, url.path) != 0) {
            let code = failure != 0 ? failure : errno
            unlink(temporary.path)
            throw GitError(code: -1, errorClass: 0, message: "cannot write \(url.path): \(String(cString: strerror(code)))", operation: "write")
        }
    }

    /// `mkdir -p` with plain system calls (Foundation's looks up user and group names each time).
    static func makeFolders(_ path: String) throws {
        if Glibc.mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else {
            throw GitError(code: -1, errorClass: 0, message: "cannot create \(path): \(String(cString: strerror(errno)))", operation: "mkdir")
        }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else {
            throw GitError(code: -1, errorClass: 0, message: "cannot create \(path)", operation: "mkdir")
        }
        try makeFolders(parent)
        if Glibc.mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw GitError(code: -1, errorClass: 0, message: "cannot create \(path): \(String(cString: strerror(errno)))", operation: "mkdir")
        }
    }

    private func removeEmptyFolders(from folder: URL, upTo root: URL) {
        var current = folder.standardizedFileURL
        let stop = root.standardizedFileURL.path
        while current.path.count > stop.count, current.path.hasPrefix(stop) {
            guard let contents = try? FileManager.default.contentsOfDirectory(atPath: current.path), contents.isEmpty else { return }
            try? FileManager.default.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }
}
