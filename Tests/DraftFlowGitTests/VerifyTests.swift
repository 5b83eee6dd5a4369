import DraftFlow
import DraftFlowGit
import Foundation
import GitCore
import GitPack
import Testing
import TestSupport

@Suite struct VerifyTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!
    let draft = "# Input\n\n## 1 Introduction\n\n1.1 The Council welcomes the invitation.\n\n1.2 Connectivity remains a challenge.\n"

    func date(_ text: String) throws -> Date { try Deadline.parseInstant(text, timeZone: zone) }

    /// draft-1 published, CAN's comments and edited copy recorded, then draft-2 published (holding them).
    func makeVerifiedWorkspace(_ folder: URL) throws -> GitWorkspaceStore {
        let change = try WorkspaceSetup.initialChange(title: "Input", documentName: "input.md", document: Data(draft.utf8), timezone: "Europe/Zurich",
                                                secretariat: Secretariat(name: "Secretariat", email: "s@example.org"), now: try date("2020-02-07T17:00:00+01:00"))
        let store = try GitWorkspaceStore.create(at: folder, first: change)
        let setUp = DraftingContext(store: store, now: try date("2020-02-14T10:00:00+01:00"))
        try Membership(setUp).add(code: "CAN", name: "Canada", email: nil)
        _ = try Publishing(setUp).publish(label: "draft-1", note: nil)
        _ = try Rounds(setUp).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: "draft-1")
        _ = try Submissions(DraftingContext(store: store, now: try date("2020-02-20T10:00:00+01:00"))).record(
            member: "CAN", file: .init(name: "can.md", data: Data("We support the draft.\n".utf8)),
            proposal: .init(name: "can-draft.md", data: Data(draft.replacingOccurrences(of: "welcomes", with: "warmly welcomes").utf8)),
            received: nil, late: false, roundName: nil)
        _ = try Publishing(DraftingContext(store: store, now: try date("2020-03-05T10:00:00+01:00"))).publish(label: "draft-2", note: nil)
        return store
    }

    /// A commit on the branch writing `writes`, tagged `label`, as someone editing history would.
    func commitAndTag(_ store: GitWorkspaceStore, _ label: String, writes: [String: Data], at time: String) throws {
        let person = Person(name: "Someone", email: "someone@example.org", time: try date(time), timeZone: zone)
        try store.commit { _ in
            WorkspaceChange(writes: writes, author: person, committer: person, message: "Edit\n",
                            tag: VersionTag(label: label, message: label, tagger: person))
        }
    }

    func blobID(_ folder: URL, _ revision: String) throws -> ObjectID {
        try #require(ObjectID(hex: gitOutput(["rev-parse", revision], in: folder).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// The loose object file of `id`, writable. DraftFlow writes single commits as loose objects
    /// and intakes as packs: when the object is packed, the packs are unpacked first, so the file
    /// always exists.
    func looseObjectFile(_ id: ObjectID, in store: GitWorkspaceStore) throws -> URL {
        if !store.repository.isLooseObject(id) { try unpackObjects(inGitDirectory: store.repository.gitDirectory) }
        let file = store.repository.looseObjectURL(id)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        return file
    }

    /// Verifies on the guarded thread, failing (not hanging) the test when it does not finish.
    func verifyGuarded(_ folder: URL, _ version: String?) throws -> VerificationReport? {
        let outcome = try WorkspaceVerifier.verify(containing: folder, version: version, timeout: 20)
        guard case .finished(let report) = outcome else {
            Issue.record("verification did not finish within 20 s")
            return nil
        }
        return report
    }

    @Test func aGoodWorkspaceVerifies() throws {
        let scratch = try ScratchDirectory("store", create: false)
        _ = try makeVerifiedWorkspace(scratch.url)
        let report = try #require(try verifyGuarded(scratch.url, nil))
        #expect(report.ok, "\(report.checks.flatMap(\.problems))")
        #expect(report.version == "draft-2")
        #expect(report.checks.map(\.name) == ["version-text", "comment-files", "history", "head", "submissions-kept", "foreign-commits", "signatures"])
        #expect(report.checks[1].details.contains { $0.contains("1 submission record, 2 original files compared") })
        #expect(report.checks[2].details.contains { $0.contains("version draft-1") && $0.contains("is in this history") })
        // An older version verifies too.
        let first = try WorkspaceVerifier.verify(containing: scratch.url, version: "draft-1")
        #expect(first.ok)
        let tagged = try gitOutput(["rev-parse", "draft-1^{commit}"], in: scratch.url).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(first.commit == tagged)
    }

    @Test func anAlteredCommentFileIsReported() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeVerifiedWorkspace(scratch.url)
        try commitAndTag(store, "tampered", writes: ["Comments/draft-1/CAN/submission-1.md": Data("We oppose the draft.\n".utf8)],
                         at: "2020-03-06T10:00:00+01:00")
        let report = try #require(try verifyGuarded(scratch.url, nil))
        #expect(report.version == "tampered")
        #expect(!report.ok)
        let comments = try #require(report.checks.first { $0.name == WorkspaceVerifier.commentFilesCheck })
        #expect(!comments.ok)
        #expect(comments.problems.count == 1)
        #expect(comments.problems.first?.contains("Comments/draft-1/CAN/submission-1.md") == true)
        #expect(comments.problems.first?.contains("Comments/draft-1/CAN/submission-1.json") == true)
        // The objects themselves are sound: only the record's promise is broken.
        let others = report.checks.filter {
            ![WorkspaceVerifier.commentFilesCheck, WorkspaceVerifier.submissionsKeptCheck, WorkspaceVerifier.foreignCommitsCheck].contains($0.name)
        }
        #expect(others.allSatisfy { $0.ok })
        // The version before the edit is intact itself, but the rewrite at the tip is found from it too.
        let before = try WorkspaceVerifier.verify(containing: scratch.url, version: "draft-2")
        #expect(before.checks.prefix(4).allSatisfy { $0.ok })
        let kept = try #require(before.checks.first { $0.name == WorkspaceVerifier.submissionsKeptCheck })
        #expect(kept.problems.count == 1)
        #expect(kept.problems.first?.hasPrefix("Comments/draft-1/CAN/submission-1.md is not what was received") == true)
    }

    @Test func aRecordNamingAMissingFileIsReported() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeVerifiedWorkspace(scratch.url)
        try store.commit { _ in
            let person = Person(name: "Someone", email: "someone@example.org", time: try date("2020-03-07T10:00:00+01:00"), timeZone: zone)
            return WorkspaceChange(removals: ["Comments/draft-1/CAN/submission-1.proposal.md"], author: person, committer: person, message: "Drop\n",
                                   tag: VersionTag(label: "dropped", message: "dropped", tagger: person))
        }
        let report = try WorkspaceVerifier.verify(containing: scratch.url, version: "dropped")
        let comments = try #require(report.checks.first { $0.name == WorkspaceVerifier.commentFilesCheck })
        #expect(comments.problems.contains { $0.contains("submission-1.proposal.md") && $0.contains("not in this version") })
    }

    @Test func aCorruptedLooseObjectIsReportedNotCrashed() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeVerifiedWorkspace(scratch.url)
        let blob = try blobID(scratch.url, "draft-1:Drafts/input.md")
        // Everything packed first, as `git gc` leaves a workspace: the object is unpacked to be damaged.
        _ = try gitOutput(["repack", "-a", "-d", "-q"], in: scratch.url)
        _ = try gitOutput(["prune-packed"], in: scratch.url)
        #expect(!store.repository.isLooseObject(blob))
        let file = try looseObjectFile(blob, in: store)
        try Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }).write(to: file)
        let report = try #require(try verifyGuarded(scratch.url, "draft-1"))
        #expect(!report.ok)
        #expect(report.checks[0].problems.contains { $0.contains(blob.hex) && $0.contains("Drafts/input.md") })
        #expect(report.checks[2].problems.contains { $0.contains(blob.hex) })
    }

    @Test func aTruncatedLooseObjectIsFoundBeforeLibgit2ReadsIt() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeVerifiedWorkspace(scratch.url)
        let blob = try blobID(scratch.url, "draft-1:Drafts/input.md")
        let file = try looseObjectFile(blob, in: store)
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 2).write(to: file)
        // The default path inflates loose objects itself, so libgit2 never loops on this one.
        let report = try #require(try verifyGuarded(scratch.url, nil))
        #expect(!report.ok)
        #expect(report.checks[2].problems.contains { $0.contains(blob.hex) && $0.contains("truncated") })
    }

    @Test func aDamagedObjectFoundThroughLibgit2IsReported() throws {
        // A loose object whose zlib data is valid but holds other content: libgit2's read or the
        // re-hash must catch it even without the check outside libgit2.
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeVerifiedWorkspace(scratch.url)
        let blob = try blobID(scratch.url, "draft-1:Drafts/input.md")
        let other = try blobID(scratch.url, "draft-2:Comments/draft-1/CAN/submission-1.md")
        let file = try looseObjectFile(blob, in: store)
        let source = try looseObjectFile(other, in: store)
        try Data(contentsOf: source).write(to: file)
        let outcome = try WorkspaceVerifier.verify(containing: scratch.url, version: "draft-1", timeout: 20, inflateLooseObjectsFirst: false)
        guard case .finished(let report) = outcome else {
            Issue.record("verification did not finish")
            return
        }
        #expect(!report.ok)
        #expect(report.checks[0].problems.contains { $0.contains(blob.hex) })
        // With the check outside libgit2 the same damage is named as a hash mismatch.
        let checked = try WorkspaceVerifier.verify(containing: scratch.url, version: "draft-1")
        #expect(checked.checks[0].problems.contains { $0.contains("hashes to \(other.hex)") })
    }

    @Test func nothingToVerifyIsAnError() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let change = try WorkspaceSetup.initialChange(title: "Input", documentName: "input.md", document: Data(draft.utf8), timezone: "Europe/Zurich",
                                                secretariat: Secretariat(name: "Secretariat", email: "s@example.org"), now: try date("2020-02-07T17:00:00+01:00"))
        _ = try GitWorkspaceStore.create(at: scratch.url, first: change)
        #expect(throws: DraftFlowError(.workspace, "no version has been published in this workspace, so there is nothing to verify",
                                       fix: "publish one with `draftflow publish LABEL`")) {
            try WorkspaceVerifier.verify(containing: scratch.url, version: nil)
        }
        do {
            _ = try WorkspaceVerifier.verify(containing: scratch.url, version: "draft-9")
            Issue.record("an unknown version must be refused")
        } catch let error as DraftFlowError {
            #expect(error.kind == .invalidInput)
        }
    }

    @Test func rawObjectsReadAndReHash() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeVerifiedWorkspace(scratch.url)
        let repository = store.repository
        let tagID = try #require(try repository.resolve("refs/tags/draft-1"))
        let tag = try repository.verifiedObject(tagID)
        #expect(tag.kind == .tag)
        let header = try tag.tagHeader()
        #expect(header.name == "draft-1")
        #expect(header.targetType == "commit")
        #expect(header.taggerTime == (try date("2020-02-14T10:00:00+01:00")))
        let commit = try repository.verifiedObject(header.target).commitHeader()
        let entries = try repository.verifiedObject(commit.tree.objectID).treeEntries()
        #expect(entries.map(\.name) == ["Comments", "Drafts", "Workflow.md"])
        #expect(entries.map(\.kind) == [.tree, .tree, .blob])
        let blob = try repository.verifiedObject(try #require(entries.last).id)
        #expect(ObjectID(hashing: blob.data, as: .blob) == blob.id)
        #expect(throws: GitError.self) { try repository.verifiedObject(ObjectID(hex: String(repeating: "1", count: 40))!) }
    }
}
