import Foundation
import Testing
import TestSupport

/// `dispositions --member` and `report`: what happened to each of one member's comments.
@Suite struct MemberReportCommandTests {
    /// A merged round: CAN rewrites 2.2 (rejected), USA rewrites 2.2 too, CHN edits 1.1.
    func makeDisposedRound(_ scratch: ScratchDirectory) throws -> CLI {
        let cli = try makeRoundWorkspace(scratch)
        let can = try scratch.write("can.md", "## 2.2 (technical)\nBe precise.\nProposed change: 2.2 Connectivity remains a serious challenge.\n\n## general\nWe welcome the draft.\n")
        let usa = try scratch.write("usa.md", "## 2.2 (technical)\nName investment.\nProposed change: 2.2 Connectivity remains a grave challenge.\n")
        #expect(try cli.run(["comment", "CAN", can.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try cli.run(["comment", "USA", usa.path], now: "2020-02-21T10:00:00+01:00").status == 0)
        _ = try cli.run(["merge"], now: "2020-03-02T10:00:00+01:00")
        #expect(try cli.run(["dispose", "CAN-1", "rejected", "--note", "Not agreed."], now: "2020-03-02T11:00:00+01:00").status == 0)
        #expect(try cli.run(["dispose", "CAN-2", "noted", "--note", "Thank you."], now: "2020-03-02T11:01:00+01:00").status == 0)
        return cli
    }

    @Test func dispositionsForOneMemberListOnlyItsComments() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDisposedRound(scratch)
        let json = try cli.run(["dispositions", "--member", "can", "--format", "json"], now: "2020-03-02T11:02:00+01:00")
        #expect(json.status == 0, "\(json.error)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["CAN-1", "CAN-2"])
        #expect(rows.map { $0["disposition"] as? String } == ["rejected", "noted"])
        let unknown = try cli.run(["dispositions", "--member", "FRA"], now: "2020-03-02T11:02:00+01:00")
        #expect(unknown.status == 2)
        #expect(unknown.error.hasPrefix("error: FRA is not a member of this workspace"))
    }

    @Test func reportListsEachCommentItsDispositionAndWhereItsTextWent() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDisposedRound(scratch)
        let report = try cli.run(["report", "CAN"], now: "2020-03-02T11:02:00+01:00")
        #expect(report.status == 0, "\(report.error)")
        #expect(report.output == """
            # Council input to the 2020 HLPF: comments of Canada (CAN), round draft-1

            2 comments; paragraphs in the new text are those of the candidate merged from round draft-1.

            | Id | Paragraph | Type | Comment | Disposition | Observation | In the new text |
            |---|---|---|---|---|---|---|
            | CAN-1 | 2.2 | technical | Be precise. | Not accepted | Not agreed. | 2.2 (same number) |
            | CAN-2 | general | general | We welcome the draft. | Noted | Thank you. | general (the whole text) |

            """)
        let html = scratch.url.appendingPathComponent("report-CAN.html")
        let wrote = try cli.run(["report", "CAN", "--format", "html", "-o", html.path], now: "2020-03-02T11:02:00+01:00")
        #expect(wrote.status == 0, "\(wrote.error)")
        #expect(wrote.output == "Wrote CAN's report on round draft-1 (2 comments, html) to \(html.path)\n")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("<tr><td class=\"id\">CAN-1</td><td class=\"line\">2.2</td><td class=\"type\">technical</td><td>Be precise.</td>"
                             + "<td class=\"disposition\">Not accepted</td><td>Not agreed.</td><td>2.2 (same number)</td></tr>"))
        #expect(try cli.run(["report", "CAN", "--format", "docx"], now: "2020-03-02T11:02:00+01:00").status == 2)
    }

    /// The DOCX report, read back with pandoc: the same title, count and rows as the Markdown one.
    @Test func docxReportReadsBackWithEachCommentAndItsDisposition() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDisposedRound(scratch)
        let docx = scratch.url.appendingPathComponent("report-CAN.docx")
        let wrote = try cli.run(["report", "CAN", "--format", "docx", "-o", docx.path], now: "2020-03-02T11:02:00+01:00")
        #expect(wrote.status == 0, "\(wrote.error)")
        #expect(wrote.output == "Wrote CAN's report on round draft-1 (2 comments, docx) to \(docx.path)\n")
        let text = try processOutput("/usr/bin/pandoc", ["-f", "docx", "-t", "markdown", "--wrap=none", docx.path])
        // Pandoc lays the table out in columns: compare the words of each line.
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            .filter { !$0.isEmpty && !$0.allSatisfy { $0 == "-" || $0 == " " } }
        #expect(lines == [
            "# Council input to the 2020 HLPF: comments of Canada (CAN), round draft-1",
            "2 comments; paragraphs in the new text are those of the candidate merged from round draft-1.",
            "Id Paragraph Type Comment Disposition Observation In the new text",
            "CAN-1 2.2 technical Be precise. Not accepted Not agreed. 2.2 (same number)",
            "CAN-2 general general We welcome the draft. Noted Thank you. general (the whole text)",
        ])
    }
}
