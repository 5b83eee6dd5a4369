import DraftFlowExport
import Foundation
import Testing
import TestSupport

/// The compilation as Word, read back by the Word intake: the same changes, by the same authors.
@Suite(.enabled(if: Pandoc.locate() != nil)) struct WordRoundTripCommandTests {
    @Test func aCompilationReadBackAsAWordCopyGivesTheSameChangesWithTheSameAuthors() throws {
        let scratch = try ScratchDirectory()
        let cli = try WordOutCommandTests().makeCommentedRound(scratch)
        let docx = scratch.url.appendingPathComponent("compilation.docx")
        #expect(try cli.run(["compile", "--format", "docx", "-o", docx.path], now: "2020-02-22T10:00:00+01:00").status == 0)
        // The secretariat's own colleague (CHN here) sends the compilation back as a Word copy.
        let read = try cli.run(["comment", "CHN", docx.path, "--json"], now: "2020-02-23T10:00:00+01:00")
        #expect(read.status == 0, "\(read.error)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [String: Any])
        let revisions = (record["revisions"] as? [[String: Any]] ?? []).map {
            "\($0["kind"] ?? "") \($0["paragraph"] ?? "") \($0["author"] ?? "") \($0["date"] ?? "") \($0["text"] ?? "")"
        }
        #expect(revisions == [
            "insertion 1.1 United States 2020-02-21T11:30:00+01:00 warmly ",
            "insertion 1.1 United States 2020-02-21T11:30:00+01:00  kind",
            "deletion 2.1 United States 2020-02-21T11:30:00+01:00  to the SDGs",
            "insertion 2.2 Canada 2020-02-20T10:00:00+01:00 serious ",
        ])
        // Every change accepted: the members' proposals, as the merge makes them.
        let copy = try #require(record["proposal"] as? String)
        #expect(try String(contentsOf: cli.folder.appendingPathComponent(copy), encoding: .utf8) == sampleDraft
            .replacingOccurrences(of: "1.1 The Council welcomes the invitation", with: "1.1 The Council warmly welcomes the kind invitation")
            .replacingOccurrences(of: "2.1 ITU contributes to the SDGs.", with: "2.1 ITU contributes.")
            .replacingOccurrences(of: "remains a challenge", with: "remains a serious challenge"))
        // The Word comments come back on their paragraphs, with their types.
        let comments = (record["comments"] as? [[String: Any]] ?? []).map { "\($0["anchor"] ?? "") \($0["type"] ?? "")" }
        #expect(comments == ["1.2 editorial", "2.2 technical", "general general"])
    }
}
