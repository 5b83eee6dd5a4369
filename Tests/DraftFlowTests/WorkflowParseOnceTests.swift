@testable import DraftFlow
import Foundation
import Testing

/// `WorkflowFile.parse` reads the front matter once (keys checked and values decoded from one
/// parse); it must read every file as the two parses did, and refuse what they refused.
@Suite struct WorkflowParseOnceTests {
    @Test func aWorkspaceWorkflowReadsAsWithTwoParses() throws {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let members = (0..<60).map { (code: "Q\(letters[$0 / 26])\(letters[$0 % 26])", name: "Delegation \($0): \"quoted\", 'single' & #hash") }
        let fixture = try OpenRoundFixture(members: members)
        _ = try Rounds(try fixture.at("2020-02-20T10:00:00+01:00")).extend(closes: "2020-03-05", note: "More time: #1 \"asked\"", reopen: false)
        let data = try #require(try fixture.store.snapshot().file(Workflow.fileName))
        let once = try WorkflowFile.parse(data)
        #expect(once == (try WorkflowFile.parseTwice(data)))
        #expect(once.members.count == 60)
        #expect(once.members[1].name == "Delegation 1: \"quoted\", 'single' & #hash")

        // Anchors and aliases, a null and quoted numbers read the same way too.
        let text = String(decoding: data, as: UTF8.self)
        let aliased = text.replacingOccurrences(of: "title: Input", with: "title: &t '2020'")
            .replacingOccurrences(of: "  name: Secretariat", with: "  name: *t")
        let aliasedData = Data(aliased.utf8)
        #expect(aliased != text)
        let fromAliases = try WorkflowFile.parse(aliasedData)
        #expect(fromAliases == (try WorkflowFile.parseTwice(aliasedData)))
        #expect(fromAliases.title == "2020" && fromAliases.secretariat.name == "2020")
    }

    @Test func whatTwoParsesRefusedIsRefusedWithTheSameMessage() throws {
        let fixture = try OpenRoundFixture(members: [(code: "CAN", name: "Canada")])
        let text = String(decoding: try #require(try fixture.store.snapshot().file(Workflow.fileName)), as: UTF8.self)
        let unknownKey = text.replacingOccurrences(of: "title: Input", with: "title: Input\nTitle: again")
        #expect(throws: DraftFlowError.self) { try WorkflowFile.parseTwice(Data(unknownKey.utf8)) }
        let error = try #require(throws: DraftFlowError.self) { try WorkflowFile.parse(Data(unknownKey.utf8)) }
        #expect(error.message == "Workflow.md has a key DraftFlow does not know: 'Title' at the top level (did you mean 'title'? keys are case-sensitive)")
        let badValue = text.replacingOccurrences(of: "title: Input", with: "title: [Input, 2]")
        #expect(throws: (any Error).self) { try WorkflowFile.parseTwice(Data(badValue.utf8)) }
        let decoding = try #require(throws: DraftFlowError.self) { try WorkflowFile.parse(Data(badValue.utf8)) }
        #expect(decoding.message.hasPrefix("Workflow.md has front matter DraftFlow cannot read: "))
        let notYAML = text.replacingOccurrences(of: "title: Input", with: "title: [Input")
        let syntax = try #require(throws: DraftFlowError.self) { try WorkflowFile.parse(Data(notYAML.utf8)) }
        #expect(syntax.message.hasPrefix("Workflow.md has front matter that is not valid YAML: "))
    }
}
