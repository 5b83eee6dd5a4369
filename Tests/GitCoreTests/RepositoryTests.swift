import TestSupport
import Foundation
import GitCore
import Testing

@Suite struct RepositoryTests {
    let geneva = TimeZone(identifier: "Europe/Zurich")!

    func signature(_ name: String, at seconds: TimeInterval) -> Signature {
        Signature(name: name, email: "\(name.lowercased())@example.org", time: Date(timeIntervalSince1970: seconds), timeZone: geneva)
    }

    @Test func createCommitAndReadBackThroughGit() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        let blob = try repository.createBlob(Data("Paragraph 1.1\n".utf8))
        let tree = try repository.updateTree(nil, [.upsert(path: "Drafts/outline.md", blob: blob)])
        let commit = try repository.createCommit(tree: tree, parents: [], author: signature("Canada", at: 1_582_821_720),
                                                 committer: signature("Secretariat", at: 1_582_821_800), message: "First\n")
        #expect(try repository.updateReference("refs/heads/main", to: commit, expected: nil, message: "test"))
        #expect(try repository.resolveCommit("HEAD") == commit)

        let info = try repository.commit(commit)
        #expect(info.author.name == "Canada")
        #expect(info.author.offsetMinutes == 60)
        #expect(info.tree == tree)
        #expect(try repository.file(in: tree, path: "Drafts/outline.md") == Data("Paragraph 1.1\n".utf8))
        #expect(try repository.file(in: tree, path: "Drafts/missing.md") == nil)

