import TestSupport
import Foundation
import GitCore
import GitPack
import Testing

@Suite struct PackWriterTests {
    let person = Signature(name: "Secretariat", email: "s@example.org", time: Date(timeIntervalSince1970: 1_582_000_000), offsetMinutes: 60)

    @Test func theHandBuiltIndexIsWhatGitIndexPackWrites() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url.appendingPathComponent("repository"))
        let draft = Data((1...300).map { "1.\($0) The Council takes note of paragraph \($0) and its annex.\n\n" }.joined().utf8)
        let tree = try repository.updateTree(nil, [.upsert(path: "Drafts/d.md", blob: try repository.createBlob(draft))])
        let first = try repository.createCommit(tree: tree, parents: [], author: person, committer: person, message: "Create\n")
        let edited = Data(String(decoding: draft, as: UTF8.self).replacingOccurrences(of: "paragraph 150 ", with: "paragraph one hundred and fifty ").utf8)
        let series = ["CAN", "USA", "FRA"].map { member in
            SeriesCommit(files: [.init(path: "Comments/r/\(member)/submission-1.md", data: Data("From \(member).\n".utf8), id: nil, similarTo: nil),
                                 .init(path: "Comments/r/\(member)/submission-1.proposal.md", data: edited + Data(member.utf8), id: nil, similarTo: "Drafts/d.md")],
                         removals: [], author: person, committer: person, message: "Comments of \(member)\n")
        }
        var pack = try repository.packSeries(series, parent: first).pack
        let (packData, checksum) = try pack.finishedPack()
        // 3 commits; 4 trees each (the root, Comments, Comments/r, the member's folder); 6 blobs,
        // of which 3 deltas; the draft, as the deltas' base.
        #expect(pack.count == 3 + 3 * 4 + 6 + 1)

        let packFile = scratch.url.appendingPathComponent("series.pack")
        try packData.write(to: packFile)
        let indexed = try git(["index-pack", "-o", "series.idx", "series.pack"], in: scratch.url)
        #expect(indexed.status == 0, "\(indexed.output)")
        #expect(indexed.output == checksum.map { String(format: "%02x", $0) }.joined() + "\n")
        let fromGit = try Data(contentsOf: scratch.url.appendingPathComponent("series.idx"))
        #expect(pack.index(checksum: checksum) == fromGit)
        #expect(try git(["verify-pack", "-v", "series.idx"], in: scratch.url).output.contains("chain length = 1: 3 objects"))
    }

    /// Whole objects are compressed a batch at a time, on every core: a series whose whole objects
    /// fill several batches (text that compresses, bytes that do not) is the pack and index git
    /// makes of it, with every object's bytes as written.
    @Test func objectsCompressedInBatchesAreWhatGitReadsBack() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url.appendingPathComponent("repository"))
        let first = try repository.createCommit(tree: try repository.updateTree(nil, [.upsert(path: "Workflow.md", blob: try repository.createBlob(Data("w\n".utf8)))]),
                                                parents: [], author: person, committer: person, message: "Create\n")
        var random = SeededGenerator(41, 3)
        // 40 commits of 200 KB each: 8 MB of whole blobs, four batches and a part; then one of
        // 5 MB, compressed in pieces.
        let large = Data((0..<130_000).map { "\($0) The Council takes note of the annex, item \($0 % 211).\n" }.joined().utf8.prefix(5 << 20))
        let files = (0..<40).map { number -> Data in
            if number % 2 == 0 {
                return Data((0..<200_000).map { _ in UInt8.random(in: 0...255, using: &random) })
            }
            return Data((0..<2_500).map { "\(number).\($0) The Council recalls item \($0 * number) of its agenda.\n" }.joined().utf8.prefix(200_000))
        } + [large]
        let series = files.enumerated().map { number, data in
            SeriesCommit(files: [.init(path: "Comments/r/M\(number)/annex.bin", data: data, id: nil, similarTo: nil)],
                         removals: [], author: person, committer: person, message: "Annex \(number)\n")
        }
        let built = try repository.packSeries(series, parent: first)
        var pack = built.pack
        let (packData, checksum) = try pack.finishedPack()
        // 41 commits; 4 trees each (the root, Comments, Comments/r, the member's folder); 41 blobs.
        #expect(large.count == 5 << 20)
        #expect(pack.count == 41 + 41 * 4 + 41)

        let packFile = scratch.url.appendingPathComponent("series.pack")
        try packData.write(to: packFile)
        let indexed = try git(["index-pack", "-o", "series.idx", "series.pack"], in: scratch.url)
        #expect(indexed.status == 0, "\(indexed.output)")
        #expect(indexed.output == checksum.map { String(format: "%02x", $0) }.joined() + "\n")
        #expect(pack.index(checksum: checksum) == (try Data(contentsOf: scratch.url.appendingPathComponent("series.idx"))))
        // Each blob reads back as written, from the first batch to the last.
        let objects = scratch.url.appendingPathComponent("repository/.git/objects/pack")
        try FileManager.default.copyItem(at: packFile, to: objects.appendingPathComponent("pack-\(checksum.map { String(format: "%02x", $0) }.joined()).pack"))
        try FileManager.default.copyItem(at: scratch.url.appendingPathComponent("series.idx"),
                                         to: objects.appendingPathComponent("pack-\(checksum.map { String(format: "%02x", $0) }.joined()).idx"))
        for (number, data) in files.enumerated() {
            let id = built.blobs["Comments/r/M\(number)/annex.bin"]!
            #expect(id == BlobID(hashing: data))
            #expect(try repository.blobData(id) == data, "blob \(number)")
        }
        let verified = try git(["verify-pack", "-v", "series.idx"], in: scratch.url)
        #expect(verified.status == 0)
        #expect(verified.output.contains("non delta: 246 objects"), "\(verified.output)")
    }
}
