/// The six official languages of the United Nations, in which DraftFlow writes what people read:
/// the packet, the disposition table, receipts, member reports and the circulation note.
///
/// The raw value is the language's ISO 639-1 code (`--lang zh`), also written into HTML's `lang`.
/// English is the default; its output is what DraftFlow always wrote.
public enum Language: String, CaseIterable, Sendable, Codable {
    case ar, zh, en, fr, ru, es

    /// Arabic is written right to left.
    public var isRightToLeft: Bool { self == .ar }

    /// `rtl` for Arabic, `ltr` otherwise.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// The attributes of an HTML page's `<html>` element: `lang="en"`, and for Arabic
    /// `lang="ar" dir="rtl"`.
    public var htmlAttributes: String {
        isRightToLeft ? "lang=\"\(rawValue)\" dir=\"rtl\"" : "lang=\"\(rawValue)\""
    }

    /// The language's name in English, for messages: "Chinese".
    public var englishName: String {
        switch self {
        case .ar: return "Arabic"
        case .zh: return "Chinese"
        case .en: return "English"
        case .fr: return "French"
        case .ru: return "Russian"
        case .es: return "Spanish"
        }
    }

    /// The language named by `code` (`zh`, `ZH`), or a refusal listing the six.
    public static func named(_ code: String) throws -> Language {
        guard let language = Language(rawValue: code.lowercased()) else {
            throw DraftFlowError(.invalidInput, "\(TerminalText.escaped(code)) is not one of the six UN languages",
                                 fix: "use one of: " + allCases.map(\.rawValue).joined(separator: ", "))
        }
        return language
    }
}
