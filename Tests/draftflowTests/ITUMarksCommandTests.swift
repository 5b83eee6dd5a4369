import Foundation
import Testing
import TestSupport

/// `compile --marks itu`: each paragraph after its ITU proposal mark (ADD, MOD, SUP, NOC) with its
/// number and proposers, in Markdown, HTML and Word.
@Suite struct ITUMarksCommandTests {
    /// Canada modifies 1.1 and adds a paragraph after 2.1; the United States deletes 1.2.
    func mergedWorkspace(_ scratch: ScratchDirectory) throws -> CLI {
        let cli = try makeRoundWorkspace(scratch)
        let canada = sampleDraft
            .replacingOccurrences(of: "1.1 The Council welcomes the invitation to provide an input.", with: "1.1 The Council warmly welcomes the invitation to provide an input.")
            .replacingOccurrences(of: "2.1 ITU contributes to the SDGs.\n", with: "2.1 ITU contributes to the SDGs.\n\n2.1bis ITU measures progress.\n")
        let unitedStates = sampleDraft.replacingOccurrences(of: "1.2 This input was prepared by the working group.\n\n", with: "")
        let comments = try scratch.write("empty.md", "## general\nSee our copy.\n")
        for (code, copy) in [("CAN", canada), ("USA", unitedStates)] {
            let file = try scratch.write("\(code).proposal.md", copy)
            let recorded = try cli.run(["comment", code, comments.path, "--proposal", file.path], now: "2020-02-20T10:00:00+01:00")
            #expect(recorded.status == 0, "\(recorded.error)")
        }
        #expect(try cli.run(["merge"], now: "2020-03-02T10:00:00+01:00").status == 0)
        return cli
    }

    @Test func eachParagraphFollowsItsMarkInMarkdownHTMLAndWord() throws {
        let scratch = try ScratchDirectory("itu-marks")
        let cli = try mergedWorkspace(scratch)
        let markdown = try cli.run(["compile", "--marks", "itu"], now: "2020-03-02T11:00:00+01:00")
        #expect(markdown.status == 0, "\(markdown.error)")
        #expect(markdown.output == """
            **NOC**\t¶1

            # Outline of the input

            **NOC**\t1

            ## 1 Introduction

            **MOD**\t1.1 (Canada)

            1.1 The Council **warmly** (Canada) welcomes the invitation to provide an input.

            **SUP**\t1.2 (United States)

            ~~1.2 This input was prepared by the working group.~~ (United States)

            **NOC**\t2

            ## 2 Contribution

            **NOC**\t2.1

            2.1 ITU contributes to the SDGs.

            **ADD**\t(Canada)

            **2.1bis ITU measures progress.** (Canada)

            **NOC**\t2.2

            2.2 Connectivity remains a challenge.

            """)

        let html = try cli.run(["compile", "--marks", "itu", "--format", "html"], now: "2020-03-02T11:00:00+01:00")
        #expect(html.output.contains("<tr class=\"mod\"><th scope=\"row\"><span class=\"mark\">MOD</span><br><span class=\"ref\">1.1 (Canada)</span></th><td><p dir=\"auto\">1.1 The Council <ins>warmly</ins> <span class=\"by\">(Canada)</span> welcomes the invitation to provide an input.</p></td></tr>"))
        #expect(html.output.contains("<tr class=\"sup\"><th scope=\"row\"><span class=\"mark\">SUP</span><br><span class=\"ref\">1.2 (United States)</span></th>"))
        #expect(html.output.contains("<tr class=\"add\"><th scope=\"row\"><span class=\"mark\">ADD</span><br><span class=\"ref\">(Canada)</span></th>"))
        #expect(html.output.contains("<tr class=\"noc\"><th scope=\"row\"><span class=\"mark\">NOC</span><br><span class=\"ref\">2.2</span></th><td><p dir=\"auto\">2.2 Connectivity remains a challenge.</p></td></tr>"))

        // In Word: the mark in bold on its own line, then the paragraph with its tracked changes.
        let docx = scratch.url.appendingPathComponent("proposals.docx")
        let word = try cli.run(["compile", "--marks", "itu", "--format", "docx", "-o", docx.path], now: "2020-03-02T11:00:00+01:00")
        #expect(word.status == 0, "\(word.error)")
        let plain = try processOutput("/usr/bin/pandoc", ["-f", "docx", "-t", "markdown", "--track-changes=accept", "--wrap=none", docx.path])
        let lines = plain.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(Array(lines.prefix(8)) == [
            "**NOC** ¶1", "# Outline of the input", "**NOC** 1", "## 1 Introduction", "**MOD** 1.1 (Canada)",
            "1.1 The Council warmly welcomes the invitation to provide an input.", "**SUP** 1.2 (United States)", "**NOC** 2",
        ])
    }
}
