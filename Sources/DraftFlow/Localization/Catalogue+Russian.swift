import Foundation

/// Russian (UN and ITU usage: «Принято», «Принято к сведению», процедура молчания).
struct RussianCatalogue: Catalogue {
    var language: Language { .ru }

    /// The Russian plural: 1 замечание, 2 замечания, 5 замечаний (11 to 14 take the last).
    static func plural(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
        let ten = count % 10, hundred = count % 100
        if ten == 1 && hundred != 11 { return one }
        if (2...4).contains(ten) && !(12...14).contains(hundred) { return few }
        return many
    }

    func rounds(_ names: [String]) -> String {
        guard names.count > 1 else { return "раунд \(names.first ?? "")" }
        return "раунды " + names.dropLast().joined(separator: ", ") + " и " + names.last!
    }
    func comments(_ count: Int) -> String { "\(count) \(Self.plural(count, "замечание", "замечания", "замечаний"))" }
    var late: String { "(с опозданием)" }
    var colon: String { ": " }
    var fullStop: String { "." }
    var comma: String { ", " }
    func decision(_ decision: Decision?) -> String {
        switch decision {
        case .accepted: return "Принято"
        case .modified: return "Принято с изменениями"
        case .noted: return "Принято к сведению"
        case .rejected: return "Не принято"
        case .withdrawn: return "Отозвано"
        case nil: return "Решение не принято"
        }
    }
    func commentType(_ type: CommentType) -> String {
        switch type {
        case .general: return "общее"
        case .technical: return "техническое"
        case .editorial: return "редакционное"
        case .unspecified: return "не указан"
        }
    }

    var version: String { "Версия" }
    var transmittedTo: String { "Препровождается" }
    var status: String { "Статус" }
    func draftStatus(version: String, recipient: String) -> String {
        "Проект \(version), не окончательный текст; не препровождается (\(recipient))"
    }
    var due: String { "Срок" }
    var preparedBy: String { "Подготовлено" }
    var preparedAt: String { "Дата подготовки" }
    var theChair: String { "Председатель" }

    var finalSections: [String] {
        ["1. Сводка о препровождении", "2. Окончательный текст", "3. Текст с исправлениями", "4. Решения по замечаниям", "5. Источники"]
    }
    func draftSections(version: String) -> [String] {
        ["1. Сводка", "2. Текст \(version) (проект, не окончательный текст)", "3. Текст с исправлениями", "4. Решения по замечаниям", "5. Источники"]
    }
    var timeline: String { "Хронология" }
    var noEvents: String { "Событий не зарегистрировано." }
    var date: String { "Дата" }
    var event: String { "Событие" }
    var commentsReceived: String { "Полученные замечания" }
    var noMemberCommented: String { "Ни один член не представил замечаний." }
    var member: String { "Член" }
    var received: String { "Получено" }
    var commentsColumn: String { "Замечания" }
    var silenceProcedure: String { "Процедура молчания" }
    var changes: String { "Изменения" }
    func changeSummary(modified: Int, inserted: Int, deleted: Int, moved: Int) -> String {
        "изменено пунктов: \(modified), добавлено: \(inserted), исключено: \(deleted)" + (moved > 0 ? ", перемещено: \(moved)" : "")
    }
    func changeLine(since first: String, _ summary: String) -> String { "Изменения после \(first): \(summary)" }
    var textIsEmpty: String { "(Текст пуст.)" }
    func redlineHeading(_ section: String, from: String, to: String) -> String { "\(section): от \(from) до \(to)" }
    var noText: String { "(Текста нет.)" }
    var redlineLegendMarkdown: String {
        "Исключенный текст ~~зачеркнут~~, добавленный выделен **жирным шрифтом**; перемещенные пункты отмечены."
    }
    var redlineLegendHTML: String {
        "Исключенный текст <del>зачеркнут красным</del>, добавленный <ins>подчеркнут зеленым</ins>; "
            + "измененные пункты отмечены на полях, перемещенные пункты указаны."
    }
    func moved(from: String, to: String) -> String { "(перемещен из \(from) в \(to))" }
    func movedFrom(_ from: String) -> String { " (перемещен из \(from))" }
    var trackedChangesNote: String {
        "Изменения внесены в режиме исправлений: Word перечисляет каждое из них, и читатель может принять или отклонить его."
    }
    var noCommentsReceived: String { "Замечаний не поступило." }
    var tag: String { "Тег" }
    var commit: String { "Коммит" }
    var noSources: String { "Источники не зарегистрированы." }
    var workspaceHead: String { "рабочее пространство (HEAD)" }
    func documentSymbol(_ symbol: String) -> String { "Документ \(symbol)" }
    func original(_ language: String) -> String { "Язык оригинала: \(language)" }
    var proposalsToOriginal: String { "Предложения к оригиналу:" }
    var english: String { "английский" }
    func source(_ who: String) -> String { "Источник: \(who)" }

