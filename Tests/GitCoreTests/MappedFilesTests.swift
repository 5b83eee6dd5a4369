import TestSupport
import Foundation
import Parallel
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An intake gives back the pages of each mapped file once it is done with it: what it reads
/// afterwards must still be the file, and memory that `MappedFiles.map` did not map is left alone.
@Suite struct MappedFilesTests {
    @Test func aReleasedMappingStillReadsAsTheFileAndOtherMemoryIsUntouched() throws {
        let scratch = try ScratchDirectory()
        let url = scratch.url.appendingPathComponent("copy.md")
        let content = Data((1...20_000).map { "1.\($0) The Council notes paragraph \($0).\n" }.joined().utf8)
        try content.write(to: url)
        let descriptor = open(url.path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let mapped = try #require(MappedFiles.map(descriptor, size: content.count))
        #expect(mapped == content)
        MappedFiles.release(mapped)
        #expect(mapped == content)

        // Heap memory (a copy, a slice of the mapping) is not given back: it keeps its bytes.
        var copy = Data(content)
        copy.append(0x0A)
        MappedFiles.release(copy)
        #expect(copy.prefix(content.count) == content)
        let slice = mapped[4096..<(content.count - 1)]
        MappedFiles.release(slice)
        #expect(slice == content[4096..<(content.count - 1)])
    }
}
