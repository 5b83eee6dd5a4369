import Foundation
import Testing
import TestSupport

/// Several documents in one workspace (`document add`, `--document`): each with its own versions
/// (tagged NAME/LABEL), rounds and schedule, its own language versions, and the members shared.
@Suite struct SeveralDocumentsCommandTests {
    static let hlpf = """
    # Council input to the 2020 HLPF

    ## 1 Introduction

    1.1 The Council welcomes the theme.

    1.2 ITU contributes to the Goals.

    """

    static let report = """
    # Report of the chair to Council

    ## 1 Meetings

    1.1 The group met twice.

    1.2 It agreed the outline.

    """

    static let french = """
    # Rapport du président au Conseil

    ## 1 Réunions

    1.1 Le groupe s'est réuni deux fois.

    1.2 Il a approuvé le plan.

    """

    static let chinese = """
    # 主席向理事会提交的报告

    ## 1 会议

    1.1 该组开会两次。

    1.2 该组商定了大纲。

    """

    static let canada = """
    ## 1.1 (editorial)

    Say where.

    Proposed change: The group met twice in Geneva.

    """

    /// A workspace of two documents, the second with a French and a Chinese version, each
    /// document published and in its own round.
    static func workspace(_ scratch: ScratchDirectory) throws -> CLI {
        let hlpf = try scratch.write("hlpf.md", Self.hlpf)
        let report = try scratch.write("report.md", Self.report)
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        #expect(try CLI.run(["init", "ws", "--title", "Council input", "--document", hlpf.path], now: "2020-02-07T17:00:00+01:00", in: scratch.url).status == 0)
        #expect(try cli.run(["member", "add", "CAN", "--name", "Canada"]).status == 0)
        #expect(try cli.run(["publish", "draft-1"]).status == 0)
        #expect(try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-01", "--name", "draft-1"]).status == 0)
        let added = try cli.run(["document", "add", "council-report", "--file", report.path, "--due", "2020-03-15"], now: "2020-02-14T11:00:00+01:00")
        #expect(added.status == 0)
        #expect(added.output.hasPrefix("Added document council-report: Report of the chair to Council (commit "))
        try Data(Self.french.utf8).write(to: cli.folder.appendingPathComponent("Drafts/council-report.fr.md"))
        try Data(Self.chinese.utf8).write(to: cli.folder.appendingPathComponent("Drafts/council-report.zh.md"))
        #expect(try cli.run(["publish", "draft-1", "--document", "council-report"], now: "2020-02-14T12:00:00+01:00").status == 0)
        let opened = try cli.run(["round", "open", "--document", "council-report", "--on", "draft-1", "--closes", "2020-03-15"], now: "2020-02-14T12:05:00+01:00")
        #expect(opened.output.hasPrefix("Opened comment round council-report-draft-1-comments on draft-1\n"))
        return cli
    }

    @Test func eachDocumentHasItsOwnVersionsRoundsAndStatus() throws {
        let scratch = try ScratchDirectory("several-documents")
        let cli = try Self.workspace(scratch)
        #expect(try gitOutput(["tag", "--list"], in: cli.folder) == "council-report/draft-1\ndraft-1\n")
        #expect(try gitOutput(["ls-tree", "--name-only", "council-report/draft-1", "Drafts/"], in: cli.folder)
                == "Drafts/council-report.fr.md\nDrafts/council-report.md\nDrafts/council-report.zh.md\nDrafts/hlpf.md\n")

        let list = try cli.run(["document", "list"])
        #expect(list.output == """
            hlpf           Drafts/hlpf.md           Council input
                           versions: draft-1; round draft-1
            council-report Drafts/council-report.md Report of the chair to Council
                           versions: council-report/draft-1; round council-report-draft-1-comments

            """)

        // A command of one document needs to know which; exit 2, and nothing changes.
        let head = try gitOutput(["rev-parse", "HEAD"], in: cli.folder)
        let file = try scratch.write("can.md", Self.canada)
        let unnamed = try cli.run(["comment", "CAN", file.path], now: "2020-02-20T10:00:00+01:00")
        #expect(unnamed.status == 2)
        #expect(unnamed.error == """
            error: this workspace holds 2 documents (hlpf, council-report); the command needs to know which one
              fix: add --document NAME, e.g. --document hlpf

