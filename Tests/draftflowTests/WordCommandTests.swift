import Foundation
import Testing
import TestSupport

/// Word copies of the draft, as delegations send them (Tests/Fixtures/word, made by
/// make-fixtures.py with python-docx and LibreOffice): read through the real binary.
@Suite struct WordCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/word")

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// `makeRoundWorkspace` on the draft the Word fixtures are copies of.
    static func workspace(_ scratch: ScratchDirectory) throws -> CLI {
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        let created = try CLI.run(["init", "ws", "--title", "Council input", "--document", fixture("outline.md").path], now: cli.now, in: scratch.url)
        precondition(created.status == 0, created.error)
        for (code, name) in [("CAN", "Canada"), ("USA", "United States"), ("CHN", "China")] {
            let added = try cli.run(["member", "add", code, "--name", name])
            precondition(added.status == 0, added.error)
        }
        let published = try cli.run(["publish", "draft-1", "--note", "Draft 1"])
        precondition(published.status == 0, published.error)
        let opened = try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-01", "--name", "draft-1"])
        precondition(opened.status == 0, opened.error)
        return cli
    }

    static let version = (try? String(contentsOf: fixture("outline.md"), encoding: .utf8)) ?? ""

    func record(_ cli: CLI, _ path: String) throws -> [String: Any] {
        let shown = try git(["show", "HEAD:\(path)"], in: cli.folder)
        return try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
    }

    @Test func trackedChangesAreTheMembersEditsKeptWithTheirAuthorsAndDates() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let result = try cli.run(["comment", "CAN", Self.fixture("canada-tracked.docx").path, "--received", "2020-02-28T12:00:00+01:00"],
                                 now: "2020-02-28T13:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("""
            Recorded 3 comments from CAN in round draft-1
              received 28 February 2020, 12:00:00 CET (Europe/Zurich)
              CAN-1  1.1  editorial
              CAN-2  1.2  general
              CAN-3  after 2.2  technical
              edited copy kept as Comments/draft-1/CAN/submission-1.proposal.md

            """))
        #expect(result.error == "note: canada-tracked.docx: 4 tracked changes by Canada, Marie Dubois, 3 Word comments; read as an edited copy of the draft\n")
        // The edited copy: every change accepted, and nothing Word did on its own (curly quotes, a
        // non-breaking space and hyphen, a soft line break) differs from the version.
        let copy = try git(["show", "HEAD:Comments/draft-1/CAN/submission-1.proposal.md"], in: cli.folder).output
        #expect(copy == Self.version
            .replacingOccurrences(of: "Political Forum.", with: "Political Forum on Sustainable Development.")
            .replacingOccurrences(of: "standardization and development.", with: "standardization, development and capacity building.")
            + "\n2.3 ITU will report on progress in 2021.\n")
        // The original kept byte for byte.
        #expect(try gitOutput(["rev-parse", "HEAD:Comments/draft-1/CAN/submission-1.docx"], in: cli.folder)
            == (try gitOutput(["hash-object", Self.fixture("canada-tracked.docx").path], in: cli.folder)))
        let record = try record(cli, "Comments/draft-1/CAN/submission-1.json")
        let revisions = try #require(record["revisions"] as? [[String: String]])
        #expect(revisions == [
            ["author": "Canada", "date": "2020-02-27T10:30:00+01:00", "kind": "insertion", "paragraph": "1.1", "text": " on Sustainable Development"],
            ["author": "Canada", "date": "2020-02-27T10:30:00+01:00", "kind": "deletion", "paragraph": "2.1", "text": "standardization and development"],
            ["author": "Canada", "date": "2020-02-27T10:30:00+01:00", "kind": "insertion", "paragraph": "2.1",
             "text": "standardization, development and capacity building"],
            ["author": "Marie Dubois", "date": "2020-02-27T12:05:00+01:00", "kind": "insertion", "paragraph": "after 2.2",
             "text": "2.3 ITU will report on progress in 2021."],
        ])
        let comments = try #require(record["comments"] as? [[String: String]])
        #expect(comments.map { [$0["id"]!, $0["anchor"]!, $0["type"]!, $0["text"]!] } == [
            ["CAN-1", "1.1", "editorial", "On \u{201C}High-Level Political Forum\u{201D}: name the forum in full"],
            ["CAN-2", "1.2", "general", "On \u{201C}the membership\u{201D}: Who was consulted?"],
            // On the whole (new) paragraph: its words are not quoted back.
            ["CAN-3", "after 2.2", "technical", "a paragraph on follow-up is needed"],
        ])
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
    }

    @Test func aCopyNumberedByWordWithoutTrackedChangesIsComparedWithTheVersion() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let result = try cli.run(["comment", "USA", Self.fixture("usa-numbered.docx").path, "--received", "2020-02-28T12:00:00+01:00"],
                                 now: "2020-02-28T13:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error == "note: usa-numbered.docx: 0 tracked changes, 0 Word comments; read as an edited copy of the draft\n")
        // Word's own numbering (w:numPr, a SEQ field, a w:fldSimple), curly quotes and a doubled
        // space are not edits: the one word the member added is.
        let copy = try git(["show", "HEAD:Comments/draft-1/USA/submission-1.proposal.md"], in: cli.folder).output
        #expect(copy == Self.version.replacingOccurrences(of: "remains a challenge", with: "remains a major challenge"))
        let record = try record(cli, "Comments/draft-1/USA/submission-1.json")
        #expect(record["revisions"] == nil)
        #expect((record["comments"] as? [Any])?.isEmpty == true)
    }

    @Test func aCopyMadeByLibreOfficeGivesItsChangesAndItsComment() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let result = try cli.run(["comment", "CHN", Self.fixture("china-libreoffice.docx").path, "--received", "2020-02-28T12:00:00+01:00"],
                                 now: "2020-02-28T13:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        let copy = try git(["show", "HEAD:Comments/draft-1/CHN/submission-1.proposal.md"], in: cli.folder).output
        #expect(copy == Self.version.replacingOccurrences(of: "by the working group", with: "by the Council working group")
            .replacingOccurrences(of: "nearly half", with: "almost half"))
        let record = try record(cli, "Comments/draft-1/CHN/submission-1.json")
        #expect(record["revisions"] as? [[String: String]] == [
            ["author": "China", "date": "2020-02-26T09:00:00+01:00", "kind": "insertion", "paragraph": "1.2", "text": "Council "],
            ["author": "China", "date": "2020-02-26T09:05:00+01:00", "kind": "deletion", "paragraph": "2.2", "text": "nearly"],
            ["author": "China", "date": "2020-02-26T09:05:00+01:00", "kind": "insertion", "paragraph": "2.2", "text": "almost"],
        ])
        let comments = try #require(record["comments"] as? [[String: String]])
        #expect(comments.map { [$0["anchor"]!, $0["type"]!, $0["text"]!] } == [
            ["1.2", "technical", "On \u{201C}the membership\u{201D}: the membership of ITU includes Sector Members"],
        ])
    }

    @Test func aDocxWrittenByPandocReadsBackWithItsAuthors() throws {
        // What `compile --format docx` makes: pandoc's w:ins/w:del and comments, one author each.
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let result = try cli.run(["comment", "CAN", Self.fixture("pandoc-tracked.docx").path, "--received", "2020-02-28T12:00:00+01:00"],
                                 now: "2020-02-28T13:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        let copy = try git(["show", "HEAD:Comments/draft-1/CAN/submission-1.proposal.md"], in: cli.folder).output
        #expect(copy == Self.version.replacingOccurrences(of: "Political Forum.", with: "Political Forum on Sustainable Development.")
            .replacingOccurrences(of: "remains a challenge", with: "remains a major challenge"))
        let record = try record(cli, "Comments/draft-1/CAN/submission-1.json")
        #expect(record["revisions"] as? [[String: String]] == [
            ["author": "Canada", "date": "2020-02-28T12:00:00+01:00", "kind": "insertion", "paragraph": "1.1", "text": "on Sustainable Development"],
            ["author": "United States", "date": "2020-02-28T12:00:00+01:00", "kind": "deletion", "paragraph": "2.2", "text": "a challenge"],
            ["author": "United States", "date": "2020-02-28T12:00:00+01:00", "kind": "insertion", "paragraph": "2.2", "text": "a major challenge"],
        ])
        let comments = try #require(record["comments"] as? [[String: String]])
        #expect(comments.map { [$0["anchor"]!, $0["type"]!, $0["text"]!] } == [
            ["1.1", "editorial", "On \u{201C}High-Level Political Forum\u{201D}: name the forum in full"],
        ])
    }

    @Test func anIntakeFolderTakesWordCopiesAndSkipsWordsOwnerFiles() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let inbox = scratch.url.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixture("canada-tracked.docx"), to: inbox.appendingPathComponent("CAN.docx"))
        try FileManager.default.copyItem(at: Self.fixture("china-libreoffice.docx"), to: inbox.appendingPathComponent("CHN.docx"))
        // What Word leaves beside a document it has open: not a submission.
        try Data([0x05, 0x43, 0x61, 0x6e]).write(to: inbox.appendingPathComponent("~$CAN.docx"))
        let result = try cli.run(["intake", inbox.path, "--received", "2020-02-28T12:00:00+01:00"], now: "2020-02-28T13:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("Recorded 2 submissions (4 comments, 2 edited copies) in round draft-1\n"))
        let log = try git(["log", "--format=%an|%s", "-2"], in: cli.folder).output
        #expect(log == "China|Comments of China (CHN) on draft-1: 1 comment\nCanada|Comments of Canada (CAN) on draft-1: 3 comments\n")
        #expect((try record(cli, "Comments/draft-1/CHN/submission-1.json")["revisions"] as? [Any])?.count == 3)
        let again = try cli.run(["intake", inbox.path, "--received", "2020-02-28T12:00:00+01:00"], now: "2020-02-28T13:00:00+01:00")
        #expect(again.output == "Recorded nothing: all 2 submissions are recorded already\n")
    }

    @Test func theMergeOfWordCopiesAppliesTheMembersChangesAndNothingWordDidOnItsOwn() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        for (code, name) in [("CAN", "canada-tracked.docx"), ("CHN", "china-libreoffice.docx"), ("USA", "usa-numbered.docx")] {
            let recorded = try cli.run(["comment", code, Self.fixture(name).path, "--received", "2020-02-28T12:00:00+01:00"], now: "2020-02-28T13:00:00+01:00")
            #expect(recorded.status == 0, "\(recorded.error)")
        }
        let merged = try cli.run(["merge", "--round", "draft-1"], now: "2020-03-02T10:00:00+01:00")
        #expect(merged.status == 0, "\(merged.error)")
        let lines = merged.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("Merged round draft-1 onto draft-1: 7 changes applied (commit ") == true)
        #expect(lines.dropFirst().joined(separator: "\n") == """
              1.1        modified (1 change) by Canada
              1.2        modified (1 change) by China
              2.1        modified (2 changes) by Canada
              2.2        modified (2 changes) by China, United States
              after 2.2  inserted (1 change) by Canada
            Changes found only in edited copies (dispose of them like comments): CAN-E1, CHN-E1, USA-E1
            No collision to resolve.

            """)
    }

    @Test func aPDFIsRefusedSayingHowToSendCommentsInstead() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let pdf = try scratch.write("comments-canada.pdf", "%PDF-1.4\n1 0 obj << /Type /Annot /Subtype /Text >> endobj\n%%EOF\n")
        let before = try git(["rev-parse", "HEAD"], in: cli.folder).output
        let result = try cli.run(["comment", "CAN", pdf.path], now: "2020-02-28T13:00:00+01:00")
        #expect(result.status == 2)
        #expect(result.error == """
            error: comments-canada.pdf is a PDF: DraftFlow does not take comments from a PDF, with or without annotations, because its text cannot be compared with the draft
              fix: send the comments as a Word copy of the draft with tracked changes (.docx), the ISO template (.docx, .xlsx or .csv), or Markdown

            """)
        try scratch.write("inbox/CAN.pdf", "%PDF-1.4\n%%EOF\n")
        let intake = try cli.run(["intake", scratch.url.appendingPathComponent("inbox").path], now: "2020-02-28T13:00:00+01:00")
        #expect(intake.status == 2)
        #expect(intake.error.hasPrefix("error: CAN.pdf is a PDF: "))
        #expect(try git(["rev-parse", "HEAD"], in: cli.folder).output == before)
    }

    @Test func aDocxThatIsNotAWordDocumentIsRefusedAndNothingIsWritten() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let before = try git(["rev-parse", "HEAD"], in: cli.folder).output
        let broken = try scratch.write("canada.docx", "PK\u{3}\u{4} not really a zip")
        let result = try cli.run(["comment", "CAN", broken.path], now: "2020-02-28T13:00:00+01:00")
        #expect(result.status == 2)
        #expect(result.error == """
            error: canada.docx is not an Office Open XML file (it does not open as a zip archive)
              fix: save it again from Word or Excel as .docx or .xlsx, or send the comments as Markdown or CSV

            """)
        #expect(try git(["rev-parse", "HEAD"], in: cli.folder).output == before)
    }
}
