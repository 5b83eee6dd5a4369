import Crypto
import DraftFlow
import Foundation

/// Who may sign in to the portal: `Portal/access.json`, a committed record holding only the
/// SHA-256 of each personal link's secret, never the secret itself.
///
/// ```json
/// {
///   "tokens" : [
///     { "expires" : "2020-03-01T23:59:59+01:00", "holder" : "CAN", "issued" : "2020-02-14T10:00:00+01:00",
///       "sha256" : "9f86d0…" }
///   ]
/// }
/// ```
/// `holder` is a member code or `secretariat`; `revoked` is set when the link was ended.
public struct PortalTokens: Codable, Equatable, Sendable {
    public static let path = "Portal/access.json"
    /// The holder name of the secretariat's own links (member codes are uppercase, so never this).
    public static let secretariat = "secretariat"

    public struct Token: Codable, Equatable, Sendable {
        public var holder: String
        /// Lowercase hex SHA-256 of the secret's UTF-8 bytes.
        public var sha256: String
        public var issued: Date
        public var expires: Date?
        public var revoked: Date?

        public init(holder: String, sha256: String, issued: Date, expires: Date? = nil, revoked: Date? = nil) {
            self.holder = holder
            self.sha256 = sha256
            self.issued = issued
            self.expires = expires
            self.revoked = revoked
        }

        /// Usable at `now`: not revoked, not expired (the whole expiry second counts).
        public func isLive(at now: Date) -> Bool {
            if let revoked, revoked <= now { return false }
            if let expires, !Deadline.isOnTime(now, close: expires) { return false }
            return true
        }
    }

    public var tokens: [Token]

    public init(tokens: [Token] = []) {
        self.tokens = tokens
    }

    /// The SHA-256 of `secret` as stored.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A new secret: 32 random bytes from the system's generator, base64url without padding (43
    /// characters, safe in a URL path).
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The token `secret` is, when the record holds it.
    public func token(forSecret secret: String) -> Token? {
        let hash = Self.hash(secret)
        return tokens.first { $0.sha256 == hash }
    }
}
