import Foundation

/// Arabic (UN and ITU usage: "مقبول"، "أُحيط علماً"، إجراء الموافقة الضمنية). Written right to left;
/// codes, labels and numbers keep their own direction where the renderers isolate them.
struct ArabicCatalogue: Catalogue {
    var language: Language { .ar }

    func rounds(_ names: [String]) -> String {
        guard names.count > 1 else { return "الجولة \(names.first ?? "")" }
        return "الجولات " + names.dropLast().joined(separator: "، ") + " و" + names.last!
    }
    /// The Arabic count: تعليق واحد، تعليقان، 3 تعليقات، 11 تعليقاً، 100 تعليق (by the last two digits).
    func comments(_ count: Int) -> String {
        if count == 1 { return "تعليق واحد" }
        if count == 2 { return "تعليقان" }
        switch count % 100 {
        case 3...10: return "\(count) تعليقات"
        case 11...99: return "\(count) تعليقاً"
        default: return "\(count) تعليق"
        }
    }
    var late: String { "(متأخر)" }
    var colon: String { ": " }
    var fullStop: String { "." }
    var comma: String { "، " }
    func decision(_ decision: Decision?) -> String {
        switch decision {
        case .accepted: return "مقبول"
        case .modified: return "مقبول مع التعديل"
        case .noted: return "أُحيط علماً"
        case .rejected: return "غير مقبول"
        case .withdrawn: return "مسحوب"
        case nil: return "لم يُبتّ فيه"
        }
    }
    func commentType(_ type: CommentType) -> String {
        switch type {
        case .general: return "عام"
        case .technical: return "تقني"
        case .editorial: return "تحريري"
        case .unspecified: return "غير محدد"
        }
    }

    var version: String { "الصيغة" }
    var transmittedTo: String { "يُحال إلى" }
    var status: String { "الحالة" }
    func draftStatus(version: String, recipient: String) -> String {
        "المشروع \(version)، وليس النص النهائي؛ لم يُحل إلى \(recipient)"
    }
    var due: String { "الموعد النهائي" }
    var preparedBy: String { "من إعداد" }
    var preparedAt: String { "تاريخ الإعداد" }
    var theChair: String { "الرئيس" }

    var finalSections: [String] {
        ["1. موجز الإحالة", "2. النص النهائي", "3. النص مع إظهار التعديلات", "4. معالجة التعليقات", "5. المصادر"]
    }
    func draftSections(version: String) -> [String] {
        ["1. موجز", "2. نص \(version) (مشروع، وليس النص النهائي)", "3. النص مع إظهار التعديلات", "4. معالجة التعليقات", "5. المصادر"]
    }
    var timeline: String { "التسلسل الزمني" }
    var noEvents: String { "لم تُسجَّل أي أحداث." }
    var date: String { "التاريخ" }
    var event: String { "الحدث" }
    var commentsReceived: String { "التعليقات الواردة" }
    var noMemberCommented: String { "لم يقدّم أي عضو تعليقات." }
    var member: String { "العضو" }
    var received: String { "تاريخ الورود" }
    var commentsColumn: String { "التعليقات" }
    var silenceProcedure: String { "إجراء الموافقة الضمنية" }
    var changes: String { "التغييرات" }
    func changeSummary(modified: Int, inserted: Int, deleted: Int, moved: Int) -> String {
        "عدد الفقرات المعدَّلة: \(modified)، المضافة: \(inserted)، المحذوفة: \(deleted)" + (moved > 0 ? "، المنقولة: \(moved)" : "")
    }
    func changeLine(since first: String, _ summary: String) -> String { "التغييرات منذ \(first): \(summary)" }
    var textIsEmpty: String { "(النص فارغ.)" }
    func redlineHeading(_ section: String, from: String, to: String) -> String { "\(section): من \(from) إلى \(to)" }
    var noText: String { "(لا يوجد نص.)" }
    var redlineLegendMarkdown: String {
        "يظهر النص المحذوف ~~مشطوباً~~ والنص المضاف **بخط عريض**؛ ويُشار إلى الفقرات المنقولة."
    }
    var redlineLegendHTML: String {
        "يظهر النص المحذوف <del>مشطوباً بالأحمر</del> والنص المضاف <ins>مسطَّراً بالأخضر</ins>؛ "
            + "وتُعلَّم الفقرات المعدَّلة في الهامش ويُشار إلى الفقرات المنقولة."
    }
    func moved(from: String, to: String) -> String { "(نُقلت من \(from) إلى \(to))" }
    func movedFrom(_ from: String) -> String { " (نُقلت من \(from))" }
    var trackedChangesNote: String {
        "التغييرات مسجَّلة بتتبع التغييرات: يعرض برنامج Word كل تغيير على حدة، ويمكن للقارئ قبوله أو رفضه."
    }
    var noCommentsReceived: String { "لم ترد أي تعليقات." }
    var tag: String { "الوسم" }
    var commit: String { "الإيداع" }
    var noSources: String { "لم تُسجَّل أي مصادر." }
    var workspaceHead: String { "مساحة العمل (HEAD)" }
    func documentSymbol(_ symbol: String) -> String { "الوثيقة \(symbol)" }
    func original(_ language: String) -> String { "الأصل: \(language)" }
    var proposalsToOriginal: String { "المقترحات المتعلقة بالأصل:" }
    var english: String { "بالإنكليزية" }
    func source(_ who: String) -> String { "المصدر: \(who)" }

