import Foundation

/// Chinese (UN and ITU usage: 已接受, 部分接受, 未接受, 已注意到; 默许程序).
struct ChineseCatalogue: Catalogue {
    var language: Language { .zh }

    func rounds(_ names: [String]) -> String {
        guard names.count > 1 else { return "轮次\(names.first ?? "")" }
        return "轮次" + names.dropLast().joined(separator: "、") + "和" + names.last!
    }
    func comments(_ count: Int) -> String { "\(count)条意见" }
    var late: String { "（逾期）" }
    var colon: String { "：" }
    var fullStop: String { "。" }
    var comma: String { "，" }
    func decision(_ decision: Decision?) -> String {
        switch decision {
        case .accepted: return "已接受"
        case .modified: return "部分接受"
        case .noted: return "已注意到"
        case .rejected: return "未接受"
        case .withdrawn: return "已撤回"
        case nil: return "尚未决定"
        }
    }
    func commentType(_ type: CommentType) -> String {
        switch type {
        case .general: return "一般性"
        case .technical: return "技术性"
        case .editorial: return "编辑性"
        case .unspecified: return "未注明"
        }
    }

    var version: String { "版本" }
    var transmittedTo: String { "呈送" }
    var status: String { "状态" }
    func draftStatus(version: String, recipient: String) -> String { "草案\(version)，并非最终文本；未呈送\(recipient)" }
    var due: String { "截止日期" }
    var preparedBy: String { "编写方" }
    var preparedAt: String { "编写时间" }
    var theChair: String { "主席" }

    var finalSections: [String] { ["1. 转递摘要", "2. 最终文本", "3. 修订对照", "4. 意见处理情况", "5. 来源"] }
    func draftSections(version: String) -> [String] {
        ["1. 摘要", "2. \(version)文本（草案，并非最终文本）", "3. 修订对照", "4. 意见处理情况", "5. 来源"]
    }
    var timeline: String { "时间线" }
    var noEvents: String { "未记录任何事件。" }
    var date: String { "日期" }
    var event: String { "事件" }
    var commentsReceived: String { "收到的意见" }
    var noMemberCommented: String { "没有成员提出意见。" }
    var member: String { "成员" }
    var received: String { "收到时间" }
    var commentsColumn: String { "意见" }
    var silenceProcedure: String { "默许程序" }
    var changes: String { "修改" }
    func changeSummary(modified: Int, inserted: Int, deleted: Int, moved: Int) -> String {
        "修改\(modified)段，插入\(inserted)段，删除\(deleted)段" + (moved > 0 ? "，移动\(moved)段" : "")
    }
    func changeLine(since first: String, _ summary: String) -> String { "自\(first)以来的修改：\(summary)" }
    var textIsEmpty: String { "（文本为空。）" }
    func redlineHeading(_ section: String, from: String, to: String) -> String { "\(section)：从\(from)到\(to)" }
    var noText: String { "（无文本。）" }
    var redlineLegendMarkdown: String { "删除的内容以~~删除线~~标出，插入的内容以**粗体**标出；移动的段落另行注明。" }
    var redlineLegendHTML: String {
        "删除的内容以<del>红色删除线</del>标出，插入的内容以<ins>绿色下划线</ins>标出；修改的段落在页边标出，移动的段落另行注明。"
    }
    func moved(from: String, to: String) -> String { "（从\(from)移至\(to)）" }
    func movedFrom(_ from: String) -> String { "（从\(from)移来）" }
    var trackedChangesNote: String { "修改以修订形式显示：Word逐一列出每处修改，读者可接受或拒绝。" }
    var noCommentsReceived: String { "未收到任何意见。" }
    var tag: String { "标签" }
    var commit: String { "提交" }
    var noSources: String { "未记录来源。" }
    var workspaceHead: String { "工作区（HEAD）" }
    func documentSymbol(_ symbol: String) -> String { "文件 \(symbol)" }
    func original(_ language: String) -> String { "原文：\(language)" }
    var proposalsToOriginal: String { "对原文提出的修改：" }
    var english: String { "英文" }
    func source(_ who: String) -> String { "来源：\(who)" }

