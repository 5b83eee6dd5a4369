import DraftFlow
import DraftFlowGit
import DraftFlowPortal
import Foundation
import Testing
import TestSupport

/// The security rules of the portal, each checked on the real server over loopback.
@Suite(.serialized) struct PortalSecurityTests {
    /// Every route that reads or writes a member's data, as member A would try it on member B.
    static func memberRoutes(_ code: String) -> [(method: String, path: String)] {
        [("GET", "/member/\(code)"), ("POST", "/member/\(code)/comments"), ("POST", "/member/\(code)/upload"),
         ("POST", "/member/\(code)/silence"), ("GET", "/member/\(code)/receipts/draft-1/1")]
    }

    static let secretariatRoutes = ["/secretariat", "/secretariat/compilation", "/secretariat/collisions", "/secretariat/dispositions", "/secretariat/packet"]

    @Test func memberACannotReadOrWriteMemberBsDataOnAnyRoute() async throws {
        let harness = try PortalHarness()
        let canada = try harness.invite("CAN")
        let usa = try harness.invite("USA")
        try await harness.start()
        defer { harness.stop() }
        let usaCookie = try await harness.signIn(usa)
        let usaCSRF = try #require(PortalHarness.csrf(in: try await harness.http.get("/member/USA", cookie: usaCookie).body))
        let posted = try await harness.http.post("/member/USA/comments", cookie: usaCookie,
                                                 form: [("csrf", usaCSRF), ("paragraph", "2.1"), ("type", "general"), ("comment", "USA's own.")])
        #expect(posted.status == 303)
        let canCookie = try await harness.signIn(canada)
        let canCSRF = try #require(PortalHarness.csrf(in: try await harness.http.get("/member/CAN", cookie: canCookie).body))
        let head = try harness.head()

        for route in Self.memberRoutes("USA") {
            let answer: PlainHTTP.Answer
            if route.method == "GET" {
                answer = try await harness.http.get(route.path, cookie: canCookie)
            } else if route.path.hasSuffix("/upload") {
                answer = try await harness.http.upload(route.path, cookie: canCookie, fields: [("csrf", canCSRF), ("kind", "copy")],
                                                       fileName: "x.md", file: Data(PortalHarness.draft.utf8))
            } else {
                answer = try await harness.http.post(route.path, cookie: canCookie, form: [
                    ("csrf", canCSRF), ("paragraph", "2.1"), ("type", "general"), ("comment", "Written as USA?"),
                    ("reply", "no-objection"), ("confirm", "yes"),
                ])
            }
            #expect(answer.status == 404, "\(route.method) \(route.path)")
            #expect(!answer.body.contains("USA's own."), "\(route.method) \(route.path)")
        }
        for path in Self.secretariatRoutes {
            #expect(try await harness.http.get(path, cookie: canCookie).status == 404, "\(path)")
        }
        // The receipt route takes the member from the session, never from the address.
        #expect(try await harness.http.get("/member/CAN/receipts/draft-1/1", cookie: canCookie).status == 404)
        #expect(try harness.head() == head)
    }

    @Test func withoutASessionEveryRouteAsksForTheLink() async throws {
        let harness = try PortalHarness()
        try await harness.start()
        defer { harness.stop() }
        for route in Self.memberRoutes("CAN") {
            let answer = route.method == "GET" ? try await harness.http.get(route.path)
                : try await harness.http.post(route.path, cookie: nil, form: [("comment", "x")])
            #expect(answer.status == 403, "\(route.method) \(route.path)")
            #expect(answer.body.contains("<p class=\"message\">This page needs your personal link to the portal.</p>"))
        }
        for path in Self.secretariatRoutes {
            #expect(try await harness.http.get(path, cookie: "draftflow_session=not-a-real-secret").status == 403, "\(path)")
        }
    }

    @Test func aMissingOrWrongCSRFTokenIsRefused() async throws {
        let harness = try PortalHarness()
        let canada = try harness.invite("CAN")
        let usa = try harness.invite("USA")
        try await harness.start()
        defer { harness.stop() }
        let usaCSRF = try #require(PortalHarness.csrf(in: try await harness.http.get("/member/USA", cookie: try await harness.signIn(usa)).body))
        let cookie = try await harness.signIn(canada)
        let head = try harness.head()
        let comment = [("paragraph", "2.3"), ("type", "general"), ("comment", "Forged.")]
        for csrf in [nil, "", "0000", usaCSRF] {
            let form = (csrf.map { [("csrf", $0)] } ?? []) + comment
            let answer = try await harness.http.post("/member/CAN/comments", cookie: cookie, form: form)
            #expect(answer.status == 403, "csrf \(csrf ?? "missing")")
            #expect(answer.body.contains("<h1>The form has expired</h1>"))
            let upload = try await harness.http.upload("/member/CAN/upload", cookie: cookie, fields: csrf.map { [("csrf", $0)] } ?? [],
                                                       fileName: "copy.md", file: Data(PortalHarness.draft.utf8))
            #expect(upload.status == 403, "upload, csrf \(csrf ?? "missing")")
            let silence = try await harness.http.post("/member/CAN/silence", cookie: cookie,
                                                      form: (csrf.map { [("csrf", $0)] } ?? []) + [("reply", "object"), ("confirm", "yes")])
            #expect(silence.status == 403, "silence, csrf \(csrf ?? "missing")")
        }
        #expect(try harness.head() == head)
    }

