@testable import DraftFlow
import Foundation
import Testing

/// The workflow kept between commands (`WorkflowCache`'s JSON) reads back as the parse of the
/// file it was kept for, field for field.
@Suite struct KeptWorkflowTests {
    static func keptAndRead(_ workflow: Workflow) throws -> Workflow {
        let bytes = try JSONEncoder().encode(WorkflowCache.Kept(format: WorkflowCache.format, sha256: "x", workflow: workflow))
        return try JSONDecoder().decode(WorkflowCache.Kept.self, from: bytes).workflow
    }

    @Test func aKeptWorkflowIsTheParsedOne() throws {
        let members = (0..<40).map { (code: "Q\($0 / 26)\($0 % 26)", name: "Delegation \($0): 信息, Côte d’Ivoire \"q\"") }
        let fixture = try OpenRoundFixture(members: members)
        _ = try Rounds(try fixture.at("2020-02-20T10:00:00.250+01:00")).extend(closes: "2020-03-05T18:30:00+01:00", note: "More time", reopen: true)
        let data = try #require(try fixture.store.snapshot().file(Workflow.fileName))
        var parsed = try WorkflowFile.parse(data)
        #expect(try Self.keptAndRead(parsed) == parsed)

        // Every optional part set, and a second document: rendered, parsed, kept, read.
        parsed.recipient = "the President of ECOSOC"
        parsed.due = "2020-03-16"
        parsed.submitted = Transmission(to: "ECOSOC", at: Date(timeIntervalSince1970: 1_584_300_000.5), version: "final", note: "Sent")
        parsed.members[0] = Member(code: "QAA", name: "Ā", email: "a@example.org", otherEmails: ["b@example.org"])
        parsed.documents = [DocumentEntry(name: "council-report", file: "Drafts/council-report.md", title: "Report",
                                          versions: [VersionEntry(label: "draft-1", published: Date(timeIntervalSince1970: 1_580_000_000), note: "n")])]
        let rendered = try WorkflowFile.parse(try WorkflowFile.render(parsed))
        #expect(rendered.documents?.count == 1)
        #expect(try Self.keptAndRead(rendered) == rendered)
    }
}
