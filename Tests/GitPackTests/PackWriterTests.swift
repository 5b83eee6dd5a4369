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
        let pack = try repository.packSeries(series, parent: first).pack
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
}
