import DraftFlow
@testable import DraftFlowGit
import Foundation
import GitCore
import Testing
import TestSupport

/// A commit of 1 MB of files or more (a merge's record and parts) is written as one pack by
/// GitPack instead of loose objects through libgit2: it must be the very commit libgit2 writes
/// for the same change (same id: the demo's commit ids do not move), ordinary git, and the
/// work tree and later commands must see it as any other.
@Suite struct PackedCommitTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!

    func workspace(_ folder: URL) throws -> GitWorkspaceStore { try outlineWorkspace(at: folder) }

    @Test func aLargeCommitIsTheCommitLibgit2WritesAndOrdinaryGit() throws {
        let scratch = try ScratchDirectory()
        let packed = try workspace(scratch.url.appendingPathComponent("packed"))
        let loose = try workspace(scratch.url.appendingPathComponent("loose"))
        let person = Person(name: "Secretariat", email: "s@example.org", time: try Deadline.parseInstant("2020-03-02T09:00:00+01:00", timeZone: zone), timeZone: zone)
        // Over the threshold: 1.2 MB of records in a new folder, one file replaced, one removed.
        let record = Data((0..<30_000).map { "{\"change\": \($0), \"text\": \"Paragraph \($0 % 97) amended\"}\n" }.joined().utf8)
        #expect(record.count >= GitWorkspaceStore.packedCommitFrom)
        let writes = ["Comments/draft-1/merge/merge.json": record, "Comments/draft-1/merge/summary.md": Data("Merged: 30000 changes, é 中文.\n".utf8),
                      "Drafts/outline.md": Data("## 1 Intro\n\n1.1 Text, merged.\n".utf8)]
        let message = "Merge the proposals of round draft-1 into a candidate next draft\n\nDraftFlow-Round: draft-1\n"
        let head = try #require(try packed.commit { _ in
            WorkspaceChange(writes: writes, removals: ["Comments/README.md"], author: person, committer: person, message: message)
        })

        // The same change through libgit2, one loose object at a time.
        let repository = loose.repository
        let parent = try #require(try repository.resolveCommit(try repository.headBranch()))
        var updates: [TreeUpdate] = try writes.sorted(by: { $0.key < $1.key }).map { .upsert(path: $0.key, blob: try repository.createBlob($0.value)) }
        updates.append(.remove(path: "Comments/README.md"))
        let tree = try repository.updateTree(try repository.commit(parent).tree, updates)
        let expected = try repository.createCommit(tree: tree, parents: [parent], author: GitWorkspaceStore.signature(person),
                                                   committer: GitWorkspaceStore.signature(person), message: message)
        #expect(head == expected.hex)

        let folder = scratch.url.appendingPathComponent("packed")
        #expect(try gitOutput(["fsck", "--strict"], in: folder) == "")
        #expect(try gitOutput(["cat-file", "-p", "HEAD:Comments/draft-1/merge/merge.json"], in: folder) == String(decoding: record, as: UTF8.self))
        #expect(try gitOutput(["status", "--porcelain"], in: folder) == "")
        #expect(try Data(contentsOf: folder.appendingPathComponent("Comments/draft-1/merge/merge.json")) == record)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Comments/README.md").path))
        // Its objects are in a pack of their own, none loose.
        let packs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".git/objects/pack").path).filter { $0.hasSuffix(".pack") }
        #expect(packs.count == 1)
        #expect(try gitOutput(["cat-file", "--batch-check=%(objectname)", "--batch-all-objects"], in: folder).contains(head))
        // The next command reads it as any commit.
        #expect(try packed.snapshot().file("Comments/draft-1/merge/merge.json") == record)
    }
}