            """)
        let unknown = try cli.run(["comment", "CAN", file.path, "--document", "annual-report"], now: "2020-02-20T10:00:00+01:00")
        #expect(unknown.status == 2)
        #expect(unknown.error == """
            error: this workspace has no document named 'annual-report'; its documents are hlpf, council-report
              fix: name one of them with --document, or add it with `draftflow document add annual-report --file FILE`

            """)
        #expect(try gitOutput(["rev-parse", "HEAD"], in: cli.folder) == head)

        // Canada's comment goes to the report's round, on the report's paragraph 1.1.
        let recorded = try cli.run(["comment", "CAN", file.path, "--document", "council-report"], now: "2020-02-20T10:00:00+01:00")
        #expect(recorded.status == 0)
        #expect(recorded.output.hasPrefix("""
            Recorded 1 comment from CAN in round council-report-draft-1-comments
              received 20 February 2020, 10:00:00 CET (Europe/Zurich)
              CAN-1  1.1  editorial  (proposed text)

            """))
        #expect(try gitOutput(["log", "-1", "--format=%(trailers:key=DraftFlow-Document,valueonly)"], in: cli.folder) == "council-report\n\n")

        // Status shows both documents, each with its own round; the first's round is untouched.
        let status = try cli.run(["status"], now: "2020-02-20T11:00:00+01:00")
        #expect(status.status == 0)
        #expect(status.output.hasPrefix("Document hlpf (1 of 2):\nCouncil input\n  document:  Drafts/hlpf.md\n"))
        #expect(status.output.contains("\nDocument council-report (2 of 2):\nReport of the chair to Council\n  document:  Drafts/council-report.md\n"))
        #expect(status.output.contains("Round draft-1: comment round on draft-1, OPEN\n  closes 1 March 2020, 23:59:59 CET (Europe/Zurich)\n"))
        #expect(status.output.contains("Round council-report-draft-1-comments: comment round on draft-1, OPEN\n  closes 15 March 2020, 23:59:59 CET (Europe/Zurich)\n"))
        #expect(status.output.contains("Submission: due 15 March 2020, 23:59:59 CET (Europe/Zurich), 24 days left\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["status", "--json"], now: "2020-02-20T11:00:00+01:00").output.utf8)) as? [String: Any])
        let documents = try #require(json["documents"] as? [[String: Any]])
        #expect(documents.map { $0["name"] as? String } == ["hlpf", "council-report"])
        let members = documents.map { (($0["status"] as? [String: Any])?["members"] as? [[String: Any]])?.first?["state"] as? String }
        #expect(members == ["none", "received"])

        // Merged, decided and published: draft-2 of the report only.
        #expect(try cli.run(["merge", "--document", "council-report"], now: "2020-03-16T09:00:00+01:00").status == 0)
        // The compilation on the Chinese version: each paragraph in Chinese, the proposals to the
        // original under the paragraph they change.
        let compiled = try cli.run(["compile", "--document", "council-report", "--lang", "zh"], now: "2020-03-16T09:05:00+01:00")
        #expect(compiled.output == """
            # 主席向理事会提交的报告

            ## 1 会议

            1.1 该组开会两次。

            > 对原文提出的修改：
            >
            > 1.1 The group met twice **in Geneva** (Canada).

            1.2 该组商定了大纲。

