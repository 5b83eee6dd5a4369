import DraftFlow
import DraftFlowExport
import Foundation
import Testing
import TestSupport

@Suite struct RedlineExportCommandTests {
    let multilingual = """
    # Draft

    ## 1 Texts

    1.1 The Council welcomes the report.

    1.2 Le Conseil prend note du rapport préliminaire.

    1.3 国际电联支持可持续发展目标。

    1.4 يرحب المجلس بالتقرير.

    1.5 This paragraph will move to the end of the text.

    1.6 Closing paragraph.

    """

    func makeVersions(_ scratch: ScratchDirectory) throws -> CLI {
        let draft = try scratch.write("draft.md", multilingual)
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        #expect(try CLI.run(["init", "ws", "--title", "Multilingual", "--document", draft.path], now: cli.now, in: scratch.url).status == 0)
        #expect(try cli.run(["publish", "v1"]).status == 0)
        let edited = multilingual
            .replacingOccurrences(of: "welcomes the report", with: "warmly welcomes the report")
            .replacingOccurrences(of: "du rapport préliminaire", with: "du rapport final")
            .replacingOccurrences(of: "国际电联支持", with: "国际电联全力支持")
            .replacingOccurrences(of: "يرحب المجلس بالتقرير.", with: "يرحب المجلس ترحيبا حارا بالتقرير.")
            .replacingOccurrences(of: "1.5 This paragraph will move to the end of the text.\n\n1.6 Closing paragraph.\n", with: "1.6 Closing paragraph.\n\n1.5 This paragraph will move to the end of the text.\n")
        try Data(edited.utf8).write(to: cli.folder.appendingPathComponent("Drafts/draft.md"))
        #expect(try cli.run(["publish", "v2"], now: "2020-02-20T10:00:00+01:00").status == 0)
        return cli
    }

    @Test func redlineIsWordLevelCharacterLevelForChineseAndShowsMoves() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeVersions(scratch)
        let result = try cli.run(["redline", "v1", "v2"], now: "2020-02-21T10:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        let text = result.output
        #expect(text.contains("1.1 The Council **warmly** welcomes the report."))
        #expect(text.contains("1.2 Le Conseil prend note du rapport ~~préliminaire~~**final**."))
        #expect(text.contains("1.3 国际电联**全力**支持可持续发展目标。"))
        #expect(text.contains("1.4 يرحب المجلس **ترحيبا حارا** بالتقرير."))
        #expect(text.contains("(moved from 1.5)"))
        #expect(!text.contains("~~1.5 This paragraph"))

        let html = try cli.run(["redline", "v1", "v2", "--format", "html"], now: "2020-02-21T10:00:00+01:00").output
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<ins>全力</ins>"))
        #expect(html.contains("<del>préliminaire</del>"))

        // Against the working draft, and unknown versions.
        try Data((multilingual + "\n1.7 New.\n").utf8).write(to: cli.folder.appendingPathComponent("Drafts/draft.md"))
        let working = try cli.run(["redline", "v2"], now: "2020-02-21T10:00:00+01:00")
        #expect(working.output.contains("**1.7 New.**"))
        let unknown = try cli.run(["redline", "v9", "v2"], now: "2020-02-21T10:00:00+01:00")
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("use one of: v1, v2, working"))
    }

    @Test(.enabled(if: Pandoc.locate() != nil)) func redlineAsDocx() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeVersions(scratch)
        let docx = scratch.url.appendingPathComponent("redline.docx")
        let result = try cli.run(["redline", "v1", "v2", "--format", "docx", "-o", docx.path], now: "2020-02-21T10:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        let xml = try unzip(docx, "word/document.xml")
        #expect(xml.contains("préliminaire"))
        #expect(xml.contains("全力"))
    }

    /// The whole process to `final`, then the packet in HTML and DOCX.
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

    @Test func exportedHTMLHoldsTheFinalTextAndTheTransmittalFacts() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeFinal(scratch)
        let file = scratch.url.appendingPathComponent("packet.html")
        let result = try cli.run(["export", "--format", "html", "-o", file.path], now: "2020-03-13T11:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("2.2 Connectivity remains a major challenge."))
        #expect(html.contains("Silence kept: no member objected to final-draft before 12 March 2020, 23:59:59 CET"))
        #expect(html.contains("Canada (CAN)"))
        #expect(html.contains("<time datetime=\"2020-02-27T17:42:00+01:00\">27 February 2020, 17:42:00 CET (Europe/Zurich)</time>"))
        #expect(html.contains("Agreed."))
        let tag = try git(["rev-parse", "final"], in: cli.folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try git(["rev-parse", "final^{commit}"], in: cli.folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(html.contains(tag))
        #expect(html.contains(commit))
        #expect(!html.contains("http://") && !html.contains("https://"))
        let markdown = try cli.run(["export", "final", "--format", "md", "-o", scratch.url.appendingPathComponent("p.md").path], now: "2020-03-13T11:00:00+01:00")
        #expect(markdown.status == 0)
    }

    @Test(.enabled(if: Pandoc.locate() != nil)) func exportedDocxHoldsTheFinalTextAndTheTransmittalFacts() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeFinal(scratch)
        let file = scratch.url.appendingPathComponent("packet.docx")
        let result = try cli.run(["export", "--format", "docx", "-o", file.path], now: "2020-03-13T11:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        let xml = try unzip(file, "word/document.xml")
        #expect(xml.contains("2.2 Connectivity remains a major challenge."))
        #expect(xml.contains("Silence kept"))
        #expect(xml.contains("Canada (CAN)"))
    }

    func unzip(_ file: URL, _ member: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", file.path, member]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
