import ArgumentParser
import DraftFlow
import DraftFlowGit
import Foundation

@main
struct Draftflow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draftflow",
        abstract: "Run the drafting of an intergovernmental text in a git repository.",
        discussion: """
        A secretariat publishes a draft, opens a comment round with a deadline, records each \
        member's comments and proposed edits, and follows where the round stands. Every step is a \
        commit in an ordinary git repository.

        The current instant is DRAFTFLOW_NOW (ISO 8601) when set, else the clock.
        Exit codes: 0 success, 1 collisions left to resolve (merge, resolve) and nothing else, 2 invalid input, 3 refused by the rules, 4 no usable workspace, \
        5 conflict with what exists, 6 storage failure, 7 verify found damage.
        """,
        subcommands: [
            Init.self, DocumentCommand.self, MemberCommand.self, Publish.self, RoundCommand.self, CommentCommand.self, Intake.self, ReceiptCommand.self, ReportCommand.self,
            Merge.self, Collisions.self, Resolve.self, Dispose.self, Withdraw.self, Dispositions.self, Compile.self,
            Finalize.self, Submitted.self, RedlineCommand.self, Outline.self, Translations.self, Export.self,
            Status.self, Log.self, Demo.self, Serve.self,
            Verify.self, HookCommand.self,
            RemoteCommand.self, Push.self, Pull.self, Clone.self, Submit.self, Collect.self,
        ]
    )

    /// ArgumentParser's `main`, the heap's growth set first for the command (`HeapGrowth`): glibc
    /// sizes a thread's heap when the thread first allocates, before any command runs.
    static func main() async {
        HeapGrowth.set(forCommand: ProcessInfo.processInfo.arguments.dropFirst().first)
        await main(nil)
    }
}

/// Options every workspace command shares.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (default: the one containing the current folder).", valueName: "DIR"))
    var workspace: String?

    @Option(name: .long, help: ArgumentHelp("The document of the workspace this is for (default: the only one; see `draftflow document list`).",
                                            valueName: "NAME"))
    var document: String?

    func open() throws -> GitWorkspaceStore {
        let folder = workspace.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let store = try GitWorkspaceStore.open(containing: folder)
        try store.checkHead()
        ErrorReport.openedWorkspace.set(store.repository.workTree)
        return store
    }

    /// The workspace as of now, for the use cases: the document `--document` names, the only one
    /// without it.
    func context() throws -> DraftingContext {
        DraftingContext(store: try scoped(try open()), now: try Clock.now())
    }

    /// The whole workspace as of now, every document in it: for what documents share (members,
    /// remotes) and what reads them all (status, log, verify).
    func workspaceContext() throws -> DraftingContext {
        DraftingContext(store: try open(), now: try Clock.now())
    }

    /// `store` as the document this command is for: the store itself in a workspace of one
    /// document, that document's view (`DocumentScopedStore`) in one of several.
    func scoped(_ store: any WorkspaceStore) throws -> any WorkspaceStore {
        let workflow = try RecordReader.workflow(in: store.snapshot())
        let names = workflow.documentNames
        guard let document else {
            guard workflow.hasSeveralDocuments else { return store }
            throw DraftFlowError(.invalidInput, "this workspace holds \(names.count) documents (\(names.joined(separator: ", "))); the command needs to know which one",
                                 fix: "add --document NAME, e.g. --document \(names[0])")
        }
        guard names.contains(document) else {
            throw DraftFlowError(.invalidInput, "this workspace has no document named '\(TerminalText.escaped(document))'; its documents are \(names.joined(separator: ", "))",
                                 fix: "name one of them with --document, or add it with `draftflow document add \(TerminalText.escaped(document)) --file FILE`")
        }
        return DocumentScopedStore.scoping(store, to: document, in: workflow)
    }
}

/// The current instant: DRAFTFLOW_NOW when set, so tests and the demo control time.
enum Clock {
    static func now() throws -> Date {
        guard let text = ProcessInfo.processInfo.environment["DRAFTFLOW_NOW"], !text.isEmpty else { return Date() }
        do {
            return try Deadline.parseInstant(text, timeZone: InstantFormat.utc)
        } catch {
            throw DraftFlowError(.invalidInput, "DRAFTFLOW_NOW='\(text)' is not an ISO 8601 instant",
                                 fix: "set it like DRAFTFLOW_NOW=2020-02-28T16:00:00+01:00, or unset it to use the clock")
        }
    }
}

/// Runs a command body, turning every error into a message, a `fix:` line and an exit code
/// (`ErrorReport`). ArgumentParser's own errors and deliberate exit codes (collisions left: 1,
/// verify found damage: 7) pass through.
func withErrorHandling(_ body: () throws -> Void) throws {
    // What storage had to say without failing (a commit whose work tree sync waits for the next
    // command, an interrupted write finished), after the command's own output.
    defer { printStorageNotices() }
    do {
        try body()
    } catch {
        guard let failure = ErrorReport.draftFlowError(for: error).map(ErrorReport.withRestoreAdvice) else { throw error }
        var standardError = StandardError()
        print("error: \(TerminalText.escaped(failure.message, keepingLines: true))", to: &standardError)
        let fix = failure.fix ?? "see `draftflow help` and the README's section on errors"
        print("  fix: \(TerminalText.escaped(fix, keepingLines: true))", to: &standardError)
        throw ExitCode(exitCode(for: failure.kind))
    }
}

func printStorageNotices() {
    var standardError = StandardError()
    for notice in StorageNotices.take() {
        print(TerminalText.escaped(notice, keepingLines: true), to: &standardError)
    }
}

func exitCode(for kind: DraftFlowError.Kind) -> Int32 {
    switch kind {
    case .invalidInput: return 2
    case .refused: return 3
    case .workspace: return 4
    case .conflict: return 5
    case .storage: return 6
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}

/// Prints a value as JSON on standard output.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    Swift.print(String(decoding: TerminalOutput.json(try encoder.encode(value)), as: UTF8.self))
}

/// Prints JSON the library encoded, with a final newline.
func printJSON(data: Data) {
    // Written as it is, then the newline: not copied once more to add it (a merge's JSON is 47 MB at 772 members).
    FileHandle.standardOutput.write(TerminalOutput.json(data))
    FileHandle.standardOutput.write(Data("\n".utf8))
}

/// Prints JSON the library gave in pieces, with a final newline: written a megabyte at a time,
/// never put together (a merge's JSON is 47 MB at 772 members).
func printJSON(pieces: JSONPieces) {
    TerminalOutput.json(pieces).write(bufferSize: 1 << 20) { FileHandle.standardOutput.write(Data($0)) }
    FileHandle.standardOutput.write(Data("\n".utf8))
}