            """)
        let french = try cli.run(["compile", "--document", "council-report", "--lang", "fr", "--format", "html"], now: "2020-03-16T09:05:00+01:00")
        #expect(french.output.contains("""
            <p dir="auto">1.1 Le groupe s&#39;est réuni deux fois.</p>
            <blockquote class="original" dir="auto"><p class="label" lang="fr">Propositions relatives à l&#39;original :</p>
            <p dir="auto">1.1 The group met twice <ins>in Geneva</ins> <span class="by">(Canada)</span>.</p>
            </blockquote>
            """))
        // In Word, read back by pandoc: the same text.
        let word = scratch.url.appendingPathComponent("compilation.zh.docx")
        let docx = try cli.run(["compile", "--document", "council-report", "--lang", "zh", "--format", "docx", "-o", word.path], now: "2020-03-16T09:05:00+01:00")
        #expect(docx.status == 0, "\(docx.error)")
        #expect(docx.output == "Wrote the compilation on the zh version (docx) to \(word.path)\n")
        let readBack = try runProgram("/usr/bin/pandoc", ["-f", "docx", "-t", "plain", "--wrap=none", word.path], in: scratch.url)
        #expect(readBack.output.hasSuffix("""
            1.1 该组开会两次。

              对原文提出的修改：

              1.1 The group met twice in Geneva (Canada).

            1.2 该组商定了大纲。

            """))
        let spanish = try cli.run(["compile", "--document", "council-report", "--lang", "es"], now: "2020-03-16T09:05:00+01:00")
        #expect(spanish.status == 3)
        #expect(spanish.error.hasPrefix("error: version draft-1 has no es language version (Drafts/council-report.es.md)\n"))
        #expect(try cli.run(["dispose", "CAN-1", "accepted", "--document", "council-report"], now: "2020-03-16T09:10:00+01:00").status == 0)
        // The merge changed 1.1 of the original: its French and Chinese 1.1 are to re-translate.
        let translations = try cli.run(["translations", "--document", "council-report"], now: "2020-03-16T09:20:00+01:00")
        #expect(translations.output == """
            Language versions of Drafts/council-report.md:
              zh  Drafts/council-report.zh.md  not current: 1 paragraph to re-translate (1.1)
                1.1: the original has changed since it was translated
                  was: The group met twice.
                  now: The group met twice in Geneva.
              fr  Drafts/council-report.fr.md  not current: 1 paragraph to re-translate (1.1)
                1.1: the original has changed since it was translated
                  was: The group met twice.
                  now: The group met twice in Geneva.

            """)
        #expect(try cli.run(["publish", "draft-2", "--document", "council-report"], now: "2020-03-16T09:30:00+01:00").status == 0)
        #expect(try gitOutput(["tag", "--list"], in: cli.folder) == "council-report/draft-1\ncouncil-report/draft-2\ndraft-1\n")
        let redline = try cli.run(["redline", "draft-1", "draft-2", "--document", "council-report"], now: "2020-03-16T09:40:00+01:00")
        #expect(redline.output.contains("1.1 The group met twice **in Geneva**.\n"))
        // The first document has no draft-2.
        let none = try cli.run(["redline", "draft-1", "draft-2", "--document", "hlpf"], now: "2020-03-16T09:40:00+01:00")
        #expect(none.status != 0)
        // Each document's timeline holds its own events and the members, not the other's.
        let reportLog = try cli.run(["log", "--document", "council-report"], now: "2020-03-16T09:45:00+01:00").output
        #expect(reportLog.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 2).dropFirst().joined(separator: " ") } == [
            "Register member CAN: Canada",
            "Add document council-report: Report of the chair to Council",
            "Edit the draft before publishing draft-1",
            "Publish draft-1 of Report of the chair to Council",
            "Open comment round council-report-draft-1-comments on draft-1, closing 15 March 2020, 23:59:59 CET (Europe/Zurich)",
            "Comments of Canada (CAN) on draft-1: 1 comment",
            "Round council-report-draft-1-comments closed at its deadline, 15 March 2020, 23:59:59 CET (Europe/Zurich)",
            "Merge the proposals of round council-report-draft-1-comments into a candidate next draft",
            "Dispose of CAN-1 (Canada, 1.1): Accepted",
            "Publish draft-2 of Report of the chair to Council",
        ])
        let firstLog = try cli.run(["log", "--document", "hlpf"], now: "2020-03-16T09:45:00+01:00").output
        #expect(!firstLog.contains("Report of the chair") && firstLog.contains("Publish draft-1 of Council input\n"))
        // verify reads a namespaced version's text from its own document's file.
        let verified = try cli.run(["verify"], now: "2020-03-16T09:50:00+01:00")
        #expect(verified.status == 0)
        #expect(verified.output.hasPrefix("Verifying council-report/draft-2 in "))
        let blob = try gitOutput(["rev-parse", "council-report/draft-2:Drafts/council-report.md"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(verified.output.contains("         Drafts/council-report.md: blob \(blob), "))
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
    }

    @Test func badNamesAndTakenNamesAreRefusedAndLeaveTheWorkspaceAsItWas() throws {
        let scratch = try ScratchDirectory("several-documents-refusals")
        let cli = try Self.workspace(scratch)
        let head = try gitOutput(["rev-parse", "HEAD"], in: cli.folder)
        let report = try scratch.write("more.md", Self.report)
        let capital = try cli.run(["document", "add", "Council", "--file", report.path])
        #expect(capital.status == 2)
        #expect(capital.error == """
            error: the document name 'Council' contains the capital 'C'
              fix: use 1 to 64 lowercase ASCII letters, digits or '-', starting with a letter or digit, such as council-report

