@testable import DraftFlowPortal
import DraftFlow
import Foundation
import Testing
import TestSupport

/// The member pages in the six UN languages: every string in each, Arabic right to left, the time
/// left in each language's words, the choice kept in a cookie, refusals and the confirmation step
/// translated, and the text shown in a language version where the version has one.
@Suite(.serialized) struct UNLanguagesPortalTests {
    @Test(arguments: PortalLanguage.allCases) func everyLanguageHasEveryInterfaceString(_ language: PortalLanguage) {
        let english = PortalLanguage.en.strings
        let strings = language.strings
        #expect(Set(strings.keys) == Set(english.keys), "\(language): missing \(Set(english.keys).subtracting(strings.keys).sorted()), extra \(Set(strings.keys).subtracting(english.keys).sorted())")
        let blank = strings.keys.filter { key in
            strings[key, default: ""].trimmingCharacters(in: .whitespaces).isEmpty && !english[key, default: ""].trimmingCharacters(in: .whitespaces).isEmpty
        }
        #expect(blank.isEmpty, "\(language) has empty strings: \(blank.sorted())")
        if language != .en {
            // Translated: no sentence is left in English (names of formats and units aside).
            let untranslated = strings.filter { key, value in value == english[key] && value.count > 12 }.map(\.key).sorted()
            #expect(untranslated.isEmpty, "\(language) leaves these in English: \(untranslated)")
        }
    }

