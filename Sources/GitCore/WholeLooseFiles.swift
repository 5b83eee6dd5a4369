import Foundation
import Glibc

/// Loose object files this process knows to be whole, so that `LooseObjectGuard` need not inflate
/// them again: each one libgit2 has just written (it writes a loose object to a temporary file and
/// renames it into place, so the file is whole once it is there), and each one the guard has
/// inflated to its end. A file is known by its path and its stat data (device, inode, size,
/// modification time): a file truncated or replaced since then is no longer known, and is checked.
///
/// A merge writes a 44 MB blob of its edits, then adds it to the index, where libgit2 reads the
/// blob's header to check it exists: without this, the guard inflated the whole blob it had just
/// compressed (8.5% of a merge at 772 members).
enum WholeLooseFiles {
    private struct Key: Hashable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    /// `@unchecked Sendable`: `files` is read and written under `lock`.
    private final class Known: @unchecked Sendable {
        let lock = NSLock()
        var files: [String: Key] = [:]
    }

    private static let known = Known()

    /// The size from which `Repository.createBlob` notes the blob it writes: hashing a blob once
    /// more costs less than inflating it again from there on.
    static let worthNoting = 64 * 1024

    private static func key(_ path: String) -> Key? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Key(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                   seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }

    /// Whether the file at `path` exists.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Records the file at `path`, as it is now, as whole.
    static func note(_ path: String) {
        guard let key = key(path) else { return }
        known.lock.withLock { known.files[path] = key }
    }

    /// Whether the file at `path` is, as it is now, one recorded as whole.
    static func isKnown(_ path: String) -> Bool {
        guard let recorded = known.lock.withLock({ known.files[path] }) else { return false }
        return key(path) == recorded
    }

    /// The loose file of object `hex` in the objects folder `objects`.
    static func path(_ hex: String, objects: String) -> String {
        (objects.hasSuffix("/") ? objects : objects + "/") + hex.prefix(2) + "/" + hex.dropFirst(2)
    }
}
