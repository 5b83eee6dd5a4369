import Czlib
import Foundation
import GitCore
import Parallel

/// zlib, called directly (the system library libgit2 links too): git stores every object as a
/// zlib stream, in a pack entry or a loose file.
enum Zlib {
    /// `data` compressed at zlib's fastest level, as one zlib stream.
    static func deflate(_ data: Data) throws -> Data {
        if compressesInPieces(data) { return try deflateInPieces(data) }
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

    /// Inputs above this size are compressed a piece at a time, on every core (a merge's 44 MB of
    /// edits took 0.3 s on one core), and never into one buffer the size of the input.
    private static let streamFrom = 4 << 20

    /// Whether `deflate` compresses `data` in pieces, on every core.
    static func compressesInPieces(_ data: Data) -> Bool { data.count > streamFrom }
    /// The size of each piece, and the window zlib looks back in (32 KB).
    private static let piece = 1 << 20
    private static let window = 32 << 10

    /// One zlib stream made of pieces compressed apart, as pigz does: each piece is raw deflate
    /// primed with the 32 KB before it (so it may refer back into them, as one stream would), and
    /// ends on a byte boundary (`Z_SYNC_FLUSH`, an empty stored block), the last one with the
    /// final block. The zlib header and the Adler-32 of the whole input go around them. Any
    /// inflater reads it as the stream it is; the bytes differ from one `compress2` call's, the
    /// object (and its id) not.
    private static func deflateInPieces(_ data: Data) throws -> Data {
        let starts = Array(stride(from: 0, to: data.count, by: piece))
        var pieces = try concurrentMap(starts) { start -> (bytes: Data, adler: uLong, count: Int) in
            let end = min(start + piece, data.count)
            return try data.withUnsafeBytes { raw -> (bytes: Data, adler: uLong, count: Int) in
                let input = raw.bindMemory(to: Bytef.self).baseAddress!
                var stream = z_stream()
                guard deflateInit2_(&stream, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                    throw PackError(operation: "deflateInit2", message: "zlib could not start compressing an object")
                }
                defer { deflateEnd(&stream) }
                if start > 0 {
                    let primed = max(0, start - window)
                    guard deflateSetDictionary(&stream, input + primed, uInt(start - primed)) == Z_OK else {
                        throw PackError(operation: "deflateSetDictionary", message: "zlib could not prime a piece of an object")
                    }
                }
                let last = end == data.count
                var output = Data(count: Int(deflateBound(&stream, uLong(end - start))) + 16)
                let (status, written) = output.withUnsafeMutableBytes { out -> (Int32, Int) in
                    stream.next_in = UnsafeMutablePointer(mutating: input + start)
                    stream.avail_in = uInt(end - start)
                    stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(out.count)
                    let status = Czlib.deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
                    return (status, out.count - Int(stream.avail_out))
                }
                // The bound leaves room for all of it: anything but the whole piece is a failure.
                guard status == (last ? Z_STREAM_END : Z_OK), stream.avail_in == 0 else {
                    throw PackError(operation: "deflate", message: "zlib could not compress an object (\(status))")
                }
                // Kept until all pieces are done: in a buffer its size, not the bound's.
                let bytes = written < output.count / 4 * 3 ? output.withUnsafeBytes { Data(bytes: $0.baseAddress!, count: written) } : output.prefix(written)
                return (bytes, adler32(1, input + start, uInt(end - start)), end - start)
            }
        }
        var output = Data([0x78, 0x01])  // deflate, 32 KB window, fastest level (as compress2 writes)
        output.reserveCapacity(2 + pieces.reduce(0) { $0 + $1.bytes.count } + 4)
        var adler = adler32(0, nil, 0)
        for position in pieces.indices {
            output.append(pieces[position].bytes)
            pieces[position].bytes = Data()
            adler = adler32_combine(adler, pieces[position].adler, off_t(pieces[position].count))
        }
        output.append(contentsOf: [UInt8(adler >> 24 & 0xff), UInt8(adler >> 16 & 0xff), UInt8(adler >> 8 & 0xff), UInt8(adler & 0xff)])
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
