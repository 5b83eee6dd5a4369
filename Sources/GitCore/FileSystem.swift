import Foundation
import Glibc

/// The few file operations the git layer does itself, with plain system calls (Foundation's
/// look up user and group names on every folder they create).
package enum FileSystem {
    /// Writes all of `data` to an open file, retrying short and interrupted writes. Returns 0, or
    /// the `errno` of the write that failed.
    package static func writeAll(_ data: Data, to descriptor: Int32) -> Int32 {
        data.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            // A chunk at a time, its pages mapped in first: the kernel copies from the caller's
            // memory with page faults disabled, so each page of a file mapping that is not
            // mapped in yet (an intake gives them back between its steps) cut the copy short,
            // and the kernel zeroed what it had prepared and copied again (a third of intake).
            let length = min(bytes.count - offset, chunk)
            if length >= populateFrom { populate(bytes.baseAddress! + offset, length) }
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, length)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Writes all of `data` to a file opened with `O_DIRECT`: its whole pages go from `data`'s
    /// memory to the disk without passing through the page cache, and what is left (the last part
    /// page, or everything from a write the file system refuses) is written through the cache, the
    /// flag cleared. An intake's hundreds of edited copies are hundreds of megabytes the work tree
    /// only keeps; copying them into fresh page-cache pages was 40% of an intake at 772 members.
    /// Memory that does not start on a page boundary is all written through the cache. Returns 0,
    /// or the `errno` of the write that failed.
    package static func writeAllDirect(_ data: Data, to descriptor: Int32) -> Int32 {
        data.withUnsafeBytes { bytes -> Int32 in
            var offset = 0
            if let base = bytes.baseAddress, UInt(bitPattern: base) % UInt(pageSize) == 0 {
                let whole = bytes.count - bytes.count % pageSize
                while offset < whole {
                    let written = Glibc.write(descriptor, base + offset, min(whole - offset, directChunk))
                    if written < 0 {
                        if errno == EINTR { continue }
                        // The file system takes no direct write of this size or place: the cache.
                        if errno == EINVAL { break }
                        return errno
                    }
                    offset += written
                    // A short write leaves the next one off the alignment direct writes need.
                    if written % pageSize != 0 { break }
                }
            }
            let flags = fcntl(descriptor, F_GETFL)
            if flags < 0 || fcntl(descriptor, F_SETFL, flags & ~O_DIRECT) != 0 { return errno }
            return writeAll(UnsafeRawBufferPointer(rebasing: bytes[offset...]), to: descriptor)
        }
    }

    /// Files from this size on are written past the page cache by `replaceFile(at:with:direct:)`
    /// when the caller asks: below it, waiting for the disk costs more than copying the bytes.
    package static let directFrom = 256 * 1024

    private static let directChunk = 8 << 20

    /// glibc names `O_DIRECT` only for `_GNU_SOURCE`; its value is the platform's `__O_DIRECT`.
    private static let O_DIRECT = __O_DIRECT
    private static let chunk = 1 << 20
    private static let populateFrom = 64 * 1024
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps in the pages of `length` bytes from `start` for reading (`MADV_POPULATE_READ`, Linux
    /// 5.14); on an older kernel, or memory that is not all mapped, it does nothing, and the write
    /// faults the pages in as before.
    private static func populate(_ start: UnsafeRawPointer, _ length: Int) {
        let first = UInt(bitPattern: start) & ~UInt(pageSize - 1)
        let end = UInt(bitPattern: start) + UInt(length)
        guard let base = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(base, Int(end - first), MADV_POPULATE_READ)
    }

    /// `mkdir -p`.
    static func makeFolders(_ path: String) throws {
        if Glibc.mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else {
            throw SystemCallError("mkdir", call: "mkdir", cannot: "create", path: path, errno: errno)
        }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else {
            throw SystemCallError("mkdir", call: "mkdir", cannot: "create", path: path, errno: 0)
        }
        try makeFolders(parent)
        if Glibc.mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw SystemCallError("mkdir", call: "mkdir", cannot: "create", path: path, errno: errno)
        }
    }

    /// Writes a file of the work tree: always to a temporary file beside it (`.NAME.draftflow-PID`),
    /// then renamed over it, so that a reader never sees it half written and a process killed
    /// mid-write leaves the file as it was (and a temporary file, which recovery removes). No
    /// fsync: the work tree is a view of a commit whose objects are already durable, and recovery
    /// brings it back to that commit.
    ///
    /// `direct`: a file of `directFrom` bytes or more is written past the page cache
    /// (`writeAllDirect`), on file systems that take `O_DIRECT`; on the others, through it.
    static func replaceFile(at url: URL, with data: Data, direct: Bool = false) throws {
        let folder = url.deletingLastPathComponent()
        try makeFolders(folder.path)
        let temporary = folder.appendingPathComponent(temporaryName(for: url.lastPathComponent))
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        let bypassing = direct && data.count >= directFrom
        var descriptor = Glibc.open(temporary.path, flags | (bypassing ? O_DIRECT : 0), 0o644)
        // A file system without direct writes (tmpfs before Linux 6.6, some FUSE ones) refuses the flag.
        var isDirect = bypassing && descriptor >= 0
        if descriptor < 0 && bypassing && errno == EINVAL {
            descriptor = Glibc.open(temporary.path, flags, 0o644)
            isDirect = false
        }
        guard descriptor >= 0 else {
            throw SystemCallError("write", call: "open", cannot: "write", path: url.path, errno: errno)
        }
        let failure = isDirect ? writeAllDirect(data, to: descriptor) : writeAll(data, to: descriptor)
        Glibc.close(descriptor)
        if failure != 0 || Glibc.rename(temporary.path, url.path) != 0 {
            let code = failure != 0 ? failure : errno
            unlink(temporary.path)
            throw SystemCallError("write", call: failure != 0 ? "write" : "rename", cannot: "write", path: url.path, errno: code)
        }
    }

    /// The name of the temporary file `replaceFile` writes for `name` in this process.
    static func temporaryName(for name: String, pid: Int32 = getpid()) -> String {
        ".\(name).draftflow-\(pid)"
    }

    /// The pid in a temporary file name `replaceFile` wrote, or nil when `name` is not one.
    package static func temporaryFileOwner(_ name: String) -> Int32? {
        guard name.hasPrefix("."), let marker = name.range(of: ".draftflow-", options: .backwards),
              marker.lowerBound > name.index(after: name.startIndex) else { return nil }
        return Int32(name[marker.upperBound...])
    }

    /// fsyncs a folder, so that the entries just created or renamed in it are durable.
    static func syncFolder(_ path: String) throws {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SystemCallError("fsync", call: "open", cannot: "sync", path: path, errno: errno)
        }
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw SystemCallError("fsync", call: "fsync", cannot: "sync", path: path, errno: errno)
        }
    }

    /// Removes `folder` and the folders above it while they are empty, up to `root` (kept).
    static func removeEmptyFolders(from folder: URL, upTo root: URL) {
        var current = folder.standardizedFileURL
        let stop = root.standardizedFileURL.path
        while current.path.count > stop.count, current.path.hasPrefix(stop) {
            guard let contents = try? FileManager.default.contentsOfDirectory(atPath: current.path), contents.isEmpty else { return }
            try? FileManager.default.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }
}
