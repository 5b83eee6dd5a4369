import Foundation
import Testing
import TestSupport

/// The hook behind a real smart-HTTP server on loopback (`GitHTTPServer`: git http-backend behind
/// HTTP basic authentication, which sets REMOTE_USER), pushed to with the `git` command.
@Suite struct SmartHTTPHookTests {
    static let passwords = ["itu": "secretariat-pw", "ottawa": "canada-pw", "washington": "usa-pw"]

    /// A shared workspace served over HTTP, and CAN's clone of it made through the server.
    func serve(_ scratch: ScratchDirectory) throws -> (SharedWorkspace, GitHTTPServer, URL) {
        let root = scratch.url.appendingPathComponent("srv")
        let shared = try SharedWorkspace.make(scratch, serverRoot: root)
        let server = try GitHTTPServer(root: root, users: Self.passwords, scratch: scratch)
        let clone = try shared.memberClone(server.url("shared.git", user: "ottawa", password: "canada-pw"),
                                           at: scratch.url.appendingPathComponent("can"), code: "CAN")
        return (shared, server, clone)
    }

    func reference(_ name: String, in bare: URL) throws -> String? {
        let result = try gitRun(["rev-parse", "--verify", "-q", name], in: bare)
        return result.status == 0 ? result.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    @Test func aMemberPushesItsSubmissionAndTheSecretariatPushesMain() throws {
        let scratch = try ScratchDirectory()
        let (shared, server, clone) = try serve(scratch)
        defer { server.stop() }
        let commit = try commitFile("Comments/draft-1/CAN/submission-1.md", "## general\nWe welcome the draft.\n", in: clone)
        let pushed = try gitRun(["push", "origin", "HEAD:refs/heads/submissions/draft-1/CAN"], in: clone)
        #expect(pushed.status == 0, "\(pushed.error) \((try? String(contentsOf: server.log, encoding: .utf8)) ?? "")")
        #expect(try reference("refs/heads/submissions/draft-1/CAN", in: shared.bare) == commit)

        let cli = shared.cli
        let file = try scratch.write("usa.md", "## general\nNoted.\n")
        #expect(try cli.run(["comment", "USA", file.path], now: "2020-02-27T17:42:00+01:00").status == 0)
        let secretariat = try gitRun(["push", server.url("shared.git", user: "itu", password: "secretariat-pw"), "main"], in: cli.folder)
        #expect(secretariat.status == 0, "\(secretariat.error)")
        #expect(try reference("refs/heads/main", in: shared.bare) == (try reference("refs/heads/main", in: cli.folder)))
        #expect(try git(["fsck", "--strict"], in: shared.bare).status == 0)
    }

    @Test func theHookRefusesAMembersPushToMainATagAnotherMemberOrTheDraft() throws {
        let scratch = try ScratchDirectory()
        let (shared, server, clone) = try serve(scratch)
        defer { server.stop() }
        let main = try reference("refs/heads/main", in: shared.bare)
        let own = "CAN may push only its own submissions, to refs/heads/submissions/<round>/CAN"
        try commitFile("Comments/draft-1/CAN/submission-1.md", "## general\nWe welcome the draft.\n", in: clone)

        let toMain = try gitRun(["push", "origin", "HEAD:refs/heads/main"], in: clone)
        #expect(toMain.status == 1)
        #expect(hookLines(toMain.error) == ["remote: draftflow: refused refs/heads/main: only the secretariat pushes main; \(own)"])
        #expect(toMain.error.contains(" ! [remote rejected] HEAD -> main (pre-receive hook declined)\n"))

        try gitRun(["tag", "-a", "final", "-m", "Ours"], in: clone)
        let tag = try gitRun(["push", "origin", "refs/tags/final"], in: clone)
        #expect(hookLines(tag.error) == ["remote: draftflow: refused refs/tags/final: only the secretariat pushes version tags; \(own)"])

        let other = try gitRun(["push", "origin", "HEAD:refs/heads/submissions/draft-1/USA"], in: clone)
        #expect(hookLines(other.error) == ["remote: draftflow: refused refs/heads/submissions/draft-1/USA is USA's submission; \(own)"])

        let edit = try commitFile("Drafts/outline.md", sampleDraft + "\n2.3 Canada adds a paragraph.\n", in: clone)
        let drafts = try gitRun(["push", "origin", "HEAD:refs/heads/submissions/draft-1/CAN"], in: clone)
        #expect(hookLines(drafts.error) == [
            "remote: draftflow: refused refs/heads/submissions/draft-1/CAN: commit \(edit.prefix(7)) changes Drafts/outline.md: a submission of CAN to draft-1 may change only files under Comments/draft-1/CAN/",
        ])
        #expect(try reference("refs/heads/main", in: shared.bare) == main)
        for name in ["refs/tags/final", "refs/heads/submissions/draft-1/USA", "refs/heads/submissions/draft-1/CAN"] {
            #expect(try reference(name, in: shared.bare) == nil)
        }
    }

    @Test func aWrongPasswordIsRefusedByTheServer() throws {
        let scratch = try ScratchDirectory()
        let (shared, server, clone) = try serve(scratch)
        defer { server.stop() }
        try commitFile("Comments/draft-1/CAN/submission-1.md", "## general\nWe welcome the draft.\n", in: clone)
        let wrong = try gitRun(["push", server.url("shared.git", user: "ottawa", password: "usa-pw"), "HEAD:refs/heads/submissions/draft-1/CAN"], in: clone)
        #expect(wrong.status == 128)
        #expect(wrong.error == "fatal: Authentication failed for 'http://127.0.0.1:\(server.port)/shared.git/'\n")
        #expect(try reference("refs/heads/submissions/draft-1/CAN", in: shared.bare) == nil)
    }
}
