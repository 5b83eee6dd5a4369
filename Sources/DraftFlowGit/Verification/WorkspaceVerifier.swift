import DraftFlow
import Foundation

/// Checks that a published version, the original files of every comment in it, and the history
/// leading to it are intact: every object is read raw from git's object database and re-hashed.
public enum WorkspaceVerifier {
    public static let versionTextCheck = "version-text"
    public static let commentFilesCheck = "comment-files"
    public static let historyCheck = "history"
    public static let headCheck = "head"
    public static let submissionsKeptCheck = "submissions-kept"
    public static let foreignCommitsCheck = "foreign-commits"
    public static let signaturesCheck = "signatures"

    /// Verifies `version` (default: the newest published version) of the workspace containing
    /// `folder`, on the calling thread. Problems with the repository's content are in the report;
    /// throws a `DraftFlowError` only when there is nothing to verify (no workspace, no such
    /// version, no version published).
    ///
    /// On a damaged repository this may never return (docs/LIBGIT2.md, item 10): prefer
    /// `verify(containing:version:timeout:)`.
    public static func verify(containing folder: URL, version: String?, inflateLooseObjectsFirst: Bool = true) throws -> VerificationReport {
        let store = try GitWorkspaceStore.open(containing: folder)
        var run = VerificationRun(repository: store.repository, inflateLooseObjectsFirst: inflateLooseObjectsFirst)
        return try run.verify(version)
    }

    /// Verifies on a thread of its own, which opens its own repository, and waits at most
    /// `timeout` seconds. On timeout that thread cannot be stopped: it is left running, and the
    /// caller should end the process.
    ///
    /// `inflateLooseObjectsFirst: false` turns off the check of loose object files outside
    /// libgit2, leaving only the timeout as a guard (for tests of that guard).
    public static func verify(containing folder: URL, version: String?, timeout: TimeInterval,
                              inflateLooseObjectsFirst: Bool = true) throws -> VerificationOutcome {
        let box = OutcomeBox()
        let thread = Thread {
            let result: Result<VerificationReport, DraftFlowError>
            do {
                result = .success(try verify(containing: folder, version: version, inflateLooseObjectsFirst: inflateLooseObjectsFirst))
            } catch let error as DraftFlowError {
                result = .failure(error)
            } catch {
                result = .failure(StorageFailure.error(error, context: "verification failed"))
            }
            box.finish(result)
        }
        thread.name = "draftflow-verify"
        thread.stackSize = 8 << 20
        thread.start()
        guard let result = box.wait(seconds: timeout) else { return .timedOut(seconds: timeout) }
        return .finished(try result.get())
    }
}

/// Hands the verification thread's result to the waiting thread.
///
/// `@unchecked Sendable`: `result` is written once by the verification thread and read by the
/// waiting thread only under `lock`; the semaphore only signals that it was written.
private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<VerificationReport, DraftFlowError>?

    func finish(_ value: Result<VerificationReport, DraftFlowError>) {
        lock.lock()
        result = value
        lock.unlock()
        done.signal()
    }

    /// The result, or nil when it did not come within `seconds`.
    func wait(seconds: TimeInterval) -> Result<VerificationReport, DraftFlowError>? {
        let deadline = DispatchTime.now() + .nanoseconds(Int(min(seconds, 86_400 * 365) * 1_000_000_000))
        guard done.wait(timeout: deadline) == .success else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return result
    }
}
