import DraftFlow
import DraftFlowGit
import Foundation
import GitCore
import GitPack
import Testing
import TestSupport

/// `verify` checks HEAD as well as the version, and orders versions tagged in the same second by
/// history (issue 11, items 2 and 19).
extension VerifyTests {
    /// A commit on the branch after the last version, as a recorded comment would be.
    func commitAfterVersion(_ store: GitWorkspaceStore, writes: [String: Data], at time: String) throws {
        let person = Person(name: "Someone", email: "someone@example.org", time: try date(time), timeZone: zone)
        try store.commit { _ in WorkspaceChange(writes: writes, author: person, committer: person, message: "Later\n") }
    }

    @Test func aDamagedObjectAfterTheVersionFailsTheHeadCheck() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeVerifiedWorkspace(scratch.url)
        try commitAfterVersion(store, writes: ["Comments/note.md": Data("A later note\n".utf8)], at: "2020-03-06T10:00:00+01:00")
        let blob = try blobID(scratch.url, "HEAD:Comments/note.md")
        try Data().write(to: try looseObjectFile(blob, in: store))

        let report = try #require(try verifyGuarded(scratch.url, nil))
        #expect(report.version == "draft-2")
        #expect(report.checks.map(\.name) == ["version-text", "comment-files", "history", "head", "submissions-kept", "foreign-commits", "signatures"])
        #expect(report.checks.prefix(3).allSatisfy { $0.ok }, "the version itself is intact")
        let head = report.checks[3]
        #expect(!head.ok)
        #expect(head.problems == ["the blob \(blob.hex) (Comments/note.md in commit \(try blobID(scratch.url, "HEAD").short)) is bad: "
                                  + "the loose object file objects/\(blob.hex.prefix(2))/\(blob.hex.dropFirst(2)) is damaged: it is truncated or is not zlib data (0 bytes)"])
        #expect(head.details.first == "HEAD: refs/heads/main at commit \(try blobID(scratch.url, "HEAD").hex)")
    }

    @Test func aGoodHeadAfterTheVersionHolds() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeVerifiedWorkspace(scratch.url)
        try commitAfterVersion(store, writes: ["Comments/note.md": Data("A later note\n".utf8)], at: "2020-03-06T10:00:00+01:00")
        let report = try #require(try verifyGuarded(scratch.url, "draft-1"))
        #expect(report.checks.filter { $0.name != WorkspaceVerifier.foreignCommitsCheck }.allSatisfy { $0.ok })
        #expect(report.checks[3].details.dropFirst() == ["4 commits after the version, 8 trees and 7 blobs read and re-hashed"])
        // The note was committed without DraftFlow: it is named, with the file it adds.
        #expect(report.checks.first { $0.name == WorkspaceVerifier.foreignCommitsCheck }?.problems == ["commit \(try blobID(scratch.url, "HEAD").short) (Later) was not made by DraftFlow and changes Comments/note.md"])
    }

    @Test func headOnAMissingBranchFailsTheHeadCheck() throws {
        let scratch = try ScratchDirectory("store", create: false)
        _ = try makeVerifiedWorkspace(scratch.url)
        try Data("ref: refs/heads/gone\n".utf8).write(to: scratch.url.appendingPathComponent(".git/HEAD"))
        let report = try #require(try verifyGuarded(scratch.url, "draft-2"))
        #expect(report.checks[3].problems == ["HEAD points to the branch refs/heads/gone, which does not exist"])
    }

    @Test func versionsTaggedInTheSameSecondAreOrderedByHistory() throws {
        // zeta is published first, alpha a moment later in the same second: by time and label
        // alpha would come first, and `verify zeta` would miss alpha in zeta's history.
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeVerifiedWorkspace(scratch.url)
        try commitAndTag(store, "zeta", writes: ["Drafts/input.md": Data((draft + "\n1.3 Zeta.\n").utf8)], at: "2020-03-06T10:00:00+01:00")
        try commitAndTag(store, "alpha", writes: ["Drafts/input.md": Data((draft + "\n1.3 Alpha.\n").utf8)], at: "2020-03-06T10:00:00+01:00")

        #expect(try store.versions().map(\.label) == ["draft-1", "draft-2", "zeta", "alpha"])
        let zeta = try #require(try verifyGuarded(scratch.url, "zeta"))
        #expect(zeta.ok, "\(zeta.checks.flatMap(\.problems))")
        let alpha = try #require(try verifyGuarded(scratch.url, "alpha"))
        #expect(alpha.ok, "\(alpha.checks.flatMap(\.problems))")
        #expect(alpha.checks[2].details.contains("version zeta (commit \(try blobID(scratch.url, "zeta^{commit}").short)) is in this history"))
        // The newest version is the one whose commit has the other's in its history.
        #expect(try #require(try verifyGuarded(scratch.url, nil)).version == "alpha")
    }
}
