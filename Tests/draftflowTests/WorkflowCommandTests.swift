import Foundation
import Testing
import TestSupport

@Suite struct WorkflowCommandTests {
    @Test func initCreatesAnOrdinaryGitWorkspace() throws {
        let scratch = try ScratchDirectory()
        let draft = try scratch.write("outline.md", sampleDraft)
        let result = try CLI.run(["init", "ws", "--title", "Council input", "--document", draft.path], now: "2020-02-07T17:00:00+01:00", in: scratch.url)
        #expect(result.status == 0, "\(result.error)")
        let workspace = scratch.url.appendingPathComponent("ws")
        let workflow = try String(contentsOf: workspace.appendingPathComponent("Workflow.md"), encoding: .utf8)
        #expect(workflow.hasPrefix("---\ntitle: Council input\ndocument: Drafts/outline.md\ntimezone: Europe/Zurich\n"))
        #expect(try String(contentsOf: workspace.appendingPathComponent("Drafts/outline.md"), encoding: .utf8) == sampleDraft)
        #expect(try git(["status", "--porcelain"], in: workspace).output == "")
        #expect(try git(["fsck", "--strict"], in: workspace).status == 0)
        #expect(try git(["log", "--format=%s|%aI"], in: workspace).output == "Create drafting workspace: Council input|2020-02-07T17:00:00+01:00\n")

        // A folder that holds a workspace is refused, and left as it was.
        let again = try CLI.run(["init", "ws", "--title", "Other", "--document", draft.path], now: nil, in: scratch.url)
        #expect(again.status == 5)
        #expect(again.error.contains("holds a workspace"))
        #expect(try git(["rev-list", "--count", "HEAD"], in: workspace).output == "1\n")
    }

    @Test func initRefusesBadInputAndLeavesNothing() throws {
        let scratch = try ScratchDirectory()
        let draft = try scratch.write("outline.md", sampleDraft)
        let badZone = try CLI.run(["init", "ws", "--title", "T", "--document", draft.path, "--timezone", "Mars/Olympus"], now: nil, in: scratch.url)
        #expect(badZone.status == 2)
        #expect(badZone.error.contains("Mars/Olympus"))
        let binary = scratch.url.appendingPathComponent("bad.md")
        try Data([0x41, 0xff, 0xfe, 0x42]).write(to: binary)
        let badText = try CLI.run(["init", "ws", "--title", "T", "--document", binary.path], now: nil, in: scratch.url)
        #expect(badText.status == 2)
        #expect(badText.error.contains("UTF-8"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("ws").path))
    }

