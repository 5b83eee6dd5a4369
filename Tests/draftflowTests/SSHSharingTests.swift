import Foundation
import Testing
import TestSupport

/// DraftFlow's own clone and submit over ssh (libgit2 with libssh2, in process) to a real OpenSSH
/// server on loopback, the key in an ssh agent, and the repository's hook told who pushes by the
/// host (REMOTE_USER in the key's session, as a git host sets it).
@Suite struct SSHSharingTests {
    @Test func aMemberClonesAndSubmitsOverSSHWithItsKeyInTheAgent() throws {
        let scratch = try ScratchDirectory()
        let shared = try SharedWorkspace.make(scratch)
        let server = try SSHServer(scratch: scratch, remoteUser: "ottawa")
        defer { server.stop() }
        let url = server.url(shared.bare)
        func draftflow(_ arguments: [String], in folder: URL, now: String, agent: Bool = true) throws -> CLI.Result {
            var environment = ["DRAFTFLOW_NOW": now, "HOME": scratch.url.path]
            environment["SSH_AUTH_SOCK"] = agent ? server.agentSocket.path : "/nonexistent/agent.sock"
            return try runProgram(CLI.executable.path, arguments, in: folder, environment: environment)
        }

        // A host whose key is not in known_hosts: refused, naming its fingerprint and how to add it.
        let unknown = try draftflow(["clone", url, "unknown-host", "--member", "CAN"], in: scratch.url, now: "2020-02-20T09:00:00+01:00")
        #expect(unknown.status == 6)
        #expect(unknown.error.contains("the ssh host key of [127.0.0.1]:\(server.port) (SHA256:"), "\(unknown.error)")
        #expect(unknown.error.contains("is not in \(scratch.url.path)/.ssh/known_hosts: check the fingerprint with the host's administrator"))
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent(".ssh"), withIntermediateDirectories: true)
        try Data(server.knownHostsLine.utf8).write(to: scratch.url.appendingPathComponent(".ssh/known_hosts"))

        // Without the member's key: refused, nothing cloned.
        let refused = try draftflow(["clone", url, "no-key", "--member", "CAN"], in: scratch.url, now: "2020-02-20T09:00:00+01:00", agent: false)
        #expect(refused.status == 6, "\(refused.error)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("no-key/Workflow.md").path))

        let cloned = try draftflow(["clone", url, "can", "--member", "CAN"], in: scratch.url, now: "2020-02-20T09:00:00+01:00")
        #expect(cloned.status == 0, "\(cloned.error) \((try? String(contentsOf: server.log, encoding: .utf8)) ?? "")")
        #expect(cloned.output.hasPrefix("Cloned Council input to the 2020 HLPF into can for Canada (CAN)\n"))
        try scratch.write("canada.md", "## 2.2 (technical)\nSharper.\n")
        let sent = try draftflow(["submit", scratch.url.appendingPathComponent("canada.md").path], in: scratch.url.appendingPathComponent("can"),
                                 now: "2020-02-27T17:42:00+01:00")
        #expect(sent.status == 0, "\(sent.error)")
        let branch = try gitOutput(["rev-parse", "refs/heads/submissions/draft-1/CAN"], in: shared.bare).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(sent.output.hasPrefix("Sent CAN's submission for round draft-1 on refs/heads/submissions/draft-1/CAN (commit \(branch.prefix(7)))\n"))
        #expect(try git(["fsck", "--strict"], in: shared.bare).status == 0)
    }
}
