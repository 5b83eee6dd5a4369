import TestSupport
import Foundation
import GitCore
import GitPack
import Testing

/// `writeSeries` keeps each folder's entries sorted and serialized between commits, and stores a
/// file the series writes again (the round's index) as a delta on its previous version: these
/// fast paths must give the trees and files libgit2 gives the same changes.
@Suite struct SeriesTreeTests {
    let person = Signature(name: "Secretariat", email: "s@example.org", time: Date(timeIntervalSince1970: 1_582_000_000), offsetMinutes: 60)

    @Test func aLongSeriesGivesTheTreesLibgit2GivesCommitByCommit() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        // Names whose order in a tree depends on git's rule that a folder sorts as if its name
        // ended in "/": "ab-c" (file), "ab.md" (file), "ab" (folder), "ab0" (folder).
        let start = try repository.updateTree(nil, [
            .upsert(path: "Workflow.md", blob: try repository.createBlob(Data("w\n".utf8))),
            .upsert(path: "Comments/r/ab-c", blob: try repository.createBlob(Data("x\n".utf8))),
            .upsert(path: "Comments/r/ab.md", blob: try repository.createBlob(Data("y\n".utf8))),
        ])
        let first = try repository.createCommit(tree: start, parents: [], author: person, committer: person, message: "Create\n")
        var random = SeededGenerator(17, 1)
        var members = (0..<150).map { String(format: "M%03d", $0) } + ["ab", "ab0", "a", "b-", "b"]
        members.shuffle(using: &random)

        var series: [SeriesCommit] = []
        var index = ""
        var indexes: [Data] = []
        for (number, member) in members.enumerated() {
            // The index grows by one line per commit, inserted in its sorted place.
            let lines = (index.split(separator: "\n").map(String.init) + ["\(member) : \(String(repeating: "c", count: 40 + number % 7))"]).sorted()
            index = lines.joined(separator: "\n") + "\n"
            indexes.append(Data(index.utf8))
            var files: [SeriesCommit.File] = [
                .init(path: "Comments/r/\(member)/submission-1.md", data: Data("From \(member).\n".utf8), id: nil, similarTo: nil),
                .init(path: "Comments/r/index.json", data: indexes[number], id: nil, similarTo: nil),
            ]
            var removals: [String] = []
            if number % 10 == 9 {
                // A second file in an earlier member's folder, and another member's folder emptied.
                files.append(.init(path: "Comments/r/\(members[number - 3])/submission-2.md", data: Data("Again \(number).\n".utf8), id: nil, similarTo: nil))
                removals.append("Comments/r/\(members[number - 5])/submission-1.md")
            }
            if number == 40 { removals.append("Comments/r/ab-c") }
            series.append(SeriesCommit(files: files, removals: removals, author: person, committer: person, message: "Comments of \(member)\n"))
        }
        let (commits, _) = try repository.writeSeries(series, parent: first)
        #expect(commits.count == members.count)

        // The same changes through libgit2, commit by commit, give the same trees.
        var expected = start
        for (position, commit) in commits.enumerated() {
            let changes = series[position].files.map { TreeUpdate.upsert(path: $0.path, blob: BlobID(hashing: $0.data)) }
                + series[position].removals.map { TreeUpdate.remove(path: $0) }
            expected = try repository.updateTree(expected, changes)
            #expect(try repository.commit(commit).tree == expected, "commit \(position)")
        }
        _ = try repository.updateReference("refs/heads/main", to: commits.last!, expected: nil, message: "series")
        let fsck = try git(["fsck", "--strict"], in: scratch.url)
        #expect(fsck.status == 0, "\(fsck.output)")
        // Every version of the index reads back as written, through git and through libgit2.
        for (position, commit) in commits.enumerated() where position % 13 == 0 || position == commits.count - 1 {
            #expect(try git(["show", "\(commit.hex):Comments/r/index.json"], in: scratch.url).output == String(decoding: indexes[position], as: UTF8.self))
        }
        #expect(try repository.blobData(BlobID(hashing: indexes.last!)) == indexes.last!)
        // Stored as deltas on the version before, no chain longer than 15.
        let packs = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent(".git/objects/pack").path).filter { $0.hasSuffix(".idx") }
        let verified = try git(["verify-pack", "-v", ".git/objects/pack/" + packs[0]], in: scratch.url).output
        let chains = verified.split(separator: "\n").filter { $0.hasPrefix("chain length = ") }
            .compactMap { Int($0.dropFirst("chain length = ".count).prefix { $0.isNumber }) }
        #expect(chains.max() == 15)
    }
}
