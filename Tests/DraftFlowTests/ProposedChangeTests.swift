import Foundation
import Testing
@testable import DraftFlow

/// Issue 10: proposed changes as delegates write them, and instructions that are not text.
@Suite("Proposed changes")
struct ProposedChangeTests {
    func parse(_ text: String, _ fileName: String = "CHN.md") throws -> [ParsedComment] {
        try CommentParser.parse(data: Data(text.utf8), fileName: fileName)
    }

    /// Issue 10, section 2: a tab after the number, no number, the text on the next line: each is
    /// captured as written, and `proposedBody` is the paragraph's new text without its number.
    @Test func theFormsOfSectionTwoAreCapturedAsWritten() throws {
        let text = """
        ## 4.2.2.3 (ed)
        With a space.
        Proposed change: 4.2.2.3 决定在2020年3月1日（日内瓦时间）之前。

        ## 4.2.2.3 (ed)
        With a tab, as in the report.
        Proposed change: 4.2.2.3\t决定在2020年3月1日（日内瓦时间）之前。

        ## 4.2.2.3 (ed)
        No number.
        Proposed change: 决定在2020年3月1日（日内瓦时间）之前。

        ## 4.2.2.3 (ed)
        On the next lines.
        Proposed change:
        4.2.2.3\t决定在2020年3月1日\t（日内瓦时间）之前。
        第二行。

        ## 3.3 b) 4) (te)
        A sub-item, by its label.
        Proposed change: 4)\t工作组将提交报告。
        """
        let comments = try parse(text)
        #expect(comments.map(\.proposedChange) == [
            "4.2.2.3 决定在2020年3月1日（日内瓦时间）之前。",
            "4.2.2.3\t决定在2020年3月1日（日内瓦时间）之前。",
            "决定在2020年3月1日（日内瓦时间）之前。",
            "4.2.2.3\t决定在2020年3月1日\t（日内瓦时间）之前。\n第二行。",
            "4)\t工作组将提交报告。",
        ])
        #expect(comments.map(\.proposedBody) == [
            "决定在2020年3月1日（日内瓦时间）之前。",
            "决定在2020年3月1日（日内瓦时间）之前。",
            "决定在2020年3月1日（日内瓦时间）之前。",
            "决定在2020年3月1日\t（日内瓦时间）之前。\n第二行。",
            "工作组将提交报告。",
        ])
        #expect(comments.allSatisfy { $0.proposalKind == .replacement })
        #expect(comments.map(\.anchor) == [.paragraph("4.2.2.3"), .paragraph("4.2.2.3"), .paragraph("4.2.2.3"),
                                          .paragraph("4.2.2.3"), .paragraph("3.3 b) 4)")])
    }

    /// Issue 10, section 2: the instruction that was inserted into Chinese paragraph 3.3 as text.
    @Test func theInstructionOfSectionTwoIsNotText() throws {
        let english = try parse("## 3.3 (te)\nProposed change: Delete item 4) and keep item 7).\n", "CAN.md")
        #expect(english == [ParsedComment(anchor: .paragraph("3.3"), type: .technical, text: "",
                                          proposedChange: "Delete item 4) and keep item 7).", proposalKind: .instruction(nil))])
        let chinese = try parse("## 第3.3段（技术性）\n建议修改：删除第4)项，保留第7)项。\n")
        #expect(chinese == [ParsedComment(anchor: .paragraph("3.3"), type: .technical, text: "",
                                          proposedChange: "删除第4)项，保留第7)项。", proposalKind: .instruction(nil))])
        let exact = try parse("## 4.2.2.3（ed）\n“日内瓦时间”重复。\n建议修改：将“（日内瓦时间）（日内瓦时间）”改为“（日内瓦时间）”。\n")
        #expect(exact == [ParsedComment(anchor: .paragraph("4.2.2.3"), type: .editorial, text: "“日内瓦时间”重复。",
                                        proposedChange: "将“（日内瓦时间）（日内瓦时间）”改为“（日内瓦时间）”。",
                                        proposalKind: .instruction(.replace(old: "（日内瓦时间）（日内瓦时间）", new: "（日内瓦时间）")))])
    }

    @Test(arguments: [
        ("Proposed change: New text.", "New text."),
        ("Proposed text: New text.", "New text."),
        ("**Proposed change:** New text.", "New text."),
        ("**Proposed change**: New text.", "New text."),
        ("Proposal: New text.", "New text."),
        ("建议修改：新案文。", "新案文。"),
        ("拟议修改: 新案文。", "新案文。"),
        ("修改建议：新案文。", "新案文。"),
        ("Modification proposée : Nouveau texte.", "Nouveau texte."),
        ("Modification proposée\u{A0}: Nouveau texte.", "Nouveau texte."),
        ("Proposition : Nouveau texte.", "Nouveau texte."),
        ("Proposition de modification: Nouveau texte.", "Nouveau texte."),
        ("Cambio propuesto: Nuevo texto.", "Nuevo texto."),
        ("Propuesta: Nuevo texto.", "Nuevo texto."),
        ("Предлагаемое изменение: Новый текст.", "Новый текст."),
        ("التغيير المقترح: نص جديد.", "نص جديد."),
        ("Proposed change:\t4.2.2.3\tNew\ttext.", "4.2.2.3\tNew\ttext."),
    ])
    func proposalLabels(line: String, proposal: String) throws {
        let comments = try parse("## 4.2.2.3\nWhy.\n\(line)\n")
        #expect(comments == [ParsedComment(anchor: .paragraph("4.2.2.3"), type: .general, text: "Why.", proposedChange: proposal)])
    }

    @Test func aLabelMustEndInAColon() throws {
        let comments = try parse("## 4.2.2.3\nProposals are welcome.\nProposition de la Chine.\n建议修改第3句。\n")
        #expect(comments == [ParsedComment(anchor: .paragraph("4.2.2.3"), type: .general,
                                           text: "Proposals are welcome.\nProposition de la Chine.\n建议修改第3句。")])
    }

    // MARK: - The classifier

    @Test(arguments: [
        // English.
        ("replace \"X\" with \"Y\"", ExactInstruction.replace(old: "X", new: "Y")),
        ("Replace “Geneva time” by “CET”.", .replace(old: "Geneva time", new: "CET")),
        ("Replace the words 'shall' with 'should'", .replace(old: "shall", new: "should")),
        ("Change \"2019\" to \"2020\".", .replace(old: "2019", new: "2020")),
        ("delete \"X\"", .delete("X")),
        ("Delete the words “and Sector Members”.", .delete("and Sector Members")),
        ("Strike out \"(draft)\"", .delete("(draft)")),
        // Chinese.
        ("将“X”改为“Y”", .replace(old: "X", new: "Y")),
        ("将“日内瓦时间”改为“欧洲中部时间”。", .replace(old: "日内瓦时间", new: "欧洲中部时间")),
        ("把“X”替换为“Y”", .replace(old: "X", new: "Y")),
        ("用“Y”替换“X”。", .replace(old: "X", new: "Y")),
        ("删除“X”", .delete("X")),
        ("删去「并」。", .delete("并")),
        ("将“（草案）”删除。", .delete("（草案）")),
        // French.
        ("remplacer « X » par « Y »", .replace(old: "X", new: "Y")),
        ("Remplacer les mots « heure de Genève » par « HNEC ».", .replace(old: "heure de Genève", new: "HNEC")),
        ("supprimer « X »", .delete("X")),
        ("Supprimer\u{A0}«\u{A0}et des Membres de Secteur\u{A0}».", .delete("et des Membres de Secteur")),
        // Spanish.
        ("sustituir «X» por «Y»", .replace(old: "X", new: "Y")),
        ("Reemplazar «hora de Ginebra» por «CET».", .replace(old: "hora de Ginebra", new: "CET")),
        ("suprimir «X»", .delete("X")),
        ("Suprímase la palabra «borrador».", .delete("borrador")),
        // Russian.
        ("заменить «X» на «Y»", .replace(old: "X", new: "Y")),
        ("Заменить слова «по женевскому времени» на «CET».", .replace(old: "по женевскому времени", new: "CET")),
        ("исключить «X»", .delete("X")),
        ("Удалить «(проект)».", .delete("(проект)")),
        // Arabic.
        ("يستعاض عن \"X\" بـ \"Y\"", .replace(old: "X", new: "Y")),
        ("يستعاض عن «بتوقيت جنيف» بعبارة «CET».", .replace(old: "بتوقيت جنيف", new: "CET")),
        ("تحذف \"X\"", .delete("X")),
        ("يحذف \"(مشروع)\".", .delete("(مشروع)")),
    ])
    func exactInstructions(text: String, instruction: ExactInstruction) {
        #expect(ProposedChangeKind.classify(text) == .instruction(instruction))
    }

    @Test(arguments: [
        "Delete item 4) and keep item 7).",
        "删除第4)项，保留第7)项。",
        "insert after 4.2.2.6 a new paragraph on the regional reports.",
        "Move the second sentence to the end of the paragraph.",
        "move 4.2.2.4 before 4.2.2.3",
        "Delete.",
        "Please delete the last sentence.",
        "3.3 Delete item 4)",
        "Replace the title.",
        "Delete \"X\" and \"Y\".",
        "建议删除该段。",
        "在第4.2.2.6段之后插入新段落。",
        "保留第7)项。",
        "Supprimer l'alinéa 4).",
        "Insérer après le paragraphe 4.2.2.6 le texte suivant.",
        "Suprimir el inciso 4).",
        "Eliminar la última frase.",
        "Insertar un nuevo párrafo.",
        "Исключить подпункт 4).",
        "Вставить новый пункт.",
        "حذف الفقرة 4).",
        "يدرج نص جديد.",
    ])
    func instructionsWithoutAnExactForm(text: String) {
        #expect(ProposedChangeKind.classify(text) == .instruction(nil))
    }

    /// Conservative: replacement text that merely contains such a word, or opens with a verb that
    /// also opens ordinary text, stays replacement text.
    @Test(arguments: [
        "4.2.2.3 Members should not delete data collected under the programme.",
        "The secretariat will replace the outdated portal and remove duplicate entries.",
        "Replace outdated equipment in rural schools by 2025.",
        "Add value to national ICT strategies through regional cooperation.",
        "各成员国不应删除已收集的数据。",
        "将于2020年3月1日（日内瓦时间）之前提交意见。",
        "增加对宽带基础设施的投资。",
        "Supprimer les obstacles à l'investissement dans les infrastructures.",
        "Les États Membres ne devraient pas supprimer les données.",
        "Eliminar la brecha digital de aquí a 2030.",
        "Los Estados Miembros no deberían suprimir los datos.",
        "Удалить препятствия для инвестиций в инфраструктуру.",
        "Государствам-членам не следует исключать данные.",
        "ينبغي ألا تحذف الدول الأعضاء البيانات.",
        "إضافة قيمة إلى الاستراتيجيات الوطنية.",
        "Deleted items are listed in the annex.",
        "",
    ])
    func replacementTextStaysText(text: String) {
        #expect(ProposedChangeKind.classify(text) == .replacement)
    }
}
