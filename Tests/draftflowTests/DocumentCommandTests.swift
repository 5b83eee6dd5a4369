import Foundation
import Testing
import TestSupport

/// `init --document`, `publish [--document]` and `outline` on documents as they come.
@Suite struct DocumentCommandTests {
    /// The seed's real report, as Word exported it (Tests/Fixtures).
    static let seedReport = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/itu-cwg-wsis-sdg-2020-report.zh.txt")

    static let seedSummary = "157 paragraphs: 78 numbered, 55 sub-items, 12 bullets, 12 unnumbered; "
        + "121 [bookmark] artefacts, 1 separator line removed; 9 section lines made headings; 3 oddities fixed"

    @Test func initReadsWordsPlainTextAndSaysWhatItFound() throws {
        let scratch = try ScratchDirectory()
        let report = scratch.url.appendingPathComponent("report.txt")
        try FileManager.default.copyItem(at: Self.seedReport, to: report)
        let result = try CLI.run(["init", "ws", "--title", "理事会工作组的报告", "--document", report.path], now: "2020-02-07T17:00:00+01:00", in: scratch.url)
        #expect(result.status == 0, "\(result.error)")
        let workspace = scratch.url.appendingPathComponent("ws")
        #expect(result.output == """
        Created workspace \(workspace.standardizedFileURL.path)
          title:     理事会工作组的报告
          document:  Drafts/report.md (read from report.txt as Word plain text)
          time zone: Europe/Zurich
          text:      \(Self.seedSummary)
              fixed: line 24, trailing dot: 2.1.1.<TAB>国际电联WSIS相关决议 → 2.1.1 国际电联WSIS相关决议
              fixed: line 54, repeated label: ii) ii)<TAB>E区（亚太）副主席（CWGWSI… → ii) E区（亚太）副主席（CWGWSIS35/…
              fixed: line 71, missing tab: 4)工作组注意到在2020年2月3日之前是向公开… → 4) 工作组注意到在2020年2月3日之前是向公…
        Next: register members with `draftflow member add CODE --name NAME`, then `draftflow publish draft-1`.

        """)
        #expect(result.error == "")
        let stored = try String(contentsOf: workspace.appendingPathComponent("Drafts/report.md"), encoding: .utf8)
        #expect(stored.hasPrefix("理事会信息社会世界峰会和\n\n可持续发展目标工作组（CWG-WSIS&SDG）主席的报告\n\n"))
        #expect(stored.contains("\n\n## 1 引言\n\n1.1 自理事会2019年会议以来"))
        #expect(!stored.contains("[bookmark") && !stored.contains("\t"))
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Drafts/report.txt").path))
        #expect(try git(["status", "--porcelain"], in: workspace).output == "")

        let cli = CLI(folder: workspace, now: "2020-02-07T17:05:00+01:00")
        let outline = try cli.run(["outline"])
        #expect(outline.status == 0, "\(outline.error)")
        let rows = outline.output.split(separator: "\n").map(String.init)
        #expect(rows[0] == "Drafts/report.md, the working draft: 157 paragraphs: 78 numbered, 55 sub-items, 12 bullets, 12 unnumbered")
        #expect(rows[1] == "ID              NUMBER   LEVEL  FIRST WORDS")
        #expect(rows.contains("3.3 b) 4)       4)       4      工作组注意到在2020年2月3日之前是向公开磋商进程提交文稿，包括申请举办讲习班…"))
        #expect(rows.contains("3.1.16 i)       i)       4      D区（非洲）副主席（CWGWSIS35/13）；"))
        #expect(rows.contains("4.2.2.3 ¶1               5      国际电联理事会有关政府间机构对2020年HLPF的输入意见纲要（草案1）"))
        #expect(rows.contains("1               1        1      # 引言"))
        #expect(rows.count == 2 + 157)
    }

    @Test func initJSONCarriesTheReport() throws {
        let scratch = try ScratchDirectory()
        let report = scratch.url.appendingPathComponent("report.txt")
        try FileManager.default.copyItem(at: Self.seedReport, to: report)
        let result = try CLI.run(["init", "ws", "--title", "T", "--document", report.path, "--json"], now: "2020-02-07T17:00:00+01:00", in: scratch.url)
        #expect(result.status == 0, "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["document"] as? String == "Drafts/report.md")
        let read = try #require(json["report"] as? [String: Any])
        #expect(read["format"] as? String == "word-text")
        #expect([read["paragraphs"], read["numbered"], read["subItems"], read["bullets"], read["unnumbered"]].map { $0 as? Int } == [157, 78, 55, 12, 12])
        let artefacts = try #require(read["artefacts"] as? [[String: Any]])
        #expect(artefacts.map { "\($0["kind"] as? String ?? "") \($0["name"] as? String ?? "-") \($0["count"] as? Int ?? 0)" }
                == ["bookmark _Hlk 4", "bookmark lt_pId 117", "separator line - 1"])
        let oddities = try #require(read["oddities"] as? [[String: Any]])
        #expect(oddities.map { "\($0["line"] as? Int ?? 0) \($0["kind"] as? String ?? "")" } == ["24 trailing dot", "54 repeated label", "71 missing tab"])
        #expect((read["headings"] as? [[String: Any]])?.first?["text"] as? String == "## 1 引言")
    }

    @Test func initWarnsAboutDuplicateNumbersAndRefusesWordFiles() throws {
        let scratch = try ScratchDirectory()
        let text = try scratch.write("draft.txt", "1\tIntroduction\n1.1\tFirst.\n1.2\tSecond.\n1.1\tAgain.\n")
        let result = try CLI.run(["init", "ws", "--title", "T", "--document", text.path], now: "2020-02-07T17:00:00+01:00", in: scratch.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\n  text:      4 paragraphs: 4 numbered, 0 sub-items, 0 bullets, 0 unnumbered; 1 section line made a heading\n"))
        #expect(result.error == "warning: 1.1 is used twice: the second (line 4) is cited as 1.2 ¶1\n")

        let docx = try scratch.write("draft.docx", "PK\u{3}\u{4}word/document.xml")
        let refused = try CLI.run(["init", "ws2", "--title", "T", "--document", docx.path], now: nil, in: scratch.url)
        #expect(refused.status == 2)
        #expect(refused.output == "")
        #expect(refused.error == """
        error: draft.docx is a word-processor document: DraftFlow reads its text, not the file itself (.docx is for a later version)
          fix: in Word, File > Save As > Plain Text (.txt) with the encoding Unicode (UTF-8), and pass that file; or send the draft as Markdown (.md)

        """)
        let pdf = try scratch.write("draft.pdf", "%PDF-1.7\n")
        #expect(try CLI.run(["init", "ws2", "--title", "T", "--document", pdf.path], now: nil, in: scratch.url).status == 2)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("ws2").path))
    }

    @Test func publishPrintsTheSummaryAndTakesANewTextThroughTheReader() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        // draft-1 was published from the work tree; its summary:
        let again = try cli.run(["publish", "draft-1b"])
        #expect(again.output == """
        Published draft-1b (commit \(try git(["rev-parse", "--short=7", "HEAD"], in: cli.folder).output.trimmingCharacters(in: .newlines)))
          text: 7 paragraphs: 6 numbered, 0 sub-items, 0 bullets, 1 unnumbered

        """)

        let file = try scratch.write("final-draft.txt", "1\tIntroduction\n[bookmark: lt_pId1]1.1\tThe Council welcomes the invitation.\n"
                                        + "1.2\tThe group prepared it:\na)\twith members;\nb)\twith the secretariat.\n")
        let published = try cli.run(["publish", "final-draft", "--file", file.path], now: "2020-03-05T10:00:00+01:00")
        #expect(published.status == 0, "\(published.error)")
        #expect(published.output == """
        Replaced the text of Drafts/outline.md with final-draft.txt
        Published final-draft (commit \(try git(["rev-parse", "--short=7", "HEAD"], in: cli.folder).output.trimmingCharacters(in: .newlines)))
          text: 5 paragraphs: 3 numbered, 2 sub-items, 0 bullets, 0 unnumbered; 1 [bookmark] artefact removed; 1 section line made a heading

        """)
        let expected = "## 1 Introduction\n\n1.1 The Council welcomes the invitation.\n\n1.2 The group prepared it:\n\n"
            + "a) with members;\n\nb) with the secretariat.\n"
        #expect(try git(["show", "final-draft:Drafts/outline.md"], in: cli.folder).output == expected)
        #expect(try String(contentsOf: cli.folder.appendingPathComponent("Drafts/outline.md"), encoding: .utf8) == expected)
        #expect(try git(["log", "-1", "--skip=1", "--format=%B"], in: cli.folder).output.contains("The text of the draft is replaced by the text of final-draft.txt."))
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")

        let outline = try cli.run(["outline", "final-draft", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outline.output.utf8)) as? [String: Any])
        let paragraphs = try #require(json["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.map { $0["id"] as? String } == ["1", "1.1", "1.2", "1.2 a)", "1.2 b)"])
        #expect(paragraphs.map { $0["number"] as? String } == ["1", "1.1", "1.2", "a)", "b)"])
        #expect(paragraphs.map { $0["level"] as? Int } == [1, 2, 2, 3, 3])
        #expect(paragraphs.map { $0["kind"] as? String } == ["numbered", "numbered", "numbered", "sub-item", "sub-item"])
        #expect(paragraphs.map { $0["words"] as? String } == ["Introduction", "The Council welcomes the invitation.", "The group prepared it:",
                                                             "with members;", "with the secretariat."])
        #expect(paragraphs[3]["parent"] as? String == "1.2")
        #expect(json["version"] as? String == "final-draft")

        // Edits in the work tree are not silently replaced; a Word file is refused.
        try Data("edited\n".utf8).write(to: cli.folder.appendingPathComponent("Drafts/outline.md"))
        let conflict = try cli.run(["publish", "final", "--file", file.path], now: "2020-03-06T10:00:00+01:00")
        #expect(conflict.status == 5)
        #expect(conflict.error.hasPrefix("error: Drafts/outline.md has edits in the work tree that --file would replace\n"))
        let docx = try scratch.write("final.docx", "PK\u{3}\u{4}")
        #expect(try cli.run(["publish", "final", "--file", docx.path], now: "2020-03-06T10:00:00+01:00").status == 2)
        #expect(try git(["tag"], in: cli.folder).output == "draft-1\ndraft-1b\nfinal-draft\n")
    }

    @Test func outlineOfAVersionAndItsErrors() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let outline = try cli.run(["outline", "draft-1"])
        #expect(outline.status == 0, "\(outline.error)")
        #expect(outline.output == """
        Drafts/outline.md, draft-1: 7 paragraphs: 6 numbered, 0 sub-items, 0 bullets, 1 unnumbered
        ID   NUMBER  LEVEL  FIRST WORDS
        ¶1           1      # Outline of the input
        1    1       1      # Introduction
        1.1  1.1     2      The Council welcomes the invitation to p…
        1.2  1.2     2      This input was prepared by the working g…
        2    2       1      # Contribution
        2.1  2.1     2      ITU contributes to the SDGs.
        2.2  2.2     2      Connectivity remains a challenge.

        """)
        #expect(try cli.run(["outline"]).output == outline.output.replacingOccurrences(of: ", draft-1:", with: ", the working draft:"))
        let unknown = try cli.run(["outline", "draft-9"])
        #expect(unknown.status == 2)
        #expect(unknown.error == "error: there is no version draft-9\n  fix: use one of: draft-1, working\n")
        let help = try cli.run(["outline", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("Example: draftflow outline draft-1"))
    }
}
