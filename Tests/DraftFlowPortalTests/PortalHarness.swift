import DraftFlow
import DraftFlowGit
import DraftFlowPortal
import Foundation
import Logging
import TestSupport

/// The server's clock in a test: set by the test, read by every request.
final class TestClock: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var value: Date

    init(_ date: Date) { value = date }

    var now: Date {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}

/// Every line the portal logged, to check that no secret is ever in one.
final class LogLines: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

struct CollectingLogHandler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        lines.append("\(event.level) \(event.message) " + merged.keys.sorted().map { "\($0)=\(merged[$0]!)" }.joined(separator: " "))
    }
}

/// A workspace with Draft 1 under comment (round draft-1, closing 1 March 2020 in Geneva),
/// members CAN and USA, and the portal serving it on a free loopback port.
final class PortalHarness: @unchecked Sendable {
    static let zone = TimeZone(identifier: "Europe/Zurich")!
    static let draft = """
    # ITU Council input to the 2020 HLPF

    ## 1 Introduction

    1.1 The ITU Council welcomes the theme of the 2020 HLPF.

    ## 2 ITU's work

    2.1 ITU contributes to the Sustainable Development Goals.

    2.2 Broadband is a key enabler of development.

    2.3 Connectivity remains a challenge in the least developed countries.

    """

    let scratch: ScratchDirectory
    let clock: TestClock
    let logs = LogLines()
    private(set) var port = 0
    private var task: Task<Void, any Error>?

    var folder: URL { scratch.url }
    var http: PlainHTTP { PlainHTTP(port: port) }

    static func date(_ text: String) throws -> Date { try Deadline.parseInstant(text, timeZone: zone) }

    /// With `languageVersions` (language → text), each is written as `Drafts/outline.<language>.md`
    /// before Draft 1 is published, so the version holds it.
    init(kind: RoundKind = .comments, visible: Bool = false, languageVersions: [String: String] = [:]) throws {
        scratch = try ScratchDirectory("portal", create: false)
        clock = TestClock(try Self.date("2020-02-20T10:00:00+01:00"))
        let change = try WorkspaceSetup.initialChange(title: "ITU Council input to the 2020 HLPF", documentName: "outline.md",
                                                      document: Data(Self.draft.utf8), timezone: "Europe/Zurich",
                                                      secretariat: Secretariat(name: "ITU secretariat", email: "s@example.org"),
                                                      now: try Self.date("2020-02-07T17:00:00+01:00"))
        let store = try GitWorkspaceStore.create(at: scratch.url, first: change)
        let setup = DraftingContext(store: store, now: try Self.date("2020-02-14T10:00:00+01:00"))
        _ = try Membership(setup).add(code: "CAN", name: "Canada", email: "can@example.org")
        _ = try Membership(setup).add(code: "USA", name: "United States", email: nil)
        for (language, text) in languageVersions {
            try Data(text.utf8).write(to: scratch.url.appendingPathComponent("Drafts/outline.\(language).md"))
        }
        _ = try Publishing(setup).publish(label: "draft-1", note: nil)
        _ = try Rounds(setup).open(on: "draft-1", closes: "2020-03-01", kind: kind, name: "draft-1", visible: visible)
    }

    /// The workspace as the CLI would see it at the server's instant.
    func context() throws -> DraftingContext {
        DraftingContext(store: try GitWorkspaceStore.open(containing: folder), now: clock.now)
    }

    /// Issues a link and returns its secret.
    func invite(_ code: String?, expires: Date? = nil) throws -> String {
        try PortalAccess(context()).invite(code: code, expires: expires).secret
    }

    /// Starts the server; `document` is what `serve --document` names.
    func start(requestsPerMinute: Int = 600, document: String? = nil) async throws {
        let clock = clock
        var configuration = PortalConfiguration(workspace: folder, host: "127.0.0.1", port: 0, now: { clock.now },
                                                requestsPerMinute: requestsPerMinute)
        configuration.document = document
        let lines = logs
        let portal = try Portal(configuration, logger: Logger(label: "test") { _ in CollectingLogHandler(lines: lines) })
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        task = Task { try await portal.run { port in continuation.yield(port) } }
        var iterator = stream.makeAsyncIterator()
        port = await iterator.next() ?? 0
    }

    /// Stops the server: its task is cancelled, which shuts it down (called from `defer`).
    func stop() {
        task?.cancel()
    }

    /// Signs in with `secret` and returns the cookie to send.
    func signIn(_ secret: String) async throws -> String {
        let answer = try await http.get("/signin/\(secret)")
        guard answer.status == 303, let cookie = answer.headers["set-cookie"]?.split(separator: ";").first else {
            throw PlainHTTP.Failure(description: "sign-in answered \(answer.status)")
        }
        return String(cookie)
    }

    /// Signs in with `secret` and reads `page`'s CSRF token: what a test needs to post a form.
    func signInForForms(_ secret: String, page: String) async throws -> (cookie: String, csrf: String) {
        let cookie = try await signIn(secret)
        let body = try await http.get(page, cookie: cookie).body
        guard let csrf = Self.csrf(in: body) else { throw PlainHTTP.Failure(description: "\(page) has no form with a CSRF token") }
        return (cookie, csrf)
    }

    /// The CSRF token in a page's forms.
    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    func head() throws -> String { try gitOutput(["rev-parse", "HEAD"], in: folder) }
}
