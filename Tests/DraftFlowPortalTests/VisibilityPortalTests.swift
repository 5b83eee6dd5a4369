import DraftFlow
import DraftFlowGit
import DraftFlowPortal
import Foundation
import Testing
import TestSupport

/// Who sees what on the member page (`round open --visible`), and two posts from one member at
/// the same moment (two tabs): on the real server over loopback.
@Suite(.serialized) struct VisibilityPortalTests {
    static let hostile = "<script>alert(1)</script> Name the <img src=x onerror=alert(2)> landlocked countries."
    static let hostileEscaped = "&lt;script&gt;alert(1)&lt;/script&gt; Name the &lt;img src=x onerror=alert(2)&gt; landlocked countries."

    /// USA comments on 2.3; returns the answer.
    static func usaComments(_ harness: PortalHarness, secret: String) async throws -> PlainHTTP.Answer {
        let (cookie, csrf) = try await harness.signInForForms(secret, page: "/member/USA")
        return try await harness.http.post("/member/USA/comments", cookie: cookie, form: [
            ("csrf", csrf), ("paragraph", "2.3"), ("type", "technical"), ("comment", hostile),
            ("proposed", "Connectivity remains a major challenge in the least developed countries."),
        ])
    }

    static func workflowFile(_ harness: PortalHarness) throws -> String {
        let data = try #require(try harness.context().store.snapshot().file(Workflow.fileName))
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aVisibleRoundIsRecordedInWorkflowAndShownInStatus() throws {
        let harness = try PortalHarness(visible: true)
        let workflow = try Self.workflowFile(harness)
        #expect(workflow.contains("\n  visible: true\n"))
        #expect(workflow.contains("- draft-1: comment round on draft-1, opened 14 February 2020, 10:00:00 CET (Europe/Zurich), closes 1 March 2020, 23:59:59 CET (Europe/Zurich), submissions visible to all members\n"))
        #expect(try gitOutput(["log", "-1", "--format=%B"], in: harness.folder).contains("\n\nSubmissions are visible to all members as they arrive.\n"))
        #expect(try harness.context().workflow().round(named: "draft-1")?.visible == true)
        #expect(try Reports(harness.context()).status().round?.visible == true)

        // A round opened without it: no key in the file (files written before it still read), nil in status.
        let normal = try PortalHarness()
        let normalFile = try Self.workflowFile(normal)
        #expect(!normalFile.contains("visible"))
        #expect(try normal.context().workflow().round(named: "draft-1")?.visible == nil)
        #expect(try Reports(normal.context()).status().round?.visible == nil)

        // Decoding stays strict: a misspelt key is refused, not ignored.
        let misspelt = workflow.replacingOccurrences(of: "\n  visible: true\n", with: "\n  visibel: true\n")
        #expect(throws: DraftFlowError.self) { try WorkflowFile.parse(Data(misspelt.utf8)) }
        #expect(try WorkflowFile.parse(Data(workflow.utf8)).rounds.first?.isVisible == true)
    }

    @Test func inAVisibleRoundEveryMemberSeesAllSubmissionsAsTheyArrive() async throws {
        let harness = try PortalHarness(visible: true)
        let can = try harness.invite("CAN")
        let usa = try harness.invite("USA")
        try await harness.start()
        defer { harness.stop() }
        let cookie = try await harness.signIn(can)

        let before = try await harness.http.get("/member/CAN", cookie: cookie)
        #expect(before.body.contains("<h2 id=\"everyone-heading\">All members&#39; submissions in round draft-1</h2>"))
        #expect(before.body.contains("<p>No member has sent anything yet.</p>"))

        harness.clock.now = try PortalHarness.date("2020-02-21T11:30:00+01:00")
        let posted = try await Self.usaComments(harness, secret: usa)
        #expect(posted.headers["location"] == "/member/USA?recorded=1")

        let after = try await harness.http.get("/member/CAN", cookie: cookie)
        #expect(after.status == 200)
        #expect(!after.body.contains("<p>No member has sent anything yet.</p>"))
        #expect(after.body.contains("<h3>United States (USA), submission 1</h3>\n<p>Received <bdi>21 February 2020, 11:30:00 CET (Europe/Zurich)</bdi>. 1 comment(s).</p>"))
        #expect(after.body.contains("<li><span class=\"id\">USA-1</span> on <bdi>2.3</bdi> (technical): <span class=\"text\" dir=\"auto\">\(Self.hostileEscaped)</span><br>Proposed: <span class=\"text\" dir=\"auto\">Connectivity remains a major challenge in the least developed countries.</span></li>"))
        #expect(!after.body.contains("<script>alert(1)"))
        #expect(!after.body.contains("<img src=x"))
        // CAN's own list stays its own; USA's receipt stays USA's.
        #expect(after.body.contains("<p>Nothing from CAN is recorded yet.</p>"))
        #expect(try await harness.http.get("/member/USA/receipts/draft-1/1", cookie: cookie).status == 404)
    }

    @Test func inANormalRoundAMemberSeesOnlyItsOwnBeforeTheClose() async throws {
        let harness = try PortalHarness()
        let can = try harness.invite("CAN")
        let usa = try harness.invite("USA")
        try await harness.start()
        defer { harness.stop() }
        let posted = try await Self.usaComments(harness, secret: usa)
        #expect(posted.headers["location"] == "/member/USA?recorded=1")

        let cookie = try await harness.signIn(can)
        let page = try await harness.http.get("/member/CAN", cookie: cookie)
        #expect(page.status == 200)
        #expect(page.body.contains("<p>Nothing from CAN is recorded yet.</p>"))
        #expect(!page.body.contains("USA-1"))
        #expect(!page.body.contains("landlocked"))
        #expect(!page.body.contains("everyone-heading"))
        // USA sees its own.
        let own = try await harness.http.get("/member/USA", cookie: try await harness.signIn(usa))
        #expect(own.body.contains("<li><span class=\"id\">USA-1</span> on <bdi>2.3</bdi> (technical): <span class=\"text\" dir=\"auto\">\(Self.hostileEscaped)</span>"))
        #expect(!own.body.contains("everyone-heading"))
    }

    /// Two tabs post at the same moment from the same page: the server builds each post on the
    /// member's latest submission when its turn comes (one per member in a batch), so both are kept.
    @Test func twoPostsFromTwoTabsAtTheSameMomentLoseNoComment() async throws {
        let harness = try PortalHarness()
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }
        let cookie = try await harness.signIn(secret)
        let page = try await harness.http.get("/member/CAN", cookie: cookie)
        let csrf = try #require(PortalHarness.csrf(in: page.body))
        let http = harness.http
        func post(_ text: String) async throws -> PlainHTTP.Answer {
            try await http.post("/member/CAN/comments", cookie: cookie, form: [
                ("csrf", csrf), ("paragraph", "general"), ("type", "general"), ("comment", text),
            ])
        }
        async let first = post("From the first tab.")
        async let second = post("From the second tab & <b>bold</b>.")
        let answers = try await [first, second]
        #expect(answers.map(\.status) == [303, 303])
        let current = try #require(RecordReader.current(try RecordReader.submissions(round: "draft-1", in: harness.context().store.snapshot()))["CAN"])
        #expect(current.number == 2)
        #expect(Set(current.comments.map(\.text)) == ["From the first tab.", "From the second tab & <b>bold</b>."])
        #expect(try git(["fsck", "--strict"], in: harness.folder).status == 0)
    }

