#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where lines end: the one line splitter of the package.
///
/// Two views, for two kinds of callers:
/// - `ranges(in:)` for byte-exact work (record JSON, UTF-8 checks of edited copies, deltas): byte
///   ranges that end after each line feed, so that the ranges put together are the input again.
/// - `lines(of:)` for text people wrote (comment files, table cells): the lines as a text editor
///   shows them, split at LF, CRLF and a lone CR, without their line ends.
package enum LineSplitter {
    /// The lines of `bytes` as ranges, each with its line feed (the last one without, when the
    /// bytes do not end with a line feed). Empty bytes have no lines.
    package static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(bytes.count / 64)
        forEachRange(in: bytes) { result.append($0) }
        return result
    }

    /// The ranges `ranges(in:)` gives, handed to `body` one by one in order, none kept: for a
    /// pass over a large text that needs each line once (a merge's 44 MB of edits is 700,000 lines).
    package static func forEachRange(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) throws -> Void) rethrows {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        // memchr finds each line end many bytes at a time.
        while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            try body(start..<end)
            start = end
        }
        if start < bytes.count { try body(start..<bytes.count) }
    }

    /// The lines of `text` split at LF, CRLF and a lone CR, line ends left out: one element per
    /// line a person sees, so a text that ends with a line break ends with an empty line, and an
    /// empty text is one empty line.
    package static func lines(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            var index = 0
            // Line ends are ASCII, so every piece between them is valid UTF-8 again.
            func piece(_ end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(piece(index))
                    index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    start = index
                } else {
                    index += 1
                }
            }
            lines.append(piece(bytes.count))
            return lines
        }
    }
}
