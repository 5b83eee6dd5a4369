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
    /// The document served, in a workspace of several (`serve --document`); nil: the only one.
    var document: String? = nil

    /// The workspace opened now, as the document served.
    func context() throws -> DraftingContext {
        let store = try GitWorkspaceStore.open(containing: folder)
        try store.checkHead()
        return DraftingContext(store: document.map { DocumentScopedStore(store, document: $0) } ?? store, now: try now())
    }

    private static let readers = DispatchQueue(label: "draftflow.portal.read", attributes: .concurrent)
    /// The server's writes, one at a time (a batch of submissions is one): they queue here
    /// rather than on the store's lock, whose wait is bounded for the CLI (10 s) and would fail a
    /// burst of submissions; the lock then only ever waits for a command-line write.
    fileprivate static let writer = DispatchQueue(label: "draftflow.portal.write")

    /// Runs `body`, which only reads, on a context opened now.
    func run<T: Sendable>(_ body: @escaping @Sendable (DraftingContext) throws -> T) async throws -> T {
        try await run(on: Self.readers, body)
    }

    /// Runs `body`, which writes, on a context opened when its turn comes: its instant (the
    /// received instant of a submission) is read right before it commits.
    func write<T: Sendable>(_ body: @escaping @Sendable (DraftingContext) throws -> T) async throws -> T {
        try await run(on: Self.writer, body)
    }

    /// Records one member's submission, built by `item` on the workspace as of its turn (the
    /// member's current submission, the latest round). Submissions that arrive while a write is
    /// under way wait together and are then recorded as one batch (`Submissions.submitEach`:
    /// one commit authored by each member, one pack, one sync), so concurrent members share
    /// one fsync; each still gets its own outcome, and a refusal answers only its own request.
    /// A member's second submission waits for the next batch, since it builds on the first.
    func submit(member: String, _ item: @escaping @Sendable (DraftingContext) throws -> (Submissions.BatchItem, String)) async throws -> Submissions.Outcome {
        try await withCheckedThrowingContinuation { continuation in
            pending.add(PendingSubmission(member: member, item: item, continuation: continuation), workspace: self)
        }
    }

    /// The submissions waiting for this workspace's next batch.
    let pending = PendingSubmissions()

    /// Records a batch taken from the queue, on the writer's thread.
    fileprivate func record(_ batch: [PendingSubmission]) {
        let context: DraftingContext
        do {
            context = try self.context()
        } catch {
            for waiting in batch { waiting.continuation.resume(throwing: error) }
            return
        }
        var rounds: [String: [(PendingSubmission, Submissions.BatchItem)]] = [:]
        var order: [String] = []
        for waiting in batch {
            do {
                let (item, round) = try waiting.item(context)
                if rounds[round] == nil { order.append(round) }
                rounds[round, default: []].append((waiting, item))
            } catch {
                waiting.continuation.resume(throwing: error)
            }
        }
        for round in order {
            let group = rounds[round] ?? []
            let results = Submissions(context).submitEach(group.map(\.1), roundName: round)
            for ((waiting, _), result) in zip(group, results) { waiting.continuation.resume(with: result) }
        }
    }

    private func run<T: Sendable>(on queue: DispatchQueue, _ body: @escaping @Sendable (DraftingContext) throws -> T) async throws -> T {
        let workspace = self
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result {
                    try body(workspace.context())
                })
            }
        }
    }
}

/// A submission waiting for its batch.
struct PendingSubmission: Sendable {
    let member: String
    let item: @Sendable (DraftingContext) throws -> (Submissions.BatchItem, String)
    let continuation: CheckedContinuation<Submissions.Outcome, any Error>
}

/// The queue of submissions: a batch is scheduled on the writer when the first one arrives, and
/// takes everything waiting by then (one per member); what is left schedules the next.
final class PendingSubmissions: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var waiting: [PendingSubmission] = []
    private var scheduled = false

    func add(_ submission: PendingSubmission, workspace: PortalWorkspace) {
        lock.lock()
        waiting.append(submission)
        let schedule = !scheduled
        scheduled = true
        lock.unlock()
        if schedule { PortalWorkspace.writer.async { self.drain(workspace) } }
    }

    private func drain(_ workspace: PortalWorkspace) {
        lock.lock()
        var batch: [PendingSubmission] = []
        var rest: [PendingSubmission] = []
        var members = Set<String>()
        for submission in waiting {
            if members.insert(submission.member).inserted { batch.append(submission) } else { rest.append(submission) }
        }
        waiting = rest
        lock.unlock()
        workspace.record(batch)
        lock.lock()
        let again = !waiting.isEmpty
        scheduled = again
        lock.unlock()
        if again { PortalWorkspace.writer.async { self.drain(workspace) } }
    }
}