            """)
        let dotted = try cli.run(["document", "add", "report.fr", "--file", report.path])
        #expect(dotted.status == 2)
        #expect(dotted.error.hasPrefix("error: the document name 'report.fr' contains '.' (a language version is named <document>.<language>)\n"))
        let taken = try cli.run(["document", "add", "council-report", "--file", report.path])
        #expect(taken.status == 5)
        #expect(taken.error.hasPrefix("error: this workspace has a document named council-report already\n"))
        let first = try cli.run(["document", "add", "hlpf", "--file", report.path])
        #expect(first.status == 5)
        // A round name the first document uses already.
        let clash = try cli.run(["round", "open", "--document", "council-report", "--on", "draft-1", "--closes", "2020-03-20", "--name", "draft-1"],
                                now: "2020-03-16T10:00:00+01:00")
        #expect(clash.status == 5)
        #expect(clash.error == """
            error: a round named draft-1 exists already, in document hlpf: round names are the workspace's, one folder of Comments/ each
              fix: pass --name with a new name, e.g. --name council-report-draft-1

            """)
        #expect(try gitOutput(["rev-parse", "HEAD"], in: cli.folder) == head)
    }

    @Test func theSeedReportTakenAsItIsIsADocumentOfItsOwnTitledByItsFirstLine() throws {
        let scratch = try ScratchDirectory("several-documents-seed")
        let cli = try Self.workspace(scratch)
        let report = scratch.url.appendingPathComponent("report.txt")
        try FileManager.default.copyItem(at: DocumentCommandTests.seedReport, to: report)
        let added = try cli.run(["document", "add", "cwg-report", "--file", report.path], now: "2020-03-16T10:00:00+01:00")
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output.hasPrefix("""
            Added document cwg-report: 理事会信息社会世界峰会和 (commit
            """))
        #expect(added.output.contains("\n  file: Drafts/cwg-report.md\n  text: 157 paragraphs: 78 numbered, 55 sub-items, 12 bullets, 12 unnumbered;"))
        #expect(try cli.run(["publish", "draft-1", "--document", "cwg-report"], now: "2020-03-16T10:05:00+01:00").status == 0)
        #expect(try cli.run(["round", "open", "--document", "cwg-report", "--on", "draft-1", "--closes", "2020-04-01"], now: "2020-03-16T10:10:00+01:00").status == 0)
        let file = try scratch.write("can.md", "## 4.2.2.3（编辑性）\n\n请澄清。\n")
        let recorded = try cli.run(["comment", "CAN", file.path, "--document", "cwg-report"], now: "2020-03-17T10:00:00+01:00")
        #expect(recorded.output.hasPrefix("""
            Recorded 1 comment from CAN in round cwg-report-draft-1-comments
              received 17 March 2020, 10:00:00 CET (Europe/Zurich)
              CAN-1  4.2.2.3  editorial

            """))
    }
}
