import Foundation

/// How `draftflow serve` runs.
public struct PortalConfiguration: Sendable {
    /// A folder inside the workspace.
    public var workspace: URL
    public var host: String
    /// 0 picks a free port (tests); the port bound is passed to `onRunning`.
    public var port: Int
    /// Mark the session cookie `Secure` (behind HTTPS). Requests that came through a proxy with
    /// `X-Forwarded-Proto: https` get it anyway.
    public var secureCookies: Bool
    /// The current instant, read for every request: the clock, or DRAFTFLOW_NOW in tests.
    public var now: @Sendable () throws -> Date
    /// The largest file a member may upload.
    public var maximumUpload: Int
    /// Requests one holder may make per minute (a link's holder, or an address without one).
    public var requestsPerMinute: Int
    /// The document served, in a workspace of several (`serve --document`); nil: the only one.
    public var document: String?

    public init(workspace: URL, host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
                now: @escaping @Sendable () throws -> Date, maximumUpload: Int = 10 * 1024 * 1024, requestsPerMinute: Int = 600) {
        self.workspace = workspace
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.now = now
        self.maximumUpload = maximumUpload
        self.requestsPerMinute = requestsPerMinute
    }
}
