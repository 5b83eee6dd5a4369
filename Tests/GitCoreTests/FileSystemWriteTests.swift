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

    static let directSizes = [0, 1, 4095, 4096, 4097, FileSystem.directFrom - 1, FileSystem.directFrom, FileSystem.directFrom + 1,
                              (1 << 20) + 5, 9 * (1 << 20) + 3]

    /// `replaceFile(direct: true)`, as the work tree's new copies are written: exactly the bytes
    /// given, from a mapping (page-aligned: its whole pages go past the cache, the rest through it)
    /// and from memory that does not start on a page (all through the cache).
    @Test(arguments: directSizes)
    func aDirectWriteHoldsExactlyTheBytesGiven(size: Int) throws {
        let scratch = try ScratchDirectory()
        let expected = bytes(size)
        let source = scratch.url.appendingPathComponent("source")
        try expected.write(to: source)
        let descriptor = open(source.path, O_RDONLY)
        defer { close(descriptor) }
        var inputs = [(Data([7, 7, 7]) + expected).dropFirst(3)]
        if size > 0, let mapped = MappedFiles.map(descriptor, size: size) {
            MappedFiles.release(mapped)
            inputs.append(mapped)
        }
        for (number, data) in inputs.enumerated() {
            let url = scratch.url.appendingPathComponent("direct-\(number)")
            try FileSystem.replaceFile(at: url, with: data, direct: true)
            #expect(try Data(contentsOf: url) == expected, "input \(number)")
            // Written again over itself: the same bytes, no temporary file left.
            try FileSystem.replaceFile(at: url, with: data, direct: true)
            #expect(try Data(contentsOf: url) == expected)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["direct-0"] + (inputs.count > 1 ? ["direct-1"] : []) + ["source"])
    }

    /// On the file systems a workspace lives on (ext4, XFS, Btrfs), a large file written direct
    /// from a mapping leaves at most its last part page in the page cache, where a write through
    /// the cache leaves every page: the point of writing 772 edited copies that way.
    @Test func aDirectWriteLeavesTheFileOutOfThePageCache() throws {
        let scratch = try ScratchDirectory()
        guard ["ext4", "xfs", "btrfs"].contains(try fileSystemType(of: scratch.url)) else {
            // tmpfs and the like keep every file in memory: nothing to compare.
            return
        }
        let size = 2 * (1 << 20) + 100
        let source = scratch.url.appendingPathComponent("source")
        try bytes(size).write(to: source)
        let descriptor = open(source.path, O_RDONLY)
        defer { close(descriptor) }
        let mapped = try #require(MappedFiles.map(descriptor, size: size))
        let direct = scratch.url.appendingPathComponent("direct"), cached = scratch.url.appendingPathComponent("cached")
        try FileSystem.replaceFile(at: direct, with: mapped, direct: true)
        try FileSystem.replaceFile(at: cached, with: mapped)
        let pages = (size + 4095) / 4096
        #expect(try residentPages(direct) <= 1)
        #expect(try residentPages(cached) == pages)
    }

    /// The type of the file system `url` is on, from the longest mount point above it in
    /// /proc/self/mounts (mount points are written with octal escapes for blanks).
    func fileSystemType(of url: URL) throws -> String {
        let path = url.resolvingSymlinksInPath().path
        var best = (point: "", type: "")
        for line in try String(contentsOfFile: "/proc/self/mounts", encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = String(fields[1]).replacingOccurrences(of: "\\040", with: " ")
            let inside = point == "/" || path == point || path.hasPrefix(point + "/")
            if inside && point.count >= best.point.count { best = (point, String(fields[2])) }
        }
        return best.type
    }

    /// How many pages of the file at `url` are in the page cache (`mincore` on a mapping of it).
    func residentPages(_ url: URL) throws -> Int {
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        var status = stat()
        #expect(fstat(descriptor, &status) == 0)
        let size = Int(status.st_size)
        let mapping = try #require(mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0))
        defer { munmap(mapping, size) }
        var vector = [UInt8](repeating: 0, count: (size + 4095) / 4096)
        #expect(mincore(mapping, size, &vector) == 0)
        return vector.filter { $0 & 1 == 1 }.count
    }
}
