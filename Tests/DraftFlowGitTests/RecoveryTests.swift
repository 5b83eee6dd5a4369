import DraftFlow
import DraftFlowGit
import Foundation
import GitCore
import Testing
import TestSupport

/// Recovery at start-up and bounded waits: what a killed or a foreign writer left, and what the
/// next command does about it. The kills themselves are in draftflowTests/CrashRecoveryTests.
@Suite struct RecoveryTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!
    let draft = "## 1 Intro\n\n1.1 Text.\n"

    func person(_ time: TimeInterval) -> Person {
        Person(name: "Secretariat", email: "s@example.org", time: Date(timeIntervalSince1970: time), timeZone: zone)
    }

    func makeWorkspace(_ folder: URL) throws -> GitWorkspaceStore {
        let change = try WorkspaceSetup.initialChange(title: "Input", documentName: "outline.md", document: Data(draft.utf8),
                                                      timezone: "Europe/Zurich", secretariat: Secretariat(name: "Secretariat", email: "s@example.org"),
                                                      now: Date(timeIntervalSince1970: 1_581_091_200))
        return try GitWorkspaceStore.create(at: folder, first: change)
    }

    /// Commits `writes` on top of the tip as a killed writer would: objects written and the branch
    /// moved, the work tree and index left as they were, the journal saying what it was doing.
    func commitWithoutSync(_ folder: URL, _ writes: [String: String], step: WriteJournal.Step = .syncing,
                           tag: String? = nil) throws -> (from: CommitID, to: CommitID, pid: Int32) {
        let repository = try Repository.open(at: folder)
        let from = try #require(try repository.resolveCommit("refs/heads/main"))
        var updates: [TreeUpdate] = []
        for (path, text) in writes.sorted(by: { $0.key < $1.key }) {
            updates.append(.upsert(path: path, blob: try repository.createBlob(Data(text.utf8))))
        }
        let tree = try repository.updateTree(try repository.commit(from).tree, updates)
        let signature = Signature(name: "S", email: "s@example.org", time: Date(timeIntervalSince1970: 1_581_100_000), offsetMinutes: 60)
        let to = try repository.createCommit(tree: tree, parents: [from], author: signature, committer: signature, message: "Killed write\n")
        let tagObject = try tag.map { try repository.createTagObject($0, target: to, tagger: signature, message: "Version\n") }
        #expect(try repository.updateReference("refs/heads/main", to: to, expected: from, message: "killed"))
        let pid = try deadPid()
        let journal = WriteJournal(pid: pid, started: WriteJournal.nowMilliseconds() - 5_000, step: step, branch: "refs/heads/main",
                                   from: from.hex, to: to.hex, tag: tag.flatMap { name in tagObject.map { (name, $0.hex) } })
        try Data(journal.text.utf8).write(to: folder.appendingPathComponent(".git/draftflow.lock"))
        return (from, to, pid)
    }

    /// The pid of a process that has ended.
    func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func filesAKilledSyncDidNotReachAreNotTakenForEditsAndTheNextCommandFinishesTheSync() throws {
        let scratch = try ScratchDirectory("recovery", create: false)
        _ = try makeWorkspace(scratch.url)
        let killed = try commitWithoutSync(scratch.url, ["Drafts/outline.md": "## 1 Intro\n\n1.1 Merged text.\n"])
        // The work tree still holds the text before the killed write: the stale file issue 11 found.
        #expect(try text(scratch.url.appendingPathComponent("Drafts/outline.md")) == draft)

        let store = try GitWorkspaceStore.open(containing: scratch.url)
        #expect(try store.workTreeChanges(under: "Drafts").isEmpty)
        #expect(try text(scratch.url.appendingPathComponent("Drafts/outline.md")) == "## 1 Intro\n\n1.1 Merged text.\n")
        #expect(try gitOutput(["status", "--porcelain"], in: scratch.url) == "")
        #expect(StorageNotices.take().contains(
            "note: finished the write of an interrupted DraftFlow command (pid \(killed.pid), syncing): brought 1 file(s) of the work tree to \(killed.to.short)"))
        let journal = try #require(try Repository.open(at: scratch.url).currentWriteJournal())
        #expect(journal.step == .done)
        #expect(journal.from == killed.to.hex)
    }

    @Test func aPersonsEditMadeBeforeAKilledWriteIsKept() throws {
        let scratch = try ScratchDirectory("recovery", create: false)
        _ = try makeWorkspace(scratch.url)
        try Data("## 1 Intro\n\n1.1 My edit.\n".utf8).write(to: scratch.url.appendingPathComponent("Drafts/outline.md"))
        _ = try commitWithoutSync(scratch.url, ["Workflow.md": "changed\n"])
        let store = try GitWorkspaceStore.open(containing: scratch.url)
        #expect(try store.workTreeChanges(under: "Drafts") == ["Drafts/outline.md": Data("## 1 Intro\n\n1.1 My edit.\n".utf8)])
        #expect(try text(scratch.url.appendingPathComponent("Workflow.md")) == "changed\n")
    }

    @Test func theLocksAndTemporaryFilesAKilledWriteLeftAreRemovedAndItsTagCreated() throws {
        let scratch = try ScratchDirectory("recovery", create: false)
        _ = try makeWorkspace(scratch.url)
        let killed = try commitWithoutSync(scratch.url, ["Drafts/outline.md": "## 1 Intro\n\n1.1 Published.\n"], tag: "draft-1")
        let gitFolder = scratch.url.appendingPathComponent(".git")
        let leftovers = [
            gitFolder.appendingPathComponent("index.lock"),
            gitFolder.appendingPathComponent("objects/tmp_object_git2_a1b2c3"),
            gitFolder.appendingPathComponent("objects/pack/tmp_pack-0123.pack.\(killed.pid)"),
            scratch.url.appendingPathComponent("Drafts/.outline.md.draftflow-\(killed.pid)"),
            gitFolder.appendingPathComponent("draftflow/.index-synced.draftflow-\(killed.pid)"),
        ]
        for file in leftovers { try Data("cut sh".utf8).write(to: file) }

        let store = try GitWorkspaceStore.open(containing: scratch.url)
        for file in leftovers { #expect(!FileManager.default.fileExists(atPath: file.path), "\(file.path)") }
        #expect(try store.versions().map(\.label) == ["draft-1"])
        #expect(try store.versions().first?.commitID == killed.to.hex)
        #expect(try gitOutput(["status", "--porcelain"], in: scratch.url) == "")
        #expect(try git(["fsck", "--strict"], in: scratch.url).status == 0)
        #expect(StorageNotices.take().contains(
            "note: finished the write of an interrupted DraftFlow command (pid \(killed.pid), syncing): removed \(gitFolder.path)/index.lock; created the tag draft-1; brought 1 file(s) of the work tree to \(killed.to.short); removed 4 temporary file(s)"))
    }

    @Test func aBranchLockThatIsNotDraftFlowsIsNamedWithItsFixAndNothingIsWritten() throws {
        let scratch = try ScratchDirectory("recovery", create: false)
        let store = try makeWorkspace(scratch.url)
        let head = try #require(try store.snapshot().commitID)
        let lock = scratch.url.appendingPathComponent(".git/refs/heads/main.lock").path
        try Data().write(to: URL(fileURLWithPath: lock))
        #expect(throws: DraftFlowError(.storage, "\(lock) exists: another git command is writing the branch refs/heads/main, or one was stopped while writing it; nothing was written",
                                       fix: "if no git command is running, remove it: rm \(lock)")) {
            try Membership(DraftingContext(store: store, now: Date(timeIntervalSince1970: 1_581_100_000))).add(code: "CAN", name: "Canada", email: nil)
        }
        #expect(try store.snapshot().commitID == head)
        #expect(FileManager.default.fileExists(atPath: lock))
        // Readers are not stopped by it.
        #expect(try GitWorkspaceStore.open(containing: scratch.url).snapshot().commitID == head)
    }

    @Test func anIndexLockThatIsNotDraftFlowsStopsAWriteBeforeItCommits() throws {
        let scratch = try ScratchDirectory("recovery", create: false)
        let store = try makeWorkspace(scratch.url)
        let head = try #require(try store.snapshot().commitID)
        let lock = scratch.url.appendingPathComponent(".git/index.lock").path
        try Data().write(to: URL(fileURLWithPath: lock))
        #expect(throws: DraftFlowError(.storage, "\(lock) exists: another git command is writing the index, or one was stopped while writing it; nothing was written",
                                       fix: "if no git command is running, remove it: rm \(lock)")) {
            try Membership(DraftingContext(store: store, now: Date(timeIntervalSince1970: 1_581_100_000))).add(code: "CAN", name: "Canada", email: nil)
        }
        #expect(try store.snapshot().commitID == head)
    }

    @Test func aCorruptIndexIsRebuiltAndTheWriteLandsOnce() throws {
        let scratch = try ScratchDirectory("recovery", create: false)
        let store = try makeWorkspace(scratch.url)
        try Data("DIRC garbage".utf8).write(to: scratch.url.appendingPathComponent(".git/index"))
        try Membership(DraftingContext(store: store, now: Date(timeIntervalSince1970: 1_581_100_000))).add(code: "CAN", name: "Canada", email: nil)
        #expect(try gitOutput(["rev-list", "--count", "HEAD"], in: scratch.url) == "2\n")
        #expect(try gitOutput(["status", "--porcelain"], in: scratch.url) == "")
    }

    @Test func aWriteHeldUpByAnotherLiveCommandStopsNamingItsPidAndWritesNothing() throws {
        let scratch = try ScratchDirectory("recovery", create: false)
        let store = try makeWorkspace(scratch.url)
        let head = try #require(try store.snapshot().commitID)
        let lockFile = scratch.url.appendingPathComponent(".git/draftflow.lock")
        // Another process takes the lock and says what it is doing, as a DraftFlow writer does.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [lockFile.path, "sleep", "30"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        let journal = WriteJournal(pid: holder.processIdentifier, step: .committing, branch: "refs/heads/main", from: head)
        try Data(journal.text.utf8).write(to: lockFile)
        // Wait until it holds the lock.
        let repository = try Repository.open(at: scratch.url)
        while try repository.withWorkTreeLockIfFree({ _ in true }) == true { usleep(10_000) }

        store.lockWait = 0.3
        #expect(throws: DraftFlowError(.storage, "another DraftFlow command (pid \(holder.processIdentifier), committing) is writing to this workspace and has held \(lockFile.path) for 0.3 s; nothing was written",
                                       fix: "wait for it to finish and run this command again; if it does not finish, stop it with `kill \(holder.processIdentifier)`")) {
            try Membership(DraftingContext(store: store, now: Date(timeIntervalSince1970: 1_581_100_000))).add(code: "CAN", name: "Canada", email: nil)
        }
        #expect(try store.snapshot().commitID == head)
    }

    @Test func aSyncThatFailsAfterTheBranchMovedReportsTheCommitAsDoneWithAWarning() throws {
        let scratch = try ScratchDirectory("recovery", create: false)
        let store = try makeWorkspace(scratch.url)
        // A folder where the sync must write a file: the rename over it fails.
        let blocked = scratch.url.appendingPathComponent("Comments/x/file.md")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let commit = try store.commit { snapshot in
            WorkspaceChange(writes: ["Comments/x/file.md": Data("text\n".utf8)], author: person(1_581_100_000), committer: person(1_581_100_000), message: "Record\n")
        }
        let id = try #require(commit)
        #expect(try store.snapshot().commitID == id)
        let notices = StorageNotices.take()
        #expect(notices.contains(
            "warning: the commit \(id.prefix(7)) is recorded, but the work tree could not be brought up to date (write failed (-1): cannot write \(blocked.path): Is a directory); the next draftflow command finishes it: do not record this again"),
            "\(notices)")
        #expect(try Repository.open(at: scratch.url).currentWriteJournal()?.step == .syncing)
    }
}
