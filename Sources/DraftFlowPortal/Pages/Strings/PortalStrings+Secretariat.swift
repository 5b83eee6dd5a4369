/// The secretariat's pages, in the six languages (merged into each language's strings).
/// `%1`, `%2`… stand for the numbers or lists a sentence holds, in the order the code gives them.
extension PortalStrings {
    static let secretariat: [PortalLanguage: [String: String]] = [
        .en: [
            "sec_title": "Secretariat", "sec_headingBefore": "Secretariat: ", "sec_now": "Now:",
            "sec_summary": "%1 of %2 members responded; %3 late; %4 not heard from.",
            "sec_noRound": "No round has been opened.", "sec_members": "Members",
            "sec_col_code": "Code", "sec_col_member": "Member", "sec_col_state": "State", "sec_col_received": "Received",
            "sec_col_comments": "Comments", "sec_col_copy": "Edited copy", "sec_yes": "yes", "sec_no": "no",
            "sec_state_received": "responded", "sec_state_late": "late", "sec_state_none": "not heard from",
            "sec_mergeHeading": "Merge of round", "sec_mergeSummary": "Open collisions: %1. Comments without a disposition: %2.",
            "sec_none": "none", "sec_texts": "Texts",
            "sec_compilation": "The compilation of the proposals", "sec_collisions": "The collisions",
            "sec_dispositions": "The disposition table", "sec_packet": "Download the packet for the chair (HTML)",
            "sec_decisions": "Decisions (merge, resolve, dispose, publish) stay in the command-line tool.",
            "sec_back": "Back to the dashboard", "sec_compilationHeading": "Compilation of the proposals",
            "sec_collisionsHeading": "Collisions (JSON)", "sec_dispositionsHeading": "Disposition of comments",
        ],
        .fr: [
            "sec_title": "Secrétariat", "sec_headingBefore": "Secrétariat : ", "sec_now": "Maintenant :",
            "sec_summary": "%1 membres sur %2 ont répondu ; %3 en retard ; %4 sans nouvelles.",
            "sec_noRound": "Aucun tour n’a été ouvert.", "sec_members": "Membres",
            "sec_col_code": "Code", "sec_col_member": "Membre", "sec_col_state": "État", "sec_col_received": "Reçu le",
            "sec_col_comments": "Commentaires", "sec_col_copy": "Copie modifiée", "sec_yes": "oui", "sec_no": "non",
            "sec_state_received": "a répondu", "sec_state_late": "en retard", "sec_state_none": "sans nouvelles",
            "sec_mergeHeading": "Fusion du tour", "sec_mergeSummary": "Collisions ouvertes : %1. Commentaires sans suite donnée : %2.",
            "sec_none": "aucun", "sec_texts": "Textes",
            "sec_compilation": "La compilation des propositions", "sec_collisions": "Les collisions",
            "sec_dispositions": "Le tableau des suites données", "sec_packet": "Télécharger le dossier pour le président (HTML)",
            "sec_decisions": "Les décisions (fusion, arbitrage, suite donnée, publication) restent dans l’outil en ligne de commande.",
            "sec_back": "Retour au tableau de bord", "sec_compilationHeading": "Compilation des propositions",
            "sec_collisionsHeading": "Collisions (au format JSON)", "sec_dispositionsHeading": "Suite donnée aux commentaires",
        ],
        .zh: [
            "sec_title": "秘书处", "sec_headingBefore": "秘书处：", "sec_now": "当前时间：",
            "sec_summary": "%2 个成员中 %1 个已答复；%3 个逾期；%4 个尚无回音。",
            "sec_noRound": "尚未开放任何轮次。", "sec_members": "成员",
            "sec_col_code": "代码", "sec_col_member": "成员", "sec_col_state": "状态", "sec_col_received": "收到时间",
            "sec_col_comments": "意见", "sec_col_copy": "修改稿", "sec_yes": "有", "sec_no": "无",
            "sec_state_received": "已答复", "sec_state_late": "逾期", "sec_state_none": "尚无回音",
            "sec_mergeHeading": "合并轮次", "sec_mergeSummary": "未解决的冲突：%1。尚无处理结果的意见：%2。",
            "sec_none": "无", "sec_texts": "案文",
            "sec_compilation": "提案汇编", "sec_collisions": "冲突",
            "sec_dispositions": "意见处理表", "sec_packet": "下载提交主席的文件包（HTML）",
            "sec_decisions": "各项决定（合并、解决、处理、发布）仍在命令行工具中作出。",
            "sec_back": "返回仪表板", "sec_compilationHeading": "提案汇编",
            "sec_collisionsHeading": "冲突（JSON）", "sec_dispositionsHeading": "意见处理情况",
        ],
        .ar: [
            "sec_title": "الأمانة", "sec_headingBefore": "الأمانة: ", "sec_now": "الآن:",
            "sec_summary": "ردّ %1 من أصل %2 من الأعضاء؛ %3 متأخرون؛ %4 لم يرد منهم شيء.",
            "sec_noRound": "لم تُفتح أي جولة.", "sec_members": "الأعضاء",
            "sec_col_code": "الرمز", "sec_col_member": "العضو", "sec_col_state": "الحالة", "sec_col_received": "تاريخ الاستلام",
            "sec_col_comments": "التعليقات", "sec_col_copy": "نسخة معدَّلة", "sec_yes": "نعم", "sec_no": "لا",
            "sec_state_received": "ردّ", "sec_state_late": "متأخر", "sec_state_none": "لم يرد منه شيء",
            "sec_mergeHeading": "دمج الجولة", "sec_mergeSummary": "التعارضات المفتوحة: %1. تعليقات دون إجراء متخذ: %2.",
            "sec_none": "لا شيء", "sec_texts": "النصوص",
            "sec_compilation": "تجميع المقترحات", "sec_collisions": "التعارضات",
            "sec_dispositions": "جدول الإجراءات المتخذة", "sec_packet": "تنزيل الملف المقدَّم إلى الرئيس (HTML)",
            "sec_decisions": "تبقى القرارات (الدمج والحسم والإجراء المتخذ والنشر) في أداة سطر الأوامر.",
            "sec_back": "العودة إلى لوحة المتابعة", "sec_compilationHeading": "تجميع المقترحات",
            "sec_collisionsHeading": "التعارضات (JSON)", "sec_dispositionsHeading": "الإجراءات المتخذة بشأن التعليقات",
        ],
        .ru: [
            "sec_title": "Секретариат", "sec_headingBefore": "Секретариат: ", "sec_now": "Сейчас:",
            "sec_summary": "Ответили %1 из %2 членов; с опозданием: %3; нет ответа: %4.",
            "sec_noRound": "Ни один раунд не открыт.", "sec_members": "Члены",
            "sec_col_code": "Код", "sec_col_member": "Член", "sec_col_state": "Состояние", "sec_col_received": "Получено",
            "sec_col_comments": "Замечания", "sec_col_copy": "Измененная копия", "sec_yes": "да", "sec_no": "нет",
            "sec_state_received": "ответил", "sec_state_late": "с опозданием", "sec_state_none": "нет ответа",
            "sec_mergeHeading": "Объединение раунда", "sec_mergeSummary": "Неурегулированные коллизии: %1. Замечания без принятого решения: %2.",
            "sec_none": "нет", "sec_texts": "Тексты",
            "sec_compilation": "Сводка предложений", "sec_collisions": "Коллизии",
            "sec_dispositions": "Таблица принятых решений", "sec_packet": "Скачать пакет для председателя (HTML)",
            "sec_decisions": "Решения (объединение, урегулирование, принятие решений по замечаниям, публикация) принимаются в инструменте командной строки.",
            "sec_back": "Назад к панели", "sec_compilationHeading": "Сводка предложений",
            "sec_collisionsHeading": "Коллизии (JSON)", "sec_dispositionsHeading": "Решения по замечаниям",
        ],
        .es: [
            "sec_title": "Secretaría", "sec_headingBefore": "Secretaría: ", "sec_now": "Ahora:",
            "sec_summary": "%1 de %2 miembros respondieron; %3 con retraso; %4 sin noticias.",
            "sec_noRound": "No se ha abierto ninguna ronda.", "sec_members": "Miembros",
            "sec_col_code": "Código", "sec_col_member": "Miembro", "sec_col_state": "Estado", "sec_col_received": "Recibido el",
            "sec_col_comments": "Comentarios", "sec_col_copy": "Copia modificada", "sec_yes": "sí", "sec_no": "no",
            "sec_state_received": "respondió", "sec_state_late": "con retraso", "sec_state_none": "sin noticias",
            "sec_mergeHeading": "Fusión de la ronda", "sec_mergeSummary": "Colisiones abiertas: %1. Comentarios sin decisión adoptada: %2.",
            "sec_none": "ninguno", "sec_texts": "Textos",
            "sec_compilation": "La compilación de las propuestas", "sec_collisions": "Las colisiones",
            "sec_dispositions": "El cuadro de decisiones adoptadas", "sec_packet": "Descargar el expediente para la presidencia (HTML)",
            "sec_decisions": "Las decisiones (fusión, resolución, decisión sobre comentarios, publicación) se siguen tomando en la herramienta de línea de comandos.",
            "sec_back": "Volver al panel", "sec_compilationHeading": "Compilación de las propuestas",
            "sec_collisionsHeading": "Colisiones (JSON)", "sec_dispositionsHeading": "Decisiones adoptadas sobre los comentarios",
        ],
    ]

    /// `template` with `%1`, `%2`… replaced by `values`, in order.
    static func fill(_ template: String, _ values: String...) -> String {
        var text = template
        for (index, value) in values.enumerated().reversed() {
            text = text.replacingOccurrences(of: "%\(index + 1)", with: value)
        }
        return text
    }
}
