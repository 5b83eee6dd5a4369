import Foundation
import Testing
import TestSupport

/// The parsed Workflow.md a command keeps in `.git/draftflow/workflow-parsed.json` for the next:
/// used only for the same bytes, and never a reason for a command to fail or wait.
@Suite struct KeptWorkflowCommandTests {
    static func kept(_ cli: CLI) -> URL { cli.folder.appendingPathComponent(".git/draftflow/workflow-parsed.json") }

    static func keptHash(_ cli: CLI) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: kept(cli))) as? [String: Any]
        return object?["sha256"] as? String
    }

    static func fileHash(_ cli: CLI) throws -> String {
        String(try processOutput("/usr/bin/sha256sum", [cli.folder.appendingPathComponent("Workflow.md").path]).prefix(64))
    }

    @Test func theKeptWorkflowIsForTheCurrentFileOnly() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        try? FileManager.default.removeItem(at: Self.kept(cli))
        let parsedStatus = try cli.run(["status", "--json"])
        #expect(parsedStatus.status == 0, "\(parsedStatus.error)")
        #expect(try Self.keptHash(cli) == (try Self.fileHash(cli)))
        // Read from the kept file: the same output.
        let keptStatus = try cli.run(["status", "--json"])
        #expect(keptStatus.output == parsedStatus.output)
        #expect(try cli.run(["log"]).output == (try cli.run(["log"]).output))

        // Workflow.md changes: the kept one is not used, and is replaced.
        #expect(try cli.run(["member", "add", "FRA", "--name", "France", "--email", "fra@example.org"]).status == 0)
        let members = try cli.run(["member", "list"]).output
        #expect(members.contains("FRA"))
        #expect(try Self.keptHash(cli) == (try Self.fileHash(cli)))
        let after = try cli.run(["status", "--json"])
        #expect(after.output != parsedStatus.output)

        // A damaged kept file is parsed again and rewritten; the output is unchanged.
        try Data("{\"format\": 1, \"sha256\": \"\(try Self.fileHash(cli))\", \"workflow\": {\"title\": 3}}".utf8).write(to: Self.kept(cli))
        #expect(try cli.run(["status", "--json"]).output == after.output)
        #expect(try Self.keptHash(cli) == (try Self.fileHash(cli)))
        try Data([0xff, 0xfe]).write(to: Self.kept(cli))
        #expect(try cli.run(["status", "--json"]).output == after.output)

        // A FIFO in its place is not opened (the command would wait for a writer forever).
        try FileManager.default.removeItem(at: Self.kept(cli))
        #expect(mkfifo(Self.kept(cli).path, 0o600) == 0)
        let withFIFO = try cli.run(["status", "--json"])
        #expect(withFIFO.status == 0)
        #expect(withFIFO.output == after.output)
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
    }
}
