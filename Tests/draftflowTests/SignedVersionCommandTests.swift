import Foundation
import Testing
import TestSupport

/// `publish --sign`, `finalize --sign` and `verify`'s check of signatures, with SSH keys made by
/// ssh-keygen for each test, checked with `git tag -v` too.
@Suite struct SignedVersionCommandTests {
    struct Keyed {
        var cli: CLI
        var key: URL
        var home: URL
        var publicKey: String
        var fingerprint: String

        /// draftflow with the signing key in DRAFTFLOW_SIGNING_KEY (and a HOME without git settings).
        func run(_ arguments: [String], now: String) throws -> CLI.Result {
            try runProgram(CLI.executable.path, arguments, in: cli.folder,
                           environment: ["DRAFTFLOW_NOW": now, "HOME": home.path, "DRAFTFLOW_SIGNING_KEY": key.path])
        }
    }

    static func makeKey(_ name: String, in scratch: ScratchDirectory) throws -> URL {
        let key = scratch.url.appendingPathComponent(name)
        _ = try processOutput("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.path])
        return key
    }

    func keyed(_ cli: CLI, _ scratch: ScratchDirectory) throws -> Keyed {
        let key = try Self.makeKey("secretariat-key", in: scratch)
        let home = scratch.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let publicKey = try String(contentsOf: key.appendingPathExtension("pub"), encoding: .utf8)
        let fingerprint = String(try processOutput("/usr/bin/ssh-keygen", ["-lf", key.path + ".pub"]).split(separator: " ")[1])
        return Keyed(cli: cli, key: key, home: home, publicKey: publicKey, fingerprint: fingerprint)
    }

    func taggerEmail(_ tag: String, in cli: CLI) throws -> String {
        try gitOutput(["for-each-ref", "--format=%(taggeremail:trim)", "refs/tags/" + tag], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aSignedVersionVerifiesWithGitAndWithDraftflow() throws {
        let scratch = try ScratchDirectory()
        let signer = try keyed(try makeRoundWorkspace(scratch), scratch)
        let cli = signer.cli
        #expect(try cli.run(["round", "close"], now: "2020-02-20T10:00:00+01:00").status == 0)
        let published = try signer.run(["publish", "draft-2", "--sign"], now: "2020-03-05T10:00:00+01:00")
        #expect(published.status == 0, "\(published.error)")
        let commit = try gitOutput(["rev-parse", "--short=7", "main"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(published.output.hasPrefix("Published draft-2 (commit \(commit)), signed\n"))

        let email = try taggerEmail("draft-2", in: cli)
        let keyFields = signer.publicKey.split(separator: " ").prefix(2).joined(separator: " ")
        #expect(try gitOutput(["show", "main:Signers/allowed_signers"], in: cli.folder) == """
            # Who signs this workspace's versions (ssh-keygen's allowed-signers format): `draftflow verify` and
            # `git -c gpg.ssh.allowedSignersFile=Signers/allowed_signers tag -v LABEL` check tags against it.
            \(email) namespaces="git" \(keyFields)

            """)
        let good = "Good \"git\" signature for \(email) with ED25519 key \(signer.fingerprint)"
        let byGit = try gitRun(["-c", "gpg.ssh.allowedSignersFile=Signers/allowed_signers", "tag", "-v", "draft-2"], in: cli.folder)
        #expect(byGit.status == 0, "\(byGit.error)")
        #expect(byGit.error.split(separator: "\n").contains { $0 == good })
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)

        let verified = try cli.run(["verify", "draft-2"])
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        let tagID = try gitOutput(["rev-parse", "--short=7", "refs/tags/draft-2"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(verified.output.contains("""
            ok     7. Every signed version's signature holds
                     tag draft-2 (\(tagID)): SSH signature holds: \(good)
                     unsigned: draft-1

            """))

        // A second signed version by the same key adds no second line.
        let again = try signer.run(["publish", "draft-3", "--sign"], now: "2020-03-06T10:00:00+01:00")
        #expect(again.status == 0, "\(again.error)")
        #expect(try gitOutput(["show", "main:Signers/allowed_signers"], in: cli.folder).components(separatedBy: "namespaces=").count == 2)
    }

    @Test func finalizeSignsWithTheKeyOfTheGitConfiguration() throws {
        let scratch = try ScratchDirectory()
        let signer = try keyed(try makeSilenceWorkspace(scratch), scratch)
        let cli = signer.cli
        try gitRun(["config", "gpg.format", "ssh"], in: cli.folder)
        try gitRun(["config", "user.signingkey", signer.key.path], in: cli.folder)
        let finalized = try runProgram(CLI.executable.path, ["finalize", "--sign"], in: cli.folder,
                                       environment: ["DRAFTFLOW_NOW": "2020-03-13T10:00:00+01:00", "HOME": signer.home.path])
        #expect(finalized.status == 0, "\(finalized.error)")
        let byGit = try gitRun(["-c", "gpg.ssh.allowedSignersFile=Signers/allowed_signers", "tag", "-v", "final"], in: cli.folder)
        #expect(byGit.status == 0, "\(byGit.error)")
        let good = "Good \"git\" signature for \(try taggerEmail("final", in: cli)) with ED25519 key \(signer.fingerprint)"
        #expect(byGit.error.split(separator: "\n").contains { $0 == good })
        #expect(try cli.run(["verify", "final"]).status == 0)
    }

    @Test func withoutAKeySigningIsRefusedAndNothingIsWritten() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let home = scratch.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let before = try gitOutput(["rev-parse", "main"], in: cli.folder)
        let refused = try runProgram(CLI.executable.path, ["publish", "draft-2", "--sign"], in: cli.folder,
                                     environment: ["DRAFTFLOW_NOW": "2020-03-05T10:00:00+01:00", "HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1"])
        #expect(refused.status == 2)
        #expect(refused.error == """
            error: no signing key is configured, so the version cannot be signed
              fix: set an SSH key with `git config user.signingkey ~/.ssh/id_ed25519` and `git config gpg.format ssh` (or a GPG key: `git config user.signingkey KEYID`), or DRAFTFLOW_SIGNING_KEY=/path/to/ssh-key (gpg:KEYID for GPG)

            """)
        #expect(try gitOutput(["rev-parse", "main"], in: cli.folder) == before)
        #expect(try gitOutput(["tag", "--list"], in: cli.folder) == "draft-1\n")
    }

    @Test func aTamperedOrForgedTagIsNamed() throws {
        let scratch = try ScratchDirectory()
        let signer = try keyed(try makeRoundWorkspace(scratch), scratch)
        let cli = signer.cli
        #expect(try cli.run(["round", "close"], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try signer.run(["publish", "draft-2", "--sign", "--note", "Draft 2"], now: "2020-03-05T10:00:00+01:00").status == 0)
        let email = try taggerEmail("draft-2", in: cli)
        let original = try gitOutput(["cat-file", "tag", "draft-2"], in: cli.folder)

        // Tampered: the note changed after signing, the signature kept.
        let tampered = try scratch.write("tampered-tag", original.replacingOccurrences(of: "Draft 2", with: "Draft 2, agreed by all"))
        let tamperedID = try gitOutput(["hash-object", "-t", "tag", "-w", tampered.path], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        try gitRun(["update-ref", "refs/tags/draft-2", tamperedID], in: cli.folder)
        let afterTamper = try cli.run(["verify", "draft-2"])
        #expect(afterTamper.status == 7)
        #expect(afterTamper.error.hasPrefix("error: signatures: tag draft-2 (\(tamperedID.prefix(7))): its SSH signature does not verify for \(email) against Signers/allowed_signers: "))

        // Forged: signed anew by a key the workspace does not list, in the secretariat's name.
        let forger = try Self.makeKey("forger-key", in: scratch)
        let commit = try gitOutput(["rev-parse", "draft-2^{commit}"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let forged = try gitRun(["-c", "gpg.format=ssh", "-c", "user.signingkey=\(forger.path)", "tag", "-f", "-s", "draft-2", "-m", "Draft 2", commit],
                                in: cli.folder, environment: ["GIT_COMMITTER_EMAIL": email, "HOME": signer.home.path])
        #expect(forged.status == 0, "\(forged.error)")
        let forgedID = try gitOutput(["rev-parse", "--short=7", "refs/tags/draft-2"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let afterForgery = try cli.run(["verify", "draft-2"])
        #expect(afterForgery.status == 7)
        #expect(afterForgery.error == """
            error: signatures: tag draft-2 (\(forgedID)): its SSH signature does not verify for \(email) against Signers/allowed_signers: Could not verify signature.
              fix: do not trust that version's tag: it was made or changed without a trusted key (Signers/allowed_signers for SSH, the keyring for GPG); get the tag again from the secretariat's repository (`git fetch --force origin 'refs/tags/*:refs/tags/*'`) and verify again

            """)
        #expect(afterForgery.output.contains("FAILED 7. Every signed version's signature holds\n"))
    }

    @Test func aGPGSignedVersionVerifiesAndATamperedOneIsNamed() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let gnupg = scratch.url.appendingPathComponent("gnupg")
        try FileManager.default.createDirectory(at: gnupg, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let environment = ["GNUPGHOME": gnupg.path, "HOME": scratch.url.path]
        defer { _ = try? runProgram("/usr/bin/gpgconf", ["--kill", "gpg-agent"], in: scratch.url, environment: environment) }
        let made = try runProgram("/usr/bin/gpg", ["--batch", "--passphrase", "", "--quick-gen-key", "ITU secretariat <wsis@example.org>", "ed25519", "sign", "never"],
                                  in: scratch.url, environment: environment)
        #expect(made.status == 0, "\(made.error)")
        let keys = try runProgram("/usr/bin/gpg", ["--list-secret-keys", "--with-colons"], in: scratch.url, environment: environment).output
        let fingerprint = try #require(keys.split(separator: "\n").first { $0.hasPrefix("fpr:") }?.split(separator: ":", omittingEmptySubsequences: false)[9])
        #expect(try cli.run(["round", "close"], now: "2020-02-20T10:00:00+01:00").status == 0)
        let published = try runProgram(CLI.executable.path, ["publish", "draft-2", "--sign", "--note", "Draft 2"], in: cli.folder,
                                       environment: environment.merging(["DRAFTFLOW_NOW": "2020-03-05T10:00:00+01:00", "DRAFTFLOW_SIGNING_KEY": "gpg:\(fingerprint)"]) { $1 })
        #expect(published.status == 0, "\(published.error)")
        #expect(try gitRun(["tag", "-v", "draft-2"], in: cli.folder, environment: environment).status == 0)
        // A GPG key is checked against the keyring: nothing is added to the allowed signers.
        #expect(try gitRun(["cat-file", "-e", "main:Signers/allowed_signers"], in: cli.folder).status != 0)
        let good = "gpg: Good signature from \"ITU secretariat <wsis@example.org>\" [ultimate]"
        let tagID = try gitOutput(["rev-parse", "--short=7", "refs/tags/draft-2"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let verified = try runProgram(CLI.executable.path, ["verify", "draft-2"], in: cli.folder, environment: environment)
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("         tag draft-2 (\(tagID)): GPG signature holds: \(good)\n"))

        let original = try gitOutput(["cat-file", "tag", "draft-2"], in: cli.folder)
        let tampered = try scratch.write("tampered-tag", original.replacingOccurrences(of: "Draft 2", with: "Draft 2, agreed by all"))
        let tamperedID = try gitOutput(["hash-object", "-t", "tag", "-w", tampered.path], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        try gitRun(["update-ref", "refs/tags/draft-2", tamperedID], in: cli.folder)
        let afterTamper = try runProgram(CLI.executable.path, ["verify", "draft-2"], in: cli.folder, environment: environment)
        #expect(afterTamper.status == 7)
        #expect(afterTamper.error.hasPrefix("error: signatures: tag draft-2 (\(tamperedID.prefix(7))): its GPG signature does not verify: gpg: BAD signature from \"ITU secretariat <wsis@example.org>\" [ultimate]\n"))
    }
}
