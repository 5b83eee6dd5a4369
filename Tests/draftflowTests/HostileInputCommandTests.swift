import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The tool as a hostile or careless sender would feed it: links out of the intake folder, FIFOs
/// that would hang a reader, terminal escapes in texts, a damaged object, the same intake twice.
/// Every run has a time limit, so that a regression fails instead of hanging the suite.
@Suite struct HostileInputCommandTests {
    /// Runs the tool as `CLI.run` does, killing it after `seconds`: nil when it had to be killed.
    func bounded(_ cli: CLI, _ arguments: [String], now: String, seconds: Double = 20) throws -> CLI.Result? {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = cli.folder
        var environment = ProcessInfo.processInfo.environment
        environment["DRAFTFLOW_NOW"] = now
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let output = Collected(), error = Collected()
        let readers = DispatchGroup()
        for (pipe, into) in [(out, output), (err, error)] {
            readers.enter()
            DispatchQueue.global().async {
                into.set(pipe.fileHandleForReading.readDataToEndOfFile())
                readers.leave()
            }
        }
        try process.run()
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        readers.wait()
        return CLI.Result(status: process.terminationStatus, output: output.text, error: error.text)
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ new: Data) { lock.lock(); data = new; lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }

    func head(_ cli: CLI) throws -> String {
        try git(["rev-parse", "HEAD"], in: cli.folder).output
    }

