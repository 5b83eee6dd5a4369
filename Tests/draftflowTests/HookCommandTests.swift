import Foundation
import Testing
import TestSupport

/// `draftflow hook`: the pre-receive hook in a shared bare repository, pushed to with the `git`
/// command over the local transport, which hands the hook the pusher's REMOTE_USER as a smart
/// HTTP server would (SmartHTTPHookTests does it through a real server).
@Suite struct HookCommandTests {
    let canRef = "refs/heads/submissions/draft-1/CAN"
    let own = "CAN may push only its own submissions, to refs/heads/submissions/<round>/CAN"

    func push(_ clone: URL, as user: String?, _ arguments: [String]) throws -> CLI.Result {
        try gitRun(["push", "origin"] + arguments, in: clone, environment: user.map { ["REMOTE_USER": $0] } ?? [:])
    }

    func reference(_ name: String, in bare: URL) throws -> String? {
        let result = try gitRun(["rev-parse", "--verify", "-q", name], in: bare)
        return result.status == 0 ? result.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    @Test func installWritesTheHookAndMapsTheUsers() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let bare = scratch.url.appendingPathComponent("shared.git")
        try gitRun(["clone", "-q", "--bare", cli.folder.path, bare.path], in: scratch.url)
        let installed = try cli.run(["hook", "install", bare.path, "--secretariat", "itu", "--member", "ottawa=CAN"])
        #expect(installed.status == 0, "\(installed.error)")
        let hook = bare.appendingPathComponent("hooks/pre-receive").path
        #expect(installed.output == """
            Installed \(hook) (runs \(CLI.executable.path))
              itu pushes as the secretariat
              ottawa pushes as CAN

            """)
        #expect(try String(contentsOfFile: hook, encoding: .utf8).hasSuffix("exec '\(CLI.executable.path)' hook pre-receive\n"))
        #expect(FileManager.default.isExecutableFile(atPath: hook))
        #expect(try gitRun(["config", "draftflow-user.ottawa.member"], in: bare).output == "CAN\n")
        #expect(try gitRun(["config", "draftflow-user.itu.member"], in: bare).output == "secretariat\n")

        // Someone else's hook is never overwritten; a work tree is not a shared repository.
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: URL(fileURLWithPath: hook))
        let foreign = try cli.run(["hook", "install", bare.path, "--member", "washington=USA"])
        #expect(foreign.status == 5)
        #expect(foreign.error.hasPrefix("error: \(hook) is a pre-receive hook DraftFlow did not write\n"))
        let workTree = try cli.run(["hook", "install", cli.folder.path])
        #expect(workTree.status == 2)
        #expect(workTree.error.hasPrefix("error: \(cli.folder.path) has a work tree; the hook belongs in the shared bare repository\n"))
    }

    @Test func aMemberPushesItsOwnSubmissionRef() throws {
        let scratch = try ScratchDirectory()
        let shared = try SharedWorkspace.make(scratch)
        let clone = try shared.memberClone(shared.bare.path, at: scratch.url.appendingPathComponent("can"), code: "CAN")
        let commit = try commitFile("Comments/draft-1/CAN/submission-1.md", "## general\nWe welcome the draft.\n", in: clone)
        let pushed = try push(clone, as: "ottawa", ["HEAD:" + canRef])
        #expect(pushed.status == 0, "\(pushed.error)")
        #expect(hookLines(pushed.error) == [])
        #expect(try reference(canRef, in: shared.bare) == commit)
        // A later submission on top of it, too.
        let second = try commitFile("Comments/draft-1/CAN/submission-2.md", "## 2.2\nMeaningful connectivity.\n", in: clone)
        #expect(try push(clone, as: "ottawa", ["HEAD:" + canRef]).status == 0)
        #expect(try reference(canRef, in: shared.bare) == second)
        #expect(try git(["fsck", "--strict"], in: shared.bare).status == 0)
    }

    @Test func aMemberCannotPushMainATagOrAnotherMembersRef() throws {
        let scratch = try ScratchDirectory()
        let shared = try SharedWorkspace.make(scratch)
        let main = try reference("refs/heads/main", in: shared.bare)
        let clone = try shared.memberClone(shared.bare.path, at: scratch.url.appendingPathComponent("can"), code: "CAN")
        try commitFile("Comments/draft-1/CAN/submission-1.md", "## general\nWe welcome the draft.\n", in: clone)

        let toMain = try push(clone, as: "ottawa", ["HEAD:refs/heads/main"])
        #expect(toMain.status != 0)
        #expect(hookLines(toMain.error) == ["remote: draftflow: refused refs/heads/main: only the secretariat pushes main; \(own)"])
        #expect(toMain.error.contains("! [remote rejected] HEAD -> main (pre-receive hook declined)"))
        #expect(try reference("refs/heads/main", in: shared.bare) == main)

        try gitRun(["tag", "-a", "draft-2", "-m", "Ours"], in: clone)
        let tag = try push(clone, as: "ottawa", ["refs/tags/draft-2"])
        #expect(hookLines(tag.error) == ["remote: draftflow: refused refs/tags/draft-2: only the secretariat pushes version tags; \(own)"])
        #expect(try reference("refs/tags/draft-2", in: shared.bare) == nil)

        let other = try push(clone, as: "ottawa", ["HEAD:refs/heads/submissions/draft-1/USA"])
        #expect(hookLines(other.error) == ["remote: draftflow: refused refs/heads/submissions/draft-1/USA is USA's submission; \(own)"])
        #expect(try reference("refs/heads/submissions/draft-1/USA", in: shared.bare) == nil)

        let branch = try push(clone, as: "ottawa", ["HEAD:refs/heads/mine"])
        #expect(hookLines(branch.error) == ["remote: draftflow: refused refs/heads/mine: \(own)"])
        let noRound = try push(clone, as: "ottawa", ["HEAD:refs/heads/submissions/draft-9/CAN"])
        #expect(hookLines(noRound.error) == ["remote: draftflow: refused refs/heads/submissions/draft-9/CAN: this workspace has no round draft-9"])
    }

    @Test func aSubmissionTouchingTheDraftIsRefusedReadingTheQuarantinedCommit() throws {
        let scratch = try ScratchDirectory()
        let shared = try SharedWorkspace.make(scratch)
        let clone = try shared.memberClone(shared.bare.path, at: scratch.url.appendingPathComponent("can"), code: "CAN")
        try commitFile("Comments/draft-1/CAN/submission-1.md", "## general\nFine.\n", in: clone)
        let edit = try commitFile("Drafts/outline.md", sampleDraft.replacingOccurrences(of: "ITU contributes", with: "Canada says ITU contributes"), in: clone)
        let pushed = try push(clone, as: "ottawa", ["HEAD:" + canRef])
        #expect(pushed.status != 0)
        #expect(hookLines(pushed.error) == [
            "remote: draftflow: refused \(canRef): commit \(edit.prefix(7)) changes Drafts/outline.md: a submission of CAN to draft-1 may change only files under Comments/draft-1/CAN/",
        ])
        // The hook named a commit it could read only in git's quarantine: once refused, the
        // repository does not hold it.
        #expect(try gitRun(["cat-file", "-e", edit], in: shared.bare).status != 0)

        // Another member's files, a removal and a link are refused the same way.
        try gitRun(["reset", "-q", "--hard", "origin/main"], in: clone)
        let usa = try commitFile("Comments/draft-1/USA/submission-1.md", "## general\nNot ours.\n", in: clone)
        #expect(hookLines(try push(clone, as: "ottawa", ["HEAD:" + canRef]).error) == [
            "remote: draftflow: refused \(canRef): commit \(usa.prefix(7)) changes Comments/draft-1/USA/submission-1.md: a submission of CAN to draft-1 may change only files under Comments/draft-1/CAN/",
        ])
        try gitRun(["reset", "-q", "--hard", "origin/main"], in: clone)
        try FileManager.default.createDirectory(at: clone.appendingPathComponent("Comments/draft-1/CAN"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: clone.appendingPathComponent("Comments/draft-1/CAN/submission-1.md").path, withDestinationPath: "/etc/passwd")
        try gitRun(["add", "Comments"], in: clone)
        try gitRun(["commit", "-q", "-m", "link"], in: clone)
        let link = try gitRun(["rev-parse", "--short=7", "HEAD"], in: clone).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(hookLines(try push(clone, as: "ottawa", ["HEAD:" + canRef]).error) == [
            "remote: draftflow: refused \(canRef): commit \(link) adds Comments/draft-1/CAN/submission-1.md as a symbolic link; a submission holds plain files only",
        ])
        #expect(try reference(canRef, in: shared.bare) == nil)
    }

    @Test func theSecretariatPushesMainAndNewTagsButNeverMovesOne() throws {
        let scratch = try ScratchDirectory()
        let shared = try SharedWorkspace.make(scratch)
        let cli = shared.cli
        try gitRun(["remote", "add", "origin", shared.bare.path], in: cli.folder)
        let file = try scratch.write("canada.md", "## general\nWe welcome the draft.\n")
        #expect(try cli.run(["comment", "CAN", file.path], now: "2020-02-27T17:42:00+01:00").status == 0)
        #expect(try cli.run(["round", "close"], now: "2020-02-28T09:00:00+01:00").status == 0)
        #expect(try cli.run(["publish", "draft-2"], now: "2020-03-05T10:00:00+01:00").status == 0)
        let pushed = try push(cli.folder, as: "itu", ["main", "refs/tags/draft-2"])
        #expect(pushed.status == 0, "\(pushed.error)")
        #expect(try reference("refs/heads/main", in: shared.bare) == (try reference("refs/heads/main", in: cli.folder)))
        #expect(try reference("refs/tags/draft-2", in: shared.bare) == (try reference("refs/tags/draft-2", in: cli.folder)))

        try gitRun(["tag", "-f", "-a", "draft-1", "-m", "moved", "main"], in: cli.folder)
        let moved = try push(cli.folder, as: "itu", ["--force", "refs/tags/draft-1"])
        #expect(hookLines(moved.error) == ["remote: draftflow: refused refs/tags/draft-1: a version's tag is never moved"])
        let rewind = try push(cli.folder, as: "itu", ["--force", "main~1:refs/heads/main"])
        #expect(hookLines(rewind.error) == ["remote: draftflow: refused refs/heads/main: the push would rewrite main's history (not a fast-forward); pull, then push again"])
        // Collect deletes a collected submission's ref: the secretariat may.
        let clone = try shared.memberClone(shared.bare.path, at: scratch.url.appendingPathComponent("can"), code: "CAN")
        try commitFile("Comments/draft-1/CAN/submission-2.md", "## general\nMore.\n", in: clone)
        #expect(try push(clone, as: "ottawa", ["HEAD:" + canRef]).status == 0)
        #expect(hookLines(try push(clone, as: "ottawa", [":" + canRef]).error) == [
            "remote: draftflow: refused \(canRef): a submission is never deleted by its member; the secretariat collects it",
        ])
        #expect(try push(cli.folder, as: "itu", [":" + canRef]).status == 0)
        #expect(try reference(canRef, in: shared.bare) == nil)
    }

    @Test func anUnknownOrUnnamedUserIsRefused() throws {
        let scratch = try ScratchDirectory()
        let shared = try SharedWorkspace.make(scratch)
        let clone = try shared.memberClone(shared.bare.path, at: scratch.url.appendingPathComponent("can"), code: "CAN")
        try commitFile("Comments/draft-1/CAN/submission-1.md", "## general\nFine.\n", in: clone)
        #expect(hookLines(try push(clone, as: "mallory", ["HEAD:" + canRef]).error) == [
            "remote: draftflow: refused user mallory is not a DraftFlow user of this repository (the server's administrator maps users with `draftflow hook install --member USER=CODE` or `--secretariat USER`)",
        ])
        #expect(hookLines(try push(clone, as: nil, ["HEAD:" + canRef]).error) == [
            "remote: draftflow: refused the server names no user (none of REMOTE_USER, GL_USERNAME, GL_USER is set): DraftFlow accepts pushes only from known users",
        ])
        // GitLab names the user GL_USERNAME, gitolite GL_USER.
        let gitlab = try gitRun(["push", "origin", "HEAD:" + canRef], in: clone, environment: ["GL_USERNAME": "ottawa"])
        #expect(gitlab.status == 0, "\(gitlab.error)")
        try commitFile("Comments/draft-1/CAN/submission-2.md", "## general\nMore.\n", in: clone)
        let gitolite = try gitRun(["push", "origin", "HEAD:" + canRef], in: clone, environment: ["GL_USER": "ottawa"])
        #expect(gitolite.status == 0, "\(gitolite.error)")
    }
}
