import Czlib
import Foundation
import Glibc

/// Reads a loose object file (`objects/xx/yyyy…`) with zlib, outside libgit2, to its very end.
///
/// libgit2 1.5.1 can loop forever at full CPU on a truncated loose object (docs/LIBGIT2.md,
/// item 10). Every loose object a repository opened by `Repository.open` reads goes through here
/// first (`LooseObjectGuard`): a damaged file is reported, naming the object, before libgit2 ever
/// inflates it. Every call ends: the input is all in memory and the loop stops as soon as zlib
/// makes no progress.
enum LooseObjectReader {
    /// What a loose object file holds.
    enum Outcome {
        /// The object's type and content (in memory `allocate` gave, with a NUL after it).
        case object(type: String, content: UnsafeMutableRawPointer, size: Int)
        /// There is no such file: the object is packed, or missing.
        case absent
        /// The file is there but damaged: why, for people.
        case damaged(String)
    }

    /// The largest header git writes: "commit 18446744073709551615\0" is 28 bytes.
    private static let headerCapacity = 32

    /// Reads and inflates the file at `path`. `allocate(n)` gives memory for n bytes (libgit2's
    /// allocator when the content is handed to libgit2); memory it gave is released with
    /// `release` when the file turns out damaged, else it belongs to the caller.
    static func read(_ path: String, allocate: (Int) -> UnsafeMutableRawPointer? = { malloc($0) },
                     release: (UnsafeMutableRawPointer) -> Void = { free($0) }) -> Outcome {
        let compressed: [UInt8]
        switch contents(of: path) {
        case .success(let bytes?): compressed = bytes
        case .success(nil): return .absent
        case .failure(let reason): return .damaged(reason.description)
        }
        guard compressed.count >= 2, compressed[0] & 0x8F == 0x08, (Int(compressed[0]) << 8 | Int(compressed[1])) % 31 == 0 else {
            return .damaged("it is not a zlib stream (\(compressed.count) bytes)")
        }
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .damaged("zlib could not start inflating it")
        }
        defer { inflateEnd(&stream) }
        return compressed.withUnsafeBufferPointer { input -> Outcome in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            let truncated = "it is truncated or its zlib data is damaged (\(input.count) bytes)"

            // The header: "<type> <size>\0", then the first bytes of the content.
            var header = [UInt8](repeating: 0, count: headerCapacity)
            var status = header.withUnsafeMutableBufferPointer { buffer -> Int32 in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                return inflate(&stream, Z_NO_FLUSH)
            }
            guard status == Z_OK || status == Z_STREAM_END else { return .damaged(truncated) }
            let produced = headerCapacity - Int(stream.avail_out)
            guard let nul = header[..<produced].firstIndex(of: 0) else {
                return .damaged(status == Z_STREAM_END || produced == headerCapacity ? "it has no object header" : truncated)
            }
            let words = header[..<nul].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            guard words.count == 2, let type = String(bytes: words[0], encoding: .ascii), ["commit", "tree", "blob", "tag"].contains(type),
                  let size = String(bytes: words[1], encoding: .ascii).flatMap({ Int($0) }), size >= 0, size < Int(Int32.max) * 8 else {
                return .damaged("its header is not '<type> <size>'")
            }
            let early = produced - (nul + 1)
            guard early <= size else { return .damaged("its header says \(size) bytes of content, it holds more") }

            // The content, in memory of its own (one byte more: libgit2 keeps a NUL after it).
            guard let content = allocate(size + 1) else { return .damaged("there is no memory for its \(size) bytes") }
            func fail(_ reason: String) -> Outcome {
                release(content)
                return .damaged(reason)
            }
            header.withUnsafeBufferPointer { bytes in
                if early > 0 { content.copyMemory(from: bytes.baseAddress! + nul + 1, byteCount: early) }
            }
            var total = early
            while status != Z_STREAM_END {
                // One byte of room more than the content needs, so a stream that holds more is found.
                stream.next_out = content.assumingMemoryBound(to: Bytef.self) + total
                stream.avail_out = uInt(size + 1 - total)
                let room = stream.avail_out, left = stream.avail_in
                status = inflate(&stream, Z_NO_FLUSH)
                total += Int(room - stream.avail_out)
                if total > size { return fail("its header says \(size) bytes of content, it holds more") }
                // Anything but progress ends the loop: an error, or no input left before the end.
                guard status == Z_OK || status == Z_STREAM_END, room != stream.avail_out || left != stream.avail_in else {
                    return fail(truncated)
                }
            }
            guard total == size else { return fail("its header says \(size) bytes of content, it holds \(total)") }
            content.storeBytes(of: 0, toByteOffset: size, as: UInt8.self)
            return .object(type: type, content: content, size: size)
        }
    }

    /// The bytes of the file at `path`; nil when there is no such file.
    private static func contents(of path: String) -> Result<[UInt8]?, Reason> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .success(nil) }
            return .failure(Reason("it cannot be opened: " + String(cString: strerror(code))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(Reason("it cannot be read: " + String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(Reason("it is not a regular file")) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Reason("it cannot be read: " + String(cString: strerror(errno))))
            }
            if count == 0 { break }
            done += count
        }
        bytes.removeSubrange(done...)
        return .success(bytes)
    }

    /// Why a file cannot be read, as an `Error` for `Result`.
    struct Reason: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
