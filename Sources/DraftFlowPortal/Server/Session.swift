import Crypto
import DraftFlow
import Foundation
import Hummingbird

/// A signed-in holder: the session cookie carries the link's secret (HttpOnly, SameSite=Strict),
/// checked against the access record on every request, so a revocation or an expiry takes effect
/// at once. The CSRF token of every form is derived from the secret (HMAC-SHA256), so it cannot be
/// guessed by another site and needs no server-side state.
struct Session: Sendable {
    static let cookie = "draftflow_session"

    let holder: PortalHolder
    let secret: String

    var csrf: String { Self.csrf(for: secret) }

    /// A short, non-secret name of the session for logs and rate limits.
    var logName: String {
        switch holder {
        case .member(let member): return member.code
        case .secretariat: return PortalTokens.secretariat
        }
    }

    static func csrf(for secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("draftflow-portal-csrf".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(code).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `given` is this session's CSRF token (compared in constant time).
    func acceptsCSRF(_ given: String?) -> Bool {
        guard let given else { return false }
        let expected = Array(csrf.utf8)
        let actual = Array(given.utf8)
        guard expected.count == actual.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(expected, actual) { difference |= left ^ right }
        return difference == 0
    }

    /// The secret in the request's session cookie, if any.
    static func secret(in request: Request) -> String? {
        guard let value = request.cookies[cookie]?.value, !value.isEmpty, value.count <= 128,
              value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        return value
    }

    /// The session the request's cookie opens at the tip, now; nil without a live one.
    static func open(_ request: Request, workspace: PortalWorkspace) async throws -> Session? {
        guard let secret = secret(in: request) else { return nil }
        let holder = try await workspace.run { context in try PortalAccess(context).holder(ofSecret: secret) }
        return holder.map { Session(holder: $0, secret: secret) }
    }

    /// The `Set-Cookie` value that signs a browser in with `secret`.
    static func setCookie(_ secret: String, secure: Bool) -> String {
        "\(cookie)=\(secret); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that signs a browser out.
    static func clearCookie(secure: Bool) -> String {
        "\(cookie)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }
}

/// Requests per minute for each holder; the window restarts each minute.
actor RateLimiter {
    private let limit: Int
    private var windows: [String: (start: ContinuousClock.Instant, count: Int)] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts one request of `key`; false when it is over the limit.
    func admit(_ key: String) -> Bool {
        let now = ContinuousClock.now
        var window = windows[key] ?? (now, 0)
        if now - window.start >= .seconds(60) { window = (now, 0) }
        window.count += 1
        windows[key] = window
        if windows.count > 10_000 { windows = windows.filter { now - $0.value.start < .seconds(60) } }
        return window.count <= limit
    }
}
