import DraftFlow
@testable import DraftFlowOffice
import Foundation
import Testing

/// The Word reader on documents written here, one behaviour each.
@Suite struct WordCopyTests {
    static let version = """
    # Input

    ## 1 Introduction

    1.1 The Council welcomes the "focused input" of the
    working group.

    1.2 Members's views differ.

    """

    func read(_ body: String, comments: String? = nil, version: String? = WordCopyTests.version) throws -> ReadSubmission {
        let file = IncomingFile(name: "CAN.docx", data: try WordDocx.make(body: body, comments: comments))
        return try #require(try WordCopy.read(file, version: version).read)
    }

    @Test func whatWordChangesOnItsOwnIsTheVersionsTextByteForByte() throws {
        // Curly quotes, a non-breaking space, a soft line break where the version wraps its line
        // elsewhere, a doubled space, a heading numbered by Word and an unstyled title.
        let body = WordDocx.p("Input", style: "Title") + WordDocx.p("Introduction", style: "Heading2").replacingOccurrences(of: "</w:pPr>", with: "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>")
            + "<w:p>" + WordDocx.r("1.1 The Council welcomes the \u{201C}focused\u{00A0}input\u{201D} of") + "<w:r><w:br/></w:r>" + WordDocx.r("the  working group.") + "</w:p>"
            + WordDocx.p("1.2 Members\u{2019}s views differ.")
        let read = try read(body)
        #expect(read.editedCopy == Self.version)
        #expect(read.revisions == [])
        #expect(read.notes == ["CAN.docx: 0 tracked changes, 0 Word comments; read as an edited copy of the draft",
                               "CAN.docx: once what Word changes on its own is set aside, the copy does not change the text"])
    }

    @Test func aChangedParagraphKeepsTheVersionsSpellingOfWhatItDidNotChange() throws {
        let body = WordDocx.p("Input", style: "Title") + WordDocx.p("1 Introduction", style: "Heading2")
            + "<w:p>" + WordDocx.r("1.1 The Council warmly welcomes the \u{201C}focused input\u{201D} of the working group and its \u{201C}report\u{201D}.") + "</w:p>"
            + WordDocx.p("1.2 Members\u{2019}s views differ.")
        let read = try read(body)
        #expect(read.editedCopy == """
            # Input

            ## 1 Introduction

            1.1 The Council warmly welcomes the "focused input" of the
            working group and its "report".

            1.2 Members's views differ.

            """)
    }

    @Test func theVersionsEmphasisMarksAroundAChangeAreKept() {
        let merged = WordAlignment.merged(version: "*Illustrative text only.*", copy: "Illustrative words only.", convention: .init(version: "*x*"))
        #expect(merged == "*Illustrative words only.*")
    }

    @Test func aDeletedParagraphMarkJoinsTheParagraphToTheNext() throws {
        let body = WordDocx.p("Input", style: "Title") + WordDocx.p("1 Introduction", style: "Heading2")
            + "<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"Canada\" w:date=\"2020-02-27T09:30:00Z\"/></w:rPr></w:pPr>"
            + WordDocx.r("1.1 The Council welcomes the \u{201C}focused input\u{201D} of the working group.") + "</w:p>"
            + "<w:p><w:del w:id=\"2\" w:author=\"Canada\" w:date=\"2020-02-27T09:30:00Z\"><w:r><w:delText>1.2 Members\u{2019}s views differ.</w:delText></w:r></w:del></w:p>"
        let read = try read(body)
        #expect(read.editedCopy == """
            # Input

            ## 1 Introduction

            1.1 The Council welcomes the "focused input" of the
            working group.

            """)
        #expect(read.revisions == [Revision(kind: .deletion, author: "Canada", date: Date(timeIntervalSince1970: 1_582_795_800), paragraph: "1.1",
                                            text: "1.2 Members\u{2019}s views differ.")])
    }

    @Test func textInsertedByOneReviewerAndDeletedByAnotherIsGoneAndFieldCodesAreNotText() throws {
        let body = WordDocx.p("Input", style: "Title") + WordDocx.p("1 Introduction", style: "Heading2")
            + "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> SEQ para </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + WordDocx.r("1.1") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + WordDocx.r(" The Council welcomes the \u{201C}focused input\u{201D} of the working group")
            + "<w:ins w:id=\"1\" w:author=\"A\" w:date=\"2020-02-27T09:30:00\"><w:del w:id=\"2\" w:author=\"B\" w:date=\"2020-02-27T10:00:00Z\">"
            + "<w:r><w:delText> and others</w:delText></w:r></w:del></w:ins>" + WordDocx.r(".") + "</w:p>"
            + WordDocx.p("1.2 Members\u{2019}s views differ.")
        let read = try read(body)
        #expect(read.editedCopy == Self.version)
        #expect(read.revisions.map(\.author) == ["B"])
        #expect(read.revisions.map(\.kind) == [.deletion])
    }

    @Test func aCommentsFirstWordMayGiveItsTypeInAnyLanguage() throws {
        let body = WordDocx.p("Input", style: "Title") + WordDocx.p("1 Introduction", style: "Heading2")
            + "<w:p>" + WordDocx.r("1.1 The Council welcomes the ") + "<w:commentRangeStart w:id=\"7\"/>" + WordDocx.r("\u{201C}focused input\u{201D}")
            + "<w:commentRangeEnd w:id=\"7\"/>" + WordDocx.r(" of the working group.") + "</w:p>"
            + "<w:p><w:commentRangeStart w:id=\"8\"/>" + WordDocx.r("1.2 Members\u{2019}s views differ.") + "<w:commentRangeEnd w:id=\"8\"/></w:p>"
            + "<w:p><w:r><w:commentReference w:id=\"9\"/></w:r></w:p>"
        let comments = """
            <w:comment w:id="7" w:author="Canada"><w:p><w:r><w:t>编辑性：</w:t></w:r><w:r><w:t>请改写</w:t></w:r></w:p></w:comment>\
            <w:comment w:id="8" w:author="Canada"><w:p><w:r><w:t>(te) Which members?</w:t></w:r></w:p><w:p><w:r><w:t>Say so.</w:t></w:r></w:p></w:comment>\
            <w:comment w:id="9" w:author="Canada"><w:p><w:r><w:t>Editorials are welcome.</w:t></w:r></w:p></w:comment>
            """
        let read = try read(body, comments: comments)
        #expect(read.comments.map(\.reference) == [.paragraphs(["1.1"]), .paragraphs(["1.2"]), .paragraphs(["1.2"])])
        #expect(read.comments.map(\.type) == [.editorial, .technical, .general])
        #expect(read.comments.map(\.text) == [
            "On \u{201C}\"focused input\"\u{201D}: 请改写",
            // On the whole paragraph: its words are not quoted back.
            "Which members?\nSay so.",
            "Editorials are welcome.",
        ])
    }

    @Test func aChineseCopyNumberedByWordKeepsTheVersionsNumbersTabsAndQuotes() throws {
        let version = "## 1\t引言\n\n1.1\t理事会欢迎“重点投入”。\n\n1.2\t本文件提供了一系列建议。\n"
        let numbered = "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"
        let body = "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>" + WordDocx.r("引言") + "</w:p>"
            + "<w:p>\(numbered)" + WordDocx.r("理事会欢迎“重点投入”。") + "</w:p>"
            + "<w:p>\(numbered)" + WordDocx.r("本文件提供了") + "<w:ins w:id=\"1\" w:author=\"中国\" w:date=\"2020-02-26T08:00:00Z\">"
            + WordDocx.r("“新的”") + "</w:ins>" + WordDocx.r("一系列建议。") + "</w:p>"
        let read = try read(body, version: version)
        #expect(read.editedCopy == "## 1\t引言\n\n1.1\t理事会欢迎“重点投入”。\n\n1.2\t本文件提供了“新的”一系列建议。\n")
        #expect(read.revisions == [Revision(kind: .insertion, author: "中国", date: Date(timeIntervalSince1970: 1_582_704_000), paragraph: "1.2", text: "“新的”")])
    }

    @Test func wordDatesWithoutAZoneAreUTC() {
        #expect(WordAcceptedText.date("2020-02-27T09:30:00") == Date(timeIntervalSince1970: 1_582_795_800))
        #expect(WordAcceptedText.date("2020-02-27T09:30:00Z") == Date(timeIntervalSince1970: 1_582_795_800))
        #expect(WordAcceptedText.date("2020-02-27T10:30:00+01:00") == Date(timeIntervalSince1970: 1_582_795_800))
        #expect(WordAcceptedText.date("2020-02-27T09:30:00.000Z") == Date(timeIntervalSince1970: 1_582_795_800))
        #expect(WordAcceptedText.date("yesterday") == nil)
    }

    @Test func aDocumentPartThatIsNotWellFormedXMLIsRefusedAndNoEntityIsFetched() throws {
        let broken = IncomingFile(name: "CAN.docx", data: try WordDocx.make(body: "<w:p><w:r><w:t>unclosed</w:p>"))
        let error = try #require(throws: DraftFlowError.self) { try WordCopy.read(broken, version: nil) }
        #expect(error.kind == .invalidInput)
        #expect(error.message == "CAN.docx (word/document.xml) cannot be read: it is not well-formed XML (line 1, column 181)")
        #expect(error.fix == "open it in Word or LibreOffice and save it again as .docx")
        // An external entity is not resolved: the text holds nothing of the file it names.
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><w:document \(WordDocx.namespace)><w:body>"
            + "<w:p><w:r><w:t>a&x;b</w:t></w:r></w:p></w:body></w:document>"
        let paragraphs = (try? WordXMLReader.read(Data(xml.utf8), what: "t").paragraphs) ?? []
        let host = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "-"
        #expect(!paragraphs.contains { $0.pieces.contains { if case .text(let text, _) = $0 { text.contains(host) } else { false } } })
    }

    @Test func aDocxWithoutADocumentPartIsRefused() throws {
        let archive = try ZIPArchiveWithOnePart.make()
        let error = try #require(throws: DraftFlowError.self) { try WordCopy.read(IncomingFile(name: "CAN.docx", data: archive), version: nil) }
        #expect(error.message == "CAN.docx is not a Word document (it has no word/document.xml)")
        #expect(error.kind == .invalidInput)
    }
}
