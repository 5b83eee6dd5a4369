import DraftFlow
import DraftFlowGit
import Foundation
import Testing
import TestSupport

/// `serve --document`: in a workspace of several documents the portal serves one, its text and
/// its round, and what members send there is recorded in that document's round.
@Suite struct DocumentPortalTests {
    static let report = """
    # Report of the chair to Council

    ## 1 Meetings

    1.1 The group met twice.

    """

    @Test func thePortalServesTheDocumentItIsStartedFor() async throws {
        let harness = try PortalHarness()
        let setup = DraftingContext(store: try GitWorkspaceStore.open(containing: harness.folder), now: try PortalHarness.date("2020-02-15T10:00:00+01:00"))
        _ = try Documents(setup).add(name: "council-report", text: Data(Self.report.utf8), title: nil)
        let scoped = DraftingContext(store: DocumentScopedStore(setup.store, document: "council-report"), now: setup.now)
        _ = try Publishing(scoped).publish(label: "draft-1", note: nil)
        _ = try Rounds(scoped).open(on: "draft-1", closes: "2020-03-15", kind: .comments, name: "council-report-draft-1")
        let secret = try harness.invite("CAN")
        try await harness.start(document: "council-report")
        defer { harness.stop() }

        let (cookie, csrf) = try await harness.signInForForms(secret, page: "/member/CAN")
        let page = try await harness.http.get("/member/CAN", cookie: cookie)
        #expect(page.status == 200)
        #expect(page.body.contains("<p><span class=\"num\">1.1</span> The group met twice.</p>"))
        #expect(page.body.contains("<bdi>15 March 2020, 23:59:59 CET (Europe/Zurich)</bdi>"))
        #expect(!page.body.contains("Connectivity remains a challenge"))

        harness.clock.now = try PortalHarness.date("2020-02-27T17:42:00+01:00")
        let posted = try await harness.http.post("/member/CAN/comments", cookie: cookie, form: [
            ("csrf", csrf), ("paragraph", "1.1"), ("type", "editorial"), ("comment", "Say where."),
            ("proposed", "The group met twice in Geneva."),
        ])
        #expect(posted.status == 303)
        let snapshot = try harness.context().store.snapshot()
        let recorded = try RecordReader.submissions(round: "council-report-draft-1", in: snapshot)
        #expect(recorded.map(\.member) == ["CAN"])
        #expect(recorded.first?.comments.map(\.anchor.description) == ["1.1"])
        #expect(try RecordReader.submissions(round: "draft-1", in: snapshot).isEmpty)
        #expect(try gitOutput(["log", "-1", "--format=%an|%(trailers:key=DraftFlow-Document,valueonly)"], in: harness.folder) == "Canada|council-report\n\n")
    }
}