    func fifo(_ scratch: ScratchDirectory, _ name: String) throws -> URL {
        let url = scratch.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(url.path, 0o600) == 0)
        return url
    }

    @Test func aLinkInTheIntakeFolderIsRefusedBeforeAnythingIsRead() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        try scratch.write("inbox/USA.md", "Fine.\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("inbox/CAN.md").path, withDestinationPath: "/etc/passwd")
        let before = try head(cli)
        let inbox = scratch.url.appendingPathComponent("inbox").path
        let result = try #require(try bounded(cli, ["intake", inbox], now: "2020-02-28T13:00:00+01:00"))
        #expect(result.status == 2)
        #expect(result.error == """
            error: CAN.md in \(inbox) is a symbolic link: an intake reads only the files in its folder, never through a link
              fix: replace the link with a copy of the file it points to (cp --remove-destination "$(readlink -f LINK)" LINK), or remove it

            """)
        #expect(try head(cli) == before)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
    }

    @Test func aFIFOIsRefusedAtOnceWhereverItIsNamed() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let before = try head(cli)
        try scratch.write("inbox/USA.md", "Fine.\n")
        _ = try fifo(scratch, "inbox/CAN.md")
        let inbox = scratch.url.appendingPathComponent("inbox").path
        let intake = try #require(try bounded(cli, ["intake", inbox], now: "2020-02-28T13:00:00+01:00"), "intake hung on a FIFO")
        #expect(intake.status == 2)
        #expect(intake.error == """
            error: CAN.md in \(inbox) is a FIFO (named pipe), not a regular file: reading it could wait forever or read something else
              fix: remove it from the folder, and put the submission there as a file

            """)
        let pipe = try fifo(scratch, "pipe.md")
        let comment = try #require(try bounded(cli, ["comment", "CAN", pipe.path], now: "2020-02-28T13:00:00+01:00"), "comment hung on a FIFO")
        #expect(comment.status == 2)
        #expect(comment.error == """
            error: the comment file \(pipe.path) is a FIFO (named pipe), not a regular file: reading it could wait forever or read something else
              fix: save what it holds to a file and name that file (to read a pipe, use /dev/stdin)

            """)
        let comments = try scratch.write("can.md", "Fine.\n")
        let proposal = try #require(try bounded(cli, ["comment", "CAN", comments.path, "--proposal", pipe.path], now: "2020-02-28T13:00:00+01:00"),
                                    "--proposal hung on a FIFO")
        #expect(proposal.status == 2)
        #expect(proposal.error.hasPrefix("error: the proposal \(pipe.path) is a FIFO (named pipe), not a regular file"))
        let members = try #require(try bounded(cli, ["member", "import", pipe.path], now: "2020-02-28T13:00:00+01:00"), "member import hung on a FIFO")
        #expect(members.status == 2)
        #expect(members.error.hasPrefix("error: the member list \(pipe.path) is a FIFO (named pipe), not a regular file"))
        let document = try #require(try bounded(cli, ["publish", "draft-2", "--file", pipe.path], now: "2020-02-28T13:00:00+01:00"), "publish hung on a FIFO")
        #expect(document.status == 2)
        #expect(document.error.hasPrefix("error: the document \(pipe.path) is a FIFO (named pipe), not a regular file"))
        #expect(try head(cli) == before)
    }

    @Test func aLinkNamedAsAFileIsRefused() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let before = try head(cli)
        let real = try scratch.write("real.md", "Fine.\n")
        let link = scratch.url.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        let result = try #require(try bounded(cli, ["comment", "CAN", link.path], now: "2020-02-28T13:00:00+01:00"))
        #expect(result.status == 2)
        #expect(result.error == """
            error: the comment file \(link.path) is a symbolic link: DraftFlow reads only files themselves, never through a link
              fix: copy the file the link points to in its place (cp --remove-destination "$(readlink -f LINK)" LINK), or name that file

            """)
        let init_ = try #require(try bounded(cli, ["init", scratch.url.appendingPathComponent("other").path, "--title", "T", "--document", link.path],
                                             now: "2020-02-28T13:00:00+01:00"))
        #expect(init_.status == 2)
        #expect(init_.error.hasPrefix("error: the document \(link.path) is a symbolic link"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("other").path))
        // The file itself, and a pipe on standard input, are read.
        #expect(try cli.run(["comment", "CAN", real.path], now: "2020-02-28T13:00:00+01:00").status == 0)
        #expect(try head(cli) != before)
    }

    @Test func terminalEscapesInTextsArePrintedEscaped() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let hostile = try scratch.write("can.md", "## 1.1\nRed \u{1B}[31malert\u{1B}[0m and \u{202E}reversed.\n")
        #expect(try cli.run(["comment", "CAN", hostile.path], now: "2020-02-28T13:00:00+01:00").status == 0)
        let table = try cli.run(["dispositions"], now: "2020-02-28T13:10:00+01:00")
        #expect(table.status == 0, "\(table.error)")
        #expect(table.output.contains("Red \\u{1B}\\[31malert\\u{1B}\\[0m and \\u{202E}reversed."))
        #expect(!table.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        // JSON stays JSON: the characters are escaped as JSON escapes them.
        let json = try cli.run(["dispositions", "--format", "json"], now: "2020-02-28T13:10:00+01:00")
        #expect(!json.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        let rows = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [Any]
        #expect(rows != nil)
        #expect(json.output.contains("\\u202E"))
        // A title committed by hand with an escape sequence: status shows it escaped.
        let workflow = cli.folder.appendingPathComponent("Workflow.md")
        let lines = try String(contentsOf: workflow, encoding: .utf8).components(separatedBy: "\n")
            .map { $0.hasPrefix("title: ") ? "title: \"\\e]0;pwned\\aCouncil input to the 2020 HLPF\"" : $0 }
        try lines.joined(separator: "\n").write(to: workflow, atomically: true, encoding: .utf8)
        #expect(try git(["commit", "-qam", "Retitle"], in: cli.folder).status == 0)
        let status = try cli.run(["status"], now: "2020-02-28T13:20:00+01:00")
        #expect(status.status == 0, "\(status.error)")
        #expect(status.output.hasPrefix("\\u{1B}]0;pwned\\u{7}Council input to the 2020 HLPF\n"))
    }

    @Test func aDamagedObjectIsRefusedNotWrittenOver() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let id = try git(["rev-parse", "HEAD:Workflow.md"], in: cli.folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let object = cli.folder.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
        #expect(FileManager.default.fileExists(atPath: object.path))
        // The same object with one byte changed, compressed again: it reads, but it is not what was committed.
        let content = try git(["cat-file", "blob", id], in: cli.folder).output.replacingOccurrences(of: "Canada", with: "Canadb")
        let damaged = try scratch.write("damaged", content)
        let hashed = try git(["hash-object", "-w", damaged.path], in: cli.folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let source = cli.folder.appendingPathComponent(".git/objects/\(hashed.prefix(2))/\(hashed.dropFirst(2))")
        try FileManager.default.removeItem(at: object)
        try FileManager.default.copyItem(at: source, to: object)
        let before = try head(cli)
        let result = try #require(try bounded(cli, ["member", "add", "FRA", "--name", "France"], now: "2020-02-28T13:00:00+01:00"))
        #expect(result.status == 6)
        #expect(result.error == """
            error: the stored Workflow.md is damaged: its bytes do not hash to its object id \(id) (commit \(before.prefix(7)))
              fix: run `draftflow verify` and `git fsck --full` to see what is damaged, then restore the object from a clone or a backup of the repository

            """)
        #expect(try head(cli) == before)
    }

    /// Replaces the loose object of `path` at HEAD with `content` hashed under its id; returns the id.
    func damage(_ path: String, to content: String, in cli: CLI, scratch: ScratchDirectory) throws -> String {
        let id = try git(["rev-parse", "HEAD:\(path)"], in: cli.folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let object = cli.folder.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
        #expect(FileManager.default.fileExists(atPath: object.path), "\(path) is not a loose object")
        let damaged = try scratch.write("damaged-\(id)", content)
        let hashed = try git(["hash-object", "-w", damaged.path], in: cli.folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: object)
        try FileManager.default.copyItem(at: cli.folder.appendingPathComponent(".git/objects/\(hashed.prefix(2))/\(hashed.dropFirst(2))"), to: object)
        return id
    }

    @Test func aDamagedEditedCopyStopsTheMerge() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let comments = try scratch.write("can.md", "## 2.2\nSharper.\n")
        let copy = try scratch.write("copy.md", sampleDraft.replacingOccurrences(of: "a challenge", with: "a major challenge"))
        #expect(try cli.run(["comment", "CAN", comments.path, "--proposal", copy.path], now: "2020-02-28T13:00:00+01:00").status == 0)
        let path = "Comments/draft-1/CAN/submission-1.proposal.md"
        let id = try damage(path, to: sampleDraft.replacingOccurrences(of: "a challenge", with: "no challenge"), in: cli, scratch: scratch)
        let before = try head(cli)
        let result = try #require(try bounded(cli, ["merge"], now: "2020-03-03T09:00:00+01:00"))
        #expect(result.status == 6)
        #expect(result.error == """
            error: the stored \(path) is damaged: its bytes do not hash to its object id \(id) (commit \(before.prefix(7)))
              fix: run `draftflow verify` and `git fsck --full` to see what is damaged, then restore the object from a clone or a backup of the repository

            """)
        #expect(try head(cli) == before)
    }

    @Test func aRerunIntakeRecordsOnlyWhatIsMissingAndAnOlderSubmissionWarns() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        try scratch.write("inbox/CAN.md", "Fine.\n")
        let inbox = scratch.url.appendingPathComponent("inbox").path
        #expect(try cli.run(["intake", inbox], now: "2020-02-28T13:00:00+01:00").status == 0)
        try scratch.write("inbox/USA.md", "Also fine.\n")
        let again = try cli.run(["intake", inbox], now: "2020-02-28T14:00:00+01:00")
        #expect(again.status == 0)
        #expect(again.error == "note: CAN's submission is recorded already, byte for byte (submission 1 in round draft-1): skipped\n")
        // The summary, then the receipt of what was recorded.
        #expect(again.output == """
            Recorded 1 submission (1 comment, 0 edited copies) in round draft-1
              Receipt draft-1/USA/1
                Member: United States (USA)
                Round: draft-1 (on draft-1)
                Submission: 1
                Received: 2020-02-28T14:00:00+01:00 (Europe/Zurich)
                Received (UTC): 2020-02-28T13:00:00Z
                On time: yes
                Commit: \(try gitOutput(["rev-parse", "HEAD"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines))
                SHA-256 of original: \(try fileSHA256(scratch.url.appendingPathComponent("inbox/USA.md")))  USA.md (11 bytes)
                USA-1  general  general

            """)
        let third = try cli.run(["intake", inbox], now: "2020-02-28T15:00:00+01:00")
        #expect(third.output == "Recorded nothing: all 2 submissions are recorded already\n")
        let older = try scratch.write("older.md", "Older.\n")
        let late = try cli.run(["comment", "CAN", older.path, "--received", "2020-02-27T09:00:00+01:00"], now: "2020-02-28T16:00:00+01:00")
        #expect(late.status == 0)
        #expect(late.error == "warning: CAN's submission 2 was received 27 February 2020, 09:00:00 CET (Europe/Zurich), before its submission 1 "
                + "(received 28 February 2020, 13:00:00 CET (Europe/Zurich)): it is recorded, but submission 1 stays the one that counts (status, merge and dispositions use it)\n")
        let status = try cli.run(["status", "--json"], now: "2020-02-28T16:10:00+01:00")
        let report = try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any]
        let canada = (report?["members"] as? [[String: Any]])?.first { $0["code"] as? String == "CAN" }
        #expect(canada?["received"] as? String == "2020-02-28T13:00:00+01:00")
        #expect(canada?["submissions"] as? Int == 2)
    }
}
