import Foundation
import Testing
import DraftFlow

/// Reading drafts as they come (issue 10, "What was seen", 1): the seed's real report taken as
/// Word exported it, and Markdown.
@Suite struct DocumentReaderTests {
    /// Every id of sections 1 to 4 of the seed report, checked by eye against the file.
    static let sectionIDs = [
        "1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.1 •1", "2.1.1 •2", "2.1.2", "2.1.2 •1", "2.1.2 •2", "2.1.2 •3",
        "2.1.2 •4", "2.1.2 •5", "2.1.2 •6", "3", "3.1", "3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5", "3.1.6", "3.1.7",
        "3.1.8", "3.1.9", "3.1.10", "3.1.11", "3.1.12", "3.1.13", "3.1.14", "3.1.15", "3.1.16", "3.1.16 •1",
        "3.1.16 i)", "3.1.16 ii)", "3.1.16 •2", "3.1.17", "3.1.18", "3.1.19", "3.1.20", "3.1.21", "3.1.22", "3.1.23",
        "3.2", "3.3", "3.3 a)", "3.3 a) 1)", "3.3 b)", "3.3 b) 1)", "3.3 b) 2)", "3.3 b) 3)", "3.3 b) 4)", "3.3 b) 5)",
        "3.3 b) 6)", "3.3 b) 7)", "3.3 b) 8)", "3.3 c)", "3.3 c) 1)", "3.3 c) 2)", "3.3 c) 3)", "3.3 d)", "3.3 d) 1)",
        "3.3 d) 2)", "3.3 d) 3)", "3.3 e)", "3.3 e) 1)", "3.3 e) 1) i)", "3.3 e) 1) ii)", "3.3 e) 1) iii)", "3.3 f)",
        "3.3 f) 1)", "3.3 f) 2)", "3.3 f) 3)", "3.3 f) 4)", "3.3 f) 5)", "3.3 f) 6)", "3.3 g)", "3.3 g) 1)",
        "3.3 g) 2)", "3.3 g) 3)", "3.3 h)", "3.3 h) ¶1", "3.3 h) 1)", "3.3 h) 1) i)", "3.3 h) 1) ii)", "3.3 h) 2)",
        "3.3 h) 2) i)", "3.3 h) 2) ii)", "3.3 i)", "3.3 i) 1)", "3.3 i) 2)", "3.3 j)", "3.3 j) 1)", "3.3 j) 2)",
        "3.3 k)", "3.3 k) 1)", "3.3 k) 2)", "3.3 l)", "3.3 l) 1)", "4", "4.1", "4.1.1", "4.1.2", "4.1.3", "4.1.4",
        "4.1.5", "4.2", "4.2.1", "4.2.1.1", "4.2.2", "4.2.2.1", "4.2.2.2", "4.2.2.3", "4.2.2.3 ¶1", "4.2.2.4",
        "4.2.2.4 •1", "4.2.2.4 •2", "4.2.2.5", "4.2.2.5 ¶1", "4.2.2.6",
    ]

    static func seed() throws -> DocumentReader.Result {
        try DocumentReader.read(try Fixture.data(Fixture.seedReport), name: Fixture.seedReport)
    }

    static func ids(_ document: DraftDocument) -> [String] {
        let anchors = document.blocks.map(\.anchor)
        guard let first = anchors.firstIndex(of: "1"), let end = anchors.firstIndex(of: "5") else { return [] }
        return Array(anchors[first..<end])
    }

    @Test func theSeedReportGivesTheOutlineOfItsSections() throws {
        let result = try Self.seed()
        #expect(result.report.format == .wordText)
        #expect(Self.ids(result.document) == Self.sectionIDs)
        #expect(result.document.blocks.prefix(9).map(\.anchor) == (1...9).map { "¶\($0)" })
        #expect(result.document.block(anchor: "3.3 b) 4)")?.level == 4)
        #expect(result.document.block(anchor: "3.3 b) 4)")?.parent == "3.3 b)")
        #expect(result.document.block(anchor: "3.3 e) 1) iii)")?.number == "iii)")
        #expect(result.document.block(anchor: "4.2.2.3 ¶1")?.level == 5)
        #expect(DraftDocument.parse(result.markdown) == result.document)
    }

