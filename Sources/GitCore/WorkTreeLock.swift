import Foundation
import Glibc

extension Repository {
    /// Runs `body` while holding an exclusive lock on this repository's work tree, shared by every
    /// DraftFlow process. The lock is released when the process ends, even by a crash.
    public func withWorkTreeLock<T>(_ body: () throws -> T) throws -> T {
        let lockPath = gitDirectory.appendingPathComponent("draftflow.lock").path
        let descriptor = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SystemCallError("lock", call: "open", cannot: "open", path: lockPath, errno: errno)
        }
        defer { Glibc.close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR {
                throw SystemCallError("lock", call: "flock", cannot: "lock", path: lockPath, errno: errno)
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
