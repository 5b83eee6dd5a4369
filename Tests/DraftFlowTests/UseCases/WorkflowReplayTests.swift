import DraftFlow
import Foundation
import Testing

/// `Workflow.md` replayed on a tip another officer moved: merged document by document, so
/// officers working on different documents of one workspace do not conflict.
@Suite struct WorkflowReplayTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_581_670_800)  // 14 February 2020, 10:00 CET

    static func base() -> Workflow {
        var workflow = Workflow(title: "Council input", document: "Drafts/hlpf.md", timezone: "Europe/Zurich",
                                secretariat: Secretariat(name: "ITU", email: "wsis@itu.int"),
                                members: [Member(code: "CAN", name: "Canada")],
                                versions: [VersionEntry(label: "draft-1", published: start)])
        workflow.documents = [DocumentEntry(name: "council-report", file: "Drafts/council-report.md", title: "Report to Council",
                                            versions: [VersionEntry(label: "draft-1", published: start)])]
        return workflow
    }

    func change(_ before: Workflow, _ after: Workflow) throws -> [Replay.FileChange] {
        [Replay.FileChange(path: Workflow.fileName, before: try WorkflowFile.render(before), after: try WorkflowFile.render(after))]
    }

    @Test func officersWorkingOnDifferentDocumentsDoNotConflict() throws {
        let base = Self.base()
        // This officer publishes draft-2 of the report; the other opened a round on the first document.
        var mine = base
        mine.documents?[0].versions.append(VersionEntry(label: "draft-2", published: Self.start.addingTimeInterval(Self.day)))
        var theirs = base
        theirs.rounds.append(Round(name: "draft-1", on: "draft-1", kind: .comments, opened: Self.start, closes: Self.start.addingTimeInterval(15 * Self.day)))
        let tip = try WorkflowFile.render(theirs)
        let writes = try Replay.rebase(try change(base, mine), onto: { $0 == Workflow.fileName ? tip : nil }, zone: zone, commit: "Publish draft-2")
        var expected = theirs
        expected.documents?[0].versions = mine.documents![0].versions
        #expect(writes[Workflow.fileName] == (try WorkflowFile.render(expected)))
    }

    @Test func aDocumentAddedOnEachSideKeepsBothAndAMemberAddedOnOneSideIsKept() throws {
        let base = Self.base()
        var mine = base
        mine.documents?.append(DocumentEntry(name: "template", file: "Drafts/template.md", title: "Regional report template"))
        var theirs = base
        theirs.members.append(Member(code: "USA", name: "United States"))
        theirs.documents?.append(DocumentEntry(name: "annex", file: "Drafts/annex.md", title: "Annex"))
        let tip = try WorkflowFile.render(theirs)
        let writes = try Replay.rebase(try change(base, mine), onto: { $0 == Workflow.fileName ? tip : nil }, zone: zone, commit: "Add document template")
        let merged = try WorkflowFile.parse(try #require(writes[Workflow.fileName] ?? nil))
        #expect(merged.documentNames == ["hlpf", "council-report", "annex", "template"])
        #expect(merged.members.map(\.code) == ["CAN", "USA"])
    }

    @Test func bothSidesChangingTheSameDocumentIsStillAConflict() throws {
        let base = Self.base()
        var mine = base
        mine.documents?[0].versions.append(VersionEntry(label: "draft-2", published: Self.start.addingTimeInterval(Self.day)))
        var theirs = base
        theirs.documents?[0].versions.append(VersionEntry(label: "draft-2b", published: Self.start.addingTimeInterval(2 * Self.day)))
        let tip = try WorkflowFile.render(theirs)
        let error = try #require(throws: DraftFlowError.self) {
            try Replay.rebase(try change(base, mine), onto: { $0 == Workflow.fileName ? tip : nil }, zone: zone, commit: "Publish draft-2")
        }
        #expect(error.kind == .conflict)
        #expect(error.message == "the remote changed Workflow.md since the local commit \"Publish draft-2\" was made, and that commit changes it too")
        // The same for the members both sides changed differently.
        var registered = base
        registered.members.append(Member(code: "FRA", name: "France"))
        var other = base
        other.members.append(Member(code: "USA", name: "United States"))
        let otherTip = try WorkflowFile.render(other)
        #expect(throws: DraftFlowError.self) {
            try Replay.rebase(try change(base, registered), onto: { $0 == Workflow.fileName ? otherTip : nil }, zone: zone, commit: "Register FRA")
        }
    }
}
