import DraftFlow
import DraftFlowGit
import DraftFlowPortal
import Foundation
import Testing
import TestSupport

/// The secretariat's dashboard, and what the member sees once the comments are decided.
@Suite(.serialized) struct SecretariatPortalTests {
    @Test func theDashboardShowsWhoRespondedAndTheMemberSeesTheDisposition() async throws {
        let harness = try PortalHarness()
        let canada = try harness.invite("CAN")
        let secretariat = try harness.invite(nil)
        try await harness.start()
        defer { harness.stop() }
        let (cookie, csrf) = try await harness.signInForForms(canada, page: "/member/CAN")
        harness.clock.now = try PortalHarness.date("2020-02-27T17:42:00+01:00")
        _ = try await harness.http.post("/member/CAN/comments", cookie: cookie, form: [
            ("csrf", csrf), ("paragraph", "2.3"), ("type", "technical"), ("comment", "Say major."),
            ("proposed", "Connectivity remains a major challenge in the least developed countries."),
        ])

        let signIn = try await harness.http.get("/signin/\(secretariat)")
        #expect(signIn.headers["location"] == "/secretariat")
        let office = "draftflow_session=\(secretariat)"
        let dashboard = try await harness.http.get("/secretariat", cookie: office)
        #expect(dashboard.status == 200)
        #expect(dashboard.body.contains("<p>1 of 2 members responded; 0 late; 1 not heard from.</p>"))
        #expect(dashboard.body.contains("<tr class=\"received\"><td>CAN</td><td>Canada</td><td>responded</td><td>27 February 2020, 17:42:00 CET (Europe/Zurich)</td><td>1</td><td>no</td></tr>"))
        #expect(dashboard.body.contains("<tr class=\"none\"><td>USA</td><td>United States</td><td>not heard from</td><td></td><td>0</td><td>no</td></tr>"))
        #expect(dashboard.body.contains("Time left: <time datetime=\"2020-03-01T22:59:59Z\" data-now=\"2020-02-27T16:42:00Z\" data-closed-text=\"the round has closed\" data-day=\"d\" data-countdown>3 days 6 hours</time>"))
        #expect(try await harness.http.get("/member/CAN", cookie: office).status == 404)

        // The secretariat merges and decides in the command-line tool's use cases.
        harness.clock.now = try PortalHarness.date("2020-03-02T09:00:00+01:00")
        _ = try MergeDesk(harness.context()).merge(round: nil)
        _ = try DispositionDesk(harness.context()).dispose(comment: "CAN-1", decision: .accepted, text: nil, note: "Agreed by the group.", round: nil)
        let compilation = try await harness.http.get("/secretariat/compilation", cookie: office)
        #expect(compilation.status == 200)
        let dispositions = try await harness.http.get("/secretariat/dispositions", cookie: office)
        #expect(dispositions.body.contains("| CAN-1 | Canada (CAN) |"))
        let packet = try await harness.http.get("/secretariat/packet", cookie: office)
        #expect(packet.headers["content-disposition"] == "attachment; filename=\"packet.html\"")

        let page = try await harness.http.get("/member/CAN", cookie: cookie)
        #expect(page.body.contains("<br>Disposition: <strong>Accepted</strong>: Agreed by the group.</li>"))
    }
}