    func published(_ version: String) -> String { "Опубликован \(version)" }
    func roundOpened(silence: Bool, name: String, on version: String, closes: String) -> String {
        "Открыт\(silence ? "а процедура молчания" : " раунд замечаний") \(name) по \(version), срок: \(closes)"
    }
    func roundClosedEarly(_ name: String) -> String { "Раунд \(name) закрыт досрочно" }
    func roundExtended(_ name: String, closes: String) -> String { "Раунд \(name) продлен до \(closes)" }
    func roundClosed(_ name: String, at: String, reopenedLater: Bool) -> String {
        reopenedLater ? "Раунд \(name) закрыт \(at) (позднее открыт вновь)" : "Раунд \(name) закрыт по истечении срока, \(at)"
    }
    func submissionReceived(from member: String, round: String, late: Bool, noObjection: Bool) -> String {
        (noObjection ? "Возражений нет от \(member) в \(round)" : "Получены материалы от \(member) в \(round)") + (late ? " (с опозданием)" : "")
    }
    func merged(_ rounds: String) -> String { "Предложения (\(rounds)) сведены в предварительный текст следующего проекта" }
    func finalized(_ version: String) -> String { "Утвержден \(version)" }
    func submitted(_ version: String, to recipient: String) -> String { "\(version) препровожден: \(recipient)" }
    func silenceKept(on version: String, before: String) -> String {
        "Молчание не нарушено: ни один член не возразил против \(version) до \(before)."
    }
    func silenceBroken(by codes: [String], in round: String) -> String {
        "Молчание нарушено: \(codes.joined(separator: ", ")) в \(round)."
    }
    func silenceOpen(_ name: String, on version: String, until: String, brokenBy codes: [String]) -> String {
        "Процедура молчания \(name) по \(version) открыта до \(until)"
            + (codes.isEmpty ? "; пока не нарушена." : "; нарушена: \(codes.joined(separator: ", ")).")
    }
    func noSilenceProcedure(on version: String?) -> String {
        version.map { "Процедура молчания по \($0) не проводилась." } ?? "Процедура молчания не проводилась."
    }
    func overObjection(_ codes: [String], note: String) -> String {
        "Молчание нарушено: \(codes.joined(separator: ", ")); секретариат утвердил текст, несмотря на возражение: \(note)"
    }
    func confirmations(in round: String, _ entries: [(member: String, at: String)]) -> String {
        " Отсутствие возражений подтверждено в \(round): " + entries.map { "\($0.member), \($0.at)" }.joined(separator: "; ") + "."
    }
    func silenceReply(_ name: String, noObjection: Bool, round: String) -> String {
        "\(name) (\(noObjection ? "возражений нет" : "возражение") в \(round))"
    }

