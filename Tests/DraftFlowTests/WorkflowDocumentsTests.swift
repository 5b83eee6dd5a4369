@testable import DraftFlow
import Foundation
import Testing

/// `Workflow.md` with several documents: each read as a workspace of its own and written back
/// without touching the others, and the `documents:` block checked as strictly as the rest.
@Suite struct WorkflowDocumentsTests {
    static func workspace() throws -> Workflow {
        var workflow = Workflow(title: "Council input", document: "Drafts/hlpf.md", timezone: "Europe/Zurich",
                                secretariat: Secretariat(name: "ITU", email: "wsis@itu.int"),
                                members: [Member(code: "CAN", name: "Canada")],
                                versions: [VersionEntry(label: "draft-1", published: Date(timeIntervalSince1970: 1_581_670_800))],
                                rounds: [Round(name: "draft-1", on: "draft-1", kind: .comments, opened: Date(timeIntervalSince1970: 1_581_671_100),
                                               closes: Date(timeIntervalSince1970: 1_583_103_599))])
        workflow.documents = [DocumentEntry(name: "council-report", file: "Drafts/council-report.md", title: "Report to Council", due: "2020-03-15")]
        return workflow
    }

    @Test func aDocumentReadsAsAWorkspaceOfItsOwnAndIsWrittenBackAlone() throws {
        let workflow = try Self.workspace()
        #expect(workflow.documentNames == ["hlpf", "council-report"])
        let report = try #require(workflow.scoped(to: "council-report"))
        #expect(report.title == "Report to Council" && report.document == "Drafts/council-report.md" && report.due == "2020-03-15")
        #expect(report.versions.isEmpty && report.rounds.isEmpty && report.documents == nil)
        #expect(report.members == workflow.members)
        #expect(workflow.scoped(to: "annual-report") == nil)

        var changed = report
        changed.versions.append(VersionEntry(label: "draft-1", published: Date(timeIntervalSince1970: 1_582_000_000)))
        changed.members.append(Member(code: "USA", name: "United States"))
        let whole = workflow.absorbing(changed, as: "council-report")
        // The report has its draft-1; the first document is as it was; the members are shared.
        #expect(whole.documents?.first?.versions.map(\.label) == ["draft-1"])
        #expect(whole.versions == workflow.versions && whole.rounds == workflow.rounds && whole.title == workflow.title)
        #expect(whole.members.map(\.code) == ["CAN", "USA"])
        // Written and read back: the same workflow.
        #expect(try WorkflowFile.parse(WorkflowFile.render(whole)) == whole)
        // The first document's view, changed and written back, leaves the report alone.
        var first = try #require(whole.scoped(to: "hlpf"))
        #expect(first.documents == nil)
        first.title = "Council input to the 2020 HLPF"
        let again = whole.absorbing(first, as: "hlpf")
        #expect(again.title == "Council input to the 2020 HLPF" && again.documents == whole.documents)
    }

    @Test func versionTagsNameTheirDocument() throws {
        let workflow = try Self.workspace()
        #expect(workflow.tagName(of: "draft-1", document: "hlpf") == "draft-1")
        #expect(workflow.tagName(of: "draft-1", document: "council-report") == "council-report/draft-1")
        #expect(workflow.version(ofTag: "council-report/draft-2")! == ("council-report", "draft-2"))
        #expect(workflow.version(ofTag: "final")! == ("hlpf", "final"))
        #expect(workflow.version(ofTag: "other/draft-1") == nil)
        #expect(workflow.documentFile(forTag: "council-report/draft-1") == "Drafts/council-report.md")
        #expect(workflow.documentFile(forTag: "draft-1") == "Drafts/hlpf.md")
        #expect(workflow.document(owningRound: "draft-1") == "hlpf")
    }

    @Test func theDocumentsBlockIsCheckedLikeTheRest() throws {
        let text = String(decoding: try WorkflowFile.render(try Self.workspace()), as: UTF8.self)
        func problem(_ from: String, _ to: String) throws -> String {
            let changed = text.replacingOccurrences(of: from, with: to)
            #expect(changed != text, "\(from) is not in the file")
            return try #require(throws: DraftFlowError.self) { try WorkflowFile.parse(Data(changed.utf8)) }.message
        }
        #expect(try problem("  title: Report to Council", "  title: Report to Council\n  Due: 2020-03-16")
                == "Workflow.md has a key DraftFlow does not know: 'Due' in documents[1] (did you mean 'due'? keys are case-sensitive)")
        #expect(try problem("file: Drafts/council-report.md", "file: Drafts/other.md")
                == "Workflow.md lists document council-report with the file 'Drafts/other.md'; it must be Drafts/council-report.md")
        #expect(try problem("- name: council-report", "- name: hlpf") == "Workflow.md lists document hlpf twice (the second is documents[1])")
        #expect(try problem("  rounds: []", "  rounds:\n  - name: draft-1\n    on: draft-1\n    kind: comments\n    opened: 2020-02-14T10:05:00+01:00\n    closes: 2020-03-01T23:59:59+01:00")
                == "Workflow.md lists round draft-1 twice")
        #expect(try problem("- name: council-report", "- name: Council").hasPrefix("Workflow.md lists a document it cannot take (documents[1]): the document name 'Council' contains the capital 'C'"))
    }
}
