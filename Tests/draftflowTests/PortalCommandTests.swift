import Foundation
import Testing
import TestSupport

/// `member invite`, `member revoke` and `serve`, run as the real binary.
@Suite struct PortalCommandTests {
    @Test func invitePrintsALinkWhoseSecretIsNeverStoredAndRevokeEndsIt() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let invited = try cli.run(["member", "invite", "can", "--expires", "2020-03-01", "--url", "https://portal.example.org/"])
        #expect(invited.status == 0, "\(invited.error)")
        let link = invited.output.trimmingCharacters(in: .newlines)
        #expect(link.hasPrefix("https://portal.example.org/signin/"))
        let secret = String(link.dropFirst("https://portal.example.org/signin/".count))
        #expect(secret.count == 43)
        #expect(invited.error == "Personal link for CAN, until 1 March 2020, 23:59:59 CET (Europe/Zurich); it is shown only now (the workspace keeps its hash).\n")
        let record = try gitOutput(["show", "HEAD:Portal/access.json"], in: cli.folder)
        #expect(!record.contains(secret))
        #expect(try gitOutput(["log", "-1", "--format=%s"], in: cli.folder) == "Invite CAN to the member portal until 1 March 2020, 23:59:59 CET (Europe/Zurich)\n")
        #expect(!(try gitOutput(["log", "-p"], in: cli.folder)).contains(secret))

        let again = try cli.run(["member", "invite", "CAN"])
        #expect(again.error.hasSuffix("The earlier link was ended.\n"))
        let revoked = try cli.run(["member", "revoke", "CAN"])
        #expect(revoked.status == 0)
        #expect(revoked.output == "Ended 1 portal link of CAN\n")
        let nothing = try cli.run(["member", "revoke", "CAN"])
        #expect(nothing.status == 3)
        #expect(nothing.error == "error: CAN has no live portal link to revoke\n  fix: `draftflow member invite CAN` issues one\n")
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
        #expect(try gitOutput(["status", "--porcelain"], in: cli.folder) == "")
    }

    @Test func inviteRefusesAnUnknownMemberAndAmbiguousArguments() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let head = try gitOutput(["rev-parse", "HEAD"], in: cli.folder)
        let unknown = try cli.run(["member", "invite", "FRA"])
        #expect(unknown.status == 2)
        #expect(unknown.error == "error: FRA is not a registered member\n  fix: register it first with `draftflow member add FRA --name NAME`, or check `draftflow member list`\n")
        let both = try cli.run(["member", "invite", "CAN", "--secretariat"])
        #expect(both.status == 2)
        let past = try cli.run(["member", "invite", "CAN", "--expires", "2020-02-01"])
        #expect(past.status == 2)
        #expect(past.error.hasPrefix("error: the expiry 2020-02-01T22:59:59Z is not in the future\n"))
        #expect(try gitOutput(["rev-parse", "HEAD"], in: cli.folder) == head)
    }

    @Test func serveListensAndSaysWhere() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["serve", "--port", "0", "--workspace", cli.folder.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var text = ""
        while !text.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let line = text.components(separatedBy: "\n")[0]
        #expect(line.hasPrefix("Serving Council input to the 2020 HLPF on http://127.0.0.1:"))
        #expect(line.hasSuffix("/ (stop with Ctrl-C)"))
        #expect(process.isRunning)
    }
}