    func published(_ version: String) -> String { "نشر \(version)" }
    func roundOpened(silence: Bool, name: String, on version: String, closes: String) -> String {
        "فتح \(silence ? "إجراء الموافقة الضمنية" : "جولة التعليقات") \(name) بشأن \(version)، حتى \(closes)"
    }
    func roundClosedEarly(_ name: String) -> String { "إغلاق الجولة \(name) قبل موعدها" }
    func roundExtended(_ name: String, closes: String) -> String { "تمديد الجولة \(name) حتى \(closes)" }
    func roundClosed(_ name: String, at: String, reopenedLater: Bool) -> String {
        reopenedLater ? "أُغلقت الجولة \(name) في \(at) (وأُعيد فتحها لاحقاً)" : "أُغلقت الجولة \(name) في موعدها النهائي، \(at)"
    }
    func submissionReceived(from member: String, round: String, late: Bool, noObjection: Bool) -> String {
        (noObjection ? "لا اعتراض من \(member) في \(round)" : "ورود مساهمة من \(member) في \(round)") + (late ? " (متأخرة)" : "")
    }
    func merged(_ rounds: String) -> String { "دمج مقترحات \(rounds) في مشروع نص تالٍ" }
    func finalized(_ version: String) -> String { "اعتماد \(version)" }
    func submitted(_ version: String, to recipient: String) -> String { "إحالة \(version) إلى \(recipient)" }
    func silenceKept(on version: String, before: String) -> String {
        "لم يُكسر الصمت: لم يعترض أي عضو على \(version) قبل \(before)."
    }
    func silenceBroken(by codes: [String], in round: String) -> String {
        "كسر \(codes.joined(separator: "، ")) الصمت في \(round)."
    }
    func silenceOpen(_ name: String, on version: String, until: String, brokenBy codes: [String]) -> String {
        "إجراء الموافقة الضمنية \(name) بشأن \(version) مفتوح حتى \(until)"
            + (codes.isEmpty ? "؛ ولم يُكسر حتى الآن." : "؛ وقد كسره \(codes.joined(separator: "، ")).")
    }
    func noSilenceProcedure(on version: String?) -> String {
        version.map { "لم يُتَّبع إجراء الموافقة الضمنية بشأن \($0)." } ?? "لم يُتَّبع إجراء الموافقة الضمنية."
    }
    func overObjection(_ codes: [String], note: String) -> String {
        "كسر \(codes.joined(separator: "، ")) الصمت؛ واعتمدت الأمانة النص رغم الاعتراض: \(note)"
    }
    func confirmations(in round: String, _ entries: [(member: String, at: String)]) -> String {
        " أكّد عدم الاعتراض في \(round): " + entries.map { "\($0.member) في \($0.at)" }.joined(separator: "؛ ") + "."
    }
    func silenceReply(_ name: String, noObjection: Bool, round: String) -> String {
        "\(name) (\(noObjection ? "لا اعتراض" : "اعتراض") في \(round))"
    }

