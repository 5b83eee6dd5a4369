import Foundation
import Testing
import TestSupport

/// `--lang`: the packet, the receipt and the disposition table in the UN languages, with their
/// dates in the UN forms; English stays as it always was.
@Suite struct LocalizedOutputCommandTests {
    /// The demo's workspace (the 2020 case, finalized and submitted), and the packet's instant.
    func demo(_ scratch: ScratchDirectory) throws -> CLI {
        let folder = scratch.url.appendingPathComponent("hlpf")
        let made = try CLI.run(["demo", "--out", folder.path], now: nil, in: scratch.url)
        #expect(made.status == 0, "\(made.error)")
        return CLI(folder: folder, now: "2020-03-16T12:00:00+01:00")
    }

    /// The packet of `final` in `language`, as Markdown lines.
    func packet(_ cli: CLI, _ scratch: ScratchDirectory, _ language: String) throws -> [String] {
        let file = scratch.url.appendingPathComponent("packet.\(language).md")
        let written = try cli.run(["export", "final", "--lang", language, "--format", "md", "-o", file.path])
        #expect(written.status == 0, "\(written.error)")
        return try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    }

    /// The title block, the section headings, the first timeline row, the silence outcome and the changes.
    func landmarks(_ lines: [String]) -> [String] {
        Array(lines[2...5]) + lines.filter { $0.hasPrefix("## ") } + [lines[13], lines[34], lines[38]]
    }

