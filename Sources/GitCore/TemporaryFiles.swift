import Foundation
import Glibc

extension Repository {
    /// Removes the temporary files a killed writer left: DraftFlow's own in the work tree and in
    /// `.git/draftflow` (`.NAME.draftflow-PID`, of a process that is gone) and in `objects/pack`
    /// (`tmp_pack-….pack.PID`), and libgit2's (`objects/tmp_object_git2_*`, `objects/pack/tmp_pack_*`,
    /// `tmp_idx_*`), which name no process: those are removed when written since `since` (the start
    /// of the write that died, while no other DraftFlow process wrote) or over an hour ago.
    ///
    /// Call it while holding the write lock. Returns the paths removed.
    @discardableResult
    public func removeLeftoverTemporaryFiles(writtenSince since: Date?) -> [String] {
        var removed: [String] = []
        let objects = gitDirectory.appendingPathComponent("objects")
        let anHourAgo = Date().addingTimeInterval(-3600)
        func isLeftover(_ path: String) -> Bool {
            var info = stat()
            guard lstat(path, &info) == 0 else { return false }
            let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
            if modified < anHourAgo { return true }
            // A second of slack: file times and the journal's clock may round differently.
            if let since, modified >= since.addingTimeInterval(-1) { return true }
            return false
        }
        func remove(_ path: String) {
            if unlink(path) == 0 { removed.append(path) }
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: objects.path)) ?? []
        where name.hasPrefix("tmp_object_git2_") {
            let path = objects.appendingPathComponent(name).path
            if isLeftover(path) { remove(path) }
        }
        let packs = objects.appendingPathComponent("pack")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: packs.path)) ?? [] {
            let path = packs.appendingPathComponent(name).path
            if name.hasPrefix("tmp_pack-"), let pid = name.split(separator: ".").last.flatMap({ Int32($0) }) {
                if !Self.isRunning(pid) { remove(path) }
            } else if name.hasPrefix("tmp_pack_") || name.hasPrefix("tmp_idx_") {
                if isLeftover(path) { remove(path) }
            }
        }
        if let root = workTree {
            removed += Self.removeTemporaryWorkTreeFiles(in: root, gitDirectory: gitDirectory)
        }
        // The sync's record of the index (`IndexSyncRecord`) is written as `.index-synced.draftflow-PID`.
        let derived = gitDirectory.appendingPathComponent("draftflow")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: derived.path)) ?? [] {
            guard let pid = FileSystem.temporaryFileOwner(name), !Self.isRunning(pid) else { continue }
            remove(derived.appendingPathComponent(name).path)
        }
        return removed
    }

    /// Whether a process with this pid runs (this one included).
    static func isRunning(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }

    private static func removeTemporaryWorkTreeFiles(in root: URL, gitDirectory: URL) -> [String] {
        var removed: [String] = []
        let git = gitDirectory.standardizedFileURL.path
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey],
                                                        options: [], errorHandler: { _, _ in true }) else { return [] }
        for case let url as URL in walk {
            if url.standardizedFileURL.path.hasPrefix(git) || url.lastPathComponent == ".git" {
                walk.skipDescendants()
                continue
            }
            guard let pid = FileSystem.temporaryFileOwner(url.lastPathComponent), !isRunning(pid) else { continue }
            if unlink(url.path) == 0 { removed.append(url.path) }
        }
        return removed
    }
}

extension Repository {
    /// fsyncs `objects/`, so that a fan-out folder (`objects/ab`) libgit2 just created for a new
    /// loose object is durable: libgit2 1.5.1 syncs the object and the fan-out folder it renamed
    /// it into, not the folder holding the new fan-out folder.
    public func syncObjectFolder() throws {
        try FileSystem.syncFolder(gitDirectory.appendingPathComponent("objects").path)
    }
}
