import DraftFlow
import Foundation
import GitCore
import Glibc

/// Recovery at start-up: every command first finishes what a killed DraftFlow command left, so
/// that nobody has to.
///
/// A write journals its steps in `.git/draftflow.lock` (`WriteJournal`): committing (objects,
/// then the compare-and-swap of the branch), syncing (the tag, the index and the work tree), done.
/// A journal that is not done, in a lock nobody holds, is a write whose process died: the next
/// command removes the lock files it left (`refs/heads/BRANCH.lock`, `index.lock`,
/// `refs/tags/NAME.lock`, written after the journal's start), creates the tag it had written,
/// brings the index and work tree to the branch (a stale file is never taken for a person's
/// edit: the index still says what the work tree held), and removes its temporary files.
extension GitWorkspaceStore {
    /// How long a command waits for a lock file that is not DraftFlow's before it says so.
    static let foreignLockWait: TimeInterval = 2

    /// At open: cheap when nothing needs recovering (one small read and two `stat`s). Readers do
    /// not wait: when a live process holds the lock, it finishes its own write.
    func recoverIfNeeded() throws {
        let journal = repository.currentWriteJournal()
        let fileManager = FileManager.default
        if journal?.step == .done, !fileManager.fileExists(atPath: repository.referenceLockPath(branch)),
           !fileManager.fileExists(atPath: indexLockPath) {
            return
        }
        do {
            _ = try repository.withWorkTreeLockIfFree { lock in try recover(lock) }
        } catch let error as SystemCallError where error.operation == "lock" && [EACCES, EROFS, EPERM].contains(error.errno) {
            // A workspace this user may only read: nothing can be recovered, and reading goes on.
            return
        } catch let error as SystemCallError where error.operation == "lock" {
            throw DraftFlowError(.storage, "cannot take the workspace's write lock: \(error.message)",
                                 fix: "check that you may write to \(repository.gitDirectory.path)")
        }
    }

    /// Runs `body` holding the write lock, with a DraftFlow error when another live command holds
    /// it for longer than a command waits.
    func locked<T>(_ body: (WorkTreeLock) throws -> T) throws -> T {
        do {
            return try repository.withWorkTreeLock(waitingAtMost: lockWait, body)
        } catch let error as WorkTreeLockBusyError {
            // The journal names the holder while it writes; a holder that only reads has not written its own.
            let writer = error.holder.flatMap { $0.step == .done ? nil : $0 }
            let holder = writer.map { "DraftFlow command (pid \($0.pid), \($0.step.rawValue))" } ?? "DraftFlow command"
            throw DraftFlowError(.storage, "another \(holder) is writing to this workspace and has held \(error.path) for \(String(format: "%g", error.waited)) s; nothing was written",
                                 fix: writer.map { "wait for it to finish and run this command again; if it does not finish, stop it with `kill \($0.pid)`" }
                                     ?? "wait for it to finish and run this command again")
        } catch let error as SystemCallError where error.operation == "lock" {
            throw DraftFlowError(.storage, "cannot take the workspace's write lock: \(error.message)",
                                 fix: "check that you may write to \(repository.gitDirectory.path)")
        }
    }

    /// Before a write, holding the lock: finish a killed write, rebuild an index that cannot be
    /// read, and refuse (after a short wait) while a lock file that is not DraftFlow's is there,
    /// before anything is written.
    func prepareForWrite(_ lock: WorkTreeLock) throws {
        try recover(lock)
        try waitForForeignLock(repository.referenceLockPath(branch), writing: "the branch \(branch)")
        try waitForForeignLock(indexLockPath, writing: "the index")
        if let problem = repository.indexProblem() {
            try storage { try repository.rebuildIndex(from: try repository.resolveCommit(branch)) }
            StorageNotices.add("note: the index (\(repository.gitDirectory.appendingPathComponent("index").path)) could not be read (\(Self.describe(problem))); it was rebuilt from the last commit")
        }
    }

