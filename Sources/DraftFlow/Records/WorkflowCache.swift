import ContentHash
import Foundation

/// Where the last parsed `Workflow.md` is kept between commands: the git store keeps it in a file
/// of its own beside the repository's objects (`.git/draftflow/workflow-parsed.json`). Reads and
/// writes never fail a command: a file that cannot be read is parsed again, one that cannot be
/// written (a read-only clone) is not kept.
package protocol ParsedWorkflowStore: Sendable {
    func load() -> Data?
    func save(_ data: Data)
}

/// The last few `Workflow.md` files parsed, by their bytes: the parse (YAML, strict) is most of
/// the cost of a request on a workspace of 193 members, and the same bytes always parse to the
/// same workflow, so a server reading the same tip again and again parses it once. Files that
/// do not parse are never kept: their error is reported each time.
///
/// Between commands, the last one parsed is kept as JSON under the SHA-256 of the file's bytes
/// (`ParsedWorkflowStore`): every command reads `Workflow.md`, and YAML decoding took a fifth of
/// `log` and `status` at 193 members. Only a file that parsed and passed every check is kept, and
/// a kept one is used only for exactly those bytes; `verify` does not use it (it parses each
/// version's file itself).
package final class WorkflowCache: @unchecked Sendable {
    package static let shared = WorkflowCache()
    // Guarded by `lock`.
    private let lock = NSLock()
    private var entries: [(data: Data, workflow: Workflow)] = []
    private var store: (any ParsedWorkflowStore)?

    /// What the kept file holds.
    struct Kept: Codable {
        /// Bumped when `Workflow`'s coding changes, so that a file kept by another version of
        /// DraftFlow is parsed again rather than read.
        var format: Int
        var sha256: String
        var workflow: Workflow
    }
    static let format = 1

    func workflow(for data: Data) -> Workflow? {
        lock.lock()
        defer { lock.unlock() }
        return entries.first { $0.data == data }?.workflow
    }

    func keep(_ workflow: Workflow, for data: Data) {
        lock.lock()
        defer { lock.unlock() }
        guard !entries.contains(where: { $0.data == data }) else { return }
        entries.insert((data, workflow), at: 0)
        if entries.count > 4 { entries.removeLast() }
    }

    /// Keeps parsed files in `store` from now on (the git store sets its own when it opens).
    package func use(_ store: any ParsedWorkflowStore) {
        lock.lock()
        defer { lock.unlock() }
        self.store = store
    }

    private var currentStore: (any ParsedWorkflowStore)? {
        lock.lock()
        defer { lock.unlock() }
        return store
    }

    /// The workflow kept for exactly these bytes by an earlier command, or nil.
    func stored(for data: Data) -> Workflow? {
        guard let store = currentStore, let bytes = store.load(),
              let kept = try? JSONDecoder().decode(Kept.self, from: bytes),
              kept.format == Self.format, kept.sha256 == FileSHA256.hex(data) else { return nil }
        return kept.workflow
    }

    /// Keeps the workflow parsed from these bytes for the next command.
    func store(_ workflow: Workflow, for data: Data) {
        guard let store = currentStore,
              let bytes = try? JSONEncoder().encode(Kept(format: Self.format, sha256: FileSHA256.hex(data), workflow: workflow)) else { return }
        store.save(bytes)
    }
}
