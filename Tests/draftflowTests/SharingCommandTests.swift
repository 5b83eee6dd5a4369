import Foundation
import Testing
import TestSupport

/// The workspace shared through a real `git daemon` on loopback: members' clones submit, the
/// secretariat collects, two officers push at once, a push dies with the server.
@Suite struct SharingCommandTests {
    /// A round workspace pushed to a fresh bare repository `ws.git` served by `daemon`.
    func sharedWorkspace(_ scratch: ScratchDirectory, _ daemon: GitDaemon) throws -> (CLI, String) {
        let cli = try makeRoundWorkspace(scratch)
        let url = try daemon.createRepository("ws.git")
        let added = try cli.run(["remote", "add", "origin", url])
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output == "Added remote origin: \(url)\n")
        let pushed = try cli.run(["push"])
        #expect(pushed.status == 0, "\(pushed.error)")
        #expect(pushed.output == "Pushed to origin: main at \(try head(cli.folder).prefix(7)), versions sent: draft-1\n")
        return (cli, url)
    }

    func head(_ folder: URL, _ name: String = "HEAD") throws -> String {
        try gitOutput(["rev-parse", name], in: folder).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The members `status --json` shows as received, run at `now` in `cli`'s workspace.
    func received(_ cli: CLI, at now: String) throws -> [String] {
        let status = try cli.run(["status", "--json"], now: now)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
        let members = try #require(json["members"] as? [[String: Any]])
        return members.filter { $0["state"] as? String == "received" }.compactMap { $0["code"] as? String }
    }

    func expectFsckClean(_ folder: URL) throws {
        let fsck = try git(["fsck", "--strict"], in: folder)
        #expect(fsck.status == 0, "\(fsck.output)")
    }

    @Test func aMemberSubmitsThroughItsCloneAndTheSecretariatCollects() throws {
        let scratch = try ScratchDirectory()
        let daemon = try GitDaemon()
        defer { daemon.kill() }
        let (cli, url) = try sharedWorkspace(scratch, daemon)
        let cloned = try CLI.run(["clone", url, "can", "--member", "CAN"], now: "2020-02-20T09:00:00+01:00", in: scratch.url)
        #expect(cloned.status == 0, "\(cloned.error)")
        #expect(cloned.output == """
            Cloned Council input to the 2020 HLPF into can for Canada (CAN)
            Send a submission with: draftflow submit FILE [--proposal FILE]   (in can)

            """)
        let clone = CLI(folder: scratch.url.appendingPathComponent("can"), now: "2020-02-27T17:42:00+01:00")
        try scratch.write("canada.md", "## 2.2 (technical)\nSharper.\nProposed change: 2.2 Connectivity remains a major challenge.\n")
        let sent = try clone.run(["submit", scratch.url.appendingPathComponent("canada.md").path])
        #expect(sent.status == 0, "\(sent.error)")
        let branch = try gitOutput(["rev-parse", "refs/heads/submissions/draft-1/CAN"], in: daemon.path("ws.git")).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(sent.output == """
            Sent CAN's submission for round draft-1 on refs/heads/submissions/draft-1/CAN (commit \(branch.prefix(7)))
            The secretariat records it when it collects; it is received then, not before.

            """)
        // The member's clone never pushes main.
        #expect(try clone.run(["push"]).status == 3)

        let collected = try cli.run(["collect", "--json"], now: "2020-02-28T09:00:00+01:00")
        #expect(collected.status == 0, "\(collected.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(collected.output.utf8)) as? [String: Any])
        let items = try #require(json["collected"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["member"] as? String == "CAN")
        #expect(items.first?["comments"] as? [String] == ["CAN-1"])
        #expect(items.first?["deleted"] as? Bool == true)
        #expect((json["refused"] as? [Any])?.isEmpty == true)
        // Authored by the member, received at the collect, sent when the member committed.
        #expect(try gitOutput(["log", "-1", "--format=%an|%aI|%cn|%s"], in: cli.folder)
            == "Canada|2020-02-28T09:00:00+01:00|Secretariat|Comments of Canada (CAN) on draft-1: 1 comment\n")
        let record = try gitOutput(["show", "HEAD:Comments/draft-1/CAN/submission-1.json"], in: cli.folder)
        #expect(record.contains("\"received\" : \"2020-02-28T09:00:00+01:00\""))
        #expect(record.contains("\"sent\" : \"2020-02-27T17:42:00+01:00\""))
        #expect(try gitOutput(["show", "HEAD:Comments/draft-1/CAN/submission-1.md"], in: cli.folder).hasPrefix("## 2.2 (technical)"))
        // Main is on the host, the collected branch is gone from it.
        #expect(try head(daemon.path("ws.git"), "refs/heads/main") == head(cli.folder))
        #expect(try gitOutput(["for-each-ref", "refs/heads/submissions"], in: daemon.path("ws.git")) == "")
        try expectFsckClean(cli.folder)
        try expectFsckClean(daemon.path("ws.git"))

        // Run again (from cron): nothing new, nothing recorded twice.
        let before = try head(cli.folder)
        let again = try cli.run(["collect"], now: "2020-02-28T10:00:00+01:00")
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output == "No submission waiting on origin\n")
        #expect(try head(cli.folder) == before)
        // A collect killed after recording, before deleting the branch: the next one finds the
        // branch recorded already, records nothing and deletes it.
        #expect(try git(["update-ref", "refs/heads/submissions/draft-1/CAN", branch], in: daemon.path("ws.git")).status == 0)
        let finished = try cli.run(["collect"], now: "2020-02-28T10:30:00+01:00")
        #expect(finished.status == 0, "\(finished.error)")
        #expect(finished.output == """
            Collected 0 submissions from origin
              CAN: recorded already (submission 1), not recorded again
            Pushed to origin: main at \(before.prefix(7))

            """)
        #expect(try head(cli.folder) == before)
        #expect(try gitOutput(["for-each-ref", "refs/heads/submissions"], in: daemon.path("ws.git")) == "")

        // The member pulls and sees its submission recorded.
        let pulled = try clone.run(["pull"], now: "2020-02-28T11:00:00+01:00")
        #expect(pulled.status == 0, "\(pulled.error)")
        #expect(pulled.output.hasPrefix("Pulled from origin: fast-forwarded main "))
        #expect(try received(clone, at: "2020-02-28T11:00:00+01:00") == ["CAN"])
    }

    /// Pushes a commit made with plain git on `reference`, adding or changing `files`.
    func pushCrafted(_ reference: String, _ files: [String: Data], from plain: URL) throws {
        #expect(try git(["checkout", "-q", "-B", "crafted", "origin/main"], in: plain).status == 0)
        for (path, data) in files {
            let file = plain.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
            #expect(try git(["add", path], in: plain).status == 0)
        }
        #expect(try git(["commit", "-q", "-m", "crafted"], in: plain).status == 0)
        let pushed = try git(["push", "-q", "origin", "HEAD:" + reference], in: plain)
        #expect(pushed.status == 0, "\(pushed.output)")
    }

    @Test func collectRefusesMalformedSubmissionBranchesAndLeavesMainAsItWas() throws {
        let scratch = try ScratchDirectory()
        let daemon = try GitDaemon()
        defer { daemon.kill() }
        let (cli, url) = try sharedWorkspace(scratch, daemon)
        #expect(try cli.run(["member", "add", "FRA", "--name", "France"]).status == 0)
        #expect(try cli.run(["push"]).status == 0)
        let plain = scratch.url.appendingPathComponent("plain")
        #expect(try git(["clone", "-q", url, plain.path], in: scratch.url).status == 0)
        let text = Data("## general\nFine.\n".utf8)
        try pushCrafted("refs/heads/submissions/draft-1/CAN", ["Comments/draft-1/CAN/sent/CAN.md": Data([0x23, 0x20, 0xC3, 0x28, 0x0A])], from: plain)
        try pushCrafted("refs/heads/submissions/draft-1/CHN", ["Comments/draft-1/CAN/sent/CAN.md": text], from: plain)
        try pushCrafted("refs/heads/submissions/draft-1/FRA", ["Comments/draft-1/FRA/sent/FRA.md": Data(repeating: 0x41, count: 11 * 1024 * 1024)], from: plain)
        try pushCrafted("refs/heads/submissions/draft-1/USA", ["Comments/draft-1/USA/sent/USA.md": text, "Drafts/outline.md": Data("# Mine\n".utf8)], from: plain)
        try pushCrafted("refs/heads/submissions/draft-1/XYZ", ["Comments/draft-1/XYZ/sent/XYZ.md": text], from: plain)
        try pushCrafted("refs/heads/submissions/draft-1/can", ["Comments/draft-1/can/sent/can.md": text], from: plain)
        let before = try head(cli.folder)
        let expected = """
            Collected 0 submissions from origin; refused 6
              refused refs/heads/submissions/draft-1/CAN: Comments/draft-1/CAN/sent/CAN.md is not valid UTF-8 text
              refused refs/heads/submissions/draft-1/CHN: it touches Comments/draft-1/CAN/sent/CAN.md, outside CHN's own submission folder Comments/draft-1/CHN/sent/
              refused refs/heads/submissions/draft-1/FRA: Comments/draft-1/FRA/sent/FRA.md is 11534336 bytes, over the limit of 10485760 bytes (10 MiB)
              refused refs/heads/submissions/draft-1/USA: it touches Drafts/outline.md, outside USA's own submission folder Comments/draft-1/USA/sent/
              refused refs/heads/submissions/draft-1/XYZ: XYZ is not a registered member
              refused refs/heads/submissions/draft-1/can: refs/heads/submissions/draft-1/can does not end in a member code: member code 'can' contains lowercase letters

            """
        for _ in 0..<2 {
            let collected = try cli.run(["collect"], now: "2020-02-28T09:00:00+01:00")
            #expect(collected.status == 3)
            #expect(collected.output == expected)
            #expect(try head(cli.folder) == before)
            #expect(try head(daemon.path("ws.git"), "refs/heads/main") == before)
            // Refused branches stay on the host for the secretariat to look at.
            #expect(try gitOutput(["for-each-ref", "--format=%(refname)", "refs/heads/submissions"], in: daemon.path("ws.git")).split(separator: "\n").count == 6)
        }
        try expectFsckClean(cli.folder)
    }

    @Test func twoOfficersPushAtOnceAndNothingIsLost() throws {
        let scratch = try ScratchDirectory()
        let daemon = try GitDaemon()
        defer { daemon.kill() }
        let (first, url) = try sharedWorkspace(scratch, daemon)
        let cloned = try CLI.run(["clone", url, "second"], now: first.now, in: scratch.url)
        #expect(cloned.status == 0, "\(cloned.error)")
        let second = CLI(folder: scratch.url.appendingPathComponent("second"), now: first.now)
        try scratch.write("can.md", "## 1.1\nWelcome.\n")
        try scratch.write("usa.md", "## 2.1\nAgreed.\n")
        try scratch.write("chn.md", "## 2.2\nNoted.\n")
        #expect(try first.run(["comment", "CAN", scratch.url.appendingPathComponent("can.md").path], now: "2020-02-27T10:00:00+01:00").status == 0)
        #expect(try first.run(["comment", "CHN", scratch.url.appendingPathComponent("chn.md").path], now: "2020-02-27T10:05:00+01:00").status == 0)
        #expect(try second.run(["comment", "USA", scratch.url.appendingPathComponent("usa.md").path], now: "2020-02-27T10:01:00+01:00").status == 0)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let officer = index == 0 ? first : second
            results.set(index, Result { try officer.run(["push", "--json"]) })
        }
        var actions: [String] = []
        for index in 0..<2 {
            let result = try results.get(index).get()
            #expect(result.status == 0, "\(result.error)")
            let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            actions.append(report?["action"] as? String ?? "?")
        }
        // The one that pushed second replayed its commits on the other's.
        #expect(actions.sorted() == ["replayed", "up-to-date"])
        // Both officers pull: one history, every submission in it, no merge commit.
        #expect(try first.run(["pull"]).status == 0)
        #expect(try second.run(["pull"]).status == 0)
        let remote = daemon.path("ws.git")
        #expect(try head(first.folder) == head(remote, "refs/heads/main"))
        #expect(try head(second.folder) == head(remote, "refs/heads/main"))
        #expect(try gitOutput(["rev-list", "--merges", "main"], in: remote) == "")
        let subjects = try gitOutput(["log", "--format=%s", "-3", "main"], in: remote).split(separator: "\n").map(String.init).sorted()
        #expect(subjects == ["Comments of Canada (CAN) on draft-1: 1 comment", "Comments of China (CHN) on draft-1: 1 comment",
                             "Comments of United States (USA) on draft-1: 1 comment"])
        let index = try JSONSerialization.jsonObject(with: Data(try gitOutput(["show", "main:Comments/draft-1/index.json"], in: remote).utf8)) as? [String: Any]
        #expect((index?["members"] as? [String: Any])?.keys.sorted() == ["CAN", "CHN", "USA"])
        #expect(try received(first, at: "2020-02-28T10:00:00+01:00") == ["CAN", "USA", "CHN"])
        try expectFsckClean(remote)
        try expectFsckClean(first.folder)
        try expectFsckClean(second.folder)
        #expect(try git(["status", "--porcelain"], in: second.folder).output == "")
    }

    @Test func aPushCutByTheServerDyingLeavesBothSidesConsistentAndARerunCompletes() throws {
        let scratch = try ScratchDirectory()
        let daemon = try GitDaemon()
        defer { daemon.kill() }
        let (cli, _) = try sharedWorkspace(scratch, daemon)
        let remote = daemon.path("ws.git")
        let remoteBefore = try head(remote, "refs/heads/main")
        // A large submission (an edited copy of 8 MiB that does not compress) makes a push that lasts.
        var generator = SeededGenerator(seed: 15)
        let noise = (0..<(8 * 1024 * 1024 / 16)).map { _ in String(UInt64.random(in: 0...UInt64.max, using: &generator), radix: 36) }.joined(separator: " ")
        try scratch.write("can.md", "## general\nSee the edited copy.\n")
        try scratch.write("can.proposal.md", sampleDraft + "\n3.1 " + noise + "\n")
        let recorded = try cli.run(["comment", "CAN", scratch.url.appendingPathComponent("can.md").path,
                                    "--proposal", scratch.url.appendingPathComponent("can.proposal.md").path], now: "2020-02-27T10:00:00+01:00")
        #expect(recorded.status == 0, "\(recorded.error)")
        let local = try head(cli.folder)

        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["push"]
        process.currentDirectoryURL = cli.folder
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        var waited = 0
        while !daemon.isReceivingPush && process.isRunning && waited < 12_000 {
            usleep(5_000)
            waited += 1
        }
        // The server dies while it receives the push.
        #expect(daemon.isReceivingPush)
        daemon.kill()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 6, "\(message)")
        // The push fails as the server dies, or (when libgit2 saw the refusal of a cut connection
        // and fetched again to retry) its retry finds the server gone.
        let url = "git://127.0.0.1:\(daemon.port)/ws.git"
        #expect(message.hasPrefix("error: cannot push to origin (\(url)): ")
                || message.hasPrefix("error: cannot fetch from origin (\(url)): failed to connect to 127.0.0.1: Connection refused\n"), "\(message)")
        // Neither side lost or half-wrote anything.
        #expect(try head(remote, "refs/heads/main") == remoteBefore)
        #expect(try head(cli.folder) == local)
        try expectFsckClean(remote)
        try expectFsckClean(cli.folder)

        try daemon.start()
        let rerun = try cli.run(["push"])
        #expect(rerun.status == 0, "\(rerun.error)")
        #expect(try head(remote, "refs/heads/main") == local)
        try expectFsckClean(remote)
    }
}

/// Two results written from two threads.
private final class Results: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var values: [Int: Result<CLI.Result, any Error>] = [:]

    func set(_ index: Int, _ value: Result<CLI.Result, any Error>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> Result<CLI.Result, any Error> {
        lock.lock()
        defer { lock.unlock() }
        return values[index]!
    }
}

/// `draftflow demo --remote`: the same case, its submissions sent from members' clones of a bare
/// repository and collected.
@Suite struct RemoteDemoCommandTests {
    @Test func theRemoteDemoSendsCanadasWordCopyThroughItsCloneAndEndsWithTheHostUpToDate() throws {
        let scratch = try ScratchDirectory()
        let folder = scratch.url.appendingPathComponent("shared")
        let made = try CLI.run(["demo", "--remote", "--out", folder.path], now: nil, in: scratch.url)
        #expect(made.status == 0, "\(made.error)")
        #expect(made.output.contains("\nShared through: \(folder.path)-remote.git (members' clones in \(folder.path)-members)\n"))
        let host = scratch.url.appendingPathComponent("shared-remote.git")
        #expect(try gitOutput(["rev-parse", "main"], in: host) == gitOutput(["rev-parse", "HEAD"], in: folder))
        #expect(try gitOutput(["for-each-ref", "--format=%(refname)"], in: host) == "refs/heads/main\nrefs/tags/draft-1\nrefs/tags/final\nrefs/tags/final-draft\n")
        #expect(try git(["fsck", "--strict"], in: host).status == 0)
        // Canada's submission came through its clone: received when collected, sent when committed there.
        let record = try gitOutput(["show", "HEAD:Comments/draft-1/CAN/submission-1.json"], in: folder)
        #expect(record.contains("\"sent\" : \"2020-02-27T17:42:00+01:00\""))
        #expect(try gitOutput(["config", "draftflow.member"], in: scratch.url.appendingPathComponent("shared-members/CAN")) == "CAN\n")
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        #expect(try gitOutput(["rev-parse", "HEAD:Comments/draft-1/CAN/submission-1.docx"], in: folder)
                == gitOutput(["hash-object", example.appendingPathComponent("Comments/draft-1/CAN.docx").path], in: folder))
    }
}