    /// Finishes the write a killed DraftFlow command left, when the journal says there is one.
    /// Call it holding the lock. A reader goes on when a lock file that is not DraftFlow's stops
    /// the sync; a writer is then refused by `prepareForWrite`.
    func recover(_ lock: WorkTreeLock) throws {
        let (journal, isEmpty) = lock.journal()
        if let journal, journal.step == .done || lock.isOwn(journal) { return }
        // The write that left this journal died (this process holds the lock), or no write was
        // journalled yet (a workspace from an earlier DraftFlow, or a journal cut short).
        let dead = journal
        let since = dead.map { Date(timeIntervalSince1970: TimeInterval($0.started) / 1000) }
        var finished: [String] = []
        if let dead, let since {
            var locks = [repository.referenceLockPath(branch), indexLockPath]
            if let tag = dead.tag { locks.append(repository.referenceLockPath("refs/tags/" + tag.name)) }
            for path in locks where Self.modified(path).map({ $0 >= since.addingTimeInterval(-1) }) == true {
                if unlink(path) == 0 { finished.append("removed \(path)") }
            }
        }
        let head = try storage { try repository.resolveCommit(branch) }
        if let dead, let tag = dead.tag, let to = dead.to, to == head?.hex, let object = ObjectID(hex: tag.object) {
            let name = "refs/tags/" + tag.name
            if try storage({ try !repository.referenceExists(name) }),
               try storage({ try repository.createReference(name, to: object, message: "draftflow: tag " + tag.name + " (recovered)") }) {
                finished.append("created the tag \(tag.name)")
            }
        }
        if FileManager.default.fileExists(atPath: indexLockPath) || FileManager.default.fileExists(atPath: repository.referenceLockPath(branch)) {
            // Not provably ours: a writer is refused by `prepareForWrite`, a reader reads the commit.
            return
        }
        if repository.indexProblem() != nil {
            // Rebuilt from what the work tree held: the tip the dead write started from.
            let base = dead.flatMap { $0.from.flatMap(CommitID.init(hex:)) } ?? head
            try storage { try repository.rebuildIndex(from: base) }
            finished.append("rebuilt the index")
        }
        if let head {
            let sync = try storage { try repository.syncWorkTree(to: head) }
            if !sync.updated.isEmpty { finished.append("brought \(sync.updated.count) file(s) of the work tree to \(head.short)") }
        }
        let removed = repository.removeLeftoverTemporaryFiles(writtenSince: since)
        if !removed.isEmpty { finished.append("removed \(removed.count) temporary file(s)") }
        try storage { try lock.record(WriteJournal(step: .done, branch: branch, from: head?.hex)) }
        if let dead, !finished.isEmpty {
            StorageNotices.add("note: finished the write of an interrupted DraftFlow command (pid \(dead.pid), \(dead.step.rawValue)): " + finished.joined(separator: "; "))
        } else if dead == nil, !isEmpty, !finished.isEmpty {
            StorageNotices.add("note: \(lock.path) was unreadable; checked the work tree: " + finished.joined(separator: "; "))
        }
    }

    var indexLockPath: String { repository.gitDirectory.appendingPathComponent("index.lock").path }

    /// Waits at most `foreignLockWait` for a lock file that is not DraftFlow's to go, then refuses
    /// with its path and what to do.
    func waitForForeignLock(_ path: String, writing what: String) throws {
        let deadline = Date().addingTimeInterval(Self.foreignLockWait)
        while FileManager.default.fileExists(atPath: path) {
            if Date() >= deadline { throw foreignLockError(path, writing: what) }
            usleep(50_000)
        }
    }

    func foreignLockError(_ path: String, writing what: String) -> DraftFlowError {
        DraftFlowError(.storage, "\(path) exists: another git command is writing \(what), or one was stopped while writing it; nothing was written",
                       fix: "if no git command is running, remove it: rm \(path)")
    }

    static func modified(_ path: String) -> Date? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
    }
}
