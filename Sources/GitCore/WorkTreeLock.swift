import Foundation
import Glibc

/// DraftFlow's write lock on a repository, `.git/draftflow.lock`: an `flock` every DraftFlow
/// process takes for the whole of a write (read the tip, write objects, move the branch, bring the
/// work tree to it). The kernel releases it when its process ends, even by a crash; the file's
/// text, the `WriteJournal`, says who held it and what it was doing.
public final class WorkTreeLock {
    public let path: String
    fileprivate let descriptor: Int32

    fileprivate init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// What the lock file says now: the journal of the last write (this process's own, or one
    /// that died mid-way), nil when the file is empty or cut short; `isEmpty` when no write was
    /// ever journalled in it.
    public func journal() -> (journal: WriteJournal?, isEmpty: Bool) {
        let text = Self.read(descriptor)
        return (WriteJournal(text: text), text.isEmpty)
    }

    /// Records what the holder is doing now, in place of what the file held.
    public func record(_ journal: WriteJournal) throws {
        let data = Data(journal.text.utf8)
        guard ftruncate(descriptor, 0) == 0 else {
            throw SystemCallError("lock", call: "ftruncate", cannot: "write", path: path, errno: errno)
        }
        let failure = data.withUnsafeBytes { bytes -> Int32 in
            var offset = 0
            while offset < bytes.count {
                let written = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(offset))
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if failure != 0 { throw SystemCallError("lock", call: "write", cannot: "write", path: path, errno: failure) }
        HeldLocks.shared.wrote(journal)
    }

    /// Whether this process wrote `journal`: a journal naming this pid that it did not write was
    /// left by a process that died and whose pid came round again.
    public func isOwn(_ journal: WriteJournal) -> Bool {
        journal.pid == getpid() && HeldLocks.shared.didWrite(journal)
    }

    fileprivate static func read(_ descriptor: Int32) -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var offset: off_t = 0
        while data.count < 1 << 16 {
            let count = pread(descriptor, &buffer, buffer.count, offset)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
            offset += off_t(count)
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Another live process holds DraftFlow's write lock, and kept it longer than a command waits.
public struct WorkTreeLockBusyError: GitLayerError, Equatable {
    public let operation = "lock"
    public let path: String
    /// What the holder wrote into the lock file, when it could be read.
    public let holder: WriteJournal?
    public let waited: TimeInterval

    public var message: String {
        let who = holder.map { "DraftFlow process \($0.pid) (\($0.step.rawValue))" } ?? "another DraftFlow process"
        return "\(who) has held \(path) for the \(Int(waited)) s this command waited"
    }

    public var description: String { "lock failed: \(message)" }
}

/// The locks this process holds, so that one thread can take a lock it holds already (a store
/// writing while another store of the same repository writes inside it) and other threads of the
/// process wait for it, as other processes do: `flock` alone would make a second descriptor of the
/// same process wait for the first forever.
private final class HeldLocks: @unchecked Sendable {
    static let shared = HeldLocks()
    // Guarded by `mutex`: read and written by any thread taking or releasing a lock.
    private let mutex = NSLock()
    private var held: [String: (lock: WorkTreeLock, thread: pthread_t, depth: Int)] = [:]
    /// The start times of the journals this process wrote.
    private var written = Set<Int64>()

    func wrote(_ journal: WriteJournal) {
        mutex.lock()
        defer { mutex.unlock() }
        written.insert(journal.started)
    }

    func didWrite(_ journal: WriteJournal) -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return written.contains(journal.started)
    }

    enum Attempt {
        case taken(WorkTreeLock)
        case busy(holder: WriteJournal?)
    }

    func attempt(_ path: String) throws -> Attempt {
        mutex.lock()
        defer { mutex.unlock() }
        if let entry = held[path] {
            guard pthread_equal(entry.thread, pthread_self()) != 0 else { return .busy(holder: nil) }
            held[path]?.depth += 1
            return .taken(entry.lock)
        }
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SystemCallError("lock", call: "open", cannot: "open", path: path, errno: errno)
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let code = errno
            let holder = WriteJournal(text: WorkTreeLock.read(descriptor))
            Glibc.close(descriptor)
            if code == EWOULDBLOCK { return .busy(holder: holder) }
            throw SystemCallError("lock", call: "flock", cannot: "lock", path: path, errno: code)
        }
        let lock = WorkTreeLock(path: path, descriptor: descriptor)
        held[path] = (lock, pthread_self(), 1)
        return .taken(lock)
    }

    func release(_ path: String) {
        mutex.lock()
        defer { mutex.unlock() }
        guard let entry = held[path] else { return }
        if entry.depth > 1 {
            held[path]?.depth -= 1
            return
        }
        held[path] = nil
        flock(entry.lock.descriptor, LOCK_UN)
        Glibc.close(entry.lock.descriptor)
    }
}

extension Repository {
    /// The lock file DraftFlow's writers share.
    public var workTreeLockPath: String { gitDirectory.appendingPathComponent("draftflow.lock").path }

    /// Runs `body` while holding DraftFlow's write lock on this repository, waiting at most
    /// `timeout` seconds for another process to release it (then `WorkTreeLockBusyError`).
    public func withWorkTreeLock<T>(waitingAtMost timeout: TimeInterval = 10, _ body: (WorkTreeLock) throws -> T) throws -> T {
        guard let lock = try takeWorkTreeLock(waitingAtMost: timeout) else {
            throw WorkTreeLockBusyError(path: workTreeLockPath, holder: nil, waited: timeout)
        }
        defer { HeldLocks.shared.release(lock.path) }
        return try body(lock)
    }

    /// `withWorkTreeLock`, for a body that does not need the lock itself.
    public func withWorkTreeLock<T>(_ body: () throws -> T) throws -> T {
        try withWorkTreeLock { (_: WorkTreeLock) in try body() }
    }

    /// Runs `body` with the lock when it is free now; returns nil without running it when a live
    /// process holds it.
    public func withWorkTreeLockIfFree<T>(_ body: (WorkTreeLock) throws -> T) throws -> T? {
        guard let lock = try takeWorkTreeLock(waitingAtMost: 0) else { return nil }
        defer { HeldLocks.shared.release(lock.path) }
        return try body(lock)
    }

    /// What the lock file says now, read without taking the lock (nil when empty, missing or cut
    /// short).
    public func currentWriteJournal() -> WriteJournal? {
        guard let data = FileManager.default.contents(atPath: workTreeLockPath) else { return nil }
        return WriteJournal(text: String(decoding: data, as: UTF8.self))
    }

    private func takeWorkTreeLock(waitingAtMost timeout: TimeInterval) throws -> WorkTreeLock? {
        let path = workTreeLockPath
        let deadline = Date().addingTimeInterval(timeout)
        var pause: useconds_t = 2_000
        while true {
            switch try HeldLocks.shared.attempt(path) {
            case .taken(let lock):
                return lock
            case .busy(let holder):
                if timeout <= 0 { return nil }
                if Date() >= deadline { throw WorkTreeLockBusyError(path: path, holder: holder, waited: timeout) }
                usleep(pause)
                pause = min(pause * 2, 50_000)
            }
        }
    }
}
