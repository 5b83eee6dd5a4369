import DraftFlow
import Foundation
import Mustache

/// Renders the portal's pages from `Templates`, escaping every value with `HTMLEscaping` (which
/// works on bytes: `<` followed by a combining mark is escaped too).
struct PortalPages: Sendable {
    static let contentType = "DRAFTFLOW_HTML"

    struct Escaper: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }

    let library: MustacheLibrary

    init() throws {
        MustacheContentTypes.register(Escaper(), named: Self.contentType)
        var library = MustacheLibrary()
        let templates = ["layout": Templates.layout, "message": Templates.message, "deadline": Templates.deadline,
                         "member": Templates.member, "confirm": Templates.confirm,
                         "secretariat": Templates.secretariat, "preformatted": Templates.preformatted]
        for (name, text) in templates {
            try library.register(text, named: name)
        }
        self.library = library
    }

    /// The whole page: `template` rendered with `object`, inside the layout.
    func page(_ template: String, _ object: Any, title: String, frame: Frame) -> String {
        let body = library.render(object, withTemplate: template) ?? ""
        let languages = PortalLanguage.allCases.map { LanguageLink(tag: $0.rawValue, name: $0.autonym, current: $0 == frame.language) }
        let layout = LayoutModel(lang: frame.language.rawValue, dir: frame.language.direction, title: title,
                                 workspaceTitle: frame.workspaceTitle, signedIn: frame.csrf != nil, csrf: frame.csrf ?? "", body: body,
                                 t: frame.language.strings, languages: languages)
        return library.render(layout, withTemplate: "layout") ?? ""
    }

    /// What every page's frame shows.
    struct Frame: Sendable {
        var workspaceTitle: String
        /// The signed-in holder's CSRF token (nil: nobody is signed in).
        var csrf: String?
        /// The `lang` of the page: the language its interface strings are in.
        var language = PortalLanguage.en
    }

    /// An entry of the language menu: each language named in itself.
    struct LanguageLink {
        var tag: String
        var name: String
        var current: Bool
    }

    struct LayoutModel {
        var lang: String
        var dir: String
        var title: String
        var workspaceTitle: String
        var signedIn: Bool
        var csrf: String
        var body: String
        var t: [String: String]
        var languages: [LanguageLink]
    }

    struct MessageModel {
        var heading: String
        var text: String
        var fix: String?
        var back: String?
    }
}
