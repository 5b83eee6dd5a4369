import DraftFlow
import DraftFlowGit
import Foundation
import Testing
import TestSupport

@Suite struct GitWorkspaceStoreTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!

    func date(_ text: String) throws -> Date { try Deadline.parseInstant(text, timeZone: zone) }

    func makeWorkspace(_ folder: URL) throws -> GitWorkspaceStore { try outlineWorkspace(at: folder) }

    @Test func aWriterThatLosesTheRaceRebuildsOnTheNewTip() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let first = try makeWorkspace(scratch.url)
        let second = try GitWorkspaceStore.open(containing: scratch.url)
        let now = try date("2020-02-08T10:00:00+01:00")
        var attempts = 0
        try first.commit { snapshot in
            attempts += 1
            if attempts == 1 {
                // Another process registers a member between our read and our write.
                try Membership(DraftingContext(store: second, now: now)).add(code: "USA", name: "United States", email: nil)
            }
            var workflow = try WorkflowFile.parse(try snapshot.file("Workflow.md")!)
            workflow.members.append(Member(code: "CAN", name: "Canada"))
            let person = Person(name: "Secretariat", email: "s@example.org", time: now, timeZone: zone)
            return WorkspaceChange(writes: ["Workflow.md": try WorkflowFile.render(workflow)], author: person, committer: person, message: "Register CAN\n")
        }
        #expect(attempts == 2)
        let members = try DraftingContext(store: first, now: now).workflow().members.map(\.code)
        #expect(members == ["USA", "CAN"])
        #expect(try gitOutput(["rev-list", "--count", "HEAD"], in: scratch.url) == "3\n")
        #expect(try gitOutput(["status", "--porcelain"], in: scratch.url) == "")
    }

    @Test func roundsOpenOneAtATimeAndCloseEarly() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeWorkspace(scratch.url)
        let publishing = DraftingContext(store: store, now: try date("2020-02-14T10:00:00+01:00"))
        _ = try Publishing(publishing).publish(label: "draft-1", note: nil)
        let round = try Rounds(publishing).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: nil)
        #expect(round.name == "draft-1-comments")
        #expect(InstantFormat.iso(round.closes, in: zone) == "2020-03-01T23:59:59+01:00")
        #expect(throws: DraftFlowError.self) { try Rounds(publishing).open(on: "draft-1", closes: "2020-03-05", kind: .silence, name: nil) }
        #expect(throws: DraftFlowError.self) { try Rounds(publishing).open(on: "draft-9", closes: "2020-03-05", kind: .comments, name: "x") }

        let later = DraftingContext(store: store, now: try date("2020-02-20T12:00:00+01:00"))
        let closed = try Rounds(later).close()
        #expect(closed.closedEarly == (try date("2020-02-20T12:00:00+01:00")))
        #expect(try Reports(later).status().round?.open == false)
        #expect(throws: DraftFlowError.self) { try Rounds(later).close() }
        // A silence procedure can follow once nothing is open.
        let silence = try Rounds(later).open(on: "draft-1", closes: "2020-02-25", kind: .silence, name: nil)
        #expect(silence.kind == .silence)
        #expect(try Reports(later).status().round?.silence == .kept)
    }

    @Test func aRoundWhoseCloseHasPassedIsClosedWithoutACommand() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeWorkspace(scratch.url)
        let opening = DraftingContext(store: store, now: try date("2020-02-14T10:00:00+01:00"))
        _ = try Publishing(opening).publish(label: "draft-1", note: nil)
        _ = try Rounds(opening).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: "draft-1")
        let lastSecond = try Reports(DraftingContext(store: store, now: try date("2020-03-01T23:59:59+01:00"))).status()
        #expect(lastSecond.round?.open == true)
        let after = try Reports(DraftingContext(store: store, now: try date("2020-03-02T00:00:00+01:00"))).status()
        #expect(after.round?.open == false)
        #expect(after.round?.closesAtUTC == "2020-03-01T22:59:59Z")
    }
}

@Suite struct GitWorkspaceStoreErrorTests {
    @Test func aWorkspaceWithADetachedHeadIsRefusedWithTheStorageMessage() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let person = Person(name: "Secretariat", email: "s@example.org", time: Date(timeIntervalSince1970: 1_581_091_200),
                            timeZone: TimeZone(identifier: "Europe/Zurich")!)
        let store = try GitWorkspaceStore.create(at: scratch.url, first: WorkspaceChange(
            writes: ["Workflow.md": Data("# Input\n".utf8)], author: person, committer: person, message: "Create\n"))
        let head = try #require(try store.snapshot().commitID)
        _ = try gitOutput(["update-ref", "--no-deref", "HEAD", head], in: scratch.url)
        #expect(throws: DraftFlowError(.storage, "cannot open the workspace at \(scratch.url.standardizedFileURL.path): HEAD is detached: it names a commit, not the branch DraftFlow writes",
                                       fix: "put HEAD back on the workspace's branch, e.g. `git switch main` (`git branch` lists the branches)")) {
            try GitWorkspaceStore.open(containing: scratch.url)
        }
    }
}
