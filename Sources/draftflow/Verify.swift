import ArgumentParser
import DraftFlow
import DraftFlowGit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Verify: ParsableCommand {
    /// The exit code when a check fails or the verification does not finish in time.
    static let failedExitCode: Int32 = 7

    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a published version, every comment's original file and the history are intact.",
        discussion: """
        Reads every object raw from git's object database and re-hashes it, then checks:
          1. the version's text is what its annotated tag points to (tag, commit, tree, Workflow.md, document);
          2. every comment's original file and edited copy in that version is byte-identical to what was \
        received (the blob ids in each Comments/<round>/<MEMBER>/submission-<n>.json record);
          3. the history from the first commit to the version is intact, and every version published \
        before it is in that history;
          4. HEAD is on a branch whose commit reads, the version is in its history, and every commit, \
        tree and blob after the version up to HEAD is intact (the other commands read HEAD);
          5. at every commit from the first version to HEAD (first parents), every submission's record \
        is still there and its original file and edited copy are byte-identical to what was received;
          6. every commit since the first version that changes Comments/ or Workflow.md was made by \
        DraftFlow (its message carries DraftFlow trailers); any other is named with the files it changes;
          7. every signed version's tag signature holds (`publish --sign`): SSH signatures with \
        `ssh-keygen -Y verify` against Signers/allowed_signers at the tip, for the tagger's e-mail; GPG \
        signatures with `gpg --verify`. A bad signature is named; unsigned versions are listed.
        VERSION defaults to the newest published version.

        A damaged repository can make libgit2 loop forever (a truncated loose object): verification \
        runs on its own thread and gives up after --timeout seconds.

        With --receipt FILE, checks a member's receipt instead (the JSON `draftflow receipt` writes, \
        or its Markdown or HTML form): the submission's record and every file byte for byte (SHA-256), \
        at the tip and at the commit that recorded it, which must be in the branch's history.

        Exit codes: 0 every check holds; 7 a check failed, or verification did not finish within the \
        timeout; 2 invalid input (such as an unknown VERSION); 4 no usable workspace; 6 storage failure.

        Example: draftflow verify draft-1 --json
        Example: draftflow verify --receipt receipt-CAN.json
        """
    )

    @Argument(help: "The version to verify (default: the newest published version).")
    var version: String?

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Check a member's receipt against the workspace.", valueName: "FILE"))
    var receipt: String?

    @Option(help: ArgumentHelp("Give up after this many seconds.", valueName: "SECONDS"))
    var timeout: Double = 60

    /// Skips inflating loose objects before libgit2 reads them, leaving only the timeout as a
    /// guard. For tests of that guard.
    @Flag(name: .customLong("no-loose-object-check"), help: .hidden)
    var noLooseObjectCheck = false

    func run() throws {
        try withErrorHandling {
            guard timeout.isFinite, timeout > 0 else {
                throw DraftFlowError(.invalidInput, "--timeout must be a positive number of seconds", fix: "pass --timeout 60")
            }
            let folder = options.workspace.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            if let receipt {
                guard version == nil else {
                    throw DraftFlowError(.invalidInput, "--receipt checks a submission, not a version", fix: "run `draftflow verify --receipt \(receipt)` without a VERSION")
                }
                let held = try Receipt.read(try readUserFile(receipt, what: "the receipt"))
                let report = try ReceiptCheck.verify(held, containing: folder)
                try show(report)
                if !report.ok { throw ExitCode(Self.failedExitCode) }
                return
            }
            let outcome = try WorkspaceVerifier.verify(containing: folder, version: version, timeout: timeout,
                                                       inflateLooseObjectsFirst: !noLooseObjectCheck)
            switch outcome {
            case .timedOut(let seconds):
                timedOut(seconds)
            case .finished(let report):
                try show(report)
                if !report.ok { throw ExitCode(Self.failedExitCode) }
            }
        }
    }

    private func show(_ report: VerificationReport) throws {
        if json {
            try printJSON(report)
        } else {
            print("Verifying \(report.version) in \(report.workspace)")
            if let tag = report.tag { print("  tag    \(tag)") }
            if let commit = report.commit { print("  commit \(commit)") }
            for (index, check) in report.checks.enumerated() {
                print("\(check.ok ? "ok    " : "FAILED") \(index + 1). \(check.title)")
                for detail in check.details { print("         \(detail)") }
                for problem in check.problems { print("         ! \(problem)") }
            }
            let failed = report.checks.filter { !$0.ok }.count
            print(failed == 0 ? "All checks hold." : "\(failed) of \(report.checks.count) checks FAILED.")
        }
        var standardError = StandardError()
        for check in report.checks where !check.ok {
            for problem in check.problems {
                print("error: \(check.name): \(TerminalText.escaped(problem))", to: &standardError)
            }
        }
        if !report.ok, report.checks.contains(where: { $0.name == ReceiptCheck.checkName }) {
            print("  fix: the submission was changed after its receipt was issued: `git log -p -- Comments/` in the workspace shows which commit changed it; "
                  + "restore the files from the commit the receipt names", to: &standardError)
        } else if !report.ok, report.checks.allSatisfy({ $0.ok || $0.name == WorkspaceVerifier.signaturesCheck }) {
            print("  fix: do not trust that version's tag: it was made or changed without a trusted key (Signers/allowed_signers for SSH, the keyring for GPG); "
                  + "get the tag again from the secretariat's repository (`git fetch --force origin 'refs/tags/*:refs/tags/*'`) and verify again", to: &standardError)
        } else if !report.ok {
            print("  fix: \(Self.damageFix)", to: &standardError)
        }
    }

    /// What to do when a check fails.
    static let damageFix = "run `git fsck --full` in the workspace to list every damaged or missing object; move a damaged object file "
        + "out of .git/objects, then fetch every object again from an intact copy (a member's clone or a backup): `git fetch --refetch /path/to/copy`"

    /// Reports the timeout and ends the process at once: the verification thread may be stuck in
    /// libgit2 and cannot be stopped, so the process must not wait for it.
    private func timedOut(_ seconds: Double) -> Never {
        let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        let message = "verification did not finish within \(shown) s: the repository is probably damaged (a truncated object makes libgit2 1.5.1 loop)"
        if json {
            struct TimedOut: Encodable {
                var version: String?
                var ok = false
                var timedOut = true
                var timeoutSeconds: Double
                var message: String
            }
            try? printJSON(TimedOut(version: version, timeoutSeconds: seconds, message: message))
        }
        var standardError = StandardError()
        print("error: \(message)", to: &standardError)
        print("  fix: \(Self.damageFix)", to: &standardError)
        fflush(nil)  // every C stream: print() buffers standard output
        // _exit: no atexit handlers or static destructors while the other thread is inside libgit2.
        _exit(Self.failedExitCode)
    }
}
