import DraftFlow
@testable import DraftFlowGit
import Foundation
import GitCore
import Testing
import TestSupport

/// `log` reads the history's digests from `.git/draftflow/history-digests` where it can
/// (`KeptHistoryDigests`): whatever the history did since, they must be what walking it gives.
@Suite struct KeptHistoryDigestsTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!

    func makeWorkspace(_ folder: URL) throws -> GitWorkspaceStore { try outlineWorkspace(at: folder) }

    /// What walking the history gives, as `log` read it before the kept file.
    func walked(_ store: GitWorkspaceStore) throws -> [HistoryDigest] {
        try store.history().map(HistoryDigest.init)
    }

    func keptFile(_ store: GitWorkspaceStore) -> URL {
        store.repository.gitDirectory.appendingPathComponent("draftflow").appendingPathComponent("history-digests")
    }

    /// A message as commits may carry: DraftFlow's own, or anyone's, with hostile text.
    static func message(_ random: inout SeededGenerator) -> String {
        let pieces = ["Submit", "USA", "commentaire", "意见 4.2.2.3", "تعليق", "e\u{301}", "👩🏽‍⚖️", "\t", " ", ":", "a: b", "\r", "\r\n",
                      "DraftFlow-Round: x", "\u{3000}", "\u{200B}", "\u{FEFF}", "#"]
        func text(_ count: Int) -> String { (0..<count).map { _ in pieces[random.below(pieces.count)] }.joined() }
        var message = text(random.below(6))
        if random.below(3) == 0 { message += "\n" + text(random.below(4)) }
        if random.below(2) == 0 {
            message += "\n\n" + (0..<random.below(30)).map { _ in "- " + text(random.below(8)) }.joined(separator: "\n")
        }
        if random.below(5) != 0 {
            let keys = Trailer.allCases.shuffled(using: &random).prefix(random.below(Trailer.allCases.count + 1))
            let separator = random.below(8) == 0 ? "\r\n" : "\n"
            message += "\n\n" + keys.map { key in
                let value = random.below(4) == 0 ? text(random.below(5)) : ["draft-1", "2020-03-01T12:00:00+01:00", "CAN", "yes", "comments"][random.below(5)]
                return "\(key.rawValue):" + (random.below(3) == 0 ? "  " : " ") + value
            }.joined(separator: separator)
        }
        if random.below(4) == 0 { message += ["\n", "\n\n", " \n", "\r\n"][random.below(4)] }
        return message
    }

    /// A commit of the same tree as `parents[0]`, with the given message, at a random instant.
    @discardableResult
    static func commit(_ repository: Repository, parents: [CommitID], message: String, _ random: inout SeededGenerator) throws -> CommitID {
        let tree = try repository.commit(parents[0]).tree
        let when = Date(timeIntervalSince1970: TimeInterval(1_580_000_000 + random.below(100_000_000)))
        let person = Signature(name: "Secretariat", email: "s@example.org", time: when, offsetMinutes: [60, -300, 345, 0][random.below(4)])
        return try repository.createCommit(tree: tree, parents: parents, author: person, committer: person, message: message)
    }

    func move(_ store: GitWorkspaceStore, to commit: CommitID) throws {
        let current = try store.repository.resolveCommit(store.branch)
        #expect(try store.repository.updateReference(store.branch, to: commit, expected: current, message: "test"))
    }

    @Test func keptDigestsAreTheWalkedHistoryAsItGrowsIsResetAndMerges() throws {
        let scratch = try ScratchDirectory("kept-history", create: false)
        let store = try makeWorkspace(scratch.url)
        let repository = store.repository
        var random = SeededGenerator(seed: 2017)

        // No kept file: the history is walked, and kept.
        #expect(!FileManager.default.fileExists(atPath: keptFile(store).path))
        #expect(try store.historyDigests() == walked(store))
        #expect(FileManager.default.fileExists(atPath: keptFile(store).path))

        // The history grows a few commits at a time: each time only those are read.
        var tips: [CommitID] = []
        for _ in 0..<60 {
            for _ in 0..<(1 + random.below(4)) {
                let tip = try #require(try repository.resolveCommit(store.branch))
                try move(store, to: try Self.commit(repository, parents: [tip], message: Self.message(&random), &random))
            }
            tips.append(try #require(try repository.resolveCommit(store.branch)))
            #expect(try store.historyDigests() == walked(store))
            let kept = try #require(DerivedFile.read(keptFile(store), limit: KeptHistoryDigests.limit).flatMap(KeptHistoryDigests.init(encoded:)))
            #expect(kept.tip == tips.last!.hex)
            #expect(kept.linear)
        }

        // Set back to a commit inside the kept chain, then forward again past it.
        try move(store, to: tips[20])
        #expect(try store.historyDigests() == walked(store))
        try move(store, to: tips[59])
        #expect(try store.historyDigests() == walked(store))
        // Onto a side line that leaves the chain below the kept tip.
        try move(store, to: tips[30])
        _ = try store.historyDigests()
        try move(store, to: try Self.commit(repository, parents: [tips[25]], message: Self.message(&random), &random))
        #expect(try store.historyDigests() == walked(store))

        // A merge: the history is no longer one chain, and is walked from then on.
        let side = try #require(try repository.resolveCommit(store.branch))
        let merge = try Self.commit(repository, parents: [tips[59], side], message: "Merge\n\nDraftFlow-Event: other\n", &random)
        try move(store, to: merge)
        #expect(try store.historyDigests() == walked(store))
        let kept = try #require(DerivedFile.read(keptFile(store), limit: KeptHistoryDigests.limit).flatMap(KeptHistoryDigests.init(encoded:)))
        #expect(!kept.linear)
        for _ in 0..<5 {
            let tip = try #require(try repository.resolveCommit(store.branch))
            try move(store, to: try Self.commit(repository, parents: [tip], message: Self.message(&random), &random))
            #expect(try store.historyDigests() == walked(store))
        }
    }

    @Test func aKeptFileIsReadBackExactlyAndAnyDamageIsRefused() throws {
        var random = SeededGenerator(seed: 4242)
        for _ in 0..<200 {
            let digests = (0..<random.below(12)).map { _ in
                let message = Self.message(&random)
                let id = (0..<40).map { _ in String(random.below(16), radix: 16) }.joined()
                return HistoryDigest(id: id, authored: Date(timeIntervalSince1970: TimeInterval(random.below(4_000_000_000)) - 1_000_000_000),
                                     summary: HistoryDigest.summary(of: message), trailers: CommitTrailers.parse(message))
            }
            guard let tip = digests.first?.id else { continue }
            let kept = KeptHistoryDigests(tip: tip, linear: random.below(2) == 0, digests: digests)
            let bytes = try #require(kept.encoded())
            #expect(KeptHistoryDigests(encoded: bytes) == kept)
            // Every byte changed, and every shortening, is refused (the checksum, or the header).
            let at = random.below(bytes.count)
            var changed = bytes
            changed[at] ^= UInt8(1 << random.below(8))
            #expect(KeptHistoryDigests(encoded: changed) == nil)
            #expect(KeptHistoryDigests(encoded: bytes.prefix(random.below(bytes.count))) == nil)
            #expect(KeptHistoryDigests(encoded: bytes + Data("x".utf8)) == nil)
        }
        // An instant that is not whole seconds is not kept (git's always are).
        let digest = HistoryDigest(id: String(repeating: "a", count: 40), authored: Date(timeIntervalSince1970: 0.5), summary: "", trailers: [:])
        #expect(KeptHistoryDigests(tip: digest.id, linear: true, digests: [digest]).encoded() == nil)
    }

    @Test func aDamagedOrForeignKeptFileIsPassedOverAndReplaced() throws {
        let scratch = try ScratchDirectory("kept-history-damage", create: false)
        let store = try makeWorkspace(scratch.url)
        var random = SeededGenerator(seed: 99)
        for _ in 0..<12 {
            let tip = try #require(try store.repository.resolveCommit(store.branch))
            try move(store, to: try Self.commit(store.repository, parents: [tip], message: Self.message(&random), &random))
        }
        let expected = try walked(store)
        #expect(try store.historyDigests() == expected)
        let file = keptFile(store)
        let good = try Data(contentsOf: file)
        let other = scratch.url.appendingPathComponent("other")
        try good.write(to: other)

        let damages: [(String, () throws -> Void)] = [
            ("a byte changed", { var bytes = good; bytes[bytes.count / 2] ^= 0x20; try bytes.write(to: file) }),
            ("cut short", { try good.prefix(good.count / 3).write(to: file) }),
            ("empty", { try Data().write(to: file) }),
            ("not UTF-8", { try Data([0xFF, 0xFE, 0x0A, 0xC3]).write(to: file) }),
            ("a symbolic link", { try FileManager.default.removeItem(at: file); try FileManager.default.createSymbolicLink(at: file, withDestinationURL: other) }),
            ("a FIFO", { try FileManager.default.removeItem(at: file); #expect(mkfifo(file.path, 0o600) == 0) }),
            ("a folder", { try FileManager.default.removeItem(at: file); try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false) }),
        ]
        for (name, damage) in damages {
            try? FileManager.default.removeItem(at: file)
            try good.write(to: file)
            try damage()
            #expect(try store.historyDigests() == expected, "\(name)")
            if name != "a folder" {
                // Replaced by a good file of the same history.
                var info = stat()
                #expect(lstat(file.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG, "\(name)")
                #expect(try Data(contentsOf: file) == good, "\(name)")
            }
        }
    }
}
