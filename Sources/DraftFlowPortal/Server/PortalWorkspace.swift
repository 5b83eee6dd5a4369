import DraftFlow
import DraftFlowGit
import Dispatch
import Foundation

/// The workspace as the server reaches it: each request opens the repository afresh on a thread
/// of its own (a libgit2 handle stays on one thread), reads or writes through the use cases, and
/// closes it. Writes take the store's lock and compare-and-swap like every CLI command, so the
/// CLI and the server share the workspace safely.
struct PortalWorkspace: Sendable {
    let folder: URL
    let now: @Sendable () throws -> Date

    private static let queue = DispatchQueue(label: "draftflow.portal.workspace", attributes: .concurrent)

    /// Runs `body` on a context opened now; the instant is read right before it runs.
    func run<T: Sendable>(_ body: @escaping @Sendable (DraftingContext) throws -> T) async throws -> T {
        let folder = folder
        let now = now
        return try await withCheckedThrowingContinuation { continuation in
            Self.queue.async {
                continuation.resume(with: Result {
                    let store = try GitWorkspaceStore.open(containing: folder)
                    try store.checkHead()
                    return try body(DraftingContext(store: store, now: try now()))
                })
            }
        }
    }
}