    @Test func membersPublishAndRoundsAreCommitsAndTags() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let list = try cli.run(["member", "list", "--json"])
        let members = try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]]
        #expect(members?.map { $0["code"] as? String } == ["CAN", "USA", "CHN"])

        #expect(try git(["tag", "-n9"], in: cli.folder).output.contains("draft-1         Council input to the 2020 HLPF, draft-1"))
        #expect(try git(["cat-file", "-t", "draft-1"], in: cli.folder).output == "tag\n")
        let subjects = try git(["log", "--reverse", "--format=%s"], in: cli.folder).output.split(separator: "\n")
        #expect(subjects == [
            "Create drafting workspace: Council input to the 2020 HLPF",
            "Register member CAN: Canada",
            "Register member USA: United States",
            "Register member CHN: China",
            "Publish draft-1 of Council input to the 2020 HLPF",
            "Open comment round draft-1 on draft-1, closing 1 March 2020, 23:59:59 CET (Europe/Zurich)",
        ])
        // A label is published once.
        let again = try cli.run(["publish", "draft-1"])
        #expect(again.status == 5)
        #expect(again.error.contains("draft-1 is published already"))
        // Duplicate members and lower-case codes are refused.
        #expect(try cli.run(["member", "add", "CAN", "--name", "Canada"]).status == 5)
        #expect(try cli.run(["member", "add", "can", "--name", "Canada"]).status == 2)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
    }

    @Test func publishCommitsTheSecretariatsEditsFirst() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let draftFile = cli.folder.appendingPathComponent("Drafts/outline.md")
        try Data(sampleDraft.replacingOccurrences(of: "remains a challenge", with: "remains the main challenge").utf8).write(to: draftFile)
        // Recording a comment meanwhile must not touch the unpublished edit.
        let comments = try scratch.write("can.md", "We support the text.\n")
        #expect(try cli.run(["comment", "CAN", comments.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try String(contentsOf: draftFile, encoding: .utf8).contains("the main challenge"))

        let published = try cli.run(["publish", "draft-2"], now: "2020-03-05T10:00:00+01:00")
        #expect(published.status == 0, "\(published.error)")
        #expect(published.output.contains("Committed edits to Drafts/outline.md"))
        #expect(try git(["show", "draft-2:Drafts/outline.md"], in: cli.folder).output.contains("the main challenge"))
        #expect(try git(["show", "draft-1:Drafts/outline.md"], in: cli.folder).output.contains("remains a challenge"))
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
    }

    @Test func hostileNamesAreRefused() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        for label in ["../x", "a/b", ".git", "x.lock", "", "a b", "-rf", "bad\u{1}name"] {
            let result = try cli.run(["publish", label])
            // "-rf" never reaches DraftFlow: the argument parser refuses it as an unknown option.
            #expect(result.status == (label == "-rf" ? 64 : 2), "label \(label) should be refused")
        }
        for code in ["../CAN", "CA/N", ".git", "", "C\u{0}N"] {
            #expect(try cli.run(["member", "add", code, "--name", "X"]).status == 2, "code \(code) should be refused")
        }
        #expect(try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-09", "--name", "../../etc"]).status != 0)
        #expect(try git(["tag"], in: cli.folder).output == "draft-1\n")
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
    }

    @Test func everyCommandHasHelp() throws {
        let scratch = try ScratchDirectory()
        for command in [[], ["init"], ["member"], ["member", "add"], ["member", "import"], ["member", "list"], ["publish"], ["round"], ["round", "open"],
                        ["round", "close"], ["comment"], ["status"], ["log"], ["demo"], ["merge"], ["collisions"], ["resolve"], ["dispose"], ["dispositions"], ["compile"], ["intake"], ["finalize"], ["redline"], ["export"], ["verify"]] {
            let result = try CLI.run(command + ["--help"], now: nil, in: scratch.url)
            #expect(result.status == 0, "\(command) --help")
            #expect(result.output.contains("USAGE"), "\(command) --help")
        }
    }

    @Test func outsideAWorkspaceTheErrorSaysWhatToDo() throws {
        let scratch = try ScratchDirectory()
        let result = try CLI.run(["status"], now: nil, in: scratch.url)
        #expect(result.status == 4)
        #expect(result.error.contains("no DraftFlow workspace"))
        #expect(result.error.contains("draftflow init"))
    }

    @Test func membersImportedFromCSVInOneCommit() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let before = try git(["rev-list", "--count", "HEAD"], in: cli.folder).output
        let bad = try scratch.write("bad.csv", "code,name,email\nFRA,France,\nDEU\n")
        let refused = try cli.run(["member", "import", bad.path])
        #expect(refused.status == 2)
        #expect(refused.error.contains("line 3"))
        let duplicate = try scratch.write("dup.csv", "CAN,Canada\n")
        #expect(try cli.run(["member", "import", duplicate.path]).status == 5)
        #expect(try git(["rev-list", "--count", "HEAD"], in: cli.folder).output == before)
        let good = try scratch.write("members.csv", "code,name,email\nFRA,France,fra@example.org\nDEU,Germany,\nBRA,Brazil\n")
        let imported = try cli.run(["member", "import", good.path])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output == "Registered 3 members: FRA, DEU, BRA\n")
        let list = try cli.run(["member", "list"]).output
        #expect(list.contains("DEU\tGermany\n"))
        #expect(list.contains("FRA\tFrance\t<fra@example.org>"))
        #expect(try git(["rev-list", "--count", "HEAD"], in: cli.folder).output == "\(Int(before.trimmingCharacters(in: .whitespacesAndNewlines))! + 1)\n")
    }
}
