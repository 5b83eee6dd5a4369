import Foundation
import Testing
import TestSupport

/// `draftflow demo` replays the 2020 case as the seed tells it, the same way on every run.
@Suite struct DemoCommandTests {
    @Test func theDemoEndsWithTheChairsTransmissionAndWritesWhatMembersReceive() throws {
        let scratch = try ScratchDirectory()
        let first = scratch.url.appendingPathComponent("one")
        let second = scratch.url.appendingPathComponent("two")
        for folder in [first, second] {
            let made = try CLI.run(["demo", "--out", folder.path], now: nil, in: scratch.url)
            #expect(made.status == 0, "\(made.error)")
        }
        // Deterministic: the same commits on every run.
        #expect(try gitOutput(["rev-parse", "HEAD"], in: first) == gitOutput(["rev-parse", "HEAD"], in: second))

        // The final draft is circulated by 12 March, silence closes before 16 March, final is
        // published, then the transmission is recorded on the due date.
        let tags = try gitOutput(["for-each-ref", "--format=%(refname:short) %(taggerdate:iso-strict)", "refs/tags"], in: first)
        #expect(tags == "draft-1 2020-02-14T10:00:00+01:00\nfinal 2020-03-13T10:00:00+01:00\nfinal-draft 2020-03-05T10:00:00+01:00\n")
        let last = try gitOutput(["log", "-1", "--format=%s|%aI|%(trailers:key=DraftFlow-Event,valueonly)"], in: first)
        #expect(last == "Submit final to the President of ECOSOC, through the Chair of the ITU Council|2020-03-16T11:00:00+01:00|submitted\n\n")

        let packet = scratch.url.appendingPathComponent("one-packet")
        let written = try FileManager.default.contentsOfDirectory(atPath: packet.path).sorted()
        #expect(written == ["compilation-draft-1.docx", "final-draft-circulated.html", "final-packet.docx", "final-packet.html", "final-packet.md",
                            "final-packet.pdf", "final-packet.zh.html", "final-packet.zh.md", "receipt-draft-1-CAN.md", "receipt-draft-1-USA.md", "report-draft-1-CAN.html", "report-draft-1-USA.html"])
        // The packet in Chinese: its own headings and dates in Chinese, the text as negotiated.
        let chinese = try String(contentsOf: packet.appendingPathComponent("final-packet.zh.md"), encoding: .utf8)
        #expect(chinese.split(separator: "\n").filter { $0.hasPrefix("#") }.prefix(6) == [
            "# ITU Council input to the 2020 HLPF", "## 1. 转递摘要", "### 时间线", "### 收到的意见", "### 默许程序", "### 修改",
        ])
        #expect(chinese.contains("| 2020年2月27日 17:42:00 CET (Europe/Zurich) | 收到Canada (CAN)在draft-1中的提交 |"))
        // The Chinese version of the outline was published with draft-1; the merge left five of its paragraphs to re-translate.
        #expect(try gitOutput(["ls-tree", "--name-only", "draft-1", "Drafts/"], in: first) == "Drafts/hlpf-2020-input.md\nDrafts/hlpf-2020-input.zh.md\n")
        let cli = CLI(folder: first, now: "2020-03-17T10:00:00+01:00")
        #expect(try cli.run(["translations"]).output.hasPrefix("Language versions of Drafts/hlpf-2020-input.md:\n  zh  Drafts/hlpf-2020-input.zh.md  not current: 5 paragraphs to re-translate (1.3, 2.2, 2.4, 4.1, 4.2)\n"))
        // A member's receipt holds against the workspace.
        let check = try cli.run(["verify", "--receipt", packet.appendingPathComponent("receipt-draft-1-USA.md").path])
        #expect(check.status == 0, "\(check.output)\(check.error)")
        #expect(check.output.hasSuffix("All checks hold.\n"))

        // What the delegations sent, as they sent it: Canada a Word copy with tracked changes, the
        // United States an e-mail with the ISO template attached.
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        #expect(try gitOutput(["rev-parse", "HEAD:Comments/draft-1/CAN/submission-1.docx"], in: first)
                == gitOutput(["hash-object", example.appendingPathComponent("Comments/draft-1/CAN.docx").path], in: first))
        #expect(try gitOutput(["rev-parse", "HEAD:Comments/draft-1/USA/submission-1.eml"], in: first)
                == gitOutput(["hash-object", example.appendingPathComponent("Comments/draft-1/USA.eml").path], in: first))
        let canada = try #require(try JSONSerialization.jsonObject(with: Data(gitOutput(["show", "HEAD:Comments/draft-1/CAN/submission-1.json"], in: first).utf8)) as? [String: Any])
        let revisions = canada["revisions"] as? [[String: Any]] ?? []
        #expect(revisions.count == 8)
        #expect(Set(revisions.compactMap { $0["author"] as? String }) == ["Canada"])
        // Word comments on a whole paragraph are on it, unquoted; the one on the title is general, and last.
        let comments = canada["comments"] as? [[String: Any]] ?? []
        #expect(comments.map { "\($0["id"] ?? "") \($0["anchor"] ?? "") \($0["type"] ?? "")" } == ["CAN-1 2.2 technical", "CAN-2 4.2 technical", "CAN-3 general general"])
        #expect((comments.first?["text"] as? String)?.hasPrefix("Canada considers that the list of Goals in paragraph 2.2 should include SDG 5") == true)
        let usa = try #require(try JSONSerialization.jsonObject(with: Data(gitOutput(["show", "HEAD:Comments/draft-1/USA/submission-1.json"], in: first).utf8)) as? [String: Any])
        #expect(usa["received"] as? String == "2020-02-29T23:10:00+01:00")
        #expect((usa["mail"] as? [String: Any])?["attachments"] as? [String] == ["USA.csv"])
        // The compilation as Word: each member's proposals are tracked changes by that member.
        let document = try processOutput("/usr/bin/unzip", ["-p", packet.appendingPathComponent("compilation-draft-1.docx").path, "word/document.xml"])
        let authors = Set(document.components(separatedBy: "w:author=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) })
        #expect(authors == ["Canada", "United States", "Canada, United States"])
        // The draft's italics are Word italics there, not asterisks (pandoc's plain text drops the italics).
        let plain = try processOutput("/usr/bin/pandoc", ["-f", "docx", "-t", "plain", "--wrap=none", packet.appendingPathComponent("compilation-draft-1.docx").path])
        #expect(plain.split(separator: "\n").dropFirst().first == "Illustrative text: written for DraftFlow's example, this is not the actual text of the ITU Council's input to the 2020 HLPF.")
    }
}
