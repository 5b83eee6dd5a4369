import DraftFlow
import DraftFlowGit
import DraftFlowPortal
import Foundation
import Testing
import TestSupport

/// A member's way through the portal, on the real server over loopback.
@Suite(.serialized) struct MemberPortalTests {
    @Test func aMemberSignsInCommentsOnAParagraphAndSeesTheReceipt() async throws {
        let harness = try PortalHarness()
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }

        let signIn = try await harness.http.get("/signin/\(secret)")
        #expect(signIn.status == 303)
        #expect(signIn.headers["location"] == "/member/CAN")
        #expect(signIn.headers["set-cookie"] == "draftflow_session=\(secret); Path=/; HttpOnly; SameSite=Strict")
        let cookie = "draftflow_session=\(secret)"

        let page = try await harness.http.get("/member/CAN", cookie: cookie)
        #expect(page.status == 200)
        #expect(page.body.contains("<p><span class=\"num\">2.3</span> Connectivity remains a challenge in the least developed countries.</p>"))
        #expect(page.body.contains("<p>Closes <strong><bdi>1 March 2020, 23:59:59 CET (Europe/Zurich)</bdi></strong> (Geneva time, <bdi>Europe/Zurich</bdi>).</p>"))
        #expect(page.body.contains("<time datetime=\"2020-03-01T22:59:59Z\" data-now=\"2020-02-20T09:00:00Z\" data-closed-text=\"the round has closed\" data-day=\"d\" data-countdown>"))
        let csrf = try #require(PortalHarness.csrf(in: page.body))

        harness.clock.now = try PortalHarness.date("2020-02-27T17:42:00+01:00")
        let posted = try await harness.http.post("/member/CAN/comments", cookie: cookie, form: [
            ("csrf", csrf), ("paragraph", "2.3"), ("type", "technical"), ("comment", "Name the landlocked countries too."),
            ("proposed", "Connectivity remains a major challenge in the least developed and landlocked developing countries."),
        ])
        #expect(posted.status == 303)
        #expect(posted.headers["location"] == "/member/CAN?recorded=1")