    var dispositionColumns: [String] {
        ["Id", "Член", "Номер строки", "Раздел/подраздел", "Пункт", "Тип замечания", "Замечания", "Предлагаемое изменение", "Решение",
         "Комментарии секретариата"]
    }
    func paragraph(_ paragraph: String, now: String) -> String { "\(paragraph) (теперь \(now))" }
    func orphaned(_ paragraph: String) -> String { "\(paragraph) (исключен: замечание без пункта)" }
    var modifiedText: String { "Измененный текст: " }
    func dispositionTitle(_ title: String, rounds: String, only member: String?) -> String {
        "\(title): решения по замечаниям, \(rounds)" + (member.map { ", только \($0)" } ?? "")
    }

    var reportColumns: [String] { ["Id", "Пункт", "Тип", "Замечание", "Решение", "Комментарий", "В новом тексте"] }
    var generalWholeText: String { "общее (весь текст)" }
    func deleted(_ paragraph: String) -> String { "\(paragraph) → исключен" }
    func sameNumber(_ paragraph: String) -> String { "\(paragraph) (тот же номер)" }
    func reportTitle(_ title: String, member: String, rounds: String) -> String { "\(title): замечания \(member), \(rounds)" }
    func candidate(_ rounds: String) -> String { "предварительному тексту, сведенному по итогам (\(rounds))" }
    func reportCount(_ count: Int, newText: String) -> String {
        "\(comments(count)); номера пунктов в новом тексте соответствуют \(newText)."
    }

    var draftForCommentNote: String { " (проект для замечаний, не окончательный текст)" }
    var circulatedBy: String { "Распространено" }
    var howToComment: String { "1. Как представить замечания" }
    func changesSince(_ previous: String?) -> String { "2. Изменения после " + (previous ?? "предыдущей версии") }
    var firstVersion: String { "Это первая версия." }
    var redlineLegendPlain: String { "Исключенный текст зачеркнут, добавленный подчеркнут; перемещенные пункты отмечены." }
    func textOf(_ version: String) -> String { "3. Текст \(version)" }
    var draftForComment: String { " (проект для замечаний)" }
    func instructions(silence: Bool, round: String, version: String, deadline: String, to: String) -> [String] {
        silence ? [
            "Процедура молчания \(round) по \(version). Если ни один член не возразит до \(deadline), текст считается утвержденным.",
            "Возражения направляются по адресу \(to) до истечения срока. Ответ «No objection.» («Возражений нет.») "
                + "регистрируется как подтверждение и не нарушает молчания.",
        ] : [
            "Раунд замечаний \(round) по \(version). Замечания должны поступить до \(deadline).",
            "Направляйте их по адресу \(to): каждое замечание отдельным разделом с номером пункта и типом замечания в заголовке, "
                + "например «## 4.2.2.3 (editorial)», при желании со строкой «Proposed change:»; или по шаблону замечаний ИСО. "
                + "Можно приложить отредактированную копию проекта.",
        ]
    }

    var receipt: String { "Расписка в получении" }
    var round: String { "Раунд" }
    var submission: String { "Материалы" }
    func onVersion(_ version: String) -> String { " (по \(version))" }
    var receivedUTC: String { "Получено (UTC)" }
    var onTime: String { "В срок" }
    var yes: String { "да" }
    var recordedLate: String { "нет (зарегистрировано с опозданием)" }
    func sha256(of role: String) -> String { "SHA-256: \(role)" }
    func fileRole(_ role: String) -> String { role == "original" ? "оригинал" : role == "edited copy" ? "отредактированная копия" : role }
    func bytes(_ count: Int) -> String { "(\(count) \(Self.plural(count, "байт", "байта", "байт")))" }
    var receiptComments: String { "Замечания" }
    var id: String { "Id" }
    var paragraphColumn: String { "Пункт" }
    var type: String { "Тип" }
    var checkReceiptMarkdown: String {
        "Проверить в любое время: `draftflow verify --receipt FILE` в рабочем пространстве или `sha256sum` для оригинального файла."
    }
    var checkReceiptHTML: String { "Проверить в любое время: <code>draftflow verify --receipt FILE</code> в рабочем пространстве." }
}
