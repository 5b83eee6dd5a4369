import Foundation

/// Dates in the form each UN language's documents write them, beside the English one:
///
/// | language | day | instant |
/// |---|---|---|
/// | en | `1 March 2020` | `1 March 2020, 23:59:59 CET (Europe/Zurich)` |
/// | fr | `1er mars 2020` | `1er mars 2020 à 23:59:59 CET (Europe/Zurich)` |
/// | es | `1 de marzo de 2020` | `1 de marzo de 2020, 23:59:59 CET (Europe/Zurich)` |
/// | ru | `1 марта 2020 г.` | `1 марта 2020 г., 23:59:59 CET (Europe/Zurich)` |
/// | zh | `2020年3月1日` | `2020年3月1日 23:59:59 CET (Europe/Zurich)` |
/// | ar | `1 آذار/مارس 2020` | `1 آذار/مارس 2020، الساعة 23:59:59 CET (Europe/Zurich)` |
///
/// Arabic names each month twice, the Levantine name and the one from the Latin, as the UN's
/// Arabic documents do ("آذار/مارس", "حزيران/يونيه"); digits are the European ones they use.
/// Like the English form, nothing depends on the machine's locale.
extension InstantFormat {
    /// The calendar day in the zone, in `language`'s form: `2020年3月1日`, `1er mars 2020`.
    public static func humanDay(_ date: Date, in timeZone: TimeZone, language: Language) -> String {
        let c = calendar(timeZone).dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
        return day(year: c.year ?? 0, month: c.month ?? 1, day: c.day ?? 0, language: language)
    }

    /// An instant for people in `language`'s form; English is `human(_:in:)` itself.
    public static func human(_ date: Date, in timeZone: TimeZone, language: Language) -> String {
        guard language != .en else { return human(date, in: timeZone) }
        let date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        let c = calendar(timeZone).dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let dayText = day(year: c.year ?? 0, month: c.month ?? 1, day: c.day ?? 0, language: language)
        let clock = [c.hour ?? 0, c.minute ?? 0, c.second ?? 0].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
        let zone = Deadline.utcIdentifiers.contains(timeZone.identifier) ? "UTC" : "\(abbreviation(timeZone, at: date)) (\(timeZone.identifier))"
        switch language {
        case .en: return human(date, in: timeZone)
        case .fr: return "\(dayText) à \(clock) \(zone)"
        case .es, .ru: return "\(dayText), \(clock) \(zone)"
        case .zh: return "\(dayText) \(clock) \(zone)"
        case .ar: return "\(dayText)، الساعة \(clock) \(zone)"
        }
    }

    /// A day from its numbers (month 1 to 12), in `language`'s form.
    public static func day(year: Int, month: Int, day: Int, language: Language) -> String {
        let index = max(0, min(11, month - 1))
        switch language {
        case .en: return "\(day) \(monthNames[index]) \(year)"
        case .fr: return "\(day == 1 ? "1er" : "\(day)") \(frenchMonths[index]) \(year)"
        case .es: return "\(day) de \(spanishMonths[index]) de \(year)"
        case .ru: return "\(day) \(russianMonths[index]) \(year) г."
        case .zh: return "\(year)年\(index + 1)月\(day)日"
        case .ar: return "\(day) \(arabicMonths[index]) \(year)"
        }
    }

    static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]
    static let spanishMonths = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ]
    /// In the genitive, as a date has them: "1 марта".
    static let russianMonths = [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]
    static let arabicMonths = [
        "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
        "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر",
    ]
}
