import TestSupport
import Foundation
import GitCore
import Testing

/// A damaged loose object is reported, naming its file, by every read: libgit2 1.5.1 alone loops
/// forever on a truncated one (docs/LIBGIT2.md, item 10).
@Suite struct LooseObjectGuardTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!

    /// A repository with three commits of one file; returns it (reopened: the guard is installed
    /// by `open`) and the commits, oldest first.
    func makeRepository(_ scratch: ScratchDirectory) throws -> (Repository, [CommitID]) {
        let repository = try Repository.create(at: scratch.url)
        var commits: [CommitID] = []
        var tree: TreeID?
        for number in 1...3 {
            let blob = try repository.createBlob(Data("Paragraph \(number)\n".utf8))
            tree = try repository.updateTree(tree, [.upsert(path: "Drafts/a.md", blob: blob)])
            let person = Signature(name: "A", email: "a@example.org", time: Date(timeIntervalSince1970: TimeInterval(1_600_000_000 + number)), timeZone: zone)
            let commit = try repository.createCommit(tree: tree!, parents: commits.suffix(1), author: person, committer: person, message: "Commit \(number)\n")
            #expect(try repository.updateReference("refs/heads/main", to: commit, expected: commits.last, message: "test"))
            commits.append(commit)
        }
        return (try Repository.open(at: scratch.url), commits)
    }

    func file(_ id: ObjectID, in repository: Repository) -> URL { LooseObjectDamage.file(id.hex, in: repository) }
    func truncate(_ url: URL) throws { try LooseObjectDamage.truncate(url) }
    func damage(of body: () throws -> Void) -> GitError? { LooseObjectDamage.gitError(of: body) }

    @Test func aTruncatedBlobIsReportedWithItsFile() throws {
        let scratch = try ScratchDirectory()
        let (repository, commits) = try makeRepository(scratch)
        let tree = try repository.commit(commits[2]).tree
        let blob = try #require(try repository.entry(in: tree, path: "Drafts/a.md")?.blobID)
        try truncate(file(blob.objectID, in: repository))
        let error = try #require(damage { _ = try repository.file(in: tree, path: "Drafts/a.md") })
        #expect(error.damagedObjectFile == "objects/\(blob.hex.prefix(2))/\(blob.hex.dropFirst(2))")
        #expect(error.message == "damaged object file objects/\(blob.hex.prefix(2))/\(blob.hex.dropFirst(2)): it is truncated or its zlib data is damaged (\(try Data(contentsOf: file(blob.objectID, in: repository)).count) bytes)")
        #expect(error.isObjectDatabase)
    }

    @Test func aTruncatedCommitDeepInHistoryEndsTheWalk() throws {
        // The history walk reads commits inside libgit2 (git_revwalk): the guard is under it.
        let scratch = try ScratchDirectory()
        let (repository, commits) = try makeRepository(scratch)
        try truncate(file(commits[0].objectID, in: repository))
        let error = try #require(damage { _ = try repository.history(from: commits[2]) })
        #expect(error.damagedObjectFile == "objects/\(commits[0].hex.prefix(2))/\(commits[0].hex.dropFirst(2))")
        // The commits after it still read.
        #expect(try repository.commit(commits[2]).message == "Commit 3\n")
    }

    @Test func aTruncatedSubfolderIsReportedWhenAPathIsLookedUp() throws {
        // git_tree_entry_bypath reads the subfolder's tree inside libgit2.
        let scratch = try ScratchDirectory()
        let (repository, commits) = try makeRepository(scratch)
        let tree = try repository.commit(commits[2]).tree
        let folder = try #require(try repository.entry(in: tree, path: "Drafts")?.treeID)
        try truncate(file(folder.objectID, in: repository))
        let error = try #require(damage { _ = try repository.entry(in: tree, path: "Drafts/a.md") })
        #expect(error.damagedObjectFile == "objects/\(folder.hex.prefix(2))/\(folder.hex.dropFirst(2))")
    }

    @Test func aBitFlipOrAWrongSizeIsDamageToo() throws {
        let scratch = try ScratchDirectory()
        let (repository, commits) = try makeRepository(scratch)
        let url = file(commits[2].objectID, in: repository)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 2] ^= 0x10
        try bytes.write(to: url)
        #expect(damage { _ = try repository.commit(commits[2]) }?.damagedObjectFile != nil)
        // An empty file, and a folder where the file should be.
        let second = file(commits[1].objectID, in: repository)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: second.path)
        try Data().write(to: second)
        #expect(damage { _ = try repository.commit(commits[1]) }?.message.hasSuffix("it is not a zlib stream (0 bytes)") == true)
        let first = file(commits[0].objectID, in: repository)
        try FileManager.default.removeItem(at: first)
        try FileManager.default.createDirectory(at: first, withIntermediateDirectories: false)
        #expect(damage { _ = try repository.commit(commits[0]) }?.message.hasSuffix("it is not a regular file") == true)
    }

    @Test func goodLooseAndPackedObjectsReadAsBefore() throws {
        let scratch = try ScratchDirectory()
        let (repository, commits) = try makeRepository(scratch)
        #expect(try repository.history(from: commits[2]).map(\.summary) == ["Commit 3", "Commit 2", "Commit 1"])
        #expect(try git(["repack", "-a", "-d", "-q"], in: scratch.url).status == 0)
        #expect(try git(["prune-packed"], in: scratch.url).status == 0)
        let reopened = try Repository.open(at: scratch.url)
        #expect(try reopened.file(in: reopened.commit(commits[1]).tree, path: "Drafts/a.md") == Data("Paragraph 2\n".utf8))
        #expect(try reopened.history(from: commits[2]).count == 3)
    }
}
