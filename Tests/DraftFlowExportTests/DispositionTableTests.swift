import Foundation
import Testing
import DraftFlow
@testable import DraftFlowExport

@Suite struct DispositionTableTests {

    /// Accepted with a comma and quotes; modified with the secretariat's text and a newline and a pipe
    /// in the comment; undecided and orphaned; late, in Arabic.
    static let rows: [DispositionRow] = [
        DispositionRow(id: "CAN-1", member: "CAN", memberName: "Canada", paragraph: "1.2", paragraphNow: "1.2",
                       orphaned: false, type: .editorial,
                       comment: "Replace \"key\" with \"essential\", for clarity.",
                       proposedChange: "1.2 ICTs are essential enablers.", decision: .accepted, observation: nil,
                       modifiedText: nil, late: false),
        DispositionRow(id: "CAN-2", member: "CAN", memberName: "Canada", paragraph: "2.1", paragraphNow: "2.2",
                       orphaned: false, type: .technical, comment: "Line one\nLine two | pipe", proposedChange: nil,
                       decision: .modified, observation: "Merged with USA-1.",
                       modifiedText: "2.2 ITU actively supports the 2030 Agenda.", late: false),
        DispositionRow(id: "USA-1", member: "USA", memberName: "United States", paragraph: "3.1", paragraphNow: nil,
                       orphaned: true, type: .general, comment: "Delete this paragraph.", proposedChange: nil,
                       decision: nil, observation: nil, modifiedText: nil, late: false),
        DispositionRow(id: "SAU-1", member: "SAU", memberName: "Saudi Arabia", paragraph: "general", paragraphNow: nil,
                       orphaned: false, type: .general, comment: "نقترح إضافة فقرة عن الشباب.",
                       proposedChange: "يضاف نص جديد", decision: .noted, observation: "Noted, with thanks.",
                       modifiedText: nil, late: true),
    ]

