import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files mapped into memory read-only, whose pages a batch gives back once it is done with each:
/// an intake of 772 edited copies maps 772 MB, and every page it touched would otherwise stay in
/// its resident set until the end (the page cache keeps them, shared and cheap to fault in again).
///
/// Only the ranges mapped here are given back (`MADV_DONTNEED` on a private read-only file
/// mapping drops the pages, and the next read faults them in from the file again); for any other
/// `Data` `release` does nothing, so callers may pass whatever they hold.
public enum MappedFiles {
    // Guarded by `lock`: the start and length of every live mapping made by `map`.
    nonisolated(unsafe) private static var ranges: [UInt: Int] = [:]
    private static let lock = NSLock()

    /// `size` bytes of the open file `descriptor`, mapped; nil when the mapping fails (errno says why).
    public static func map(_ descriptor: Int32, size: Int) -> Data? {
        guard size > 0, let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        let start = UInt(bitPattern: mapped)
        lock.withLock { ranges[start] = size }
        return Data(bytesNoCopy: mapped, count: size, deallocator: .custom { pointer, count in
            _ = lock.withLock { ranges.removeValue(forKey: UInt(bitPattern: pointer)) }
            munmap(pointer, count)
        })
    }

    /// Gives back the resident pages of `data` when it is (part of) a mapping made by `map`.
    public static func release(_ data: Data) {
        guard data.count >= pageSize else { return }
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let start = UInt(bitPattern: base)
            let mapped = lock.withLock { ranges[start] }
            // Only a whole mapping: a slice of one, or any other memory, is left alone.
            guard let mapped, mapped == raw.count else { return }
            _ = madvise(UnsafeMutableRawPointer(mutating: base), mapped, MADV_DONTNEED)
        }
    }

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
}
