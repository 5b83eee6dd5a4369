import DraftFlow
import DraftFlowExport
import Foundation
import Testing
import TestSupport

/// Word out, through the real binary: the compilation and the redline as tracked changes and Word
/// comments, read back with pandoc (`--track-changes=all`, `accept`, `reject`) and from the XML.
@Suite(.enabled(if: Pandoc.locate() != nil)) struct WordOutCommandTests {

    /// Canada proposes a word in 2.2 (received 20 February 2020, 10:00 CET); the United States sends
    /// a general comment, an editorial one on 1.2 and an edited copy (21 February, 11:30 CET).
    func makeCommentedRound(_ scratch: ScratchDirectory) throws -> CLI {
        let cli = try makeRoundWorkspace(scratch)
        let can = try scratch.write("can.md", "## 2.2 (technical)\nBe precise.\nProposed change: 2.2 Connectivity remains a serious challenge.\n")
        let usa = try scratch.write("usa.md", "## General\nWe support the text.\n\n## 1.2 (editorial)\nName the group.\n")
        let usaDraft = try scratch.write("usa-draft.md", sampleDraft
            .replacingOccurrences(of: "1.1 The Council welcomes the invitation", with: "1.1 The Council warmly welcomes the kind invitation")
            .replacingOccurrences(of: "2.1 ITU contributes to the SDGs.", with: "2.1 ITU contributes."))
        #expect(try cli.run(["comment", "CAN", can.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try cli.run(["comment", "USA", usa.path, "--proposal", usaDraft.path], now: "2020-02-21T11:30:00+01:00").status == 0)
        return cli
    }

    @Test func compilationAsDocxHasEachProposalAsATrackedChangeOfItsMemberAndEachCommentAsAWordComment() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeCommentedRound(scratch)
        let docx = scratch.url.appendingPathComponent("compilation.docx")
        let result = try cli.run(["compile", "--format", "docx", "-o", docx.path], now: "2020-02-22T10:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "Wrote the compilation (docx, 3 comments) to \(docx.path)\n")

        let tracked = try pandoc(docx, "--track-changes=all")
        #expect(tracked == """
        # [general: We support the text. \\[USA-1\\]]{.comment-start id="2" author="United States" date="2020-02-21T10:30:00Z"}Outline of the input[]{.comment-end id="2"}

        ## 1 Introduction

        1.1 The Council [warmly]{.insertion author="United States" date="2020-02-21T10:30:00Z"} welcomes the [kind]{.insertion author="United States" date="2020-02-21T10:30:00Z"} invitation to provide an input.

        [editorial: Name the group. \\[USA-2\\]]{.comment-start id="3" author="United States" date="2020-02-21T10:30:00Z"}1.2 This input was prepared by the working group.[]{.comment-end id="3"}

        ## 2 Contribution

        2.1 ITU contributes [to the SDGs]{.deletion author="United States" date="2020-02-21T10:30:00Z"}.

        [technical: Be precise. \\[CAN-1\\]]{.comment-start id="1" author="Canada" date="2020-02-20T09:00:00Z"}2.2 Connectivity remains a [serious]{.insertion author="Canada" date="2020-02-20T09:00:00Z"} challenge.[]{.comment-end id="1"}

        """)
        // Accepting every change gives the members' proposals; rejecting every one, the version.
        let accepted = try pandoc(docx, "--track-changes=accept", to: "plain")
        #expect(accepted == """
        Outline of the input

        1 Introduction

        1.1 The Council warmly welcomes the kind invitation to provide an input.

        1.2 This input was prepared by the working group.

        2 Contribution

        2.1 ITU contributes.

        2.2 Connectivity remains a serious challenge.

        """)
        let rejected = try pandoc(docx, "--track-changes=reject", to: "plain")
        #expect(rejected == """
        Outline of the input

        1 Introduction

        1.1 The Council welcomes the invitation to provide an input.

        1.2 This input was prepared by the working group.

        2 Contribution

        2.1 ITU contributes to the SDGs.

        2.2 Connectivity remains a challenge.

        """)

        // In the XML: Word's own elements, authors and dates, the comments part, A4 paper.
        let xml = try unzip(docx, "word/document.xml")
        #expect(xml.contains("<w:ins w:id=\"1\" w:author=\"United States\" w:date=\"2020-02-21T10:30:00Z\"><w:r><w:t xml:space=\"preserve\">warmly </w:t></w:r></w:ins>"))
        #expect(xml.contains("<w:del w:id=\"1\" w:author=\"United States\" w:date=\"2020-02-21T10:30:00Z\"><w:r><w:delText xml:space=\"preserve\"> to the SDGs</w:delText></w:r></w:del>"))
        #expect(xml.contains("<w:pgSz w:h=\"16838\" w:w=\"11906\" />"))
        let comments = try unzip(docx, "word/comments.xml")
        #expect(comments.contains("<w:comment w:id=\"1\" w:author=\"Canada\" w:date=\"2020-02-20T09:00:00Z\">"))
        #expect(try unzip(docx, "word/header1.xml").contains("<w:t>Council input to the 2020 HLPF: compilation text</w:t>"))
        // Nothing was recorded.
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
    }

    @Test func aCollisionInWordIsTheVersionsWordingDeletedAndEachAlternativeAnInsertionUnderAComment() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let can = try scratch.write("can.md", "## 2.2 (technical)\nBe precise.\nProposed change: 2.2 Connectivity remains a serious challenge.\n")
        let usa = try scratch.write("usa.md", "## 2.2 (technical)\nName it.\nProposed change: 2.2 Connectivity remains a grave challenge.\n")
        #expect(try cli.run(["comment", "CAN", can.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try cli.run(["comment", "USA", usa.path], now: "2020-02-21T11:30:00+01:00").status == 0)
        let docx = scratch.url.appendingPathComponent("compilation.docx")
        #expect(try cli.run(["compile", "--format", "docx", "-o", docx.path], now: "2020-02-22T10:00:00+01:00").status == 0)
        let paragraph = try pandoc(docx, "--track-changes=all").components(separatedBy: "\n").filter { $0.contains("2.2 ") }
        // The colliding passage is the whole sentence: each alternative is one member's wording of it.
        #expect(paragraph == [
            "[technical: Be precise. \\[CAN-1\\]]{.comment-start id=\"1\" author=\"Canada\" date=\"2020-02-20T09:00:00Z\"}"
            + "[technical: Name it. \\[USA-1\\]]{.comment-start id=\"2\" author=\"United States\" date=\"2020-02-21T10:30:00Z\"}"
            + "2.2 [Connectivity remains a challenge.]{.deletion author=\"Canada, United States\" date=\"2020-02-21T10:30:00Z\"}"
            + "[Alt 1 (Canada), one of 2 alternatives: accept one, reject the others]{.comment-start id=\"3\" author=\"Canada\" date=\"2020-02-20T09:00:00Z\"}"
            + "[Connectivity remains a serious challenge.]{.insertion author=\"Canada\" date=\"2020-02-20T09:00:00Z\"}[]{.comment-end id=\"3\"}"
            + "[Alt 2 (United States), one of 2 alternatives: accept one, reject the others]{.comment-start id=\"4\" author=\"United States\" date=\"2020-02-21T10:30:00Z\"}"
            + "[Connectivity remains a grave challenge.]{.insertion author=\"United States\" date=\"2020-02-21T10:30:00Z\"}"
            + "[[[]{.comment-end id=\"2\"}]{.comment-end id=\"1\"}]{.comment-end id=\"4\"}",
        ])
        // Rejecting every change gives the version's wording back.
        #expect(try pandoc(docx, "--track-changes=reject", to: "plain").contains("\n2.2 Connectivity remains a challenge.\n"))
    }

    @Test func compilationAsDocxNeedsAnOutputFile() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeCommentedRound(scratch)
        let result = try cli.run(["compile", "--format", "docx"], now: "2020-02-22T10:00:00+01:00")
        #expect(result.status == 64)
        #expect(result.error.contains("--format docx needs -o FILE"))
    }

    @Test func redlineAsDocxIsTrackedChangesOfTheSecretariatAndADeletedChineseCharacterIsATrackedDeletion() throws {
        let scratch = try ScratchDirectory()
        let draft = try scratch.write("draft.md", "# 草案\n\n1.1 国际电联支持可持续发展的目标。\n\n1.2 The Council welcomes the report.\n")
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        #expect(try CLI.run(["init", "ws", "--title", "Texte", "--document", draft.path], now: cli.now, in: scratch.url).status == 0)
        #expect(try cli.run(["publish", "v1"]).status == 0)
        try Data("# 草案\n\n1.1 国际电联支持可持续发展目标。\n\n1.2 The Council warmly welcomes the report.\n".utf8)
            .write(to: cli.folder.appendingPathComponent("Drafts/draft.md"))
        #expect(try cli.run(["publish", "v2"], now: "2020-02-20T10:00:00+01:00").status == 0)
        let docx = scratch.url.appendingPathComponent("redline.docx")
        let result = try cli.run(["redline", "v1", "v2", "--format", "docx", "-o", docx.path], now: "2020-02-21T10:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        let tracked = try pandoc(docx, "--track-changes=all")
        #expect(tracked == """
        # 草案

        1.1 国际电联支持可持续发展[的]{.deletion author="Secretariat" date="2020-02-20T09:00:00Z"}目标。

        1.2 The Council [warmly]{.insertion author="Secretariat" date="2020-02-20T09:00:00Z"} welcomes the report.

        """)
    }
}

extension WordOutCommandTests {
    /// Canada's proposal accepted, final-draft published, silence kept, `final` published.
    func makeFinal(_ scratch: ScratchDirectory) throws -> CLI {
        let cli = try makeRoundWorkspace(scratch)
        let can = try scratch.write("can.md", "## 2.2 (technical)\nSharper.\nProposed change: 2.2 Connectivity remains a major challenge.\n")
        #expect(try cli.run(["comment", "CAN", can.path], now: "2020-02-27T17:42:00+01:00").status == 0)
        #expect(try cli.run(["merge"], now: "2020-03-03T09:30:00+01:00").status == 0)
        #expect(try cli.run(["dispose", "CAN-1", "accepted", "--note", "Agreed."], now: "2020-03-03T10:00:00+01:00").status == 0)
        #expect(try cli.run(["publish", "final-draft"], now: "2020-03-05T10:00:00+01:00").status == 0)
        #expect(try cli.run(["round", "open", "--on", "final-draft", "--closes", "2020-03-12", "--kind", "silence"], now: "2020-03-05T10:05:00+01:00").status == 0)
        #expect(try cli.run(["finalize"], now: "2020-03-13T10:00:00+01:00").status == 0)
        return cli
    }

    @Test func theDocxPacketIsAnITUDocumentOnA4WithItsDispositionsOnLandscapePages() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeFinal(scratch)
        let docx = scratch.url.appendingPathComponent("packet.docx")
        let result = try cli.run(["export", "final", "--format", "docx", "--symbol", "C20/45", "-o", docx.path], now: "2020-03-13T11:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")

        // The header: symbol, title and version, apart (it read "…HLPFfinal"); the page number.
        let header = try unzip(docx, "word/header1.xml")
        #expect(header.contains("<w:t>C20/45 — Council input to the 2020 HLPF — final</w:t>"))
        #expect(header.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        // The section breaks name the header and footer by the ids pandoc kept from reference.docx.
        let relationships = try unzip(docx, "word/_rels/document.xml.rels")
        #expect(relationships.contains("<Relationship Id=\"rId9\" Target=\"header1.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" />"))
        #expect(relationships.contains("<Relationship Id=\"rId10\" Target=\"footer1.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" />"))

        // Three sections: the title page and text in portrait (no header on the first page), the
        // dispositions in landscape, the sources in portrait; all A4.
        let xml = try unzip(docx, "word/document.xml")
        let sections = xml.components(separatedBy: "<w:sectPr>").dropFirst().map { $0.components(separatedBy: "</w:sectPr>")[0] }
        #expect(sections.count == 3)
        #expect(sections.first?.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") == true)
        #expect(sections.first?.contains("<w:titlePg/>") == true)
        #expect(sections.dropFirst().first?.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>") == true)
        #expect(sections.last?.contains("<w:pgSz w:h=\"16838\" w:w=\"11906\" />") == true)

        let text = try pandoc(docx, "--track-changes=all", to: "plain")
        let lines = text.components(separatedBy: "\n")
        // The title block.
        #expect(Array(lines.prefix(9)) == ["Secretariat", "", "Document C20/45", "", "13 March 2020", "", "Original: English", "", "Source: Secretariat"])
        // The redline is the secretariat's tracked change.
        let tracked = try pandoc(docx, "--track-changes=all")
        #expect(tracked.contains("2.2 Connectivity remains a [major]{.insertion author=\"Secretariat\" date=\"2020-03-13T10:00:00Z\"} challenge."))
        // The disposition table has every column of the ISO template, and Canada's row.
        let native = try pandoc(docx, "--track-changes=all", to: "native")
        for heading in DispositionTable.columns {
            #expect(native.contains("Str \"\(heading.split(separator: " ").first!)"), "missing column \(heading)")
        }
        #expect(text.contains("Observations of the secretariat"))
        #expect(text.contains("Agreed."))
    }

    @Test func aSymbolWithAControlCharacterIsRefused() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeFinal(scratch)
        let docx = scratch.url.appendingPathComponent("packet.docx")
        let result = try cli.run(["export", "final", "--format", "docx", "--symbol", "C20\u{1B}[2J", "-o", docx.path], now: "2020-03-13T11:00:00+01:00")
        #expect(result.status == 2)
        #expect(result.error == "error: --symbol \"C20\\u{1B}[2J\" must be one line of printable text\n  fix: e.g. --symbol \"C20/45\" --original English\n")
        #expect(!FileManager.default.fileExists(atPath: docx.path))
    }
}

extension WordOutCommandTests {
    /// `file` read back by pandoc as Markdown (or `to`), without wrapping.
    func pandoc(_ file: URL, _ trackChanges: String, to format: String = "markdown") throws -> String {
        try run(Pandoc.locate()!.path, ["-f", "docx", "-t", format, "--wrap=none", trackChanges, file.path])
    }

    func unzip(_ file: URL, _ member: String) throws -> String {
        try run("/usr/bin/unzip", ["-p", file.path, member])
    }

    func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
