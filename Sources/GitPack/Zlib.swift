import Czlib
import Foundation
import GitCore

/// zlib, called directly (the system library libgit2 links too): git stores every object as a
/// zlib stream, in a pack entry or a loose file.
enum Zlib {
    /// `data` compressed at zlib's fastest level, as one zlib stream.
    static func deflate(_ data: Data) throws -> Data {
        var bound = compressBound(uLong(data.count))
        var output = Data(count: Int(bound))
        let status = output.withUnsafeMutableBytes { out in
            data.withUnsafeBytes { input in
                compress2(out.bindMemory(to: Bytef.self).baseAddress, &bound,
                          input.bindMemory(to: Bytef.self).baseAddress, uLong(data.count), Z_BEST_SPEED)
            }
        }
        guard status == Z_OK else {
            throw PackError(operation: "compress2", message: "zlib could not compress an object (\(status))")
        }
        // A compressed object is often kept until its pack is written: not in a buffer the size
        // of the worst case (the size of the input), which shrinking `count` would leave allocated.
        if Int(bound) < output.count / 4 * 3 {
            return output.withUnsafeBytes { Data(bytes: $0.baseAddress!, count: Int(bound)) }
        }
        output.count = Int(bound)
        return output
    }

    /// The inflated bytes of one whole zlib stream, or nil when `compressed` is truncated or not
    /// zlib data (or inflates to more than `limit` bytes).
    static func inflate(_ compressed: Data, limit: Int = 1 << 31) -> Data? {
        var capacity = max(4096, compressed.count * 4)
        while capacity <= limit {
            var output = Data(count: capacity)
            var length = uLongf(capacity)
            let status = output.withUnsafeMutableBytes { out in
                compressed.withUnsafeBytes { input in
                    uncompress(out.bindMemory(to: Bytef.self).baseAddress, &length,
                               input.bindMemory(to: Bytef.self).baseAddress, uLong(input.count))
                }
            }
            switch status {
            case Z_OK:
                output.count = Int(length)
                return output
            case Z_BUF_ERROR:
                // The output was too small (a truncated input is reported as Z_DATA_ERROR).
                capacity *= 2
            default:
                // Z_DATA_ERROR (damaged or truncated), Z_MEM_ERROR.
                return nil
            }
        }
        return nil
    }

    /// The CRC-32 of `bytes[range]`, as a pack index records it for each entry.
    static func crc32(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> UInt32 {
        UInt32(Czlib.crc32(0, bytes.bindMemory(to: Bytef.self).baseAddress! + range.lowerBound, uInt(range.count)))
    }
}
