import TestSupport
import Foundation
import GitCore
import Testing

/// A large blob libgit2 has just written is not inflated again when the tree and the index check
/// that it exists; a blob damaged since, or damaged before it was written again, still is, and is
/// reported as the guard reports any damaged loose object.
@Suite struct WholeLooseFilesTests {
    /// 200 KB of text that deflates poorly enough to give a file of some size.
    func largeText(_ seed: UInt64) -> Data {
        var random = SeededGenerator(seed, 64)
        let words = ["développement", "durable", "可持续", "发展", "التنمية", "المستدامة", "ring", "road"]
        var text = ""
        while text.utf8.count < 200_000 { text += words[random.below(words.count)] + (random.below(9) == 0 ? ".\n\n" : " ") }
        return Data(text.utf8)
    }

    func file(_ id: BlobID, in repository: Repository) -> URL { LooseObjectDamage.file(id.hex, in: repository) }
    func truncate(_ url: URL) throws { try LooseObjectDamage.truncate(url) }
    func gitError(of body: () throws -> Void) -> GitError? { LooseObjectDamage.gitError(of: body) }

    /// The blob cannot go in a tree (libgit2 checks it through the guard, which finds the damage,
    /// and says the object is invalid) and reading it names its file.
    func expectReportedAsDamaged(_ blob: BlobID, in repository: Repository) {
        let insertion = gitError { _ = try repository.updateTree(nil, [.upsert(path: "a.md", blob: blob)]) }
        #expect(insertion?.message == "failed to insert entry: invalid object specified - a.md")
        let reading = gitError { _ = try repository.blobData(blob) }
        #expect(reading?.damagedObjectFile == "objects/\(blob.hex.prefix(2))/\(blob.hex.dropFirst(2))")
    }

    @Test func aLargeBlobJustWrittenGoesInATreeAndReadsBack() throws {
        let scratch = try ScratchDirectory()
        _ = try Repository.create(at: scratch.url)
        let repository = try Repository.open(at: scratch.url)
        let data = largeText(1)
        let blob = try repository.createBlob(data)
        let tree = try repository.updateTree(nil, [.upsert(path: "Comments/r/merge-edits.json", blob: blob)])
        #expect(try repository.file(in: tree, path: "Comments/r/merge-edits.json") == data)
        #expect(try gitOutput(["cat-file", "-s", blob.hex], in: scratch.url) == "\(data.count)\n")
    }

    @Test func aLargeBlobTruncatedAfterItWasWrittenIsReported() throws {
        let scratch = try ScratchDirectory()
        _ = try Repository.create(at: scratch.url)
        let repository = try Repository.open(at: scratch.url)
        let blob = try repository.createBlob(largeText(2))
        try truncate(file(blob, in: repository))
        expectReportedAsDamaged(blob, in: repository)
    }

    @Test func aLargeBlobDamagedBeforeItWasWrittenAgainIsReported() throws {
        let scratch = try ScratchDirectory()
        _ = try Repository.create(at: scratch.url)
        var repository = try Repository.open(at: scratch.url)
        let data = largeText(3)
        let blob = try repository.createBlob(data)
        try truncate(file(blob, in: repository))
        // Another process writes the same content: libgit2 finds the (damaged) file there and keeps it.
        repository = try Repository.open(at: scratch.url)
        #expect(try repository.createBlob(data) == blob)
        expectReportedAsDamaged(blob, in: repository)
    }

    /// A blob this process read to its end is known whole: written again unchanged (as `dispose`
    /// writes the round's unchanged records) it goes in a tree; truncated after the read, it is
    /// reported.
    @Test func aBlobReadWholeGoesInATreeAndIsReportedWhenTruncatedSince() throws {
        let scratch = try ScratchDirectory()
        _ = try Repository.create(at: scratch.url)
        let data = largeText(4)
        let blob = try Repository.open(at: scratch.url).createBlob(data)
        // Another process reads it, writes it again and puts it in a tree.
        var repository = try Repository.open(at: scratch.url)
        #expect(try repository.blobData(blob) == data)
        #expect(try repository.createBlob(data) == blob)
        let tree = try repository.updateTree(nil, [.upsert(path: "Comments/r/merge-edits.json", blob: blob)])
        #expect(try repository.file(in: tree, path: "Comments/r/merge-edits.json") == data)
        // And another reads it, then finds the file truncated since.
        repository = try Repository.open(at: scratch.url)
        #expect(try repository.blobData(blob) == data)
        try truncate(file(blob, in: repository))
        expectReportedAsDamaged(blob, in: repository)
    }
}