    @Test func theTimeLeftIsInEachLanguagesWords() {
        let tenDays = 10 * 86_400 + 13 * 3_600 + 59 * 60
        #expect(PortalLanguage.allCases.map { $0.remaining(tenDays) } == [
            "10 أيام 13 ساعة", "10天13小时", "10 days 13 hours", "10 jours 13 heures", "10 дней 13 часов", "10 días 13 horas",
        ])
        #expect(PortalLanguage.allCases.map { $0.remaining(86_400 + 2 * 3_600) } == [
            "يوم واحد ساعتان", "1天2小时", "1 day 2 hours", "1 jour 2 heures", "1 день 2 часа", "1 día 2 horas",
        ])
        #expect(PortalLanguage.ru.remaining(21 * 60) == "21 минута")
        #expect(PortalLanguage.ru.remaining(3 * 3_600 + 5 * 60) == "3 часа 5 минут")
        #expect(PortalLanguage.ar.remaining(11 * 60) == "11 دقيقة")
        #expect(PortalLanguage.fr.remaining(30) == "moins d’une minute")
    }

    @Test func theMemberPageIsInChineseArabicRussianAndSpanish() async throws {
        let harness = try PortalHarness()
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }
        let cookie = try await harness.signIn(secret)

        let chinese = try await harness.http.get("/member/CAN?lang=zh", cookie: cookie)
        #expect(chinese.status == 200)
        #expect(chinese.body.contains("<html lang=\"zh\" dir=\"ltr\">"))
        #expect(chinese.body.contains("<h2 id=\"deadline-heading\">轮次 draft-1 所涉版本 draft-1</h2>"))
        #expect(chinese.body.contains("<p>截止时间 <strong><bdi>2020年3月1日 23:59:59 CET (Europe/Zurich)</bdi></strong> (日内瓦时间, <bdi>Europe/Zurich</bdi>).</p>"))
        #expect(chinese.body.contains("剩余时间： <time datetime=\"2020-03-01T22:59:59Z\" data-now=\"2020-02-20T09:00:00Z\" data-closed-text=\"本轮已截止\" data-day=\"天\" data-countdown>10天13小时</time>"))
        #expect(chinese.body.contains("<h2 id=\"mine-heading\">您的提交</h2>"))
        #expect(chinese.body.contains("<p>尚未记录 CAN 的任何提交。</p>"))
        #expect(chinese.body.contains("<option value=\"general\">一般性</option><option value=\"technical\">技术性</option><option value=\"editorial\">编辑性</option>"))
        #expect(chinese.body.contains("<label for=\"proposed-b6\">拟议案文，段落 2.3 （保持原样即不提议修改）</label>"))
        // The language menu names each language in itself and marks the page's.
        #expect(chinese.body.contains("<nav class=\"languages\" aria-label=\"语言\"><ul><li><a href=\"?lang=ar\" lang=\"ar\" hreflang=\"ar\">العربية</a></li><li><a href=\"?lang=zh\" lang=\"zh\" hreflang=\"zh\" aria-current=\"true\">中文</a></li><li><a href=\"?lang=en\" lang=\"en\" hreflang=\"en\">English</a></li><li><a href=\"?lang=fr\" lang=\"fr\" hreflang=\"fr\">Français</a></li><li><a href=\"?lang=ru\" lang=\"ru\" hreflang=\"ru\">Русский</a></li><li><a href=\"?lang=es\" lang=\"es\" hreflang=\"es\">Español</a></li></ul></nav>"))
        #expect(!chinese.body.contains("Your submissions"))
        // The choice is kept for the pages that follow (the answer to a post has no `?lang=`).
        #expect(chinese.headers["set-cookie"] == "draftflow_lang=zh; Path=/; HttpOnly; SameSite=Lax")
        let next = try await harness.http.get("/member/CAN?recorded=1", cookie: cookie + "; draftflow_lang=zh", headers: [("Accept-Language", "en")])
        #expect(next.body.contains("<p class=\"notice\" role=\"status\">已记录：第 1 次提交。回执列于下方。</p>"))

        let arabic = try await harness.http.get("/member/CAN", cookie: cookie, headers: [("Accept-Language", "ar-EG, en;q=0.5")])
        #expect(arabic.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(arabic.body.contains("<h2 id=\"mine-heading\">مساهماتكم</h2>"))
        #expect(arabic.body.contains("<p>لم يُسجَّل بعدُ أي شيء من CAN.</p>"))
        #expect(arabic.body.contains(">10 أيام 13 ساعة</time>"))
        #expect(arabic.body.contains("<strong><bdi>1 آذار/مارس 2020، الساعة 23:59:59 CET (Europe/Zurich)</bdi></strong>"))

        let russian = try await harness.http.get("/member/CAN?lang=ru", cookie: cookie)
        #expect(russian.body.contains("<html lang=\"ru\" dir=\"ltr\">"))
        #expect(russian.body.contains("<p>От CAN пока ничего не зарегистрировано.</p>"))
        #expect(russian.body.contains(">10 дней 13 часов</time>"))
        #expect(russian.body.contains("<p>Закрывается <strong><bdi>1 марта 2020 г., 23:59:59 CET (Europe/Zurich)</bdi></strong> (время Женевы, <bdi>Europe/Zurich</bdi>).</p>"))

        let spanish = try await harness.http.get("/member/CAN?lang=es-419", cookie: cookie)
        #expect(spanish.body.contains("<html lang=\"es\" dir=\"ltr\">"))
        #expect(spanish.body.contains("<h2 id=\"general-heading\">Un comentario sobre el texto en su conjunto</h2>"))
        #expect(spanish.body.contains(">10 días 13 horas</time>"))
    }

    @Test func refusalsAndTheConfirmationStepAreInThePagesLanguage() async throws {
        let harness = try PortalHarness(kind: .silence)
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }
        let (cookie, csrf) = try await harness.signInForForms(secret, page: "/member/CAN")

        // Another member's page: not found, in Chinese.
        let other = try await harness.http.get("/member/USA?lang=zh", cookie: cookie)
        #expect(other.status == 404)
        #expect(other.body.contains("<h1>未找到</h1>\n<p class=\"message\">没有这个页面。</p>"))
        #expect(other.body.contains("<html lang=\"zh\" dir=\"ltr\">"))

        // The confirmation step of a silence reply, in French (kept by the language cookie).
        let confirm = try await harness.http.post("/member/CAN/silence", cookie: cookie + "; draftflow_lang=fr", form: [("csrf", csrf), ("reply", "no-objection")])
        #expect(confirm.status == 200)
        #expect(confirm.body.contains("<h1>Confirmer que vous n’avez pas d’objection ?</h1>\n<p>Votre confirmation est enregistrée comme la réponse de Canada : aucune objection au texte.</p>"))
        #expect(confirm.body.contains("<button type=\"submit\">Oui, confirmer l’absence d’objection</button>"))
        #expect(confirm.body.contains("<p><a href=\"/member/CAN\">Annuler</a></p>"))

        // A form without its token: refused in Russian, nothing written.
        let head = try harness.head()
        let forged = try await harness.http.post("/member/CAN/silence", cookie: cookie + "; draftflow_lang=ru", form: [("reply", "no-objection"), ("confirm", "yes")])
        #expect(forged.status == 403)
        #expect(forged.body.contains("<h1>Срок действия формы истек</h1>"))
        #expect(try harness.head() == head)
    }

    static let chineseVersion = """
    # 国际电联理事会对2020年高级别政治论坛的投入

    ## 1 引言

    1.1 国际电联理事会欢迎2020年高级别政治论坛的主题。

    ## 2 国际电联的工作

    2.1 国际电联为可持续发展目标作出贡献。

    2.2 宽带是发展的关键推动因素。

    2.3 在最不发达国家，连通性仍然是一项挑战。

    """

    @Test func theTextIsShownInTheMembersLanguageVersionAndCommentsGoToTheSameParagraph() async throws {
        let harness = try PortalHarness(languageVersions: ["zh": Self.chineseVersion])
        #expect(try gitOutput(["ls-tree", "--name-only", "draft-1", "Drafts/"], in: harness.folder) == "Drafts/outline.md\nDrafts/outline.zh.md\n")
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }
        let cookie = try await harness.signIn(secret)

        let page = try await harness.http.get("/member/CAN?lang=zh", cookie: cookie)
        #expect(page.body.contains("<p class=\"note\">案文以中文语文本显示。意见针对原文的相同段落；拟议案文修改的是原文措辞，原文显示在每个段落下方。</p>"))
        #expect(page.body.contains("""
        <div class="block" id="p-b6">
        <p><span class="num">2.3</span> 在最不发达国家，连通性仍然是一项挑战。</p>
        <details class="original"><summary>原文</summary><p class="text" dir="auto">Connectivity remains a challenge in the least developed countries.</p></details>
        """))
        // A proposal amends the original's wording.
        #expect(page.body.contains("<textarea id=\"proposed-b6\" name=\"proposed\" rows=\"4\" data-original=\"Connectivity remains a challenge in the least developed countries.\">Connectivity remains a challenge in the least developed countries.</textarea>"))

        // The page in English (no English language version): the original, with no note.
        let english = try await harness.http.get("/member/CAN?lang=en", cookie: cookie)
        #expect(english.body.contains("<p><span class=\"num\">2.3</span> Connectivity remains a challenge in the least developed countries.</p>\n\n<details><summary>Comment on 2.3</summary>"))
        #expect(!english.body.contains("class=\"note\""))
        #expect(!english.body.contains("连通性"))

        // A comment sent from the Chinese page is on paragraph 2.3 of the original.
        let csrf = try #require(PortalHarness.csrf(in: page.body))
        let posted = try await harness.http.post("/member/CAN/comments", cookie: cookie, form: [
            ("csrf", csrf), ("paragraph", "2.3"), ("type", "technical"), ("comment", "建议写明“数字鸿沟”。"),
            ("proposed", "Connectivity remains a major challenge in the least developed countries."),
        ])
        #expect(posted.headers["location"] == "/member/CAN?recorded=1")
        let submission = try #require(RecordReader.current(try RecordReader.submissions(round: "draft-1", in: harness.context().store.snapshot()))["CAN"])
        #expect(submission.comments.map { "\($0.reference) \($0.text) \($0.proposedChange ?? "-")" } == [
            "2.3 建议写明“数字鸿沟”。 Connectivity remains a major challenge in the least developed countries.",
        ])
    }

    @Test func onceTheRoundHasClosedEveryMemberSeesAllSubmissionsThatCount() async throws {
        let harness = try PortalHarness()
        let can = try harness.invite("CAN")
        let usa = try harness.invite("USA")
        try await harness.start()
        defer { harness.stop() }
        let posted = try await VisibilityPortalTests.usaComments(harness, secret: usa)
        #expect(posted.headers["location"] == "/member/USA?recorded=1")
        let cookie = try await harness.signIn(can)
        #expect(!(try await harness.http.get("/member/CAN", cookie: cookie).body.contains("USA-1")))

        harness.clock.now = try PortalHarness.date("2020-03-02T09:00:00+01:00")
        let page = try await harness.http.get("/member/CAN", cookie: cookie)
        #expect(page.body.contains("<h2 id=\"everyone-heading\">All members&#39; submissions in round draft-1</h2>\n<p>The round has closed: every member&#39;s submission that counts is shown here.</p>"))
        #expect(page.body.contains("<h3>United States (USA), submission 1</h3>\n<p>Received <bdi>20 February 2020, 10:00:00 CET (Europe/Zurich)</bdi>. 1 comment(s).</p>"))
        #expect(page.body.contains("<li><span class=\"id\">USA-1</span> on <bdi>2.3</bdi> (technical): <span class=\"text\" dir=\"auto\">\(VisibilityPortalTests.hostileEscaped)</span>"))
        #expect(!page.body.contains("<script>alert(1)"))
        // Its receipts stay USA's.
        #expect(try await harness.http.get("/member/USA/receipts/draft-1/1", cookie: cookie).status == 404)
    }
}

/// The secretariat's dashboard in another language: headings, the summary sentence in that
/// language's word order, the states and the time left.
@Suite(.serialized) struct SecretariatLanguagesPortalTests {
    @Test func theDashboardIsInChineseAndFrench() async throws {
        let harness = try PortalHarness()
        let office = try harness.invite(nil)
        try await harness.start()
        defer { harness.stop() }
        let cookie = try await harness.signIn(office)
        let chinese = try await harness.http.get("/secretariat?lang=zh", cookie: cookie)
        #expect(chinese.status == 200)
        #expect(chinese.body.contains("<p>2 个成员中 0 个已答复；0 个逾期；2 个尚无回音。</p>"))
        #expect(chinese.body.contains("<thead><tr><th scope=\"col\">代码</th><th scope=\"col\">成员</th><th scope=\"col\">状态</th><th scope=\"col\">收到时间</th><th scope=\"col\">意见</th><th scope=\"col\">修改稿</th></tr></thead>"))
        #expect(chinese.body.contains("<tr class=\"none\"><td>CAN</td><td>Canada</td><td>尚无回音</td><td></td><td>0</td><td>无</td></tr>"))
        #expect(chinese.body.contains(">10天13小时</time>"))
        #expect(chinese.body.contains("<li><a href=\"/secretariat/packet\">下载提交主席的文件包（HTML）</a></li>"))
        let french = try await harness.http.get("/secretariat/dispositions", cookie: cookie + "; draftflow_lang=fr")
        #expect(french.body.contains("<h1>Suite donnée aux commentaires</h1>\n<p><a href=\"/secretariat\">Retour au tableau de bord</a></p>"))
    }
}
