import Foundation
import Testing
import TestSupport

/// Issue 10's test nobody wrote for us: a full round on the seed's real ITU report, sections 1 to
/// 4, taken as Word saved it, with five delegations commenting in Chinese and English.
@Suite struct SeedReportRoundTests {
    /// Sections 1 to 4 of the report, as the file has them (it is cut before section 5's line).
    static func sectionsOneToFour() throws -> String {
        let whole = try String(contentsOf: DocumentCommandTests.seedReport, encoding: .utf8)
        let lines = whole.components(separatedBy: "\n")
        // Section 5's line: "5<TAB>…" after its bookmarks.
        let five = try #require(lines.firstIndex { line in
            let number = line.split(separator: "\t", maxSplits: 1).first.map(String.init) ?? ""
            return line.contains("\t") && (number == "5" || number.hasSuffix("]5"))
        })
        return lines[..<five].joined(separator: "\n") + "\n"
    }

    static let base4223 = "4.2.2.3 根据CWG-WSIS&SDG第35次会议的决定，国际电联理事会有关政府间机构对2020年HLPF的输入意见纲要草案已在网上公布，以征求CWG-WSIS&SDG成员的补充意见。向秘书处wsis-info@itu.int提交报告的截止日期是2020年3月1日（主题是：理事会对2020年HLPF的输入意见）。"

    /// China: Chinese headings, a proposed change with a TAB after its number.
    static let china = """
    # 中国对草案1的意见

    ## 第4.2.2.3段（编辑性）
    截止日期应注明日内瓦时间。

    建议修改：4.2.2.3\t根据CWG-WSIS&SDG第35次会议的决定，国际电联理事会有关政府间机构对2020年HLPF的输入意见纲要草案已在网上公布，以征求CWG-WSIS&SDG成员的补充意见。向秘书处wsis-info@itu.int提交报告的截止日期是2020年3月1日（日内瓦时间）（主题是：理事会对2020年HLPF的输入意见）。

    ## 总体意见
    中国支持该报告。

    """

    /// Canada: a comment on 4.2.2.3 in English, and an edited copy changing the same Chinese sentence.
    static let canada = """
    ## 4.2.2.3 (technical)
    The address of the secretariat should be shown as such.

    """

    static func canadaCopy(_ draft: String) -> String {
        draft.replacingOccurrences(of: "向秘书处wsis-info@itu.int提交报告", with: "向秘书处（wsis-info@itu.int）提交意见")
    }

    /// The United States: a comment on a sub-item, and an instruction where text is expected.
    static let unitedStates = """
    ## 3.3 b) 4) (technical)
    This deadline has passed; the item could say so.

    ## 3.3 (editorial)
    The list is long.

    Proposed change: Delete item 4) and keep item 7).

    """

    /// The Russian Federation: a proposed new paragraph after 4.2.2.6.
    static let russia = """
    ## after 4.2.2.6 (technical)
    The report should record the submission itself.

    Proposed change: 4.2.2.7 国际电联理事会主席于2020年3月16日前向经社理事会主席提交了最终意见。

    """

    /// Saudi Arabia: a paragraph the report does not have.
    static let saudiArabia = """
    ## 4.2.2.9
    Please add a paragraph on youth.

    """

    @Test func aRoundOnTheRealReport() throws {
        let scratch = try ScratchDirectory("seed")
        let report = try scratch.write("report-1-4.txt", try Self.sectionsOneToFour())
        let made = try CLI.run(["init", "ws", "--title", "CWG-WSIS&SDG report to Council 2020", "--document", report.path,
                                "--secretariat-name", "ITU secretariat", "--secretariat-email", "wsis-info@itu.int"],
                               now: "2020-02-07T17:00:00+01:00", in: scratch.url)
        #expect(made.status == 0, "\(made.error)")
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        for (code, name) in [("CHN", "China"), ("CAN", "Canada"), ("USA", "United States"), ("RUS", "Russian Federation"), ("SAU", "Saudi Arabia")] {
            #expect(try cli.run(["member", "add", code, "--name", name]).status == 0)
        }
        #expect(try cli.run(["publish", "draft-1"]).status == 0)
        #expect(try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-01", "--name", "draft-1"]).status == 0)
        let draft = try String(contentsOf: cli.folder.appendingPathComponent("Drafts/report-1-4.md"), encoding: .utf8)
        #expect(draft.components(separatedBy: "\n").contains(Self.base4223))

        let during = "2020-02-27T12:00:00+01:00"
        for (code, name, text) in [("CHN", "chn.md", Self.china), ("USA", "usa.md", Self.unitedStates), ("RUS", "rus.md", Self.russia)] {
            let recorded = try cli.run(["comment", code, try scratch.write(name, text).path], now: during)
            #expect(recorded.status == 0, "\(code): \(recorded.error)")
        }
        let canada = try cli.run(["comment", "CAN", try scratch.write("can.md", Self.canada).path,
                                  "--proposal", try scratch.write("can-copy.md", Self.canadaCopy(draft)).path], now: during)
        #expect(canada.status == 0, "\(canada.error)")
        // A reference to a paragraph the report does not have: refused, nothing written.
        let head = try git(["rev-parse", "HEAD"], in: cli.folder).output
        let saudi = try cli.run(["comment", "SAU", try scratch.write("sau.md", Self.saudiArabia).path], now: during)
        #expect(saudi.status == 2)
        #expect(saudi.error == """
        error: SAU: paragraph 4.2.2.9 is not in draft-1; the nearest are 4.2.2.6, 4.2.2.5, 4.2.2.4
          fix: correct the reference (see `draftflow outline draft-1` for every paragraph's id), or write `## general` for the whole text

        """)
        #expect(try git(["rev-parse", "HEAD"], in: cli.folder).output == head)

        let merged = try cli.run(["merge"], now: "2020-03-02T09:00:00+01:00")
        #expect(merged.status == 0, "\(merged.error)")
        #expect(merged.output.components(separatedBy: "\n").dropFirst().joined(separator: "\n") == """
          4.2.2.3       modified (4 changes) by Canada, China
          after 4.2.2.6 inserted (1 change) by Russian Federation
        No collision to resolve.

        """)
        // The compilation: China's and Canada's edits of the same Chinese sentence, each whole and
        // attributed, no mark across a bracket; Russia's new paragraph; nothing else changed.
        let compile = try cli.run(["compile"], now: "2020-03-02T09:05:00+01:00")
        #expect(compile.output == Self.replacing(draft, [
            Self.base4223: "4.2.2.3 根据CWG-WSIS&SDG第35次会议的决定，国际电联理事会有关政府间机构对2020年HLPF的输入意见纲要草案已在网上公布，以征求CWG-WSIS&SDG成员的补充意见。向秘书处~~wsis-info@itu.int~~ **（wsis-info@itu.int）** (Canada)提交~~报告~~ **意见** (Canada)的截止日期是2020年3月1日**（日内瓦时间）** (China)（主题是：理事会对2020年HLPF的输入意见）。",
            Self.base4226: Self.base4226 + "\n\n**4.2.2.7 国际电联理事会主席于2020年3月16日前向经社理事会主席提交了最终意见。** (Russian Federation)",
        ]))

        // The secretariat's wording of 4.2.2.3 while Canada's change there is pending.
        let wording = try scratch.write("4223.md", Self.wording + "\n")
        let deciding = "2020-03-03T10:00:00+01:00"
        #expect(try cli.run(["dispose", "CHN-1", "modified", "--text", wording.path, "--note", "China's and Canada's points together."], now: deciding).status == 0)
        let status = try cli.run(["status"], now: deciding).output.components(separatedBy: "\n")
        #expect(Array(status.drop { !$0.hasPrefix("Merge of round") }) == [
            "Merge of round draft-1:",
            "  open collisions:    none",
            "  undecided comments: CAN-1, CHN-2, RUS-1, USA-1, USA-2",
            "  superseded changes: CAN-1 (by the secretariat's wording for CHN-1): each still needs a disposition",
            "  flagged proposals:  USA-2 (an instruction, not replacement text: not applied)",
            "",
        ])
        #expect(try cli.run(["dispose", "CAN-1", "accepted", "--note", "Taken into the secretariat's text."], now: deciding).status == 0)
        #expect(try cli.run(["dispose", "USA-2", "noted", "--note", "Items 4) and 7) are kept; they record what was said."], now: deciding).status == 0)
        #expect(try cli.run(["dispose", "--all-undecided", "accepted"], now: deciding).status == 0)
        let table = try cli.run(["dispositions"], now: deciding)
        #expect(table.output == """
        # CWG-WSIS&SDG report to Council 2020: disposition of comments, round draft-1

        | Id | Member | Line number | Clause/Subclause | Paragraph | Type of comment | Comments | Proposed change | Disposition | Observations of the secretariat |
        |---|---|---|---|---|---|---|---|---|---|
        | CAN-1 | Canada (CAN) |  |  | 4.2.2.3 | technical | The address of the secretariat should be shown as such. | …秘书处wsis-info@itu.int提交报告的截止… → …秘书处（wsis-info@itu.int）提交意见的截止… | Accepted | Taken into the secretariat's text. |
        | CHN-1 | China (CHN) |  |  | 4.2.2.3 | editorial | 截止日期应注明日内瓦时间。 | …月1日（主题是：… → …月1日（日内瓦时间）（主题是：… | Accepted with modification | China's and Canada's points together.<br>Modified text: \(Self.wording) |
        | CHN-2 | China (CHN) |  |  | general | general | 中国支持该报告。 |  | Accepted |  |
        | RUS-1 | Russian Federation (RUS) |  |  | after 4.2.2.6 | technical | The report should record the submission itself. | 4.2.2.7 国际电联理事会主席于2020年3月16日前向经社理事会主席提交了最终意见。 | Accepted |  |
        | USA-1 | United States (USA) |  |  | 3.3 b) 4) | technical | This deadline has passed; the item could say so. |  | Accepted |  |
        | USA-2 | United States (USA) |  |  | 3.3 | editorial | The list is long. | Delete item 4) and keep item 7).<br>(an instruction, not replacement text: not applied) | Noted | Items 4) and 7) are kept; they record what was said. |

        """)
        // Decided: the secretariat's wording, with the words it took from China and Canada still theirs.
        let decided = try cli.run(["compile", "--decided"], now: deciding)
        #expect(decided.output == Self.replacing(draft, [
            Self.base4223: "4.2.2.3\t根据CWG-WSIS&SDG第35次会议的决定，国际电联理事会有关政府间机构对2020年HLPF的输入意见纲要草案已在网上公布，以征求CWG-WSIS&SDG成员的补充意见。向秘书处~~wsis-info@itu.int~~ **（wsis-info@itu.int）** (Canada)提交~~报告~~ **意见** (Canada)的截止日期是2020年3月1日**（日内瓦时间）** (China)（主题是：理事会对2020年HLPF的输入意见）。",
            Self.base4226: Self.base4226 + "\n\n**4.2.2.7 国际电联理事会主席于2020年3月16日前向经社理事会主席提交了最终意见。** (Russian Federation)",
        ]))
        let published = try cli.run(["publish", "final-draft"], now: "2020-03-05T10:00:00+01:00")
        #expect(published.status == 0, "\(published.error)")
        // The final text: exactly the secretariat's wording of 4.2.2.3 (nothing merged again on top
        // of it), the new 4.2.2.7, 3.3 untouched by the instruction, and no paragraph twice.
        let final = try String(contentsOf: cli.folder.appendingPathComponent("Drafts/report-1-4.md"), encoding: .utf8)
        #expect(final == Self.replacing(draft, [
            Self.base4223: Self.wording,
            Self.base4226: Self.base4226 + "\n\n4.2.2.7 国际电联理事会主席于2020年3月16日前向经社理事会主席提交了最终意见。",
        ]))
        let paragraphs = final.components(separatedBy: "\n\n").filter { $0.count > 20 }
        #expect(Set(paragraphs).count == paragraphs.count)
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
    }

    static let base4226 = "4.2.2.6 没有收到进一步的意见，国际电联理事会主席向经社理事会主席提交了国际电联理事会的最后意见。"

    /// The secretariat's wording of 4.2.2.3, with a TAB after the number as its file has it.
    static let wording = "4.2.2.3\t根据CWG-WSIS&SDG第35次会议的决定，国际电联理事会有关政府间机构对2020年HLPF的输入意见纲要草案已在网上公布，以征求CWG-WSIS&SDG成员的补充意见。向秘书处（wsis-info@itu.int）提交意见的截止日期是2020年3月1日（日内瓦时间）（主题是：理事会对2020年HLPF的输入意见）。"

    /// `text` with each whole line `old` replaced by `new`; every `old` must be there once.
    static func replacing(_ text: String, _ lines: [String: String]) -> String {
        var result = text.components(separatedBy: "\n")
        for (old, new) in lines {
            let indexes = result.indices.filter { result[$0] == old }
            precondition(indexes.count == 1, "\(old) is not one line of the text")
            result[indexes[0]] = new
        }
        return result.joined(separator: "\n")
    }
}
