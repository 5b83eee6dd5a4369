import Foundation
import Testing
import TestSupport

/// The ISO template as members and the secretariat send it: .xlsx and Word tables, by the real binary.
@Suite struct ISOTemplateCommandTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/iso/\(name)").path
    }

    static let received = ["--received", "2020-02-28T12:00:00+01:00"]
    static let now = "2020-02-28T13:00:00+01:00"

    private func head(_ cli: CLI) throws -> String {
        try git(["rev-parse", "HEAD"], in: cli.folder).output
    }

    @Test func aMembersSpreadsheetWithAnotherMembersRowsIsRefusedNamingThemAndNothingChanges() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let before = try head(cli)
        let result = try cli.run(["comment", "CAN", Self.fixture("iso-template.xlsx")] + Self.received, now: Self.now)
        #expect(result.status == 2)
        #expect(result.output == "")
        #expect(result.error == """
            error: CAN: iso-template.xlsx holds rows of another member: United States (USA) in rows 7, 8 (MB/NC 'United States of America', 'US'); \
            only rows of Canada (CAN) may be in its file
              fix: send each member's rows as its own submission, or take in the secretariat's consolidated template with \
            `draftflow intake --consolidated FILE`, which splits it by MB/NC

            """)
        #expect(try head(cli) == before)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
    }

    @Test func aMembersOwnWordTableIsRecordedRowByRowKeptByteForByte() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let result = try cli.run(["comment", "CHN", Self.fixture("chn-comments.docx")] + Self.received, now: Self.now)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.split(separator: "\n").prefix(5) == [
            "Recorded 3 comments from CHN in round draft-1", "  received 28 February 2020, 12:00:00 CET (Europe/Zurich)",
            "  CHN-1  2.1  editorial  (proposed text)", "  CHN-2  general  general", "  CHN-3  2.2  technical  (proposed text)",
        ])
        let original = try git(["hash-object", Self.fixture("chn-comments.docx")], in: cli.folder).output
        #expect(try git(["rev-parse", "HEAD:Comments/draft-1/CHN/submission-1.docx"], in: cli.folder).output == original)
        #expect(try git(["log", "-1", "--format=%an|%s"], in: cli.folder).output == "China|Comments of China (CHN) on draft-1: 3 comments\n")
    }

    /// The embedded example's United States comments as the spreadsheet (what the demo's e-mail
    /// could attach), on the example's own draft.
    @Test func theExamplesUnitedStatesSpreadsheetIsRecordedAsItsCSVIs() throws {
        let scratch = try ScratchDirectory()
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        let draft = checkout.appendingPathComponent("Drafts/hlpf-2020-input.md").path
        #expect(try CLI.run(["init", "ws", "--title", "Council input to the 2020 HLPF", "--document", draft], now: cli.now, in: scratch.url).status == 0)
        #expect(try cli.run(["member", "add", "USA", "--name", "United States"]).status == 0)
        #expect(try cli.run(["publish", "draft-1"]).status == 0)
        #expect(try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-01", "--name", "draft-1"]).status == 0)
        let result = try cli.run(["comment", "USA", Self.fixture("usa-hlpf-2020.xlsx")] + Self.received, now: Self.now)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.split(separator: "\n").prefix(5) == [
            "Recorded 3 comments from USA in round draft-1", "  received 28 February 2020, 12:00:00 CET (Europe/Zurich)",
            "  USA-1  1.3  editorial  (proposed text)", "  USA-2  2.4  technical  (proposed text)", "  USA-3  general  general",
        ])
    }

    @Test func aRowWhoseMemberBodyNamesNoMemberIsRefusedWithItsRow() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let result = try cli.run(["comment", "CHN", Self.fixture("iso-template-rich.xlsx")] + Self.received, now: Self.now)
        #expect(result.status == 2)
        #expect(result.error == """
            error: CHN: iso-template-rich.xlsx, row 6: the MB/NC '中国' names no registered member
              fix: write the member's code (CHN), its ISO 3166 alpha-2 code or its name (China) in the MB/NC column, \
            or register the member with `draftflow member add CODE --name NAME`

            """)
    }

    @Test func aWordTableInAnIntakeFolderIsReadAndItsRowsOfAnotherMemberRefused() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let inbox = scratch.url.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixture("iso-template.docx"), toPath: inbox.appendingPathComponent("CAN.docx").path)
        let before = try head(cli)
        let refused = try cli.run(["intake", inbox.path] + Self.received, now: Self.now)
        #expect(refused.status == 2)
        #expect(refused.error.hasPrefix("error: CAN: CAN.docx holds rows of another member: China (CHN) in row 6 (MB/NC 'China'); only rows of Canada (CAN) may be in its file\n"),
                "\(refused.error)")
        #expect(try head(cli) == before)
    }

    @Test func theConsolidatedSpreadsheetBecomesOneAttributedSubmissionPerMemberKeptByteForByte() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let before = try head(cli).trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try cli.run(["intake", "--consolidated", Self.fixture("iso-template.xlsx")] + Self.received, now: Self.now)
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(2) == ["Split iso-template.xlsx by MB/NC: CAN rows 5, 6; USA rows 7, 8",
                                    "Recorded 2 submissions (4 comments, 0 edited copies) in round draft-1"])
        #expect(try git(["log", "--format=%an|%aI|%s", "\(before)..HEAD"], in: cli.folder).output == """
            United States|2020-02-28T12:00:00+01:00|Comments of United States (USA) on draft-1: 2 comments
            Canada|2020-02-28T12:00:00+01:00|Comments of Canada (CAN) on draft-1: 2 comments

            """)
        // Each member's submission keeps the file the secretariat received, byte for byte.
        let original = try git(["hash-object", Self.fixture("iso-template.xlsx")], in: cli.folder).output
        #expect(try git(["rev-parse", "HEAD~1:Comments/draft-1/CAN/submission-1.xlsx"], in: cli.folder).output == original)
        #expect(try git(["rev-parse", "HEAD:Comments/draft-1/USA/submission-1.xlsx"], in: cli.folder).output == original)
        let record = try git(["show", "HEAD:Comments/draft-1/USA/submission-1.json"], in: cli.folder).output
        let json = try #require(try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any])
        let comments = try #require(json["comments"] as? [[String: Any]])
        #expect(comments.map { $0["id"] as? String } == ["USA-1", "USA-2"])
        #expect(comments.map { ($0["template"] as? [String: Any])?["memberBody"] as? String } == ["United States of America", "US"])
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")

        let again = try cli.run(["intake", "--consolidated", Self.fixture("iso-template.xlsx")] + Self.received, now: Self.now)
        #expect(again.status == 0)
        #expect(again.output == "Recorded nothing: all 2 submissions are recorded already\n")
    }

    @Test func theConsolidatedWordTableFromLibreOffice() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let result = try cli.run(["intake", "--consolidated", Self.fixture("iso-template-libreoffice.docx")] + Self.received, now: Self.now)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.split(separator: "\n").prefix(2) == ["Split iso-template-libreoffice.docx by MB/NC: CHN row 2; USA row 3",
                                                                   "Recorded 2 submissions (2 comments, 0 edited copies) in round draft-1"])
    }

    @Test func intakeTakesAFolderOrAConsolidatedFileNotBothNorNeither() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        for arguments in [["intake"], ["intake", scratch.url.path, "--consolidated", Self.fixture("iso-template.xlsx")]] {
            let result = try cli.run(arguments, now: Self.now)
            #expect(result.status == 64)
            #expect(result.error.hasPrefix("Error: give one of: a folder of submissions, --consolidated FILE, or --mail FILE|FOLDER\n"), "\(result.error)")
        }
    }
}