        // Recorded by the same use case as `draftflow comment`: authored by CAN, received at the server's instant.
        let submissions = try RecordReader.submissions(round: "draft-1", in: harness.context().store.snapshot())
        #expect(submissions.count == 1)
        let comment = try #require(submissions.first?.comments.first)
        #expect(comment.id == "CAN-1")
        #expect(comment.anchor == .paragraph("2.3"))
        #expect(comment.type == .technical)
        #expect(comment.text == "Name the landlocked countries too.")
        #expect(comment.proposedChange == "Connectivity remains a major challenge in the least developed and landlocked developing countries.")
        #expect(InstantFormat.iso(try #require(submissions.first?.received), in: PortalHarness.zone) == "2020-02-27T17:42:00+01:00")
        #expect(try gitOutput(["log", "-1", "--format=%an <%ae> %ad", "--date=iso-strict"], in: harness.folder)
            == "Canada <can@example.org> 2020-02-27T17:42:00+01:00\n")
        #expect(try git(["fsck", "--strict"], in: harness.folder).status == 0)

        let after = try await harness.http.get("/member/CAN?recorded=1", cookie: cookie)
        #expect(after.body.contains("<p class=\"notice\" role=\"status\">Recorded: submission 1. Its receipt is listed below.</p>"))
        #expect(after.body.contains("<a href=\"/member/CAN/receipts/draft-1/1\">Receipt draft-1/CAN/1</a>"))
        #expect(after.body.contains("<li><span class=\"id\">CAN-1</span> on <bdi>2.3</bdi> (technical): <span class=\"text\" dir=\"auto\">Name the landlocked countries too.</span>"))

        let receipt = try await harness.http.get("/member/CAN/receipts/draft-1/1", cookie: cookie)
        #expect(receipt.status == 200)
        #expect(receipt.body.contains("<h1>Receipt: ITU Council input to the 2020 HLPF</h1>"))
        #expect(receipt.body.contains("<tr><td>CAN-1</td><td>2.3</td><td>technical</td></tr>"))
    }

    @Test func aSecondCommentKeepsTheFirstAndAnEditedCopyKeepsBoth() async throws {
        let harness = try PortalHarness()
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }
        let (cookie, csrf) = try await harness.signInForForms(secret, page: "/member/CAN")

        _ = try await harness.http.post("/member/CAN/comments", cookie: cookie, form: [
            ("csrf", csrf), ("paragraph", "2.3"), ("type", "editorial"), ("comment", "Say \"major\"."),
            ("proposed", "Connectivity remains a challenge in the least developed countries."),
        ])
        let second = try await harness.http.post("/member/CAN/comments", cookie: cookie, form: [
            ("csrf", csrf), ("paragraph", "general"), ("type", "general"), ("comment", "Canada welcomes Draft 1,\r\nwith thanks."),
        ])
        #expect(second.headers["location"] == "/member/CAN?recorded=2")
        let copy = PortalHarness.draft.replacingOccurrences(of: "is a key enabler", with: "is the key enabler")
        let uploaded = try await harness.http.upload("/member/CAN/upload", cookie: cookie, fields: [("csrf", csrf), ("kind", "copy")],
                                                     fileName: "draft-1-canada.md", file: Data(copy.utf8))
        #expect(uploaded.status == 303)
        #expect(uploaded.headers["location"] == "/member/CAN?recorded=3")

        let snapshot = try harness.context().store.snapshot()
        let current = try #require(RecordReader.current(try RecordReader.submissions(round: "draft-1", in: snapshot))["CAN"])
        #expect(current.number == 3)
        // The unchanged paragraph text sent with the first comment proposes nothing.
        #expect(current.comments.map { "\($0.id) \($0.anchor) \($0.text) \($0.proposedChange ?? "-")" }
            == ["CAN-1 2.3 Say \"major\". -", "CAN-2 general Canada welcomes Draft 1,\nwith thanks. -"])
        let proposal = try #require(current.proposal)
        #expect(try snapshot.file(proposal) == Data(copy.utf8))
        #expect(try git(["fsck", "--strict"], in: harness.folder).status == 0)
    }

    @Test func afterTheCloseTheFormsAreGoneAndAPostIsRefused() async throws {
        let harness = try PortalHarness()
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }
        let (cookie, csrf) = try await harness.signInForForms(secret, page: "/member/CAN")
        harness.clock.now = try PortalHarness.date("2020-03-02T08:00:00+01:00")
        let head = try harness.head()

        let page = try await harness.http.get("/member/CAN", cookie: cookie)
        #expect(page.body.contains("<strong>The round is closed.</strong> Nothing sent here now is recorded: the secretariat decides on late submissions, which it records marked late (write to it with the reason for the delay)."))
        #expect(!page.body.contains("action=\"/member/CAN/comments\""))
        let posted = try await harness.http.post("/member/CAN/comments", cookie: cookie, form: [
            ("csrf", csrf), ("paragraph", "2.3"), ("type", "general"), ("comment", "Late."),
        ])
        #expect(posted.status == 409)
        #expect(posted.body.contains("round draft-1 closed 1 March 2020, 23:59:59 CET (Europe/Zurich) (1 March 2020, 22:59:59 UTC); this submission was received 2 March 2020, 08:00:00 CET (Europe/Zurich), which is late"))
        #expect(try harness.head() == head)
    }

    @Test func aSilenceReplyAsksForConfirmationFirst() async throws {
        let harness = try PortalHarness(kind: .silence)
        let secret = try harness.invite("USA")
        try await harness.start()
        defer { harness.stop() }
        let cookie = try await harness.signIn(secret)
        let page = try await harness.http.get("/member/USA", cookie: cookie)
        let csrf = try #require(PortalHarness.csrf(in: page.body))
        #expect(page.body.contains("<button type=\"submit\">Confirm no objection…</button>"))
        let head = try harness.head()

        let asked = try await harness.http.post("/member/USA/silence", cookie: cookie, form: [("csrf", csrf), ("reply", "no-objection")])
        #expect(asked.status == 200)
        #expect(asked.body.contains("<h1>Confirm that you have no objection?</h1>"))
        #expect(try harness.head() == head)

        let confirmed = try await harness.http.post("/member/USA/silence", cookie: cookie,
                                                    form: [("csrf", csrf), ("reply", "no-objection"), ("confirm", "yes")])
        #expect(confirmed.headers["location"] == "/member/USA?recorded=1")
        let status = try Reports(harness.context()).status()
        #expect(status.round?.confirmations?.map(\.member) == ["USA"])
        #expect(status.round?.silence == .kept)
    }
}