    @Test func theTrickyLinesOfTheSeedReportAsStored() throws {
        let document = try Self.seed().document
        func text(_ id: String) -> String? { document.block(anchor: id)?.text }
        #expect(text("1") == "## 1 引言")
        #expect(text("3") == "## 3 国际电联在WSIS推进、落实和后续行动方面开展的活动，包括根据国际电联运作规划所开展的活动")
        #expect(text("2.1.1") == "2.1.1 国际电联WSIS相关决议")
        #expect(text("2.1.1 •2") == "• 理事会2019年会议成果")
        #expect(text("3.1") == "3.1 CWG-WSIS&SDG第34和35次会议审议了以下文件：")
        #expect(text("3.1.16 i)") == "i) D区（非洲）副主席（CWGWSIS35/13）；")
        #expect(text("3.1.16 ii)") == "ii) E区（亚太）副主席（CWGWSIS35/12）；")
        #expect(text("3.3 b) 4)") == "4) 工作组注意到在2020年2月3日之前是向公开磋商进程提交文稿，包括申请举办讲习班和展览空间的最后期限；")
        #expect(text("3.3 h) ¶1") == "工作组赞赏UNGIS的工作及其对2019年高级别政治论坛的贡献，包括强调促进数字转型和全球伙伴关系对实现可持续发展目标的重要性的会外活动和联合声明。")
        #expect(text("3.3 l) 1)") == "1) 工作组审议了资料文件，并提出了意见，指出本报告的重要性。国际电联作为联合国大家庭的一员，应继续参与这一进程，并跟上正在进行的全球磋商。")
        #expect(text("4.2.2.4 •1") == "– 加拿大")
        #expect(text("4.2.2.3 ¶1") == "国际电联理事会有关政府间机构对2020年HLPF的输入意见纲要（草案1）")
        #expect(text("¶1") == "理事会信息社会世界峰会和")
    }

