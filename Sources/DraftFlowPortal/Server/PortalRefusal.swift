import DraftFlow
import Hummingbird

/// A request the portal answers with an error page: the status, and what to tell the reader,
/// in the reader's language where the portal wrote the words.
struct PortalRefusal: Error {
    var status: HTTPResponse.Status
    var heading: Phrase
    var text: Phrase
    var fix: Phrase?

    /// Words of the interface (a key of `PortalStrings`), or words written elsewhere (a use case's
    /// message, shown as it is).
    enum Phrase: Sendable {
        case key(String)
        case literal(String)

        func text(in strings: [String: String]) -> String {
            switch self {
            case .key(let key): strings[key] ?? PortalStrings.english[key] ?? key
            case .literal(let text): text
            }
        }
    }

    /// A refusal whose three parts are the interface strings `<name>.heading`, `<name>.text` and
    /// (when `fix`) `<name>.fix`.
    init(status: HTTPResponse.Status, named name: String, fix: Bool = true) {
        self.init(status: status, heading: .key(name + ".heading"), text: .key(name + ".text"), fix: fix ? .key(name + ".fix") : nil)
    }

    init(status: HTTPResponse.Status, heading: Phrase, text: Phrase, fix: Phrase?) {
        self.status = status
        self.heading = heading
        self.text = text
        self.fix = fix
    }

    /// A form the portal could not take: nothing was recorded.
    static func unrecorded(_ name: String, fix: Bool = true) -> PortalRefusal {
        PortalRefusal(status: .badRequest, heading: .key("nothingRecorded"), text: .key(name + ".text"), fix: fix ? .key(name + ".fix") : nil)
    }

    static let notFound = PortalRefusal(status: .notFound, named: "notFound", fix: false)
    static let signIn = PortalRefusal(status: .forbidden, named: "signIn")
    static let badLink = PortalRefusal(status: .forbidden, named: "badLink")
    static let csrf = PortalRefusal(status: .forbidden, named: "csrf")
    static let tooLarge = PortalRefusal(status: .contentTooLarge, named: "tooLarge")
    static let tooMany = PortalRefusal(status: .tooManyRequests, named: "tooMany")

    /// The page for an error of the use cases: what the CLI would print, escaped on the page.
    static func from(_ error: DraftFlowError) -> PortalRefusal {
        let status: HTTPResponse.Status
        switch error.kind {
        case .invalidInput: status = .badRequest
        case .refused, .conflict: status = .conflict
        case .workspace, .storage: status = .internalServerError
        }
        return PortalRefusal(status: status, heading: .key("nothingRecorded"), text: .literal(error.message), fix: error.fix.map { .literal($0) })
    }
}
