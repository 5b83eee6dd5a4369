import Foundation
import Testing
import TestSupport

/// A damaged repository never makes a command hang, die of a signal, end with exit code 1 (which
/// means "collisions left") or fail without a `fix:` line (issue 11, items 2 and 16).
@Suite struct DamageTests {
    /// The package's folder, where scripts/ is.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The demo workspace, built by `draftflow demo` (versions, a merged round, a silence round).
    func makeDemo(_ scratch: ScratchDirectory) throws -> CLI {
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-03-14T10:00:00+01:00")
        let made = try CLI.run(["demo", "--out", cli.folder.path], now: nil, in: scratch.url)
        precondition(made.status == 0, made.error)
        return cli
    }

    func revision(_ name: String, in folder: URL) throws -> String {
        try gitOutput(["rev-parse", name], in: folder).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func truncate(_ revision: String, in folder: URL) throws -> String {
        let id = try self.revision(revision, in: folder)
        let url = folder.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count / 2).write(to: url)
        return id
    }

    func commitByHand(_ path: String, _ content: String, in folder: URL) throws {
        try Data(content.utf8).write(to: folder.appendingPathComponent(path))
        #expect(try git(["commit", "-q", "-m", "Edit \(path) by hand", "--", path], in: folder).status == 0)
    }

    @Test func theDamageMatrixEndsEveryCommandWithAFix() throws {
        // One (kind, command) pair in 6 of the 46 × 20 matrix: every kind meets 3 or 4 commands and
        // every command 14 to 16 kinds. `scripts/damage-matrix.sh` alone runs all 920.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.root.appendingPathComponent("scripts/damage-matrix.sh").path, "--binary", CLI.executable.path,
                             "--sample", "6", "--jobs", "4", "--tsv"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let rows = output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.allSatisfy { $0.count == 4 })
        #expect(Set(rows.map { $0[0] }).count == 46)
        #expect(Set(rows.map { $0[1] }).count == 20)
        #expect(rows.count >= 150)
        let bad = rows.filter { $0.last != "ok" }
        #expect(bad.isEmpty, "\(bad.map { $0.joined(separator: "  ") }.joined(separator: "\n"))")
        #expect(process.terminationStatus == 0)
    }

    @Test func aTruncatedTreeStopsACommandAtOnceWithTheFix() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDemo(scratch)
        let tree = try truncate("HEAD^{tree}", in: cli.folder)
        let file = ".git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))"
        for command in [["status"], ["log"], ["member", "list"], ["dispositions"]] {
            let result = try cli.run(command)
            #expect(result.status == 6, "\(command)")
            #expect(result.error == """
                error: the object file \(file) is damaged: it is truncated or its zlib data is damaged (60 bytes)
                  fix: move \(file) out of the repository, then fetch every object again from an intact copy of the workspace \
                (a member's clone or a backup): `git fetch --refetch /path/to/copy`; `git fsck --full` must then report nothing

                """, "\(command)")
        }
    }

    @Test func theFixForADamagedObjectWorks() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDemo(scratch)
        let copy = scratch.url.appendingPathComponent("copy")
        #expect(try git(["clone", "-q", "--no-local", cli.folder.path, copy.path], in: scratch.url).status == 0)
        let tree = try truncate("HEAD^{tree}", in: cli.folder)
        try FileManager.default.moveItem(at: cli.folder.appendingPathComponent(".git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))"),
                                         to: scratch.url.appendingPathComponent("damaged"))
        #expect(try git(["fetch", "-q", "--refetch", copy.path], in: cli.folder).status == 0)
        #expect(try git(["fsck", "--full"], in: cli.folder).status == 0)
        #expect(try cli.run(["status"]).status == 0)
    }

    @Test func headOnAMissingBranchIsNamedWithTheBranchToPointItAt() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDemo(scratch)
        try Data("ref: refs/heads/gone\n".utf8).write(to: cli.folder.appendingPathComponent(".git/HEAD"))
        let result = try cli.run(["status"])
        #expect(result.status == 6)
        #expect(result.error == """
            error: HEAD points to the branch refs/heads/gone, which does not exist
              fix: point HEAD back at the workspace's branch: `git symbolic-ref HEAD refs/heads/main`

            """)
    }

    @Test func aCommittedWorkflowThatDoesNotReadGetsTheCommitToRestoreItFrom() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDemo(scratch)
        let good = String(try revision("HEAD", in: cli.folder).prefix(7))
        try commitByHand("Workflow.md", "---\ntitle: [unclosed\n---\n", in: cli.folder)
        let bad = String(try revision("HEAD", in: cli.folder).prefix(7))
        let result = try cli.run(["member", "list"])
        #expect(result.status == 4)
        let fix = result.error.split(separator: "\n").last.map(String.init)
        #expect(fix == "  fix: Workflow.md was last changed by commit \(bad) (\"Edit Workflow.md by hand\"); it reads correctly as of commit \(good): "
                    + "restore it with `git show \(good):Workflow.md > Workflow.md`, then `git commit -m 'Restore Workflow.md' -- Workflow.md`")
        // The fix works.
        let shown = try gitOutput(["show", "\(good):Workflow.md"], in: cli.folder)
        try commitByHand("Workflow.md", shown, in: cli.folder)
        #expect(try cli.run(["member", "list"]).status == 0)
    }

    @Test func damagedDerivedRecordsAreRebuilt() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDemo(scratch)
        let before = try cli.run(["status"])
        try commitByHand("Comments/draft-1/index.json", "not json", in: cli.folder)
        try commitByHand("Comments/draft-1/merge-summary.json", "[1, 2", in: cli.folder)
        let after = try cli.run(["status"])
        #expect(after.status == 0, "\(after.error)")
        #expect(after.output == before.output)
    }

    @Test func aDamagedMergeRecordDoesNotBlockTheMergeThatRebuildsIt() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDemo(scratch)
        try commitByHand("Comments/draft-1/merge.json", "{\"round\": 12", in: cli.folder)
        let byHand = try gitOutput(["rev-parse", "--short=7", "HEAD"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let collisions = try cli.run(["collisions"])
        #expect(collisions.status == 4)
        #expect(collisions.error == """
            error: Comments/draft-1/merge.json is not valid JSON; it was last changed by commit \(byHand) (Edit Comments/draft-1/merge.json by hand)
              fix: it is derived from the round's submissions: rebuild it with `draftflow merge --round draft-1` \
            (the resolutions it held are lost with it: check `draftflow collisions --all` afterwards)

            """)
        let merged = try cli.run(["merge", "--round", "draft-1"])
        #expect(merged.status == 0 || merged.status == 1, "\(merged.error)")
        #expect(merged.error.hasPrefix("warning: Comments/draft-1/merge.json did not read and was rebuilt from the submissions"))
        #expect(try cli.run(["collisions", "--all"]).status == 0)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
    }
}