    @Test func markdown() throws {
        let md = try DispositionTable.render(Self.rows, title: "Disposition of comments on draft-1", format: .md)
        #expect(md == """
        # Disposition of comments on draft-1

        | Id | Member | Line number | Clause/Subclause | Paragraph | Type of comment | Comments | Proposed change | Disposition | Observations of the secretariat |
        |---|---|---|---|---|---|---|---|---|---|
        | CAN-1 | Canada (CAN) |  |  | 1.2 | editorial | Replace "key" with "essential", for clarity. | 1.2 ICTs are essential enablers. | Accepted |  |
        | CAN-2 | Canada (CAN) |  |  | 2.1 (now 2.2) | technical | Line one<br>Line two \\| pipe |  | Accepted with modification | Merged with USA-1.<br>Modified text: 2.2 ITU actively supports the 2030 Agenda. |
        | USA-1 | United States (USA) |  |  | 3.1 (deleted: orphaned) | general | Delete this paragraph. |  | Undecided |  |
        | SAU-1 | Saudi Arabia (SAU) |  |  | general | general | نقترح إضافة فقرة عن الشباب. | يضاف نص جديد | Noted (late) | Noted, with thanks. |

        """)
    }

    @Test func markdownCellsNeverBecomeMarkup() {
        #expect(DispositionTable.markdownCell("a|b\r\nc <script>") == "a\\|b<br>c &lt;script>")
        #expect(DispositionTable.markdownCell("a\\|b") == "a\\\\\\|b")
        // A combining mark after `|` or `<` does not hide it.
        #expect(DispositionTable.markdownCell("a|\u{301}b <\u{301}c \\|\u{301}") == "a\\|\u{301}b &lt;\u{301}c \\\\\\|\u{301}")

        // Bracketed text, common in drafts, stays readable; no link, attribute list or code span forms.
        #expect(DispositionTable.markdownCell("[agreed] [x](javascript:alert(1)) [y]{onclick=z} `c`")
                == #"\[agreed\] \[x\](javascript:alert(1)) \[y\]\{onclick=z\} \`c\`"#)
        // An even run of backslashes before a bracket still leaves the bracket escaped.
        #expect(DispositionTable.markdownCell(#"\\[x]"#) == #"\\\\\[x\]"#)
    }

    /// Issue 11, finding 9: members' text never runs as a spreadsheet formula.
    @Test func csvCellsThatWouldBeFormulasAreWrittenAsText() throws {
        var row = Self.rows[0]
        row.comment = "=HYPERLINK(\"http://example.org\",\"x\")"
        row.proposedChange = "+cmd|' /C calc'!A0"
        row.observation = "@SUM(1+1)"
        row.memberName = "-2+3"
        let csv = try DispositionTable.render([row], title: "ignored", format: .csv)
        #expect(csv.components(separatedBy: "\r\n")[1]
                == "CAN-1,'-2+3 (CAN),,,1.2,editorial,\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",'+cmd|' /C calc'!A0,Accepted,'@SUM(1+1)")
    }

    @Test func csv() throws {
        let csv = try DispositionTable.render(Self.rows, title: "ignored", format: .csv)
        let expected = [
            "Id,Member,Line number,Clause/Subclause,Paragraph,Type of comment,Comments,Proposed change,Disposition,Observations of the secretariat",
            "CAN-1,Canada (CAN),,,1.2,editorial,\"Replace \"\"key\"\" with \"\"essential\"\", for clarity.\",1.2 ICTs are essential enablers.,Accepted,",
            "CAN-2,Canada (CAN),,,2.1 (now 2.2),technical,\"Line one\nLine two | pipe\",,Accepted with modification,\"Merged with USA-1.\nModified text: 2.2 ITU actively supports the 2030 Agenda.\"",
            "USA-1,United States (USA),,,3.1 (deleted: orphaned),general,Delete this paragraph.,,Undecided,",
            "SAU-1,Saudi Arabia (SAU),,,general,general,نقترح إضافة فقرة عن الشباب.,يضاف نص جديد,Noted (late),\"Noted, with thanks.\"",
        ].map { $0 + "\r\n" }.joined()
        #expect(csv == expected)
        // Read back with an RFC 4180 reader: the same cells.
        let records = Self.parseCSV(csv)
        #expect(records.count == 5)
        #expect(records[0] == DispositionTable.columns)
        for (record, row) in zip(records.dropFirst(), Self.rows) {
            #expect(record == DispositionTable.cells(row))
        }
    }

    @Test func json() throws {
        let json = try DispositionTable.render(Array(Self.rows[1...3]), title: "ignored", format: .json)
        #expect(json == """
        [
          {
            "change" : null,
            "clause" : null,
            "comment" : "Line one\\nLine two | pipe",
            "disposition" : "modified",
            "flag" : null,
            "id" : "CAN-2",
            "late" : false,
            "line" : null,
            "member" : "CAN",
            "memberBody" : null,
            "memberName" : "Canada",
            "modifiedText" : "2.2 ITU actively supports the 2030 Agenda.",
            "observation" : "Merged with USA-1.",
            "orphaned" : false,
            "paragraph" : "2.1",
            "paragraphNow" : "2.2",
            "proposedChange" : null,
            "supersededBy" : null,
            "templateParagraph" : null,
            "type" : "technical"
          },
          {
            "change" : null,
            "clause" : null,
            "comment" : "Delete this paragraph.",
            "disposition" : "undecided",
            "flag" : null,
            "id" : "USA-1",
            "late" : false,
            "line" : null,
            "member" : "USA",
            "memberBody" : null,
            "memberName" : "United States",
            "modifiedText" : null,
            "observation" : null,
            "orphaned" : true,
            "paragraph" : "3.1",
            "paragraphNow" : null,
            "proposedChange" : null,
            "supersededBy" : null,
            "templateParagraph" : null,
            "type" : "general"
          },
          {
            "change" : null,
            "clause" : null,
            "comment" : "نقترح إضافة فقرة عن الشباب.",
            "disposition" : "noted",
            "flag" : null,
            "id" : "SAU-1",
            "late" : true,
            "line" : null,
            "member" : "SAU",
            "memberBody" : null,
            "memberName" : "Saudi Arabia",
            "modifiedText" : null,
            "observation" : "Noted, with thanks.",
            "orphaned" : false,
            "paragraph" : "general",
            "paragraphNow" : null,
            "proposedChange" : "يضاف نص جديد",
            "supersededBy" : null,
            "templateParagraph" : null,
            "type" : "general"
          }
        ]

        """)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 3)
        #expect(decoded?.allSatisfy { $0.count == 20 } == true)
    }

    @Test func html() throws {
        var rows = Self.rows
        rows[0].comment = "<script>alert(1)</script> & more"
        let html = try DispositionTable.render(rows, title: "Comments <draft-1>", format: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@page { size: A4 landscape"))
        #expect(html.contains("<title>Comments &lt;draft-1&gt;</title>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(!html.contains("http"))
        #expect(html.contains("<td class=\"comment\" dir=\"rtl\">نقترح إضافة فقرة عن الشباب.</td>"))
        #expect(html.contains("<td class=\"comment\" dir=\"auto\">Line one<br>Line two | pipe</td>"))
        #expect(html.contains("<tr class=\"undecided orphaned\">"))
        #expect(html.contains("<td class=\"disposition\" dir=\"auto\">Noted (late)</td>"))
        #expect(html.contains("<th scope=\"col\">Observations of the secretariat</th>"))
        #expect(html.contains("tr { break-inside: avoid"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func emptyTable() throws {
        #expect(try DispositionTable.render([], title: "T", format: .csv)
                == "Id,Member,Line number,Clause/Subclause,Paragraph,Type of comment,Comments,Proposed change,Disposition,Observations of the secretariat\r\n")
        let json = try DispositionTable.render([], title: "T", format: .json)
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any] != nil)
        #expect(try DispositionTable.render([], title: "T", format: .md).hasSuffix("|---|---|---|---|---|---|---|---|---|---|\n"))
    }

    @Test func formats() {
        #expect(DispositionTable.Format.allCases.map(\.rawValue) == ["md", "csv", "json", "html"])
        #expect(DispositionTable.Format(rawValue: "csv") == .csv)
    }

    /// A small RFC 4180 reader for the round trip.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars = scalars.dropFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(field); field = ""
            } else if scalar == "\r", scalars.first == "\n" {
                scalars = scalars.dropFirst()
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return records
    }
}