        let log = try git(["log", "--format=%an|%ae|%aI|%cn|%s", "main"], in: scratch.url)
        #expect(log.output.trimmingCharacters(in: .newlines) == "Canada|canada@example.org|2020-02-27T17:42:00+01:00|Secretariat|First")
        #expect(try git(["cat-file", "-p", "\(commit.hex):Drafts/outline.md"], in: scratch.url).output == "Paragraph 1.1\n")
        #expect(try git(["fsck", "--strict"], in: scratch.url).status == 0)
    }

    @Test func referenceMovesOnlyFromTheExpectedCommit() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        let tree = try repository.emptyTree()
        let first = try repository.createCommit(tree: tree, parents: [], author: signature("A", at: 1), committer: signature("A", at: 1), message: "one\n")
        let second = try repository.createCommit(tree: tree, parents: [first], author: signature("B", at: 2), committer: signature("B", at: 2), message: "two\n")
        let rival = try repository.createCommit(tree: tree, parents: [first], author: signature("C", at: 3), committer: signature("C", at: 3), message: "rival\n")
        #expect(try repository.updateReference("refs/heads/main", to: first, expected: nil, message: "create"))
        // A second creation loses: the branch exists.
        #expect(try repository.updateReference("refs/heads/main", to: second, expected: nil, message: "create again") == false)
        #expect(try repository.updateReference("refs/heads/main", to: second, expected: first, message: "advance"))
        // A writer that read `first` before `second` landed loses the race and must retry.
        #expect(try repository.updateReference("refs/heads/main", to: rival, expected: first, message: "stale") == false)
        #expect(try repository.resolveCommit("refs/heads/main") == second)
    }

    @Test func annotatedTagsAreNeverMoved() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        let tree = try repository.emptyTree()
        let commit = try repository.createCommit(tree: tree, parents: [], author: signature("S", at: 10), committer: signature("S", at: 10), message: "c\n")
        let tagID = try repository.createTag("draft-1", target: commit, tagger: signature("Secretariat", at: 20), message: "Draft 1\n")
        let tag = try #require(try repository.tag("draft-1"))
        #expect(tag.id == tagID)
        #expect(tag.target == commit)
        #expect(tag.message == "Draft 1\n")
        #expect(try repository.tagNames() == ["draft-1"])
        #expect(try repository.tag("draft-2") == nil)
        #expect(throws: GitError.self) { try repository.createTag("draft-1", target: commit, tagger: signature("S", at: 30), message: "again\n") }
        #expect(try git(["tag", "-n1"], in: scratch.url).output.contains("draft-1         Draft 1"))
    }

    @Test func treeUpdatesCreateAndRemoveFolders() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        let a = try repository.createBlob(Data("a".utf8))
        let b = try repository.createBlob(Data("b".utf8))
        let one = try repository.updateTree(nil, [.upsert(path: "Comments/r1/CAN/submission-1.md", blob: a), .upsert(path: "Workflow.md", blob: b)])
        #expect(try repository.allFiles(in: one).map(\.path) == ["Comments/r1/CAN/submission-1.md", "Workflow.md"])
        #expect(try repository.treeEntries(one, path: "Comments/r1").map(\.name) == ["CAN"])
        let two = try repository.updateTree(one, [.remove(path: "Comments/r1/CAN/submission-1.md")])
        #expect(try repository.allFiles(in: two).map(\.path) == ["Workflow.md"])
        #expect(try repository.treeEntries(two, path: "Comments").isEmpty)
    }

    @Test func blobIDMatchesGit() throws {
        let data = Data("Hello, 世界\n".utf8)
        let scratch = try ScratchDirectory()
        let file = scratch.url.appendingPathComponent("x.txt")
        try data.write(to: file)
        let fromGit = try git(["hash-object", file.path], in: scratch.url).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(BlobID(hashing: data).hex == fromGit)
    }

    /// A large blob already stored is not written again (`createBlob` hashes it first): the id and
    /// the content are what writing it gives, loose or packed, and nothing new is written.
    @Test func aLargeBlobAlreadyStoredIsNotWrittenAgain() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        let sizes = [1, 65_535, 65_536, 200_000]
        let contents = sizes.map { size in Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) }) }
        var ids: [BlobID] = []
        for data in contents {
            let id = try repository.createBlob(data)
            ids.append(id)
            #expect(id == BlobID(hashing: data))
            #expect(try repository.blobData(id) == data)
        }
        func looseFiles() throws -> [String] {
            try git(["count-objects", "-v"], in: scratch.url).output.split(separator: "\n").filter { $0.hasPrefix("count:") }.map(String.init)
        }
        // A commit holds them, so that git packs them.
        let tree = try repository.updateTree(nil, ids.enumerated().map { .upsert(path: "f\($0.offset)", blob: $0.element) })
        let commit = try repository.createCommit(tree: tree, parents: [], author: signature("S", at: 1), committer: signature("S", at: 1), message: "1\n")
        _ = try repository.updateReference("refs/heads/main", to: commit, expected: nil, message: "1")
        let before = try looseFiles()
        #expect(before == ["count: 6"])
        // Written again while loose, then again once packed: the same ids, no new loose object.
        #expect(try contents.map { try repository.createBlob($0) } == ids)
        #expect(try looseFiles() == before)
        _ = try git(["repack", "-a", "-d", "-q"], in: scratch.url)
        _ = try git(["prune-packed"], in: scratch.url)
        #expect(try looseFiles() == ["count: 0"])
        let reopened = try Repository.open(at: scratch.url)
        #expect(try contents.map { try reopened.createBlob($0) } == ids)
        #expect(try contents.map { try reopened.blobData(BlobID(hashing: $0)) } == contents)
        // Only the small blob was handed to libgit2 again, which found it in the pack too.
        #expect(try looseFiles() == ["count: 0"])
        #expect(try git(["fsck", "--strict"], in: scratch.url).status == 0)
    }

    @Test func workTreeSyncKeepsLocalEdits() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        let v1 = try repository.createBlob(Data("v1\n".utf8))
        let tree1 = try repository.updateTree(nil, [.upsert(path: "Workflow.md", blob: v1), .upsert(path: "Drafts/d.md", blob: v1)])
        let c1 = try repository.createCommit(tree: tree1, parents: [], author: signature("S", at: 1), committer: signature("S", at: 1), message: "1\n")
        _ = try repository.updateReference("refs/heads/main", to: c1, expected: nil, message: "1")
        try repository.withWorkTreeLock { _ = try repository.syncWorkTree(to: c1) }
        #expect(try git(["status", "--porcelain"], in: scratch.url).output == "")

        // A person edits the draft; the next commit changes both files.
        try Data("my edit\n".utf8).write(to: scratch.url.appendingPathComponent("Drafts/d.md"))
        let v2 = try repository.createBlob(Data("v2\n".utf8))
        let tree2 = try repository.updateTree(tree1, [.upsert(path: "Workflow.md", blob: v2), .upsert(path: "Drafts/d.md", blob: v2)])
        let c2 = try repository.createCommit(tree: tree2, parents: [c1], author: signature("S", at: 2), committer: signature("S", at: 2), message: "2\n")
        _ = try repository.updateReference("refs/heads/main", to: c2, expected: c1, message: "2")
        let sync = try repository.withWorkTreeLock { try repository.syncWorkTree(to: c2) }
        #expect(sync.keptLocalEdits == ["Drafts/d.md"])
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("Drafts/d.md"), encoding: .utf8) == "my edit\n")
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("Workflow.md"), encoding: .utf8) == "v2\n")
        #expect(try git(["status", "--porcelain"], in: scratch.url).output == " M Drafts/d.md\n")
    }

    @Test func errorsCarryLibgit2CodeAndMessage() throws {
        let scratch = try ScratchDirectory()
        do {
            _ = try Repository.open(at: scratch.url.appendingPathComponent("nothing"))
            Issue.record("opening a missing repository must fail")
        } catch let error as GitError {
            #expect(error.code < 0)
            #expect(error.isNotFound)
            #expect(!error.message.isEmpty)
        }
    }
}

@Suite struct ErrorKindTests {
    @Test func aFailedSystemCallIsNotAGitError() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        // The lock file cannot be opened when a folder stands in its place.
        let lock = repository.gitDirectory.appendingPathComponent("draftflow.lock")
        try FileManager.default.createDirectory(at: lock, withIntermediateDirectories: false)
        do {
            try repository.withWorkTreeLock {}
            Issue.record("locking must fail")
        } catch let error as SystemCallError {
            #expect(error.operation == "lock")
            #expect(error.call == "open")
            #expect(error.errno == EISDIR)
            #expect(error.path == lock.path)
            #expect(error.message == "cannot open \(lock.path): Is a directory")
        }
    }

    @Test func aDetachedHeadIsReportedAsUnsupported() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        let tree = try repository.emptyTree()
        let person = Signature(name: "S", email: "s@example.org", time: Date(timeIntervalSince1970: 1), offsetMinutes: 0)
        let commit = try repository.createCommit(tree: tree, parents: [], author: person, committer: person, message: "c\n")
        #expect(try repository.headBranch() == "refs/heads/main")
        #expect(try git(["update-ref", "--no-deref", "HEAD", commit.hex], in: scratch.url).status == 0)
        #expect(throws: UnsupportedRepositoryError(operation: "headBranch", message: "HEAD is detached")) {
            try repository.headBranch()
        }
    }
}
