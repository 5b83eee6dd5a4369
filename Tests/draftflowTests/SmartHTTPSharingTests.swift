import Foundation
import Testing
import TestSupport

/// DraftFlow's own fetch and push (libgit2, in process) against a real smart-HTTP git host on
/// loopback: git http-backend behind HTTP basic authentication, with DraftFlow's pre-receive hook
/// installed. A member clones and submits with its password from the environment; the hook lets
/// its submission ref in; the secretariat collects with its own and the hook lets it push main and
/// delete the collected ref.
@Suite struct SmartHTTPSharingTests {
    static let passwords = ["itu": "secretariat-pw", "ottawa": "canada-pw", "washington": "usa-pw"]

    /// `draftflow` with `arguments` in `folder` at `now`, with the git host's user and password in
    /// the environment.
    func draftflow(_ arguments: [String], in folder: URL, now: String, user: String? = nil, password: String? = nil,
                   certificate: URL? = nil) throws -> CLI.Result {
        var environment = ["DRAFTFLOW_NOW": now]
        if let certificate { environment["GIT_SSL_CAINFO"] = certificate.path }
        if let user { environment["DRAFTFLOW_GIT_USERNAME"] = user }
        if let password { environment["DRAFTFLOW_GIT_PASSWORD"] = password }
        return try runProgram(CLI.executable.path, arguments, in: folder, environment: environment)
    }