    func published(_ version: String) -> String { "发布\(version)" }
    func roundOpened(silence: Bool, name: String, on version: String, closes: String) -> String {
        "就\(version)启动\(silence ? "默许程序" : "意见征询轮次")\(name)，截止时间为\(closes)"
    }
    func roundClosedEarly(_ name: String) -> String { "提前结束轮次\(name)" }
    func roundExtended(_ name: String, closes: String) -> String { "轮次\(name)延长至\(closes)" }
    func roundClosed(_ name: String, at: String, reopenedLater: Bool) -> String {
        reopenedLater ? "轮次\(name)于\(at)结束（后重新开启）" : "轮次\(name)于截止时间\(at)结束"
    }
    func submissionReceived(from member: String, round: String, late: Bool, noObjection: Bool) -> String {
        (noObjection ? "\(member)在\(round)中表示无异议" : "收到\(member)在\(round)中的提交") + (late ? "（逾期）" : "")
    }
    func merged(_ rounds: String) -> String { "将\(rounds)的提案合并为下一稿的候选文本" }
    func finalized(_ version: String) -> String { "定稿\(version)" }
    func submitted(_ version: String, to recipient: String) -> String { "将\(version)提交\(recipient)" }
    func silenceKept(on version: String, before: String) -> String { "默许程序未被打破：在\(before)之前，没有成员对\(version)提出异议。" }
    func silenceBroken(by codes: [String], in round: String) -> String { "\(codes.joined(separator: "、"))在\(round)中打破了默许程序。" }
    func silenceOpen(_ name: String, on version: String, until: String, brokenBy codes: [String]) -> String {
        "关于\(version)的默许程序\(name)开放至\(until)" + (codes.isEmpty ? "；迄今未被打破。" : "；已被\(codes.joined(separator: "、"))打破。")
    }
    func noSilenceProcedure(on version: String?) -> String {
        version.map { "未就\($0)举行默许程序。" } ?? "未举行默许程序。"
    }
    func overObjection(_ codes: [String], note: String) -> String {
        "默许程序被\(codes.joined(separator: "、"))打破；秘书处不顾异议定稿：\(note)"
    }
    func confirmations(in round: String, _ entries: [(member: String, at: String)]) -> String {
        "在\(round)中确认无异议：" + entries.map { "\($0.member)（\($0.at)）" }.joined(separator: "；") + "。"
    }
    func silenceReply(_ name: String, noObjection: Bool, round: String) -> String {
        "\(name)（在\(round)中\(noObjection ? "无异议" : "提出异议")）"
    }

    var dispositionColumns: [String] {
        ["编号", "成员", "行号", "条款/子条款", "段落", "意见类型", "意见", "建议的修改", "处理意见", "秘书处的说明"]
    }
    func paragraph(_ paragraph: String, now: String) -> String { "\(paragraph)（现为\(now)）" }
    func orphaned(_ paragraph: String) -> String { "\(paragraph)（已删除：意见所涉段落已不存在）" }
    var modifiedText: String { "修改后的文本：" }
    func dispositionTitle(_ title: String, rounds: String, only member: String?) -> String {
        "\(title)：意见处理情况，\(rounds)" + (member.map { "，仅\($0)" } ?? "")
    }

    var reportColumns: [String] { ["编号", "段落", "类型", "意见", "处理意见", "说明", "在新文本中"] }
    var generalWholeText: String { "一般性（整个文本）" }
    func deleted(_ paragraph: String) -> String { "\(paragraph) → 已删除" }
    func sameNumber(_ paragraph: String) -> String { "\(paragraph)（编号不变）" }
    func reportTitle(_ title: String, member: String, rounds: String) -> String { "\(title)：\(member)的意见，\(rounds)" }
    func candidate(_ rounds: String) -> String { "由\(rounds)合并而成的候选文本" }
    func reportCount(_ count: Int, newText: String) -> String { "\(count)条意见；新文本中的段落编号为\(newText)的编号。" }

    var draftForCommentNote: String { "（征求意见稿，并非最终文本）" }
    var circulatedBy: String { "分发方" }
    var howToComment: String { "1. 如何提出意见" }
    func changesSince(_ previous: String?) -> String { "2. 自" + (previous ?? "上一版本") + "以来的修改" }
    var firstVersion: String { "这是第一个版本。" }
    var redlineLegendPlain: String { "删除的内容以删除线标出，插入的内容以下划线标出；移动的段落另行注明。" }
    func textOf(_ version: String) -> String { "3. \(version)文本" }
    var draftForComment: String { "（征求意见稿）" }
    func instructions(silence: Bool, round: String, version: String, deadline: String, to: String) -> [String] {
        silence ? [
            "就\(version)启动的默许程序\(round)。除非有成员在\(deadline)之前提出异议，否则该文本即视为通过。",
            "如需提出异议，请在截止时间之前发送至\(to)。答复“No objection.”（“无异议。”）将被记录为确认，不会打破默许程序。",
        ] : [
            "就\(version)启动的意见征询轮次\(round)。意见须在\(deadline)之前收到。",
            "请将意见发送至\(to)：每条意见一节，以段落编号和意见类型为标题，例如“## 4.2.2.3 (editorial)”，"
                + "可另加一行“Proposed change:”；或使用ISO意见模板。可附上草案的修改稿。",
        ]
    }

    var receipt: String { "回执" }
    var round: String { "轮次" }
    var submission: String { "提交编号" }
    func onVersion(_ version: String) -> String { "（针对\(version)）" }
    var receivedUTC: String { "收到时间（UTC）" }
    var onTime: String { "按时" }
    var yes: String { "是" }
    var recordedLate: String { "否（记录为逾期）" }
    func sha256(of role: String) -> String { "\(role)的SHA-256" }
    func fileRole(_ role: String) -> String { role == "original" ? "原始文件" : role == "edited copy" ? "修改稿" : role }
    func bytes(_ count: Int) -> String { "（\(count)字节）" }
    var receiptComments: String { "意见" }
    var id: String { "编号" }
    var paragraphColumn: String { "段落" }
    var type: String { "类型" }
    var checkReceiptMarkdown: String { "可随时核对：在工作区中运行`draftflow verify --receipt FILE`，或对原始文件运行`sha256sum`。" }
    var checkReceiptHTML: String { "可随时核对：在工作区中运行<code>draftflow verify --receipt FILE</code>。" }
}
