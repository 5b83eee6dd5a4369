import Foundation
import Testing
import TestSupport

/// GMime is loaded when mail is read, and only then (MailCore's `GMime`): a command that reads no
/// mail starts without it and the libraries it brings. What the dynamic linker loads is read from
/// its own report (`LD_DEBUG=libs`), which names each library it looks for.
@Suite struct LazyGMimeCommandTests {
    /// What `arguments` gave when run in `cli`'s workspace, and the libraries the dynamic linker
    /// looked for meanwhile.
    static func librariesLoaded(_ arguments: [String], _ cli: CLI, environment extra: [String: String] = [:])
        throws -> (result: CLI.Result, libraries: [String]) {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("ld-debug-\(UUID().uuidString)")
        let result = try cli.run(arguments, environment: extra.merging(["LD_DEBUG": "libs", "LD_DEBUG_OUTPUT": report.path]) { _, debug in debug })
        // The linker writes its report to LD_DEBUG_OUTPUT.PID: the one file of that prefix.
        let folder = report.deletingLastPathComponent()
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(report.lastPathComponent + ".") }
        defer { for name in written { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) } }
        guard written.count == 1 else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: report.path + ".PID"]) }
        let text = try String(contentsOf: folder.appendingPathComponent(written[0]), encoding: .utf8)
        let libraries = text.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "find library=") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != " " && $0 != ";" })
        }
        return (result, libraries)
    }

    @Test func aCommandThatReadsNoMailDoesNotLoadGMimeAndIntakeMailDoes() throws {
        let scratch = try ScratchDirectory()
        let cli = try MailIntakeCommandTests.workspace(scratch)
        for arguments in [["--help"], ["status"], ["log"], ["member", "list"]] {
            let run = try Self.librariesLoaded(arguments, cli)
            #expect(run.result.status == 0, "\(arguments)")
            #expect(run.libraries.contains("libgit2.so.1.5"), "\(arguments): \(run.libraries)")
            #expect(!run.libraries.contains { $0.hasPrefix("libgmime") || $0.hasPrefix("libgobject") || $0.hasPrefix("libgio") },
                    "\(arguments): \(run.libraries)")
        }
        let intake = try Self.librariesLoaded(["intake", "--mail", MailIntakeCommandTests.mbox.path], cli)
        #expect(intake.result.status == 0)
        #expect(intake.libraries.contains("libgmime-3.0.so.0"), "\(intake.libraries)")
        // It read the mailbox as MailIntakeCommandTests checks in full.
        #expect(intake.result.output.split(separator: "\n").prefix(2) == [
            "Read 8 messages from \(MailIntakeCommandTests.mbox.path)",
            "Recorded 6 submissions (8 comments, 0 edited copies) in round draft-1",
        ])
    }

    /// Where the library cannot be loaded (here a damaged file found first on LD_LIBRARY_PATH),
    /// `intake --mail` stops with the workspace error naming it and how to install it, and records
    /// nothing; the other commands run as before.
    @Test func intakeMailSaysSoWhenGMimeCannotBeLoaded() throws {
        let scratch = try ScratchDirectory()
        let cli = try MailIntakeCommandTests.workspace(scratch)
        let libraries = scratch.url.appendingPathComponent("lib")
        try FileManager.default.createDirectory(at: libraries, withIntermediateDirectories: true)
        try Data(String(repeating: "not a shared object\n", count: 100).utf8).write(to: libraries.appendingPathComponent("libgmime-3.0.so.0"))
        let before = try MailIntakeCommandTests.head(cli)
        let damaged = ["LD_LIBRARY_PATH": libraries.path]
        let intake = try cli.run(["intake", "--mail", MailIntakeCommandTests.mbox.path], environment: damaged)
        #expect(intake.status == 4)
        #expect(intake.output == "")
        #expect(intake.error == """
            error: GMime 3 (libgmime-3.0.so.0), which reads e-mail, could not be loaded: \(libraries.path)/libgmime-3.0.so.0: invalid ELF header
              fix: install it with `sudo apt-get install -y libgmime-3.0-0` (scripts/install-dependencies.sh installs it)

            """)
        #expect(try MailIntakeCommandTests.head(cli) == before)
        let status = try cli.run(["status"], environment: damaged)
        #expect(status.status == 0)
    }
}