    func reference(_ name: String, in bare: URL) throws -> String? {
        let result = try gitRun(["rev-parse", "--verify", "-q", name], in: bare)
        return result.status == 0 ? result.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// Over TLS: the host's certificate is one DraftFlow is told to trust (GIT_SSL_CAINFO, as for
    /// git); a client that does not trust it is refused before any credential is sent.
    @Test func overHTTPSTheHostsCertificateIsCheckedAndTheSubmissionGoesThrough() throws {
        let scratch = try ScratchDirectory()
        let root = scratch.url.appendingPathComponent("srv")
        let shared = try SharedWorkspace.make(scratch, serverRoot: root)
        let server = try GitHTTPServer(root: root, users: Self.passwords, scratch: scratch, tls: true)
        defer { server.stop() }
        let certificate = try #require(server.certificate)
        let url = "https://127.0.0.1:\(server.port)/shared.git"

        let untrusted = try draftflow(["clone", url, "can", "--member", "CAN"], in: scratch.url, now: "2020-02-20T09:00:00+01:00",
                                      user: "ottawa", password: "canada-pw")
        #expect(untrusted.status == 6)
        #expect(untrusted.error.contains("certificate"), "\(untrusted.error)")
        #expect(!untrusted.error.contains("canada-pw"))

        let cloned = try draftflow(["clone", url, "can", "--member", "CAN"], in: scratch.url, now: "2020-02-20T09:00:00+01:00",
                                   user: "ottawa", password: "canada-pw", certificate: certificate)
        #expect(cloned.status == 0, "\(cloned.error)")
        try scratch.write("canada.md", "## 2.2 (technical)\nSharper.\n")
        let sent = try draftflow(["submit", scratch.url.appendingPathComponent("canada.md").path], in: scratch.url.appendingPathComponent("can"),
                                 now: "2020-02-27T17:42:00+01:00", user: "ottawa", password: "canada-pw", certificate: certificate)
        #expect(sent.status == 0, "\(sent.error)")
        #expect(try reference("refs/heads/submissions/draft-1/CAN", in: shared.bare) != nil)
        #expect(try shared.cli.run(["remote", "add", "origin", url]).status == 0)
        let collected = try draftflow(["collect"], in: shared.cli.folder, now: "2020-02-28T09:00:00+01:00",
                                      user: "itu", password: "secretariat-pw", certificate: certificate)
        #expect(collected.status == 0, "\(collected.error)")
        #expect(try reference("refs/heads/submissions/draft-1/CAN", in: shared.bare) == nil)
        #expect(try gitOutput(["log", "-1", "--format=%an|%s"], in: shared.cli.folder) == "Canada|Comments of Canada (CAN) on draft-1: 1 comment\n")
    }

    @Test func aMemberSubmitsOverHTTPAndTheSecretariatCollectsThroughTheHook() throws {
        let scratch = try ScratchDirectory()
        let root = scratch.url.appendingPathComponent("srv")
        let shared = try SharedWorkspace.make(scratch, serverRoot: root)
        let server = try GitHTTPServer(root: root, users: Self.passwords, scratch: scratch)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/shared.git"

        // A wrong password: refused by the server, nothing cloned, the password never printed.
        let wrong = try draftflow(["clone", url, "can", "--member", "CAN"], in: scratch.url, now: "2020-02-20T09:00:00+01:00",
                                  user: "ottawa", password: "not-the-password")
        #expect(wrong.status != 0)
        #expect(!wrong.error.contains("not-the-password") && !wrong.output.contains("not-the-password"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("can/Workflow.md").path))

        let cloned = try draftflow(["clone", url, "can", "--member", "CAN"], in: scratch.url, now: "2020-02-20T09:00:00+01:00",
                                   user: "ottawa", password: "canada-pw")
        #expect(cloned.status == 0, "\(cloned.error)")
        let clone = scratch.url.appendingPathComponent("can")
        try scratch.write("canada.md", "## 2.2 (technical)\nSharper.\nProposed change: 2.2 Connectivity remains a major challenge.\n")
        let sent = try draftflow(["submit", scratch.url.appendingPathComponent("canada.md").path], in: clone, now: "2020-02-27T17:42:00+01:00",
                                 user: "ottawa", password: "canada-pw")
        #expect(sent.status == 0, "\(sent.error) \((try? String(contentsOf: server.log, encoding: .utf8)) ?? "")")
        let branch = try #require(try reference("refs/heads/submissions/draft-1/CAN", in: shared.bare))
        #expect(sent.output.hasPrefix("Sent CAN's submission for round draft-1 on refs/heads/submissions/draft-1/CAN (commit \(branch.prefix(7)))\n"))

        // The secretariat collects over HTTP: main pushed, the collected ref deleted, both by the hook's leave.
        let added = try shared.cli.run(["remote", "add", "origin", url])
        #expect(added.status == 0, "\(added.error)")
        let collected = try draftflow(["collect", "--json"], in: shared.cli.folder, now: "2020-02-28T09:00:00+01:00",
                                      user: "itu", password: "secretariat-pw")
        #expect(collected.status == 0, "\(collected.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(collected.output.utf8)) as? [String: Any])
        let items = try #require(json["collected"] as? [[String: Any]])
        #expect(items.map { $0["member"] as? String } == ["CAN"])
        #expect(items.first?["deleted"] as? Bool == true)
        #expect(try gitOutput(["log", "-1", "--format=%an|%aI|%s"], in: shared.cli.folder)
            == "Canada|2020-02-28T09:00:00+01:00|Comments of Canada (CAN) on draft-1: 1 comment\n")
        #expect(try reference("refs/heads/main", in: shared.bare) == gitOutput(["rev-parse", "HEAD"], in: shared.cli.folder).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try reference("refs/heads/submissions/draft-1/CAN", in: shared.bare) == nil)
        #expect(try git(["fsck", "--strict"], in: shared.bare).status == 0)

        // A member's password does not let DraftFlow push main for it: the hook refuses, main stays.
        let main = try reference("refs/heads/main", in: shared.bare)
        let file = try scratch.write("usa.md", "## general\nNoted.\n")
        #expect(try shared.cli.run(["comment", "USA", file.path], now: "2020-02-28T10:00:00+01:00").status == 0)
        let forged = try draftflow(["push", "origin"], in: shared.cli.folder, now: "2020-02-28T10:01:00+01:00", user: "ottawa", password: "canada-pw")
        #expect(forged.status == 3)
        #expect(forged.error.hasPrefix("""
            error: the git host refused the push: refs/heads/main: pre-receive hook declined
              the host said:
                draftflow: refused refs/heads/main: only the secretariat pushes main; CAN may push only its own submissions, to refs/heads/submissions/<round>/CAN

            """), "\(forged.error)")
        #expect(try reference("refs/heads/main", in: shared.bare) == main)
        // The secretariat's own push goes through.
        let pushed = try draftflow(["push", "origin"], in: shared.cli.folder, now: "2020-02-28T10:02:00+01:00", user: "itu", password: "secretariat-pw")
        #expect(pushed.status == 0, "\(pushed.error)")
        #expect(try reference("refs/heads/main", in: shared.bare) == gitOutput(["rev-parse", "HEAD"], in: shared.cli.folder).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