    @Test func postsWithoutAPageNumberAreEachBuiltOnTheLatest() async throws {
        let harness = try PortalHarness()
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }
        let (cookie, csrf) = try await harness.signInForForms(secret, page: "/member/CAN")
        let http = harness.http
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for number in 1...4 {
                group.addTask {
                    try await http.post("/member/CAN/comments", cookie: cookie, form: [
                        ("csrf", csrf), ("paragraph", "general"), ("type", "general"), ("comment", "Comment \(number)."),
                    ]).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers == [303, 303, 303, 303])
        let current = try #require(RecordReader.current(try RecordReader.submissions(round: "draft-1", in: harness.context().store.snapshot()))["CAN"])
        #expect(current.number == 4)
        #expect(Set(current.comments.map(\.text)) == ["Comment 1.", "Comment 2.", "Comment 3.", "Comment 4."])
    }

    /// An edited copy sent from a page loaded before a comment keeps that comment.
    @Test func anEditedCopyFromAnOlderPageKeepsTheCommentSentSince() async throws {
        let harness = try PortalHarness()
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }
        let (cookie, csrf) = try await harness.signInForForms(secret, page: "/member/CAN")
        _ = try await harness.http.post("/member/CAN/comments", cookie: cookie, form: [
            ("csrf", csrf), ("paragraph", "general"), ("type", "general"), ("comment", "Kept."),
        ])
        let copy = PortalHarness.draft.replacingOccurrences(of: "is a key enabler", with: "is the key enabler")
        let sent = try await harness.http.upload("/member/CAN/upload", cookie: cookie, fields: [("csrf", csrf), ("kind", "copy")],
                                                 fileName: "draft-1-canada.md", file: Data(copy.utf8))
        #expect(sent.headers["location"] == "/member/CAN?recorded=2")
        let current = try #require(RecordReader.current(try RecordReader.submissions(round: "draft-1", in: harness.context().store.snapshot()))["CAN"])
        #expect(current.comments.map(\.text) == ["Kept."])
        #expect(current.proposal != nil)
    }
}