    @Test func packetsInChineseFrenchAndArabicHaveTheirHeadingsAndUNDates() throws {
        let scratch = try ScratchDirectory()
        let cli = try demo(scratch)
        #expect(landmarks(try packet(cli, scratch, "zh")) == [
            "**版本：**final  ",
            "**呈送：**the President of ECOSOC, through the Chair of the ITU Council  ",
            "**截止日期：**2020年3月16日  ",
            "**编写方：**ITU secretariat (CWG-WSIS\\&SDG)，2020年3月16日 12:00:00 CET (Europe/Zurich)",
            "## 1. 转递摘要", "## 2. 最终文本", "## 3. 修订对照：从draft-1到final", "## 4. 意见处理情况", "## 5. 来源",
            "| 2020年2月14日 10:00:00 CET (Europe/Zurich) | 发布draft-1 |",
            "默许程序未被打破：在2020年3月12日 23:59:59 CET (Europe/Zurich)之前，没有成员对final-draft提出异议。",
            "自draft-1以来的修改：修改5段，插入0段，删除0段。",
        ])
        #expect(landmarks(try packet(cli, scratch, "fr")) == [
            "**Version :** final  ",
            "**Transmis à :** the President of ECOSOC, through the Chair of the ITU Council  ",
            "**Date limite :** 16 mars 2020  ",
            "**Établi par :** ITU secretariat (CWG-WSIS\\&SDG), 16 mars 2020 à 12:00:00 CET (Europe/Zurich)",
            "## 1. Résumé de la transmission", "## 2. Texte final", "## 3. Modifications apparentes de draft-1 à final",
            "## 4. Suite donnée aux observations", "## 5. Sources",
            "| 14 février 2020 à 10:00:00 CET (Europe/Zurich) | Publication de draft-1 |",
            "Approbation tacite acquise : aucun membre ne s'est opposé à final-draft avant le 12 mars 2020 à 23:59:59 CET (Europe/Zurich).",
            "Modifications depuis draft-1 : 5 paragraphes modifiés, 0 inséré, 0 supprimé.",
        ])
        let arabic = try packet(cli, scratch, "ar")
        #expect(landmarks(arabic) == [
            "**الصيغة:** final  ",
            "**يُحال إلى:** the President of ECOSOC, through the Chair of the ITU Council  ",
            "**الموعد النهائي:** 16 آذار/مارس 2020  ",
            "**من إعداد:** ITU secretariat (CWG-WSIS\\&SDG)، 16 آذار/مارس 2020، الساعة 12:00:00 CET (Europe/Zurich)",
            "## 1. موجز الإحالة", "## 2. النص النهائي", "## 3. النص مع إظهار التعديلات: من draft-1 إلى final", "## 4. معالجة التعليقات",
            "## 5. المصادر",
            "| 14 شباط/فبراير 2020، الساعة 10:00:00 CET (Europe/Zurich) | نشر draft-1 |",
            "لم يُكسر الصمت: لم يعترض أي عضو على final-draft قبل 12 آذار/مارس 2020، الساعة 23:59:59 CET (Europe/Zurich).",
            "التغييرات منذ draft-1: عدد الفقرات المعدَّلة: 5، المضافة: 0، المحذوفة: 0.",
        ])
        // The first day of a month in French is "1er"; the round's close shows it.
        #expect(try packet(cli, scratch, "fr").contains(
            "| 1er mars 2020 à 23:59:59 CET (Europe/Zurich) | Cycle draft-1 clos à la date limite, le 1er mars 2020 à 23:59:59 CET (Europe/Zurich) |"))

        // The HTML packet in Arabic is a right-to-left page in Arabic, with Noto for its script.
        let html = scratch.url.appendingPathComponent("packet.ar.html")
        #expect(try cli.run(["export", "final", "--lang", "ar", "--format", "html", "-o", html.path]).status == 0)
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n"))
        #expect(page.contains("html:lang(ar) body { font-family: \"Noto Naskh Arabic\""))
        #expect(page.contains("<h3>التسلسل الزمني</h3>"))
        // English is the packet it always was: no language rules, `lang="en"`.
        let english = scratch.url.appendingPathComponent("packet.en.html")
        #expect(try cli.run(["export", "final", "--format", "html", "-o", english.path]).status == 0)
        let englishPage = try String(contentsOf: english, encoding: .utf8)
        #expect(englishPage.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        #expect(!englishPage.contains("html:lang("))
        #expect(englishPage.contains("<h2>1. Transmittal summary</h2>"))
    }

    @Test func theReceiptAndTheDispositionTableInChinese() throws {
        let scratch = try ScratchDirectory()
        let cli = try demo(scratch)
        let receipt = try cli.run(["receipt", "draft-1/USA/1", "--lang", "zh"])
        #expect(receipt.status == 0, "\(receipt.error)")
        let json = try cli.run(["receipt", "draft-1/USA/1", "--format", "json"]).output
        let commit = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])["commit"] as? String ?? ""
        #expect(commit.count == 40)
        let lines = receipt.output.components(separatedBy: "\n")
        #expect(Array(lines[0..<11]) == [
            "# 回执：ITU Council input to the 2020 HLPF",
            "",
            "| | |",
            "|---|---|",
            "| 成员 | United States (USA) |",
            "| 轮次 | draft-1（针对draft-1） |",
            "| 提交编号 | 1 |",
            "| 收到时间 | 2020-02-29T23:10:00+01:00 (Europe/Zurich) |",
            "| 收到时间（UTC） | 2020-02-29T22:10:00Z |",
            "| 按时 | 是 |",
            "| 提交 | \(commit) |",
        ])
        #expect(lines[11].hasPrefix("| 原始文件的SHA-256 | "))
        #expect(lines.contains("## 意见"))
        #expect(lines.contains("| 编号 | 段落 | 类型 |"))
        #expect(lines.contains("| USA-1 | 1.3 | 编辑性 |"))
        // The receipt in Chinese is verified like any other: its JSON is the same.
        let file = scratch.url.appendingPathComponent("receipt.zh.md")
        #expect(try cli.run(["receipt", "draft-1/USA/1", "--lang", "zh", "-o", file.path]).status == 0)
        #expect(try cli.run(["verify", "--receipt", file.path]).status == 0)

        let table = try cli.run(["dispositions", "--lang", "zh"])
        #expect(table.status == 0, "\(table.error)")
        let rows = table.output.components(separatedBy: "\n")
        #expect(rows[0] == "# ITU Council input to the 2020 HLPF：意见处理情况，轮次draft-1")
        #expect(rows[2] == "| 编号 | 成员 | 行号 | 条款/子条款 | 段落 | 意见类型 | 意见 | 建议的修改 | 处理意见 | 秘书处的说明 |")
        // Id, type and disposition of each row: 已接受, 部分接受, 已注意到 as the UN's Chinese has them.
        let decided = rows.dropFirst(4).filter { $0.hasPrefix("| ") }.map { row -> String in
            let cells = row.components(separatedBy: " | ")
            return [String(cells[0].dropFirst(2)), cells[5], cells[8]].joined(separator: " ")
        }
        #expect(decided == ["CAN-1 技术性 已接受", "CAN-2 技术性 部分接受", "CAN-3 一般性 已注意到", "CAN-E1 未注明 已注意到",
                            "CAN-E2 未注明 已接受", "USA-1 编辑性 已接受", "USA-2 技术性 已接受", "USA-3 一般性 已注意到"])
        // Without --lang, the table is the English one.
        #expect(try cli.run(["dispositions"]).output.hasPrefix("# ITU Council input to the 2020 HLPF: disposition of comments, round draft-1\n"))
        #expect(try cli.run(["dispositions", "--lang", "de"]).status == 64)
    }

    @Test func statusLinesUpChineseNamesAndNeverCutsALongCode() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        #expect(try cli.run(["member", "edit", "CHN", "--name", "中华人民共和国"]).status == 0)
        #expect(try cli.run(["member", "add", "ERICSSON", "--name", "Telefonaktiebolaget LM Ericsson (Sector Member)"]).status == 0)
        #expect(try cli.run(["member", "add", "JPN", "--name", "日本国"]).status == 0)
        let status = try cli.run(["status"], now: "2020-02-20T10:00:00+01:00")
        #expect(status.status == 0, "\(status.error)")
        let members = status.output.components(separatedBy: "\n").drop { $0 != "Members:" }.prefix(6)
        #expect(Array(members) == [
            "Members:",
            "  CAN      Canada                                          no response",
            "  USA      United States                                   no response",
            "  CHN      中华人民共和国                                  no response",
            "  ERICSSON Telefonaktiebolaget LM Ericsson (Sector Member) no response",
            "  JPN      日本国                                          no response",
        ])
    }

    @Test func anEightLetterSectorMemberCodeGoesThroughCommentIntakeStatusAndThePacketWhole() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        #expect(try cli.run(["member", "add", "ERICSSON", "--name", "Ericsson", "--email", "itu@ericsson.example"]).status == 0)
        #expect(try cli.run(["member", "add", "QUALCOMM", "--name", "Qualcomm", "--email", "itu@qualcomm.example"]).status == 0)
        let file = try scratch.write("ericsson.md", "## 2.2 (technical)\nMention meaningful connectivity.\n")
        let commented = try cli.run(["comment", "ERICSSON", file.path, "--received", "2020-02-25T10:00:00+01:00"], now: "2020-02-25T11:00:00+01:00")
        #expect(commented.status == 0, "\(commented.error)")
        #expect(commented.output.hasPrefix("Recorded 1 comment from ERICSSON in round draft-1\n"))
        #expect(commented.output.contains("  Receipt draft-1/ERICSSON/1\n    Member: Ericsson (ERICSSON)\n"))
        try scratch.write("inbox/QUALCOMM.md", "## general\nWe support the draft.\n")
        let intake = try cli.run(["intake", scratch.url.appendingPathComponent("inbox").path, "--received", "2020-02-26T10:00:00+01:00"],
                                 now: "2020-02-26T11:00:00+01:00")
        #expect(intake.status == 0, "\(intake.error)")
        #expect(intake.output.contains("  Receipt draft-1/QUALCOMM/1\n"))

        let status = try cli.run(["status"], now: "2020-03-02T10:00:00+01:00").output.components(separatedBy: "\n")
        #expect(status.contains("  ERICSSON Ericsson                 received 2020-02-25T10:00:00+01:00, 1 comment"))
        #expect(status.contains("  QUALCOMM Qualcomm                 received 2020-02-26T10:00:00+01:00, 1 comment"))
        #expect(status.contains("  CAN      Canada                   no response"))
        #expect(try cli.run(["dispositions", "--member", "ERICSSON"], now: "2020-03-02T10:00:00+01:00").output.contains("| ERICSSON-1 | Ericsson (ERICSSON) |"))

        // The packet of the next version holds the round's commenters.
        #expect(try cli.run(["publish", "draft-2"], now: "2020-03-02T10:00:00+01:00").status == 0)
        let packet = scratch.url.appendingPathComponent("packet.md")
        #expect(try cli.run(["export", "draft-2", "--format", "md", "-o", packet.path], now: "2020-03-02T10:00:00+01:00").status == 0)
        let text = try String(contentsOf: packet, encoding: .utf8)
        #expect(text.contains("| Ericsson (ERICSSON) | 25 February 2020, 10:00:00 CET (Europe/Zurich) | 1 |\n"))
        #expect(text.contains("| Qualcomm (QUALCOMM) | 26 February 2020, 10:00:00 CET (Europe/Zurich) | 1 |\n"))
        #expect(text.contains("| 25 February 2020, 10:00:00 CET (Europe/Zurich) | Comments of Ericsson (ERICSSON) on draft-1: 1 comment |\n"))
        #expect(try gitOutput(["log", "-1", "--format=%an <%ae>", "--author=ERICSSON", "--author=itu@ericsson"], in: cli.folder)
            == "Ericsson <itu@ericsson.example>\n")
    }

    @Test func theChineseAndArabicPDFPacketsAreSetInNotoForTheirScripts() throws {
        let scratch = try ScratchDirectory()
        let cli = try demo(scratch)
        // The embedded fonts' names are in the PDF as WeasyPrint writes it ("/BaseFont /ABCDEF+Noto-Naskh-Arabic").
        func fonts(_ language: String) throws -> Set<String> {
            let file = scratch.url.appendingPathComponent("packet.\(language).pdf")
            let written = try cli.run(["export", "final", "--lang", language, "--format", "pdf", "-o", file.path])
            #expect(written.status == 0, "\(written.error)")
            let bytes = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            return Set(["Noto-Serif-CJK-SC", "Noto-Naskh-Arabic", "Noto-Serif"].filter { bytes.contains("+\($0)") })
        }
        let chinese = try fonts("zh"), arabic = try fonts("ar")
        #expect(chinese.isSuperset(of: ["Noto-Serif-CJK-SC", "Noto-Serif"]) && !chinese.contains("Noto-Naskh-Arabic"), "\(chinese)")
        #expect(arabic.contains("Noto-Naskh-Arabic") && !arabic.contains("Noto-Serif-CJK-SC"), "\(arabic)")
    }
}
