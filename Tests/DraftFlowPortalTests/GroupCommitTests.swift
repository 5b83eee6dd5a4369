import DraftFlow
import DraftFlowGit
import DraftFlowPortal
import Foundation
import Testing
import TestSupport

/// Members' submissions sent at once share a write (the portal's group commit): each is still
/// its own commit, authored by its member, and a refused one loses nothing of the others.
@Suite(.serialized) struct GroupCommitTests {
    /// Both members signed in, with the CSRF token of their page.
    func signedIn(_ harness: PortalHarness) async throws -> [String: (cookie: String, csrf: String)] {
        var result: [String: (cookie: String, csrf: String)] = [:]
        for code in ["CAN", "USA"] {
            let cookie = try await harness.signIn(try harness.invite(code))
            let page = try await harness.http.get("/member/\(code)", cookie: cookie)
            result[code] = (cookie, try #require(PortalHarness.csrf(in: page.body)))
        }
        return result
    }

    func comment(_ harness: PortalHarness, _ code: String, _ member: (cookie: String, csrf: String), _ text: String) async throws -> PlainHTTP.Answer {
        try await harness.http.post("/member/\(code)/comments", cookie: member.cookie, form: [
            ("csrf", member.csrf), ("paragraph", "2.3"), ("type", "technical"), ("comment", text), ("proposed", ""),
        ])
    }

    @Test func twoMembersCommentingAtOnceAreBothRecordedEachInACommitOfItsOwn() async throws {
        let harness = try PortalHarness()
        try await harness.start()
        defer { harness.stop() }
        let members = try await signedIn(harness)
        let before = try harness.head().trimmingCharacters(in: .whitespacesAndNewlines)

        async let canada = comment(harness, "CAN", members["CAN"]!, "Name the landlocked countries.")
        async let states = comment(harness, "USA", members["USA"]!, "Say \"major\".")
        let (can, usa) = try await (canada, states)
        #expect(can.status == 303)
        #expect(can.headers["location"] == "/member/CAN?recorded=1")
        #expect(usa.status == 303)
        #expect(usa.headers["location"] == "/member/USA?recorded=1")

        let authors = try gitOutput(["log", "--format=%an <%ae>", "\(before)..HEAD"], in: harness.folder)
            .split(separator: "\n").map(String.init).sorted()
        #expect(authors == ["Canada <can@example.org>", "United States <usa@members.invalid>"])
        let submissions = try RecordReader.submissions(round: "draft-1", in: harness.context().store.snapshot())
        #expect(submissions.map { "\($0.member)#\($0.number) \($0.comments.map(\.text))" }
            == ["CAN#1 [\"Name the landlocked countries.\"]", "USA#1 [\"Say \\\"major\\\".\"]"])
        #expect(try git(["fsck", "--strict"], in: harness.folder).status == 0)

        // Each page lists its member's own submission only.
        let page = try await harness.http.get("/member/USA", cookie: members["USA"]!.cookie)
        #expect(page.body.contains("<a href=\"/member/USA/receipts/draft-1/1\">Receipt draft-1/USA/1</a>"))
        #expect(!page.body.contains("CAN-1"))
    }

    @Test func aRefusedUploadSentWithAnotherMembersCommentLosesNothingOfTheComment() async throws {
        let harness = try PortalHarness()
        try await harness.start()
        defer { harness.stop() }
        let members = try await signedIn(harness)
        let before = try harness.head().trimmingCharacters(in: .whitespacesAndNewlines)

        async let canada = comment(harness, "CAN", members["CAN"]!, "Name the landlocked countries.")
        async let states = harness.http.upload("/member/USA/upload", cookie: members["USA"]!.cookie,
                                               fields: [("csrf", members["USA"]!.csrf), ("kind", "comments")], fileName: "comments.md", file: Data())
        let (can, usa) = try await (canada, states)
        #expect(can.headers["location"] == "/member/CAN?recorded=1")
        #expect(usa.status == 400)
        #expect(usa.body.contains("<h1>Nothing was recorded</h1>"))
        #expect(usa.body.contains("USA: comment file &#39;comments.md&#39; is empty"))

        #expect(try gitOutput(["log", "--format=%an", "\(before)..HEAD"], in: harness.folder) == "Canada\n")
        let submissions = try RecordReader.submissions(round: "draft-1", in: harness.context().store.snapshot())
        #expect(submissions.map { "\($0.member)#\($0.number)" } == ["CAN#1"])
        #expect(try git(["fsck", "--strict"], in: harness.folder).status == 0)
    }
}
