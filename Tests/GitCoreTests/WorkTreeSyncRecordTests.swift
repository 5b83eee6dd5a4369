import TestSupport
import Foundation
import GitCore
import Testing

/// `syncWorkTree` compares only the paths that differ between two trees when the index is the one
/// the last sync wrote (`IndexSyncRecord`). These tests run the same generated histories, with the
/// same edits by a person in between, in two repositories: one syncs as a command does, the other
/// with the record removed before every sync, so that it compares every path of the tree and the
/// index. Both must end with the same report, the same index and the same work tree.
@Suite struct WorkTreeSyncRecordTests {
    let geneva = TimeZone(identifier: "Europe/Zurich")!

    func signature(at seconds: TimeInterval) -> Signature {
        Signature(name: "S", email: "s@example.org", time: Date(timeIntervalSince1970: seconds), timeZone: geneva)
    }

    /// A commit of `tree` on `parent` (at second `at`), which `main` moves to.
    func commit(_ repository: Repository, _ tree: TreeID, on parent: CommitID?, at seconds: TimeInterval) throws -> CommitID {
        let commit = try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], author: signature(at: seconds),
                                                 committer: signature(at: seconds), message: "\(Int(seconds))\n")
        _ = try repository.updateReference("refs/heads/main", to: commit, expected: parent, message: "\(Int(seconds))")
        return commit
    }

    /// A small deterministic generator (xorshift), so that a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
    }

    static let paths = ["Workflow.md", "Drafts/d.md", "Drafts/e.md", "Comments/r1/CAN/submission-1.md",
                        "Comments/r1/CAN/submission-1.proposal.md", "Comments/r1/USA/submission-1.md",
                        "Comments/r1/merge.json", "Comments/r2/CAN/submission-1.md", "Comments/r2/index.json",
                        "Comments/r2/deep/er/file.md"]

    /// The index as `git ls-files --stage` shows it: mode, blob and stage of every path.
    func stagedIndex(_ folder: URL) throws -> String {
        try git(["ls-files", "--stage"], in: folder).output
    }

    /// Every file of the work tree (but .git) with its content.
    func workTree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            if relative == ".git" { enumerator?.skipDescendants(); continue }
            if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
                files[relative] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// What a person does between two commits, the same in both repositories.
    enum PersonEdit {
        case edit(String, String)
        case remove(String)
        case stage(String, String)
    }

    func apply(_ edit: PersonEdit, in folder: URL) throws {
        switch edit {
        case .edit(let path, let text):
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        case .remove(let path):
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(path))
        case .stage(let path, let text):
            try apply(.edit(path, text), in: folder)
            _ = try git(["add", path], in: folder)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func theRecordedIndexGivesWhatComparingEveryPathGives(seed: UInt64) throws {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15 &* seed)
        let fast = try ScratchDirectory(), full = try ScratchDirectory()
        let repositories = [try Repository.create(at: fast.url), try Repository.create(at: full.url)]
        var tips: [CommitID?] = [nil, nil]
        var trees: [TreeID?] = [nil, nil]
        var recordUsed = 0
        for step in 0..<40 {
            // The same commit in both: a few files written or removed.
            var updates: [(String, String?)] = []
            for _ in 0..<(1 + generator.next(4)) {
                let path = Self.paths[generator.next(Self.paths.count)]
                updates.append((path, generator.next(5) == 0 ? nil : "step \(step) \(generator.next(3))\n"))
            }
            // Sometimes a person edits, removes or stages a file first.
            var edits: [PersonEdit] = []
            if generator.next(3) == 0 {
                let path = Self.paths[generator.next(Self.paths.count)]
                switch generator.next(3) {
                case 0: edits.append(.edit(path, "person \(step)\n"))
                case 1: edits.append(.remove(path))
                default: edits.append(.stage(path, "staged \(step)\n"))
                }
            }
            var reports: [WorkTreeSync] = []
            for (side, repository) in repositories.enumerated() {
                for edit in edits { try apply(edit, in: repository.workTree!) }
                var tree = trees[side]
                for (path, text) in updates {
                    let existing = try tree.map { try repository.allFiles(in: $0).map(\.path) } ?? []
                    if let text {
                        tree = try repository.updateTree(tree, [.upsert(path: path, blob: try repository.createBlob(Data(text.utf8)))])
                    } else if existing.contains(path) {
                        tree = try repository.updateTree(tree, [.remove(path: path)])
                    }
                }
                let commit = try repository.createCommit(tree: try tree ?? repository.emptyTree(), parents: tips[side].map { [$0] } ?? [],
                                                         author: signature(at: Double(step)), committer: signature(at: Double(step)),
                                                         message: "step \(step)\n")
                _ = try repository.updateReference("refs/heads/main", to: commit, expected: tips[side], message: "step")
                tips[side] = commit
                trees[side] = tree
                let record = IndexSyncRecord.path(repository.gitDirectory)
                if side == 1 {
                    unlink(record)
                } else if FileManager.default.fileExists(atPath: record), edits.allSatisfy({ if case .stage = $0 { false } else { true } }) {
                    recordUsed += 1
                }
                reports.append(try repository.withWorkTreeLock { try repository.syncWorkTree(to: commit) })
            }
            #expect(tips[0] == tips[1], "step \(step)")
            #expect(reports[0] == reports[1], "step \(step)")
            #expect(try stagedIndex(fast.url) == stagedIndex(full.url), "step \(step)")
            #expect(try workTree(fast.url) == workTree(full.url), "step \(step)")
        }
        // Most syncs took the record's way (the others followed a `git add`).
        #expect(recordUsed >= 20)
    }

    /// New files the caller hands over (`known`) are written on every core, then indexed in order:
    /// the same report, index and work tree as reading each blob back, one at a time.
    @Test func newFilesHandedOverGiveWhatReadingTheBlobsGives() throws {
        let handed = try ScratchDirectory(), read = try ScratchDirectory()
        var reports: [WorkTreeSync] = []
        for scratch in [handed, read] {
            let repository = try Repository.create(at: scratch.url)
            let first = try repository.createBlob(Data("first\n".utf8))
            let tree1 = try repository.updateTree(nil, [.upsert(path: "Workflow.md", blob: first)])
            let c1 = try commit(repository, tree1, on: nil, at: 1)
            try repository.withWorkTreeLock { _ = try repository.syncWorkTree(to: c1) }
            // 300 new files in 60 folders; a person has put a file of their own where one goes,
            // and another where the commit puts the same bytes.
            var files: [String: Data] = [:]
            for member in 0..<60 {
                for number in 0..<5 { files["Comments/r1/M\(member)/submission-\(number).md"] = Data(String(repeating: "member \(member) \(number)\n", count: 1 + member * 50).utf8) }
            }
            for folder in ["Comments/r1/M7", "Comments/r1/M9"] {
                try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            try Data("a person's own\n".utf8).write(to: scratch.url.appendingPathComponent("Comments/r1/M7/submission-2.md"))
            try files["Comments/r1/M9/submission-4.md"]!.write(to: scratch.url.appendingPathComponent("Comments/r1/M9/submission-4.md"))
            var known: [String: (id: BlobID, data: Data)] = [:]
            var tree = tree1
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let id = try repository.createBlob(data)
                known[path] = (id, data)
                tree = try repository.updateTree(tree, [.upsert(path: path, blob: id)])
            }
            let c2 = try commit(repository, tree, on: c1, at: 2)
            reports.append(try repository.withWorkTreeLock { try repository.syncWorkTree(to: c2, known: scratch === handed ? known : [:]) })
        }
        #expect(reports[0] == reports[1])
        #expect(reports[0].updated.count == 299)
        #expect(reports[0].keptLocalEdits == ["Comments/r1/M7/submission-2.md"])
        #expect(try stagedIndex(handed.url) == stagedIndex(read.url))
        #expect(try workTree(handed.url) == workTree(read.url))
        #expect(try git(["status", "--porcelain"], in: handed.url).output == " M Comments/r1/M7/submission-2.md\n")
    }

    @Test func anIndexWrittenByGitIsComparedPathForPath() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        let one = try repository.createBlob(Data("one\n".utf8)), two = try repository.createBlob(Data("two\n".utf8))
        let tree1 = try repository.updateTree(nil, [.upsert(path: "Drafts/d.md", blob: one), .upsert(path: "Workflow.md", blob: one)])
        let c1 = try commit(repository, tree1, on: nil, at: 1)
        try repository.withWorkTreeLock { _ = try repository.syncWorkTree(to: c1) }
        #expect(IndexSyncRecord.read(repository.gitDirectory) != nil)

        // git removes a file from the index only: the record names another index now. The next
        // commit does not touch that file, and the sync puts its entry back as the commit has it.
        _ = try git(["rm", "--cached", "-q", "Workflow.md"], in: scratch.url)
        let tree2 = try repository.updateTree(tree1, [.upsert(path: "Drafts/d.md", blob: two)])
        let c2 = try commit(repository, tree2, on: c1, at: 2)
        let sync = try repository.withWorkTreeLock { try repository.syncWorkTree(to: c2) }
        #expect(sync.updated == ["Drafts/d.md", "Workflow.md"])
        #expect(sync.keptLocalEdits.isEmpty)
        #expect(try git(["status", "--porcelain"], in: scratch.url).output == "")
        #expect(IndexSyncRecord.read(repository.gitDirectory)?.tree == tree2)
    }

    @Test func aDamagedOrForeignRecordIsNotUsed() throws {
        let scratch = try ScratchDirectory()
        let repository = try Repository.create(at: scratch.url)
        let one = try repository.createBlob(Data("one\n".utf8))
        let tree = try repository.updateTree(nil, [.upsert(path: "Workflow.md", blob: one)])
        let tip = try commit(repository, tree, on: nil, at: 1)
        try repository.withWorkTreeLock { _ = try repository.syncWorkTree(to: tip) }
        let path = IndexSyncRecord.path(repository.gitDirectory)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(good.count == 82)

        // Truncated, or with a letter that is no hexadecimal digit: not read.
        try good.prefix(60).write(to: URL(fileURLWithPath: path))
        #expect(IndexSyncRecord.read(repository.gitDirectory) == nil)
        var bad = good
        bad[3] = UInt8(ascii: "z")
        try bad.write(to: URL(fileURLWithPath: path))
        #expect(IndexSyncRecord.read(repository.gitDirectory) == nil)
        // A link to a good record, and a FIFO: neither is opened as the record.
        try good.write(to: scratch.url.appendingPathComponent("elsewhere"))
        unlink(path)
        #expect(symlink(scratch.url.appendingPathComponent("elsewhere").path, path) == 0)
        #expect(IndexSyncRecord.read(repository.gitDirectory) == nil)
        unlink(path)
        #expect(mkfifo(path, 0o644) == 0)
        #expect(IndexSyncRecord.read(repository.gitDirectory) == nil)
        // The next sync writes a good one in place of the FIFO.
        try repository.withWorkTreeLock { _ = try repository.syncWorkTree(to: tip) }
        #expect(IndexSyncRecord.read(repository.gitDirectory)?.tree == tree)
    }
}