    @Test func hostileCommentTextRendersInert() async throws {
        let harness = try PortalHarness()
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }
        let (cookie, csrf) = try await harness.signInForForms(secret, page: "/member/CAN")
        let hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">see</a> <\u{301}script>"
        let posted = try await harness.http.post("/member/CAN/comments", cookie: cookie, form: [
            ("csrf", csrf), ("paragraph", "2.3"), ("type", "general"), ("comment", hostile), ("proposed", "\"><script>alert(4)</script>"),
        ])
        #expect(posted.status == 303)
        let page = try await harness.http.get("/member/CAN", cookie: cookie)
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; &lt;a href=&quot;javascript:alert(3)&quot;&gt;see&lt;/a&gt; &lt;\u{301}script&gt;"
        #expect(page.body.contains("<li><span class=\"id\">CAN-1</span> on <bdi>2.3</bdi> (general): <span class=\"text\" dir=\"auto\">\(escaped)</span><br>Proposed: <span class=\"text\" dir=\"auto\">&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;</span>"))
        #expect(!page.body.contains("<script>alert"))
        #expect(!page.body.contains("<img"))
        #expect(!page.body.contains("href=\"javascript:"))
        #expect(page.headers["content-security-policy"]
            == "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        #expect(page.headers["x-content-type-options"] == "nosniff")
        #expect(page.headers["x-frame-options"] == "DENY")
        #expect(page.headers["referrer-policy"] == "no-referrer")
    }

    @Test func anExpiredLinkAndARevokedLinkAreRefused() async throws {
        let harness = try PortalHarness()
        let expiring = try harness.invite("CAN", expires: try PortalHarness.date("2020-02-25T23:59:59+01:00"))
        let revoked = try harness.invite("USA")
        try await harness.start()
        defer { harness.stop() }
        let canCookie = try await harness.signIn(expiring)
        let usaCookie = try await harness.signIn(revoked)
        #expect(try await harness.http.get("/member/CAN", cookie: canCookie).status == 200)

        harness.clock.now = try PortalHarness.date("2020-02-26T00:00:00+01:00")
        #expect(try PortalAccess(harness.context()).revoke(code: "USA") == 1)
        for (secret, cookie, code) in [(expiring, canCookie, "CAN"), (revoked, usaCookie, "USA")] {
            let link = try await harness.http.get("/signin/\(secret)")
            #expect(link.status == 403)
            #expect(link.headers["set-cookie"] == nil)
            #expect(link.body.contains("<p class=\"message\">The link has expired, was revoked, or was never issued.</p>"))
            // A browser signed in before keeps nothing: the session is the link.
            #expect(try await harness.http.get("/member/\(code)", cookie: cookie).status == 403)
        }
    }

    @Test func anUploadOver10MiBIsRefusedWithNothingWritten() async throws {
        let harness = try PortalHarness()
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }
        let (cookie, csrf) = try await harness.signInForForms(secret, page: "/member/CAN")
        let head = try harness.head()
        let big = Data(repeating: UInt8(ascii: "a"), count: 11 * 1024 * 1024)
        let answer = try await harness.http.upload("/member/CAN/upload", cookie: cookie, fields: [("csrf", csrf), ("kind", "copy")],
                                                   fileName: "big.md", file: big)
        #expect(answer.status == 413)
        #expect(answer.body.contains("<p class=\"message\">Files of at most 10 MiB are accepted: nothing was recorded.</p>"))
        #expect(try harness.head() == head)
        #expect(try gitOutput(["status", "--porcelain"], in: harness.folder) == "")
    }

    @Test func onlyTheHashOfALinkIsStoredAndNoSecretIsLogged() async throws {
        let harness = try PortalHarness()
        let secret = try harness.invite("CAN")
        #expect(secret.count == 43)
        try await harness.start()
        defer { harness.stop() }
        let (cookie, csrf) = try await harness.signInForForms(secret, page: "/member/CAN")
        _ = try await harness.http.post("/member/CAN/comments", cookie: cookie, form: [("csrf", csrf), ("paragraph", "general"), ("type", "general"), ("comment", "Fine.")])
        _ = try await harness.http.get("/signin/\(secret)x")

        let record = try gitOutput(["show", "HEAD:Portal/access.json"], in: harness.folder)
        #expect(record.contains("\"sha256\" : \"\(PortalTokens.hash(secret))\""))
        let history = try gitOutput(["log", "-p", "--all"], in: harness.folder)
        #expect(!history.contains(secret))
        let logs = harness.logs.all
        #expect(logs.contains("info request method=GET ms=\(Self.milliseconds(in: logs, route: "/signin/{secret}")) route=/signin/{secret} status=303"))
        #expect(logs.contains { $0.hasPrefix("info write: recorded action=comment comments=1 commit=") && $0.hasSuffix(" member=CAN round=draft-1 submission=1") })
        #expect(!logs.contains { $0.contains(secret) || $0.contains(csrf) })
    }

    @Test func aLinkOverItsRateLimitIsRefusedAndAnotherLinkIsNot() async throws {
        let harness = try PortalHarness()
        let canada = try harness.invite("CAN")
        let usa = try harness.invite("USA")
        try await harness.start(requestsPerMinute: 3)
        defer { harness.stop() }
        let cookie = try await harness.signIn(canada)
        var statuses: [Int] = []
        for _ in 0..<4 { statuses.append(try await harness.http.get("/member/CAN", cookie: cookie).status) }
        #expect(statuses == [200, 200, 200, 429])
        #expect(try await harness.http.get("/member/USA", cookie: try await harness.signIn(usa)).status == 200)
    }

    /// The duration a logged request of `route` took, as logged.
    static func milliseconds(in logs: [String], route: String) -> String {
        let line = logs.first { $0.contains("route=\(route) ") } ?? ""
        return line.components(separatedBy: " ms=").dropFirst().first?.components(separatedBy: " ").first ?? "?"
    }
}
