import Foundation
import Testing
import TestSupport

/// Language versions (`Drafts/<name>.<lang>.md`): published with the version, listed by
/// `translations`, `status` and `publish` as current or not, paragraph by paragraph, after a merge
/// changes the original; and `redline --lang`.
@Suite struct LanguageVersionCommandTests {
    static let draft = """
    # Council input

    ## 1 Introduction

    1.1 The Council welcomes the theme.

    ## 2 Work

    2.1 ITU contributes to the Goals.

    2.2 Broadband is a key enabler.

    """

    static let chinese = """
    # 理事会的投入

    ## 1 引言

    1.1 理事会欢迎该主题。

    ## 2 工作

    2.1 国际电联为实现目标作出贡献。

    2.2 宽带是关键推动因素。

    """

    static let comments = """
    # Comments of Canada on Draft 1

    ## 2.2 (technical)

    Say which development.

    Proposed change: Broadband is a key enabler of sustainable development.

    """

    @Test func aMergeOnTheOriginalMarksTheChangedParagraphStaleUntilItIsRetranslated() throws {
        let scratch = try ScratchDirectory("language-versions")
        let draft = try scratch.write("outline.md", Self.draft)
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        #expect(try CLI.run(["init", "ws", "--title", "Council input", "--document", draft.path], now: "2020-02-07T17:00:00+01:00", in: scratch.url).status == 0)
        #expect(try cli.run(["translations"]).output == "Drafts/outline.md has no language version: add one as Drafts/outline.fr.md (ar, zh, en, fr, ru, es), then publish\n")
        try Data(Self.chinese.utf8).write(to: cli.folder.appendingPathComponent("Drafts/outline.zh.md"))
        #expect(try cli.run(["member", "add", "CAN", "--name", "Canada"]).status == 0)
        let published = try cli.run(["publish", "draft-1"])
        #expect(published.status == 0)
        #expect(published.output.hasPrefix("Committed edits to Drafts/outline.zh.md\nPublished draft-1 (commit "))
        #expect(published.output.hasSuffix("""
              text: 6 paragraphs: 5 numbered, 0 sub-items, 0 bullets, 1 unnumbered
              language versions published with it:
                zh  current

            """))
        #expect(try gitOutput(["ls-tree", "--name-only", "draft-1", "Drafts/"], in: cli.folder) == "Drafts/outline.md\nDrafts/outline.zh.md\n")
        #expect(try cli.run(["translations"]).output == "Language versions of Drafts/outline.md:\n  zh  Drafts/outline.zh.md  current (6 paragraphs)\n")

        #expect(try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-01"]).status == 0)
        let file = try scratch.write("can.md", Self.comments)
        #expect(try cli.run(["comment", "CAN", file.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try cli.run(["merge"], now: "2020-03-02T10:00:00+01:00").status == 0)

        // The merge changed 2.2 of the original: only 2.2 is to re-translate.
        let after = try cli.run(["translations"], now: "2020-03-02T11:00:00+01:00")
        #expect(after.output == """
            Language versions of Drafts/outline.md:
              zh  Drafts/outline.zh.md  not current: 1 paragraph to re-translate (2.2)
                2.2: the original has changed since it was translated
                  was: Broadband is a key enabler.
                  now: Broadband is a key enabler of sustainable development.

            """)
        let status = try cli.run(["status"], now: "2020-03-02T11:00:00+01:00")
        #expect(status.output.contains("\n\nLanguage versions (see `draftflow translations`):\n  zh  1 paragraph to re-translate (2.2)\n\nRound "))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["translations", "--json"]).output.utf8)) as? [[String: Any]])
        #expect(json.count == 1)
        #expect(json.first?["language"] as? String == "zh")
        #expect(json.first?["current"] as? Bool == false)
        #expect((json.first?["stale"] as? [[String: String]]) == [[
            "paragraph": "2.2", "translatedFrom": "Broadband is a key enabler.", "original": "Broadband is a key enabler of sustainable development.",
        ]])
        let statusJSON = try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["status", "--json"]).output.utf8)) as? [String: Any])
        #expect(((statusJSON["languageVersions"] as? [[String: Any]])?.first?["stale"] as? [Any])?.count == 1)

        // Re-translated and published with the next draft: current again; a paragraph added to
        // the original only is listed as missing.
        #expect(try cli.run(["dispose", "CAN-1", "accepted"], now: "2020-03-03T09:00:00+01:00").status == 0)
        try Data(Self.chinese.replacingOccurrences(of: "2.2 宽带是关键推动因素。", with: "2.2 宽带是可持续发展的关键推动因素。").utf8)
            .write(to: cli.folder.appendingPathComponent("Drafts/outline.zh.md"))
        let second = try cli.run(["publish", "draft-2"], now: "2020-03-03T10:00:00+01:00")
        #expect(second.output.hasSuffix("  language versions published with it:\n    zh  current\n"))
        let original = try String(contentsOf: cli.folder.appendingPathComponent("Drafts/outline.md"), encoding: .utf8)
        try Data((original + "\n2.3 Connectivity remains a challenge.\n").utf8).write(to: cli.folder.appendingPathComponent("Drafts/outline.md"))
        let third = try cli.run(["publish", "draft-3"], now: "2020-03-04T10:00:00+01:00")
        #expect(third.output.hasSuffix("  language versions published with it:\n    zh  1 to add (2.3)\n"))

        // The redline of a language version between two versions.
        let redline = try cli.run(["redline", "draft-1", "draft-2", "--lang", "zh"])
        #expect(redline.output.hasSuffix("2.2 宽带是**可持续发展的**关键推动因素。\n"))
        #expect(redline.output.hasPrefix("# Council input: redline draft-1 → draft-2 (zh)\n"))
        let none = try cli.run(["redline", "draft-1", "draft-2", "--lang", "fr"])
        #expect(none.status == 2)
        #expect(none.error == "error: draft-1 has no fr language version (Drafts/outline.fr.md)\n  fix: see which versions have one with `draftflow translations`, or add Drafts/outline.fr.md and publish\n")
        let unknown = try cli.run(["redline", "draft-1", "draft-2", "--lang", "de"])
        #expect(unknown.status == 2)
        #expect(unknown.error == "error: 'de' is not one of the six UN languages\n  fix: use one of: ar, zh, en, fr, ru, es\n")
    }
}
