import DraftFlow
import Foundation

/// The language of the portal's interface: one of the six UN languages, the library's `Language`.
/// The text under comment is shown in it when the version has a language version in it
/// (`Drafts/<doc>.<lang>.md`); the members' comments and the use cases' messages stay as written.
typealias PortalLanguage = Language

extension Language {
    /// The cookie that keeps a language chosen with `?lang=` for the pages that follow.
    static let cookieName = "draftflow_lang"

    /// The language of a request: `?lang=` when it names one the portal has, else the one kept in
    /// the cookie, else the first of `Accept-Language` (by quality, then order) that it has, else
    /// English.
    static func chosen(query: String?, cookie: String? = nil, acceptLanguage: String?) -> PortalLanguage {
        if let query, let language = Self(tag: query) { return language }
        if let cookie, let language = Self(tag: cookie) { return language }
        guard let acceptLanguage else { return .en }
        var ranges: [(tag: String, quality: Double, order: Int)] = []
        for (order, item) in acceptLanguage.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > 0 { ranges.append((tag, quality, order)) }
        }
        ranges.sort { $0.quality != $1.quality ? $0.quality > $1.quality : $0.order < $1.order }
        return ranges.lazy.compactMap { Self(tag: $0.tag) }.first ?? .en
    }

    /// `fr`, `fr-CH`, `FR`, `zh-Hans-CN`: the language of the primary subtag; an unknown tag: nil.
    init?(tag: String) {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        guard let language = Self(rawValue: primary) else { return nil }
        self = language
    }

    /// The language's own name, as the language menu shows it.
    var autonym: String {
        switch self {
        case .ar: "العربية"
        case .zh: "中文"
        case .en: "English"
        case .fr: "Français"
        case .ru: "Русский"
        case .es: "Español"
        }
    }

    /// The interface strings, by key (every language has every key of English): the member's
    /// pages' and the secretariat's.
    var strings: [String: String] { Self.catalogue[self] ?? [:] }

    private static let catalogue: [PortalLanguage: [String: String]] = {
        let members: [PortalLanguage: [String: String]] = [
            .ar: PortalStrings.arabic, .zh: PortalStrings.chinese, .en: PortalStrings.english,
            .fr: PortalStrings.french, .ru: PortalStrings.russian, .es: PortalStrings.spanish,
        ]
        return members.merging(PortalStrings.secretariat) { $0.merging($1) { first, _ in first } }
    }()

    /// The time left before a close, `seconds` from now, in this language's words: "3 days 4
    /// hours", "3 jours 4 heures", "3天4小时".
    func remaining(_ seconds: Int) -> String {
        let days = seconds / 86_400, hours = (seconds % 86_400) / 3_600, minutes = (seconds % 3_600) / 60
        var parts: [(Int, Unit)] = []
        if days > 0 {
            parts = [(days, .day)] + (hours > 0 ? [(hours, .hour)] : [])
        } else if hours > 0 {
            parts = [(hours, .hour)] + (minutes > 0 ? [(minutes, .minute)] : [])
        } else if minutes > 0 {
            parts = [(minutes, .minute)]
        }
        guard !parts.isEmpty else { return strings["lessThanAMinute"] ?? "" }
        let words = parts.map { count, unit in self.count(count, unit) }
        return self == .zh ? words.joined() : words.joined(separator: " ")
    }

    enum Unit { case day, hour, minute }

    /// `count` of `unit`, with the plural the language takes.
    func count(_ count: Int, _ unit: Unit) -> String {
        switch self {
        case .en:
            let name = unit == .day ? "day" : unit == .hour ? "hour" : "minute"
            return "\(count) \(name)\(count == 1 ? "" : "s")"
        case .fr:
            let name = unit == .day ? "jour" : unit == .hour ? "heure" : "minute"
            return "\(count) \(name)\(count > 1 ? "s" : "")"
        case .es:
            let name = unit == .day ? "día" : unit == .hour ? "hora" : "minuto"
            return "\(count) \(name)\(count == 1 ? "" : "s")"
        case .zh:
            return "\(count)" + (unit == .day ? "天" : unit == .hour ? "小时" : "分钟")
        case .ru:
            let forms: (String, String, String) = unit == .day ? ("день", "дня", "дней")
                : unit == .hour ? ("час", "часа", "часов") : ("минута", "минуты", "минут")
            let ten = count % 10, hundred = count % 100
            let form = ten == 1 && hundred != 11 ? forms.0 : (2...4).contains(ten) && !(12...14).contains(hundred) ? forms.1 : forms.2
            return "\(count) \(form)"
        case .ar:
            // The counted forms of Modern Standard Arabic: one, two (dual), 3–10 (plural), 11 and over (singular).
            let forms: (one: String, two: String, plural: String) = unit == .day ? ("يوم واحد", "يومان", "أيام")
                : unit == .hour ? ("ساعة واحدة", "ساعتان", "ساعات") : ("دقيقة واحدة", "دقيقتان", "دقائق")
            let singular = unit == .day ? "يوماً" : unit == .hour ? "ساعة" : "دقيقة"
            switch count {
            case 1: return forms.one
            case 2: return forms.two
            case 3...10: return "\(count) \(forms.plural)"
            default: return "\(count) \(singular)"
            }
        }
    }
}
