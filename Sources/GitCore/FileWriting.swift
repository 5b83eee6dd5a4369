#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Writes all of `data` to an open file, retrying short and interrupted writes. Returns 0, or the
/// `errno` of the write that failed.
package func writeAll(_ data: Data, to descriptor: Int32) -> Int32 {
    data.withUnsafeBytes { bytes -> Int32 in
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }
}
