import TestSupport
import Foundation
import GitCore
import GitPack
import Testing

@Suite struct CommitSeriesTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!

    @Test func aSeriesWrittenAsOnePackIsOrdinaryGitAndMatchesLibgit2() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        let person = Signature(name: "Secretariat", email: "s@example.org", time: Date(timeIntervalSince1970: 1_582_000_000), timeZone: zone)
        let draft = Data((1...400).map { "1.\($0) The Council notes paragraph number \($0) of the draft text.\n\n" }.joined().utf8)
        let blob = try repository.createBlob(draft)
        let tree = try repository.updateTree(nil, [.upsert(path: "Drafts/d.md", blob: blob), .upsert(path: "Workflow.md", blob: try repository.createBlob(Data("w\n".utf8)))])
        let first = try repository.createCommit(tree: tree, parents: [], author: person, committer: person, message: "Create\n")
        _ = try repository.updateReference("refs/heads/main", to: first, expected: nil, message: "create")

        let edited = Data(String(decoding: draft, as: UTF8.self).replacingOccurrences(of: "number 200 ", with: "number two hundred ").utf8)
        let canada = Signature(name: "Canada", email: "can@example.org", time: Date(timeIntervalSince1970: 1_582_821_720), timeZone: zone)
        let series = [
            SeriesCommit(files: [.init(path: "Comments/r/CAN/submission-1.md", data: Data("Fine.\n".utf8), id: nil, similarTo: nil),
                                 .init(path: "Comments/r/CAN/submission-1.proposal.md", data: edited, id: nil, similarTo: "Drafts/d.md")],
                         removals: [], author: canada, committer: person, message: "Comments of Canada\n"),
            SeriesCommit(files: [.init(path: "Comments/r/USA/submission-1.md", data: Data("Agreed.\n".utf8), id: nil, similarTo: nil)],
                         removals: ["Workflow.md"], author: person, committer: person, message: "Comments of the United States\n"),
        ]
        let (commits, blobs) = try repository.writeSeries(series, parent: first)
        #expect(commits.count == 2)
        #expect(blobs["Comments/r/CAN/submission-1.proposal.md"] == BlobID(hashing: edited))
        _ = try repository.updateReference("refs/heads/main", to: commits[1], expected: first, message: "series")

        // The same trees through libgit2 give the same ids: the serialization is git's.
        let expected = try repository.updateTree(tree, [
            .upsert(path: "Comments/r/CAN/submission-1.md", blob: try repository.createBlob(Data("Fine.\n".utf8))),
            .upsert(path: "Comments/r/CAN/submission-1.proposal.md", blob: try repository.createBlob(edited)),
            .upsert(path: "Comments/r/USA/submission-1.md", blob: try repository.createBlob(Data("Agreed.\n".utf8))),
            .remove(path: "Workflow.md"),
        ])
        #expect(try repository.commit(commits[1]).tree == expected)
        #expect(try repository.commit(commits[0]).author.name == "Canada")
        #expect(try repository.commit(commits[1]).parents == [commits[0]])
        let fsck = try git(["fsck", "--strict"], in: scratch.url)
        #expect(fsck.status == 0)
        // Only the trees the commits use are written: nothing left dangling.
        #expect(!fsck.output.contains("dangling"), "\(fsck.output)")
        #expect(try git(["log", "--format=%an|%aI|%s"], in: scratch.url).output
                == "Secretariat|2020-02-18T05:26:40+01:00|Comments of the United States\nCanada|2020-02-27T17:42:00+01:00|Comments of Canada\nSecretariat|2020-02-18T05:26:40+01:00|Create\n")
        #expect(try git(["show", "main~1:Comments/r/CAN/submission-1.proposal.md"], in: scratch.url).output == String(decoding: edited, as: UTF8.self))
        // The edited copy is stored as a delta against the draft.
        let packs = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent(".git/objects/pack").path).filter { $0.hasSuffix(".idx") }
        #expect(packs.count == 1)
        #expect(try git(["verify-pack", "-v", ".git/objects/pack/" + packs[0]], in: scratch.url).output.contains("chain length = 1: 1 object"))
    }
}
