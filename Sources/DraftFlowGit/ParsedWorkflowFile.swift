import DraftFlow
import Foundation

/// The file the last parsed `Workflow.md` is kept in between commands:
/// `.git/draftflow/workflow-parsed.json` (see `WorkflowCache`). It is read only when it is a
/// regular file of at most 64 MiB, and written whole under a temporary name, then renamed, so a
/// command never reads half of one; any failure leaves the workflow to be parsed again.
struct ParsedWorkflowFile: ParsedWorkflowStore {
    let url: URL
    static let limit = 64 << 20

    init(gitDirectory: URL) {
        url = gitDirectory.appendingPathComponent("draftflow").appendingPathComponent("workflow-parsed.json")
    }

    func load() -> Data? { DerivedFile.read(url, limit: Self.limit) }

    func save(_ data: Data) {
        guard data.count <= Self.limit else { return }
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".workflow-parsed-\(UUID().uuidString).json")
        guard (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }
}
