import DraftFlow
import Hummingbird

/// A request the portal answers with an error page: the status, and what to tell the reader.
struct PortalRefusal: Error {
    var status: HTTPResponse.Status
    var heading: String
    var text: String
    var fix: String?

    static let notFound = PortalRefusal(status: .notFound, heading: "Not found", text: "There is no such page.", fix: nil)
    static let signIn = PortalRefusal(status: .forbidden, heading: "Sign in",
                                      text: "This page needs your personal link to the portal.",
                                      fix: "Open the link the secretariat sent you; ask the secretariat for a new one if it has expired.")
    static let badLink = PortalRefusal(status: .forbidden, heading: "This link does not open the portal",
                                       text: "The link has expired, was revoked, or was never issued.",
                                       fix: "Ask the secretariat for a new personal link.")
    static let csrf = PortalRefusal(status: .forbidden, heading: "The form has expired",
                                    text: "The form was not sent from this portal's page, or your session changed: nothing was recorded.",
                                    fix: "Go back, reload the page and send the form again.")
    static let tooLarge = PortalRefusal(status: .contentTooLarge, heading: "The file is too large",
                                        text: "Files of at most 10 MiB are accepted: nothing was recorded.",
                                        fix: "Send a smaller file (save it as plain text or without images).")
    static let tooMany = PortalRefusal(status: .tooManyRequests, heading: "Too many requests",
                                       text: "This link has made too many requests in the last minute.", fix: "Wait a minute and try again.")

    /// The page for an error of the use cases: what the CLI would print, escaped on the page.
    static func from(_ error: DraftFlowError) -> PortalRefusal {
        let status: HTTPResponse.Status
        switch error.kind {
        case .invalidInput: status = .badRequest
        case .refused, .conflict: status = .conflict
        case .workspace, .storage: status = .internalServerError
        }
        return PortalRefusal(status: status, heading: "Nothing was recorded", text: error.message, fix: error.fix)
    }
}
