import TestSupport
import Foundation
import GitCore
@testable import GitPack
import Testing

/// Large objects are compressed in pieces on every core (`Zlib.deflate` above 4 MB): the stream
/// must inflate to exactly the input, with zlib's own inflater and with git's, whatever the size
/// around the pieces' boundaries and whether the input compresses, repeats across a boundary
/// (a match reaching back into the piece before), or not at all.
@Suite struct ZlibPiecesTests {
    static let sizes = [(4 << 20) + 1, 5 << 20, (5 << 20) + (32 << 10) + 3, (9 << 20) + 7]

    static func input(_ size: Int, kind: Int) -> Data {
        var random = SeededGenerator(UInt64(size), UInt64(kind))
        switch kind {
        case 0:
            // Text, as a merge's edits are.
            let text = (0..<(size / 40 + 1)).map { "\($0 % 977) The Council recalls item \($0 % 31).\n" }.joined()
            return Data(text.utf8.prefix(size))
        case 1:
            // Bytes that do not compress: stored blocks.
            return Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &random) })
        default:
            // A 20 KB random unit repeated: every match refers back, across each piece's start.
            let unit = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &random) }
            return Data((0..<size).map { unit[$0 % unit.count] })
        }
    }

    @Test(arguments: sizes)
    func piecesInflateToTheInput(size: Int) throws {
        for kind in 0..<3 {
            let data = Self.input(size, kind: kind)
            let compressed = try Zlib.deflate(data)
            #expect(Zlib.inflate(compressed) == data, "kind \(kind)")
            if kind == 2 {
                // Primed with the piece before, the repeats cost almost nothing.
                #expect(compressed.count < size / 20, "\(compressed.count)")
            }
        }
    }

    @Test func gitReadsALooseObjectCompressedInPieces() throws {
        let scratch = try ScratchDirectory()
        _ = try Repository.create(at: scratch.url)
        let data = Self.input((6 << 20) + 11, kind: 0)
        let object = Data("blob \(data.count)\0".utf8) + data
        let id = BlobID(hashing: data).objectID.hex
        let folder = scratch.url.appendingPathComponent(".git/objects/\(id.prefix(2))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Zlib.deflate(object).write(to: folder.appendingPathComponent(String(id.dropFirst(2))))
        let size = try git(["cat-file", "-s", id], in: scratch.url)
        #expect(size.output == "\(data.count)\n")
        let fsck = try git(["fsck", "--strict", "--full"], in: scratch.url)
        #expect(fsck.status == 0, "\(fsck.output)")
        let shown = Process()
        shown.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shown.arguments = ["git", "-C", scratch.url.path, "cat-file", "blob", id]
        let pipe = Pipe()
        shown.standardOutput = pipe
        try shown.run()
        let read = pipe.fileHandleForReading.readDataToEndOfFile()
        shown.waitUntilExit()
        #expect(read == data)
    }
}
