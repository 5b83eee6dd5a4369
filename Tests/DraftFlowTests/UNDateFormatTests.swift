import Foundation
import Testing
@testable import DraftFlow

/// Dates in the forms the UN's documents use in each of its six languages.
@Suite("UN date forms")
struct UNDateFormatTests {
    let zurich = TimeZone(identifier: "Europe/Zurich")!

    @Test func theFirstOfMarch2020InEachLanguage() {
        // 23:30 UTC on 29 February is already 1 March in Geneva: the day is the zone's.
        let instant = utcInstant(2020, 2, 29, 23, 30, 0)
        let days = Language.allCases.map { InstantFormat.humanDay(instant, in: zurich, language: $0) }
        #expect(days == ["1 آذار/مارس 2020", "2020年3月1日", "1 March 2020", "1er mars 2020", "1 марта 2020 г.", "1 de marzo de 2020"])
    }

    @Test func everyMonthHasItsUNName() {
        let french = (1...12).map { InstantFormat.day(year: 2020, month: $0, day: 2, language: .fr) }
        #expect(french == ["2 janvier 2020", "2 février 2020", "2 mars 2020", "2 avril 2020", "2 mai 2020", "2 juin 2020", "2 juillet 2020",
                           "2 août 2020", "2 septembre 2020", "2 octobre 2020", "2 novembre 2020", "2 décembre 2020"])
        let russian = (1...12).map { InstantFormat.day(year: 2020, month: $0, day: 16, language: .ru) }
        #expect(russian == ["16 января 2020 г.", "16 февраля 2020 г.", "16 марта 2020 г.", "16 апреля 2020 г.", "16 мая 2020 г.",
                            "16 июня 2020 г.", "16 июля 2020 г.", "16 августа 2020 г.", "16 сентября 2020 г.", "16 октября 2020 г.",
                            "16 ноября 2020 г.", "16 декабря 2020 г."])
        let arabic = (1...12).map { InstantFormat.day(year: 2020, month: $0, day: 16, language: .ar) }
        #expect(arabic == ["16 كانون الثاني/يناير 2020", "16 شباط/فبراير 2020", "16 آذار/مارس 2020", "16 نيسان/أبريل 2020",
                           "16 أيار/مايو 2020", "16 حزيران/يونيه 2020", "16 تموز/يوليه 2020", "16 آب/أغسطس 2020",
                           "16 أيلول/سبتمبر 2020", "16 تشرين الأول/أكتوبر 2020", "16 تشرين الثاني/نوفمبر 2020", "16 كانون الأول/ديسمبر 2020"])
        #expect(InstantFormat.day(year: 2020, month: 12, day: 31, language: .es) == "31 de diciembre de 2020")
        #expect(InstantFormat.day(year: 2020, month: 12, day: 31, language: .zh) == "2020年12月31日")
        // Only the first of the month is "1er" in French.
        #expect(InstantFormat.day(year: 2020, month: 3, day: 11, language: .fr) == "11 mars 2020")
    }

    @Test func instantsKeepTheZoneAndItsAbbreviation() {
        let close = utcInstant(2020, 3, 1, 22, 59, 59)
        let forms = Language.allCases.map { InstantFormat.human(close, in: zurich, language: $0) }
        #expect(forms == [
            "1 آذار/مارس 2020، الساعة 23:59:59 CET (Europe/Zurich)",
            "2020年3月1日 23:59:59 CET (Europe/Zurich)",
            "1 March 2020, 23:59:59 CET (Europe/Zurich)",
            "1er mars 2020 à 23:59:59 CET (Europe/Zurich)",
            "1 марта 2020 г., 23:59:59 CET (Europe/Zurich)",
            "1 de marzo de 2020, 23:59:59 CET (Europe/Zurich)",
        ])
        #expect(InstantFormat.human(close, in: InstantFormat.utc, language: .zh) == "2020年3月1日 22:59:59 UTC")
        // English is the one human format, unchanged.
        #expect(InstantFormat.human(close, in: zurich, language: .en) == InstantFormat.human(close, in: zurich))
    }

    @Test func aLanguageIsNamedByItsCodeOrRefused() throws {
        #expect(try Language.named("ZH") == .zh)
        let error = try #require(throws: DraftFlowError.self) { try Language.named("de") }
        #expect(error.kind == .invalidInput)
        #expect(error.message == "de is not one of the six UN languages")
        #expect(Language.ar.htmlAttributes == "lang=\"ar\" dir=\"rtl\"")
        #expect(Language.en.htmlAttributes == "lang=\"en\"")
    }
}
