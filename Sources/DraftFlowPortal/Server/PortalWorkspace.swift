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

    private static let readers = DispatchQueue(label: "draftflow.portal.read", attributes: .concurrent)
    /// The server's writes, one at a time: they queue here rather than on the store's lock, whose
    /// wait is bounded for the CLI (10 s) and would fail a burst of submissions; the lock then
    /// only ever waits for a command-line write.
    private static let writer = DispatchQueue(label: "draftflow.portal.write")

    /// Runs `body`, which only reads, on a context opened now.
    func run<T: Sendable>(_ body: @escaping @Sendable (DraftingContext) throws -> T) async throws -> T {
        try await run(on: Self.readers, body)
    }

    /// Runs `body`, which writes, on a context opened when its turn comes: its instant (the
    /// received instant of a submission) is read right before it commits.
    func write<T: Sendable>(_ body: @escaping @Sendable (DraftingContext) throws -> T) async throws -> T {
        try await run(on: Self.writer, body)
    }

    private func run<T: Sendable>(on queue: DispatchQueue, _ body: @escaping @Sendable (DraftingContext) throws -> T) async throws -> T {
        let folder = folder
        let now = now
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result {
                    let store = try GitWorkspaceStore.open(containing: folder)
                    try store.checkHead()
                    return try body(DraftingContext(store: store, now: try now()))
                })
            }
        }
    }
}