    var dispositionColumns: [String] {
        ["الرقم", "العضو", "رقم السطر", "البند/البند الفرعي", "الفقرة", "نوع التعليق", "التعليقات", "التغيير المقترح", "القرار",
         "ملاحظات الأمانة"]
    }
    func paragraph(_ paragraph: String, now: String) -> String { "\(paragraph) (حالياً \(now))" }
    func orphaned(_ paragraph: String) -> String { "\(paragraph) (محذوفة: تعليق بلا فقرة)" }
    var modifiedText: String { "النص المعدَّل: " }
    func dispositionTitle(_ title: String, rounds: String, only member: String?) -> String {
        "\(title): معالجة التعليقات، \(rounds)" + (member.map { "، \($0) فقط" } ?? "")
    }

    var reportColumns: [String] { ["الرقم", "الفقرة", "النوع", "التعليق", "القرار", "الملاحظة", "في النص الجديد"] }
    var generalWholeText: String { "عام (النص بأكمله)" }
    func deleted(_ paragraph: String) -> String { "\(paragraph) ← محذوفة" }
    func sameNumber(_ paragraph: String) -> String { "\(paragraph) (الرقم نفسه)" }
    func reportTitle(_ title: String, member: String, rounds: String) -> String { "\(title): تعليقات \(member)، \(rounds)" }
    func candidate(_ rounds: String) -> String { "المشروع المرشح المدمج من \(rounds)" }
    func reportCount(_ count: Int, newText: String) -> String {
        "\(comments(count))؛ أرقام الفقرات في النص الجديد هي أرقام \(newText)."
    }

    var draftForCommentNote: String { " (مشروع للتعليق، وليس النص النهائي)" }
    var circulatedBy: String { "وزّعته" }
    var howToComment: String { "1. طريقة تقديم التعليقات" }
    func changesSince(_ previous: String?) -> String { "2. التغييرات منذ " + (previous ?? "الصيغة السابقة") }
    var firstVersion: String { "هذه هي الصيغة الأولى." }
    var redlineLegendPlain: String { "يظهر النص المحذوف مشطوباً والنص المضاف مسطَّراً؛ ويُشار إلى الفقرات المنقولة." }
    func textOf(_ version: String) -> String { "3. نص \(version)" }
    var draftForComment: String { " (مشروع للتعليق)" }
    func instructions(silence: Bool, round: String, version: String, deadline: String, to: String) -> [String] {
        silence ? [
            "إجراء الموافقة الضمنية \(round) بشأن \(version). ما لم يعترض أي عضو في موعد أقصاه \(deadline)، يُعتبر النص معتمداً.",
            "للاعتراض، يُرسل الاعتراض إلى \(to) قبل الموعد النهائي. ويُسجَّل الرد \"No objection.\" (\"لا اعتراض.\") "
                + "تأكيداً ولا يكسر الصمت.",
        ] : [
            "جولة التعليقات \(round) بشأن \(version). يجب أن ترد التعليقات في موعد أقصاه \(deadline).",
            "تُرسل التعليقات إلى \(to): قسم لكل تعليق، عنوانه رقم الفقرة ونوع التعليق، "
                + "مثل \"## 4.2.2.3 (editorial)\"، مع سطر \"Proposed change:\" اختياري؛ أو نموذج التعليقات الخاص بالمنظمة الدولية للتوحيد القياسي (ISO). "
                + "ويجوز إرفاق نسخة معدَّلة من المشروع.",
        ]
    }

    var receipt: String { "إشعار استلام" }
    var round: String { "الجولة" }
    var submission: String { "المساهمة" }
    func onVersion(_ version: String) -> String { " (بشأن \(version))" }
    var receivedUTC: String { "تاريخ الورود (UTC)" }
    var onTime: String { "في الموعد" }
    var yes: String { "نعم" }
    var recordedLate: String { "لا (سُجِّلت متأخرة)" }
    func sha256(of role: String) -> String { "SHA-256 \(role)" }
    func fileRole(_ role: String) -> String { role == "original" ? "للملف الأصلي" : role == "edited copy" ? "للنسخة المعدَّلة" : role }
    func bytes(_ count: Int) -> String { "(\(count) بايت)" }
    var receiptComments: String { "التعليقات" }
    var id: String { "الرقم" }
    var paragraphColumn: String { "الفقرة" }
    var type: String { "النوع" }
    var checkReceiptMarkdown: String {
        "يمكن التحقق منه في أي وقت: `draftflow verify --receipt FILE` في مساحة العمل، أو `sha256sum` على الملف الأصلي."
    }
    var checkReceiptHTML: String { "يمكن التحقق منه في أي وقت: <code>draftflow verify --receipt FILE</code> في مساحة العمل." }
}
