import Foundation
import Testing
@testable import DraftFlow
import TestSupport

@Suite("CommentParser")
struct CommentParserTests {
    func parse(_ text: String, _ fileName: String = "CAN.md") throws -> [ParsedComment] {
        try CommentParser.parse(data: Data(text.utf8), fileName: fileName)
    }

    func refusal(_ data: Data, _ fileName: String = "CAN.md") -> DraftFlowError? {
        TestSupport.refusal { try CommentParser.parse(data: data, fileName: fileName) }
    }

    func refusal(_ text: String, _ fileName: String = "CAN.md") -> DraftFlowError? {
        refusal(Data(text.utf8), fileName)
    }

    // MARK: Markdown

    @Test func markdownWithTwoAnchoredCommentsAndProposals() throws {
        let text = """
        # Comments of Canada on Draft 1

        ## 2.3 (technical)
        The paragraph should mention broadband.

        It matters for rural areas.
        Proposed change: ITU will promote affordable broadband
        for all, including in rural areas.

        ## Para. 4 [ed]
        Typo in the second sentence.
        Proposed text: "sustainable" instead of "sustainible".
        """
        let comments = try parse(text)
        #expect(comments == [
            ParsedComment(anchor: .paragraph("2.3"), type: .technical,
                          text: "The paragraph should mention broadband.\n\nIt matters for rural areas.",
                          proposedChange: "ITU will promote affordable broadband\nfor all, including in rural areas."),
            ParsedComment(anchor: .paragraph("4"), type: .editorial,
                          text: "Typo in the second sentence.",
                          proposedChange: "\"sustainable\" instead of \"sustainible\"."),
        ])
    }

    @Test func plainMarkdownIsOneGeneralComment() throws {
        let text = "# Comments of the United States\n\nWe support the draft.\n\n\n\nNo further comments.\n"
        #expect(try parse(text, "USA.md") == [
            ParsedComment(anchor: .general, type: .general,
                          text: "We support the draft.\n\nNo further comments.", proposedChange: nil),
        ])
        // No title at all, and "Proposed change:" has no special meaning without sections.
        #expect(try parse("Fine.\nProposed change: none", "x.txt") == [
            ParsedComment(anchor: .general, type: .general, text: "Fine.\nProposed change: none"),
        ])
    }

    @Test func headingForms() throws {
        let text = """
        ## general
        A.
        ## General (Editorial)
        B.
        ## Paragraph 2.3.1 (ge)
        C.
        ## § 5 (TE)
        D.
        ## ¶7
        E.
        ## para 8.
        F.
        ## 9 [technical] ##
        G.
        ## Para.10
        H.
        """
        let comments = try parse(text)
        // Issue 10: `¶7` is the id of the seventh unnumbered paragraph, not paragraph 7.
        #expect(comments.map(\.anchor) == [.general, .general, .paragraph("2.3.1"), .paragraph("5"), .paragraph("¶7"),
                                          .paragraph("8"), .paragraph("9"), .paragraph("10")])
        #expect(comments.map(\.type) == [.general, .editorial, .general, .technical, .general, .general, .technical, .general])
        #expect(comments.map(\.text) == ["A.", "B.", "C.", "D.", "E.", "F.", "G.", "H."])
        #expect(comments.allSatisfy { $0.proposedChange == nil })
    }

    @Test func proposalOnlyAndBoldMarker() throws {
        let text = "## 3 (ed)\n**Proposed change:** Replace \"shall\" by \"should\".\n\n### Note\nkept\n"
        #expect(try parse(text) == [
            // An instruction followed by more text: an instruction without an exact form.
            ParsedComment(anchor: .paragraph("3"), type: .editorial, text: "",
                          proposedChange: "Replace \"shall\" by \"should\".\n\n### Note\nkept", proposalKind: .instruction(nil)),
        ])
        // Marker on its own line; the proposal follows.
        let second = try parse("## 1\nWhy.\nPROPOSED CHANGE:\n\nNew text.\n")
        #expect(second == [ParsedComment(anchor: .paragraph("1"), type: .general, text: "Why.", proposedChange: "New text.")])
        // An empty proposal is no proposal.
        let third = try parse("## 1\nWhy.\nProposed change:\n")
        #expect(third == [ParsedComment(anchor: .paragraph("1"), type: .general, text: "Why.", proposedChange: nil)])
    }

    @Test func frontMatterBOMAndCRLF() throws {
        let text = "\u{FEFF}---\r\nmember: CAN\r\nround: comments-1\r\n---\r\n# Title\r\n## 2 (te)\r\nLine one\r\nline two\r\n\r\nProposed change: x\r\n"
        #expect(try parse(text) == [
            ParsedComment(anchor: .paragraph("2"), type: .technical, text: "Line one\nline two", proposedChange: "x"),
        ])
        let unclosed = refusal("---\nmember: CAN\n## 2\nx\n")
        #expect(unclosed?.message.contains("line 1") == true)
    }

    @Test func badHeadingNamesLineAndAcceptedForm() {
        let error = refusal("# Title\n\n## 2.3 (technical)\nFine.\n\n## Introduction\nText.\n")
        #expect(error?.message.contains("line 6") == true)
        #expect(error?.message.contains("'## Introduction'") == true)
        #expect(error?.fix?.contains("## 2.3 (technical)") == true)

        let badType = refusal("## 2 (important)\nText.\n")
        #expect(badType?.message.contains("line 1") == true)
        #expect(badType?.message.contains("'important'") == true)

        // Line numbers count CRLF and CR line breaks as the user sees them.
        #expect(refusal("## 1\r\nA.\r\n## x.y\r\nB.")?.message.contains("line 3") == true)
        #expect(refusal("## 1\rA.\r## x.y\rB.")?.message.contains("line 3") == true)
        #expect(refusal("## 1\nA.\n##\nB.")?.message.contains("line 3") == true)
        #expect(refusal("## 1.\nA.\n## 1..2\nB.")?.message.contains("line 3") == true)
        #expect(refusal("## Paragraphing 2\nA.")?.message.contains("line 1") == true)
    }

    @Test func emptySectionIsRefusedWithLineNumber() {
        let error = refusal("# T\n## 1 (te)\nText.\n## 2 (ed)\n\n   \n## 3\nMore.\n")
        #expect(error?.message.contains("line 4") == true)
        #expect(error?.message.contains("neither comment text nor a proposed change") == true)
    }

    @Test func textBeforeFirstSectionIsRefused() {
        let error = refusal("# Comments\nDear secretariat,\n## 2\nText.\n")
        #expect(error?.message.contains("line 2") == true)
    }

    @Test func titleOnlyIsRefused() {
        #expect(refusal("# Comments of Canada\n\n")?.message.contains("no comment text") == true)
    }

    // MARK: Encoding and size

    @Test func invalidUTF8IsRefused() {
        let error = refusal(Data([0xff, 0xfe, 0x41]))
        #expect(error?.message.contains("UTF-8") == true)
        #expect(error?.fix?.contains("save the file as UTF-8") == true)

        let latin1 = refusal(Data("## 1\nCaf".utf8) + Data([0xE9, 0x0A]))
        #expect(latin1?.message.contains("not valid UTF-8") == true)
        #expect(latin1?.message.contains("line 2") == true)
        #expect(latin1?.fix?.contains("save the file as UTF-8") == true)

        // Overlong encoding and lone surrogate are invalid too.
        #expect(refusal(Data([0x41, 0xC0, 0xAF]))?.message.contains("UTF-8") == true)
        #expect(refusal(Data([0x41, 0xED, 0xA0, 0x80]))?.message.contains("UTF-8") == true)
    }

    @Test func sizeLimit() throws {
        let limit = 10 * 1024 * 1024
        #expect(CommentParser.maximumSize == limit)
        var big = Data(repeating: UInt8(ascii: "a"), count: limit + 1)
        let error = refusal(big)
        #expect(error?.message.contains("10485761 bytes") == true)
        #expect(error?.message.contains("10485760 bytes") == true)
        #expect(error?.message.contains("limit") == true)
        big.removeLast()
        let comments = try CommentParser.parse(data: big, fileName: "big.md")
        #expect(comments.count == 1)
        #expect(comments[0].text.utf8.count == limit)
    }

    @Test func emptyWhitespaceAndNULAreRefused() {
        #expect(refusal(Data())?.message.contains("is empty") == true)
        #expect(refusal(" \n\t\r\n  ")?.message.contains("is empty") == true)
        #expect(refusal(Data([0xEF, 0xBB, 0xBF, 0x0A]))?.message.contains("is empty") == true)
        #expect(refusal("", "x.csv")?.message.contains("is empty") == true)
        let nul = refusal(Data("## 1\nab".utf8) + Data([0]) + Data("c".utf8))
        #expect(nul?.message.contains("NUL") == true)
        #expect(nul?.message.contains("line 2") == true)
    }

    @Test func chineseAndArabicArePreservedExactly() throws {
        let chinese = "国际电联将促进人人享有负担得起的宽带接入。"
        let arabic = "يعزز الاتحاد الدولي للاتصالات النفاذ إلى النطاق العريض بأسعار ميسورة للجميع."
        let markdown = "# تعليقات\n## 2.3 (te)\n\(arabic)\nProposed change: \(chinese)\n## 4\n\(chinese)\n"
        let comments = try parse(markdown)
        #expect(comments.count == 2)
        #expect(Array(comments[0].text.unicodeScalars) == Array(arabic.unicodeScalars))
        #expect(Array(comments[0].proposedChange!.unicodeScalars) == Array(chinese.unicodeScalars))
        #expect(Array(comments[1].text.unicodeScalars) == Array(chinese.unicodeScalars))
        #expect(comments[0].text.utf8.elementsEqual(arabic.utf8))

        // Decomposed forms are not normalised: bytes in, same bytes out.
        let decomposed = "Cafe\u{301} \u{0627}\u{064E}"
        #expect(try parse(decomposed)[0].text.utf8.elementsEqual(decomposed.utf8))

        let csv = "Clause,Type of comment,Comments,Proposed change\n2,te,\"\(arabic)\",\"\(chinese)\"\n"
        let fromCSV = try parse(csv, "CHN.csv")
        #expect(fromCSV[0].text.utf8.elementsEqual(arabic.utf8))
        #expect(fromCSV[0].proposedChange?.utf8.elementsEqual(chinese.utf8) == true)
    }

    /// Issue 9: a `## general` line inside a fenced code block split one comment into two.
    @Test func headingsAndProposalsInsideFencedCodeBlocksAreText() throws {
        let text = """
        ## 2.3 (technical)
        The example should read:
        ```markdown
        ## general
        Proposed change: not a proposal
        ```
          ~~~~ text
        ## 4 (ed)
        ```
        ~~~~~
        Proposed change: use the example.

        ## 5 [ed]
        ```
        ## general (ge)
        A fence that is never closed hides no heading.
        """
        #expect(try parse(text) == [
            ParsedComment(anchor: .paragraph("2.3"), type: .technical,
                          text: "The example should read:\n```markdown\n## general\nProposed change: not a proposal\n```\n  ~~~~ text\n## 4 (ed)\n```\n~~~~~",
                          proposedChange: "use the example."),
            ParsedComment(anchor: .paragraph("5"), type: .editorial, text: "```"),
            ParsedComment(anchor: .general, type: .general, text: "A fence that is never closed hides no heading."),
        ])
        // Headings only inside a fence: the file has no sections, so it is one general comment.
        let fencedOnly = "# Comments\n\n````\n## 2 (te)\n```\n````\n"
        #expect(try parse(fencedOnly) == [
            ParsedComment(anchor: .general, type: .general, text: "````\n## 2 (te)\n```\n````"),
        ])
        // Four spaces are an indented line, not a fence; backticks after a backtick fence make it no fence.
        let notFences = "## 1\n    ```\n## 2\n``` a`b\n## 3\n```\nx\n"
        #expect(try parse(notFences) == [
            ParsedComment(anchor: .paragraph("1"), type: .general, text: "```"),
            ParsedComment(anchor: .paragraph("2"), type: .general, text: "``` a`b"),
            ParsedComment(anchor: .paragraph("3"), type: .general, text: "```\nx"),
        ])
    }

    // MARK: CSV

    @Test func isoTemplateCSVWithQuotedMultilineFields() throws {
        let lines = [
            "MB/NC,Line number,Clause/Subclause,Paragraph/Figure/Table/Note,Type of comment,Comments,Proposed change,Observations of the secretariat",
            "CA,3,2,2.3,te,\"The paragraph should mention broadband,",
            "especially \"\"affordable\"\" access.\",\"ITU will promote affordable broadband",
            "for all.\",",
            "CA,,,,ED,\"Typo: \"\"sustainible\"\".\",\"\"\"sustainable\"\"\",",
            "CA,,,,,,,",
            "CA,,4,Table 1,,Clause-level comment.,,",
            "CA,,general,,Editorial,,Replace the title.,",
            ",,,,,,,",
        ]
        let csv = lines.joined(separator: "\r\n")
        let comments = try parse(csv, "CAN-comments.CSV")
        #expect(comments == [
            ParsedComment(anchor: .paragraph("2.3"), type: .technical,
                          text: "The paragraph should mention broadband,\nespecially \"affordable\" access.",
                          proposedChange: "ITU will promote affordable broadband\nfor all.",
                          template: TemplateFields(memberBody: "CA", line: "3", clause: "2", paragraph: "2.3", row: 2)),
            ParsedComment(anchor: .general, type: .editorial, text: "Typo: \"sustainible\".", proposedChange: "\"sustainable\"",
                          template: TemplateFields(memberBody: "CA", row: 3)),
            ParsedComment(anchor: .paragraph("4"), type: .general, text: "Clause-level comment.", proposedChange: nil,
                          template: TemplateFields(memberBody: "CA", clause: "4", paragraph: "Table 1", row: 5)),
            ParsedComment(anchor: .general, type: .editorial, text: "", proposedChange: "Replace the title.",
                          proposalKind: .instruction(nil), template: TemplateFields(memberBody: "CA", clause: "general", row: 6)),
        ])
    }

    /// Issue 10, section 7: the template's MB/NC, Line number, Clause and Paragraph are kept, and
    /// the cells name paragraphs as headings do.
    @Test func isoTemplateCellsAreKeptAndNameSubItems() throws {
        let csv = [
            "MB/NC,Line number,Clause/Subclause,Paragraph/Figure/Table/Note,Type of comment,Comments,Proposed change,Observations of the secretariat",
            "CN,41,3.3,b) 4),技术性,意见一,删除第4)项，保留第7)项。,",
            "CN,42-44,3.3,(b)(5),编辑性,意见二,\"5)\t工作组将提交报告。\",",
            "CN,,,第4.2.2.5至4.2.2.6段,ge,意见三,,",
            "CN,,4.2.2,after 4.2.2.6,te,意见四,4.2.2.7\tNew paragraph.,",
            "CA,7,2.1.1,•2,rédactionnel,Another member's row is kept for now.,,",
            "CN,,总体意见,,,意见五,,",
            "CN,,4.2.2.3,Table 1,,意见六,,",
        ].joined(separator: "\n")
        let comments = try parse(csv, "CHN.csv")
        #expect(comments == [
            ParsedComment(reference: .paragraphs(["3.3 b) 4)"]), type: .technical, text: "意见一", proposedChange: "删除第4)项，保留第7)项。",
                          proposalKind: .instruction(nil),
                          template: TemplateFields(memberBody: "CN", line: "41", clause: "3.3", paragraph: "b) 4)", row: 2)),
            ParsedComment(reference: .paragraphs(["3.3 b) 5)"]), type: .editorial, text: "意见二", proposedChange: "5)\t工作组将提交报告。",
                          template: TemplateFields(memberBody: "CN", line: "42-44", clause: "3.3", paragraph: "(b)(5)", row: 3)),
            ParsedComment(reference: .range(from: "4.2.2.5", to: "4.2.2.6"), type: .general, text: "意见三",
                          template: TemplateFields(memberBody: "CN", paragraph: "第4.2.2.5至4.2.2.6段", row: 4)),
            ParsedComment(reference: .insertion(after: "4.2.2.6"), type: .technical, text: "意见四", proposedChange: "4.2.2.7\tNew paragraph.",
                          template: TemplateFields(memberBody: "CN", clause: "4.2.2", paragraph: "after 4.2.2.6", row: 5)),
            ParsedComment(reference: .paragraphs(["2.1.1 •2"]), type: .editorial, text: "Another member's row is kept for now.",
                          template: TemplateFields(memberBody: "CA", line: "7", clause: "2.1.1", paragraph: "•2", row: 6)),
            ParsedComment(reference: .general, type: .general, text: "意见五", template: TemplateFields(memberBody: "CN", clause: "总体意见", row: 7)),
            ParsedComment(reference: .paragraphs(["4.2.2.3"]), type: .general, text: "意见六",
                          template: TemplateFields(memberBody: "CN", clause: "4.2.2.3", paragraph: "Table 1", row: 8)),
        ])
        #expect(comments[1].proposedBody == "工作组将提交报告。")
        #expect(comments[3].proposedBody == "4.2.2.7\tNew paragraph.")
    }

    @Test func csvHeaderAfterEmptyRowsAndOtherSeparators() throws {
        let csv = "\n;;;\nComments;Paragraph;TYPE\n\"A; still A\";§ 1.2;ge\nB;all;technical\n"
        #expect(try parse(csv, "x.csv") == [
            ParsedComment(anchor: .paragraph("1.2"), type: .general, text: "A; still A", template: TemplateFields(paragraph: "§ 1.2", row: 4)),
            ParsedComment(anchor: .general, type: .technical, text: "B", template: TemplateFields(paragraph: "all", row: 5)),
        ])
        let tabs = "Paragraph\tComments\n3\tTab separated\n"
        #expect(try parse(tabs, "x.csv") == [ParsedComment(anchor: .paragraph("3"), type: .general, text: "Tab separated",
                                                           template: TemplateFields(paragraph: "3", row: 2))])
        // No final line break, short rows.
        #expect(try parse("Comments,Paragraph\nOnly text", "x.csv") == [ParsedComment(anchor: .general, type: .general, text: "Only text",
                                                                                          template: TemplateFields(row: 2))])
    }

    @Test func csvMissingCommentsColumn() {
        let error = refusal("Clause,Paragraph,Type of comment,Proposed change\n1,1,ge,x\n", "x.csv")
        #expect(error?.message.contains("no 'Comments' column") == true)
        #expect(error?.message.contains("'Type of comment'") == true)
        #expect(error?.fix?.contains("Comments") == true)
    }

    @Test func csvUnknownTypeNamesTheRow() {
        let error = refusal("Type of comment,Comments\nge,fine\nurgent,bad\n", "x.csv")
        #expect(error?.message.contains("row 3") == true)
        #expect(error?.message.contains("'urgent'") == true)
        // Spreadsheet row and editor line differ after a multi-line cell.
        let multi = refusal("Type of comment,Comments\nge,\"two\nlines\"\nxx,bad\n", "x.csv")
        #expect(multi?.message.contains("row 3 (line 4)") == true)
    }

    @Test func csvWithoutCommentRowsAndBrokenQuotes() {
        #expect(refusal("MB/NC,Comments,Proposed change\nCA,,\n,,\n", "x.csv")?.message.contains("no comment rows") == true)
        #expect(refusal("Comments\n\"never closed\n", "x.csv")?.message.contains("line 2") == true)
        #expect(refusal("Comments\n\"closed\" junk\n", "x.csv")?.message.contains("line 2") == true)
    }
}
