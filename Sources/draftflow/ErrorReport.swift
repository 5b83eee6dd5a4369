import ArgumentParser
import DraftFlow
import DraftFlowGit
import Foundation

/// What the command line says about an error that is not a `DraftFlowError`: every error a
/// command can meet becomes a message with a `fix:` line and the documented exit code, never a
/// raw internal error with exit code 1 (which means "collisions left").
enum ErrorReport {
    /// The DraftFlow error a person is shown for `error`; nil for ArgumentParser's own errors
    /// and deliberate exit codes, which pass through.
    static func draftFlowError(for error: any Error) -> DraftFlowError? {
        switch error {
        case let error as DraftFlowError: return error
        case is ExitCode, is CleanExit, is ValidationError: return nil
        case let error as DecodingError: return decoding(error)
        case is EncodingError:
            return DraftFlowError(.storage, "a record could not be written as JSON: \(error)",
                                  fix: "nothing was written; report this with the command line to the DraftFlow maintainers")
        case let error as CocoaError: return file(error)
        default: break
        }
        if let failure = StorageFailure.gitLayerError(error) { return failure }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain || nsError.domain == NSCocoaErrorDomain {
            return DraftFlowError(.storage, "a file could not be read or written: \(nsError.localizedDescription)",
                                  fix: "check the permissions and the free space of the workspace, then run the command again")
        }
        return DraftFlowError(.storage, "unexpected failure: \(error)",
                              fix: "check the workspace with `git status` and `draftflow verify`; report this with the command line to the DraftFlow maintainers")
    }

    /// The work tree of the workspace the command opened, for advice that reads its history.
    static let openedWorkspace = OpenedWorkspace()

    /// `error` with a fix that works when it suggests `git checkout` for a committed file that
    /// does not read: checking it out would restore the same bad file, so the fix names the commit
    /// that last changed it and one where it reads.
    static func withRestoreAdvice(_ error: DraftFlowError) -> DraftFlowError {
        guard error.kind == .workspace, error.fix?.contains("git checkout") == true, let root = openedWorkspace.get(),
              let path = committedRecord(named: error.message) else { return error }
        let reads: (Data) -> Bool = path == Workflow.fileName
            ? { (try? WorkflowFile.parse($0)) != nil }
            : { (try? JSONSerialization.jsonObject(with: $0)) != nil }
        guard let store = try? GitWorkspaceStore.open(containing: root),
              let advice = store.restoreAdvice(for: path, reads: reads) else { return error }
        return DraftFlowError(error.kind, error.message, fix: advice)
    }

    /// The record an error message names: Workflow.md, or a JSON file under Comments/.
    private static func committedRecord(named message: String) -> String? {
        if message.hasPrefix(Workflow.fileName) { return Workflow.fileName }
        return message.split(separator: " ").map(String.init).first { $0.hasPrefix("Comments/") && $0.hasSuffix(".json") }
    }

    /// A record in the workspace that does not decode: a file changed by hand, or damaged.
    private static func decoding(_ error: DecodingError) -> DraftFlowError {
        DraftFlowError(.workspace, "a DraftFlow record cannot be read: \(DecodingProblem.describe(error))", fix: fixForRecords)
    }

    private static let fixForRecords = "a record under Comments/ or Workflow.md was changed by hand or is damaged: "
        + "`git log --stat -5` shows the last commits and the files they changed; restore a good version of the file with "
        + "`git show COMMIT:PATH > PATH` and commit it"

    private static func file(_ error: CocoaError) -> DraftFlowError {
        let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? error.errorUserInfo[NSFilePathErrorKey] as? String
        let what = path.map { " (\($0))" } ?? ""
        switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile:
            return DraftFlowError(.invalidInput, "a file does not exist\(what)", fix: "check the path")
        case .fileReadNoPermission, .fileWriteNoPermission:
            return DraftFlowError(.storage, "permission denied\(what)", fix: "check the permissions of the file and of its folder")
        case .fileWriteOutOfSpace:
            return DraftFlowError(.storage, "the disk is full\(what)", fix: "free some disk space, then run the command again")
        default:
            return DraftFlowError(.storage, "a file could not be read or written\(what): \(error.localizedDescription)",
                                  fix: "check the permissions and the free space of the workspace, then run the command again")
        }
    }
}

/// The work tree of the workspace a command opened, set once the command opens it.
///
/// `@unchecked Sendable`: the value is only read and written under `lock`.
final class OpenedWorkspace: @unchecked Sendable {
    private let lock = NSLock()
    private var folder: URL?

    func set(_ value: URL?) { lock.withLock { folder = value } }
    func get() -> URL? { lock.withLock { folder } }
}