    @Test func theReportSaysWhatWasRemovedAndFixed() throws {
        let report = try Self.seed().report
        #expect(report.summary == "157 paragraphs: 78 numbered, 55 sub-items, 12 bullets, 12 unnumbered; "
                + "121 [bookmark] artefacts, 1 separator line removed; 9 section lines made headings; 3 oddities fixed")
        #expect(report.artefacts.map { "\($0.kind) \($0.name ?? "-") \($0.count)" } == ["bookmark _Hlk 4", "bookmark lt_pId 117", "separator line - 1"])
        #expect(report.artefactCount == 122)
        #expect(report.headings.map(\.line) == [19, 22, 34, 119, 140, 144, 147, 161, 164])
        #expect(report.headings.first?.text == "## 1 引言")
        #expect(report.fixes == [
            "line 24, trailing dot: 2.1.1.<TAB>国际电联WSIS相关决议 → 2.1.1 国际电联WSIS相关决议",
            "line 54, repeated label: ii) ii)<TAB>E区（亚太）副主席（CWGWSI… → ii) E区（亚太）副主席（CWGWSIS35/…",
            "line 71, missing tab: 4)工作组注意到在2020年2月3日之前是向公开… → 4) 工作组注意到在2020年2月3日之前是向公…",
        ])
        #expect(report.duplicates.isEmpty)
        #expect(report.unnumberedRuns.isEmpty)
        #expect(report.warnings.isEmpty)
        #expect(!(try Self.seed().markdown.contains("[bookmark")))
    }

    // MARK: The findings of issue 10, 1

    @Test func theRawReportIsNoLongerTwoParagraphs() throws {
        let raw = try Fixture.text(Fixture.seedReport)
        // Taken as Markdown, as `init` did: the lines merge into 5 blocks and no number is seen.
        #expect(DraftDocument.parse(raw).blocks.count == 5)
        #expect(DraftDocument.parse(raw).blocks.filter { $0.role == .numbered }.isEmpty)
        let result = try Self.seed()
        #expect(result.document.blocks.count == 157)
        #expect(result.report.numbered == 78)
    }

    @Test func bookmarkPrefixesNoLongerHideNumbers() throws {
        let result = try DocumentReader.read(Data("[bookmark: lt_pId045]3.1\tText\n[bookmark: lt_pId046][bookmark: _Hlk1]3.2\tMore\n".utf8), name: "a.txt")
        #expect(result.markdown == "3.1 Text\n\n3.2 More\n")
        #expect(result.document.blocks.map(\.anchor) == ["3.1", "3.2"])
        #expect(result.report.artefactCount == 3)
    }

    @Test func sectionLinesAreHeadings() throws {
        let result = try DocumentReader.read(Data("1\t引言\n1.1\t文本。\n2.\tThe Council decides that the text is final.\n".utf8), name: "a.txt")
        #expect(result.markdown == "## 1 引言\n\n1.1 文本。\n\n2. The Council decides that the text is final.\n")
        #expect(result.document.blocks.map(\.kind) == [.heading(level: 2), .paragraph, .paragraph])
        #expect(result.document.blocks.map(\.anchor) == ["1", "1.1", "2"])
    }

    @Test func linesWithoutBlankLinesAreParagraphsOfTheirOwn() throws {
        let word = try DocumentReader.read(Data("1.1\tFirst\n1.2\tSecond\nNo number\n".utf8), name: "a.txt")
        #expect(word.document.blockTexts == ["1.1 First", "1.2 Second", "No number"])
        let markdown = try DocumentReader.read(Data("1.1 First\n1.2 Second\n(a) item\nwrapped line\n".utf8), name: "a.md")
        #expect(markdown.report.format == .markdown)
        #expect(markdown.document.blockTexts == ["1.1 First", "1.2 Second", "(a) item\nwrapped line"])
        #expect(markdown.report.fixes == ["line 2, no blank line: 1.2 Second → a paragraph of its own",
                                          "line 3, no blank line: (a) item → a paragraph of its own"])
    }

    @Test func insertingABulletUnder2_1_1ChangesNoOtherID() throws {
        var lines = try Fixture.text(Fixture.seedReport).components(separatedBy: "\n")
        #expect(lines[25] == "•\t理事会2019年会议成果")
        lines.insert("•\t新的一项", at: 26)
        let after = try DocumentReader.read(Data(lines.joined(separator: "\n").utf8), name: "a.txt").document
        var expected = try Self.seed().document.blocks.map(\.anchor)
        expected.insert("2.1.1 •3", at: expected.firstIndex(of: "2.1.1 •2")! + 1)
        #expect(after.blocks.map(\.anchor) == expected)
        #expect(after.block(anchor: "2.1.1 •3")?.text == "• 新的一项")
    }

    @Test func subItemsAreAddressableByWhatDelegatesWrite() throws {
        let document = try Self.seed().document
        for written in ["3.3 b) 4)", "3.3(b)(4)", "para. 3.3 (b) (4)", "§3.3 b)4)", "３．３（ｂ）（４）"] {
            let id = try #require(DraftDocument.canonical(reference: written))
            #expect(document.block(anchor: id)?.text.hasPrefix("4) 工作组注意到") == true)
        }
        #expect(document.block(anchor: "3.1.16 i)") != nil)
        #expect(document.nearestAnchors(to: "4.2.2.7") == ["4.2.2.6", "4.2.2.5", "4.2.2.4"])
        #expect(document.nearestAnchors(to: "9.9.9") == ["9", "9.1", "8.1.1"])
        #expect(document.nearestAnchors(to: "3.3 b) 9)") == ["3.3 b) 8)", "3.3 b) 7)", "3.3 b) 6)"])
    }

    @Test func aDuplicateNumberIsReportedNotSilentlyPositional() throws {
        let result = try DocumentReader.read(Data("1\tIntro\n1.1\tA\n1.2\tB\n1.1\tAgain\n".utf8), name: "a.txt")
        #expect(result.document.blocks.map(\.anchor) == ["1", "1.1", "1.2", "1.2 ¶1"])
        #expect(result.report.duplicates.map { "\($0.number) \($0.id) \($0.line ?? 0)" } == ["1.1 1.2 ¶1 4"])
        #expect(result.report.warnings == ["1.1 is used twice: the second (line 4) is cited as 1.2 ¶1"])
    }

    // MARK: Warnings, Markdown, refusals

    @Test func longUnnumberedRunsAndUnnumberedDocumentsAreWarnedAbout() throws {
        let run = try DocumentReader.read(Data("1\tA\n1.1\tB\none\ntwo\nthree\nfour\nfive\n1.2\tC\n".utf8), name: "a.txt").report
        #expect(run.warnings == ["5 unnumbered paragraphs in a row, 1.1 ¶1 to 1.1 ¶5: are numbers missing?"])
        let none = try DocumentReader.read(Data("Para one\n\nPara two\n".utf8), name: "a.md").report
        #expect(none.summary == "2 paragraphs: 0 numbered, 0 sub-items, 0 bullets, 2 unnumbered")
        #expect(none.warnings == ["no numbered paragraph was found: delegates can cite only positions (¶1, ¶2, …); "
                                  + "if the text is numbered, check the file (see `draftflow outline`)"])
    }

    @Test func theExampleDraftIsStoredAsItIsWithTheSameIDs() throws {
        let data = try Fixture.exampleDraft()
        let result = try DocumentReader.read(data, name: "hlpf-2020-input.md")
        #expect(Data(result.markdown.utf8) == data)
        #expect(result.report.format == .markdown)
        #expect(result.document.blocks.prefix(7).map(\.anchor) == ["¶1", "¶2", "1", "1.1", "1.2", "1.3", "2"])
        #expect(result.document.blocks.allSatisfy { $0.role == .numbered || $0.index < 2 })
        #expect(result.report.summary == "25 paragraphs: 23 numbered, 0 sub-items, 0 bullets, 2 unnumbered")
    }

    @Test func wordTextDetails() throws {
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data("1\t引言\r\n(a)\tText\r\n   \r\n•\tBullet\r\n".utf8)
        let result = try DocumentReader.read(bom, name: "a.txt")
        #expect(result.markdown == "## 1 引言\n\n(a) Text\n\n• Bullet\n")
        #expect(result.report.summary == "3 paragraphs: 1 numbered, 1 sub-item, 1 bullet, 0 unnumbered; 1 byte order mark removed; 1 section line made a heading")
        #expect(DocumentReader.detect("One paragraph\nper line\nwith no blank line\n", name: "x.txt") == .wordText)
        #expect(DocumentReader.detect("One paragraph\nper line\nwith no blank line\n", name: "x.md") == .markdown)
        #expect(DocumentReader.detect("# Title\n\n1.1\tText\n1.2\tText\n", name: "x.txt") == .markdown)
        #expect(DocumentReader.detect("1.1\tText\n1.2\tText\n", name: "x.md") == .wordText)
    }

    @Test func storedNames() {
        #expect(DocumentReader.storedName(for: "report.txt") == "report.md")
        #expect(DocumentReader.storedName(for: "/tmp/x/Report.TXT") == "Report.md")
        #expect(DocumentReader.storedName(for: "outline.md") == "outline.md")
    }

    @Test(arguments: [("draft.docx", Data("PK\u{3}\u{4}rest".utf8)), ("draft.txt", Data("PK\u{3}\u{4}rest".utf8)),
                      ("draft.doc", Data([0xD0, 0xCF, 0x11, 0xE0]))])
    func wordDocumentsAreRefusedWithHowToSendTheText(name: String, data: Data) {
        #expect(throws: DraftFlowError(.invalidInput,
                                       "\(name) is a word-processor document: DraftFlow reads its text, not the file itself (.docx is for a later version)",
                                       fix: "in Word, File > Save As > Plain Text (.txt) with the encoding Unicode (UTF-8), and pass that file; "
                                            + "or send the draft as Markdown (.md)")) {
            try DocumentReader.read(data, name: name)
        }
    }

    @Test func pdfIsRefused() {
        #expect(throws: DraftFlowError(.invalidInput, "x.pdf is a PDF: DraftFlow cannot take the text out of it reliably",
                                       fix: "export the text from the document the PDF was made from: in Word, File > Save As > Plain Text (.txt) "
                                            + "with the encoding Unicode (UTF-8), and pass that file; or send the draft as Markdown (.md)")) {
            try DocumentReader.read(Data("%PDF-1.7".utf8), name: "x.pdf")
        }
    }
}
