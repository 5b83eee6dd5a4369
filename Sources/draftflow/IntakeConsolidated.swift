import DraftFlow
import DraftFlowOffice
import Foundation

extension Intake {
    /// The secretariat's consolidated ISO template at `path`, split by its MB/NC column: one item
    /// per member, each keeping the whole file byte for byte and reading only that member's rows.
    func consolidatedItems(_ path: String, context: DraftingContext, receivedAt: Date?) throws -> (items: [Submissions.BatchItem], split: String) {
        let data = try readUserFile(path, what: "the consolidated template")
        let name = URL(fileURLWithPath: path).lastPathComponent
        let file = try OfficeFiles.read(IncomingFile(name: name, data: data))
        let parts = try ConsolidatedTemplate.split(file, members: try context.workflow().members)
        let split = parts.map { "\($0.member.code) \($0.rows.count == 1 ? "row" : "rows") \($0.rows.map(String.init).joined(separator: ", "))" }
        return (parts.map { Submissions.BatchItem(member: $0.member.code, file: $0.file, proposal: nil, received: receivedAt) },
                TerminalText.escaped("Split \(name) by MB/NC: \(split.joined(separator: "; "))"))
    }
}
