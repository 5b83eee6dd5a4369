import TestSupport
import Foundation
@testable import GitCore
import Parallel
import Testing

/// `FileSystem.writeAll` writes a chunk at a time, mapping in the pages of each chunk first: the
/// file holds exactly the bytes given, from memory or from a file mapping whose pages were given
/// back, whatever the size around the chunk and page boundaries.
@Suite struct FileSystemWriteTests {
    static let sizes = [0, 1, 4095, 4097, 65_535, 65_536, 65_537, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 5]

    func bytes(_ size: Int) -> Data {
        Data((0..<size).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) })
    }

    @Test(arguments: sizes)
    func aWriteHoldsExactlyTheBytesGiven(size: Int) throws {
        let scratch = try ScratchDirectory()
        let expected = bytes(size)
        // From the heap, and from a slice starting inside a page.
        for data in [expected, (Data([7, 7, 7]) + expected).dropFirst(3)] {
            let url = scratch.url.appendingPathComponent("out-\(size)")
            try FileSystem.replaceFile(at: url, with: Data(data))
            #expect(try Data(contentsOf: url) == expected)
        }
        // From a file mapping whose pages were given back, as an intake passes them.
        let source = scratch.url.appendingPathComponent("source")
        try expected.write(to: source)
        let descriptor = open(source.path, O_RDONLY)
        defer { close(descriptor) }
        if size > 0, let mapped = MappedFiles.map(descriptor, size: size) {
            MappedFiles.release(mapped)
            let url = scratch.url.appendingPathComponent("mapped-\(size)")
            try FileSystem.replaceFile(at: url, with: mapped)
            #expect(try Data(contentsOf: url) == expected)
        }
    }
}
