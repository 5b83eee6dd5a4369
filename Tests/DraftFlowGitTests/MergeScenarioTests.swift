import DraftFlow
import DraftFlowGit
import Foundation
import Testing
import TestSupport

/// Five members on a multi-section draft: every case the merge must get right, end to end through git.
@Suite struct MergeScenarioTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!
    let base = """
    # Input

    ## 1 Introduction

    1.1 The Council welcomes the invitation.

    1.2 The group prepared this input. It consulted the membership.

    ## 2 Contribution

    2.1 ITU contributes to the SDGs.

    2.2 Connectivity remains a challenge.

    2.3 This paragraph repeats paragraph 2.2.

    ## 3 其他

    3.1 国际电联支持可持续发展目标。

    """

    func date(_ text: String) throws -> Date { try Deadline.parseInstant(text, timeZone: zone) }

    func edited(_ replacements: [(String, String)]) -> String {
        var text = base
        for (old, new) in replacements {
            precondition(text.contains(old), old)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    func file(_ name: String, _ text: String) -> IncomingFile { .init(name: name, data: Data(text.utf8)) }

    /// Sets up the round with all five submissions and returns the store.
    func makeRound(_ scratch: ScratchDirectory) throws -> GitWorkspaceStore {
        let change = try WorkspaceSetup.initialChange(title: "Input", documentName: "input.md", document: Data(base.utf8), timezone: "Europe/Zurich",
                                                secretariat: Secretariat(name: "Secretariat", email: "s@example.org"), now: try date("2020-02-07T17:00:00+01:00"))
        let store = try GitWorkspaceStore.create(at: scratch.url, first: change)
        let setUp = DraftingContext(store: store, now: try date("2020-02-14T10:00:00+01:00"))
        for (code, name) in [("CAN", "Canada"), ("USA", "United States"), ("FRA", "France"), ("BRA", "Brazil"), ("CHN", "China")] {
            try Membership(setUp).add(code: code, name: name, email: nil)
        }
        _ = try Publishing(setUp).publish(label: "draft-1", note: nil)
        _ = try Rounds(setUp).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: "draft-1")
        let during = DraftingContext(store: store, now: try date("2020-02-20T10:00:00+01:00"))
        _ = try Submissions(during).record(member: "CAN", file: file("can.md", "We support the draft.\n"),
                               proposal: file("can-draft.md", edited([("welcomes", "warmly welcomes"), ("The group prepared", "The working group prepared"),
                                                                       ("remains a challenge", "remains a major challenge")])),
                               received: nil, late: false, roundName: nil)
        _ = try Submissions(during).record(member: "USA", file: file("usa.md", """
            ## 1.1 (editorial)
            Warmer wording.
            Proposed change: 1.1 The Council warmly welcomes the invitation.

            ## 2.1 (technical)
            Stronger wording.
            Proposed change: ITU contributes decisively to the SDGs.

            ## 2.3 (general)
            Shorten this paragraph.
            """), proposal: nil, received: nil, late: false, roundName: nil)
        _ = try Submissions(during).record(member: "FRA", file: file("fra.md", "Nous appuyons le projet.\n"),
                               proposal: file("fra-draft.md", edited([("remains a challenge", "remains a serious challenge"), ("国际电联支持", "国际电联支持所有")])),
                               received: nil, late: false, roundName: nil)
        _ = try Submissions(during).record(member: "BRA", file: file("bra.md", "Brazil supports the draft.\n"),
                               proposal: file("bra-draft.md", edited([("It consulted the membership.", "It consulted all members."),
                                                                       ("2.3 This paragraph repeats paragraph 2.2.\n\n", "")])),
                               received: nil, late: false, roundName: nil)
        _ = try Submissions(during).record(member: "CHN", file: file("chn.md", "中国支持该草案。\n"),
                               proposal: file("chn-draft.md", edited([("国际电联支持", "国际电联全力支持")])),
                               received: nil, late: false, roundName: nil)
        return store
    }

    @Test func mergeResolveAndDisposeGiveTheExactText() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeRound(scratch)
        let afterClose = DraftingContext(store: store, now: try date("2020-03-02T09:00:00+01:00"))
        // A merge while the round is open is refused.
        #expect(throws: DraftFlowError.self) { try MergeDesk(DraftingContext(store: store, now: try date("2020-02-21T09:00:00+01:00"))).merge(round: nil) }

        let merged = try MergeDesk(afterClose).merge(round: nil)
        let candidate = String(decoding: try Data(contentsOf: scratch.url.appendingPathComponent("Drafts/input.md")), as: UTF8.self)
        #expect(candidate == """
            # Input

            ## 1 Introduction

            1.1 The Council warmly welcomes the invitation.

            1.2 The working group prepared this input. It consulted all members.

            ## 2 Contribution

            2.1 ITU contributes decisively to the SDGs.

            2.2 Connectivity remains a challenge.

            ## 3 其他

            3.1 国际电联全力支持所有可持续发展目标。

            """)
        // The identical edit is one change with both names.
        #expect(merged.record.changes.contains { $0.paragraph == "1.1" && $0.members == ["CAN", "USA"] })
        #expect(merged.record.changes.contains { $0.paragraph == "2.3" && $0.kind == .deleted && $0.members == ["BRA"] })
        #expect(merged.record.edits.map(\.id) == ["BRA-E1", "BRA-E2", "CAN-E1", "CAN-E2", "CAN-E3", "CHN-E1", "FRA-E1", "FRA-E2"])
        #expect(merged.record.orphaned == ["USA-3"])

        // The collision: both alternatives, attributed; nothing applied there.
        let collisions = try MergeDesk(afterClose).collisions(round: nil)
        #expect(collisions == [RecordedCollision(id: "C1", paragraph: "2.2", baseText: "2.2 Connectivity remains a challenge.", alternatives: [
            .init(members: ["CAN"], text: "2.2 Connectivity remains a major challenge."),
            .init(members: ["FRA"], text: "2.2 Connectivity remains a serious challenge."),
        ], resolution: nil, points: ["CAN": ["CAN-E3"], "FRA": ["FRA-E1"]])])
        // The final draft cannot be published over an open collision.
        do {
            _ = try Publishing(afterClose).publish(label: "final-draft", note: nil)
            Issue.record("publish must be refused while C1 is open")
        } catch let error as DraftFlowError {
            #expect(error.message.contains("C1 (paragraph 2.2)"))
        }

        let deciding = DraftingContext(store: store, now: try date("2020-03-03T10:00:00+01:00"))
        _ = try Resolutions(deciding).resolve(collision: "C1", choice: .member("FRA"), note: "France's wording.", round: nil)
        _ = try DispositionDesk(deciding).dispose(comment: "BRA-E1", decision: .rejected, text: nil, note: "The membership was consulted as a whole.", round: nil)
        _ = try DispositionDesk(deciding).dispose(comment: "USA-2", decision: .modified, text: "ITU contributes substantially to the SDGs.", note: "Milder wording.", round: nil)
        let final = String(decoding: try Data(contentsOf: scratch.url.appendingPathComponent("Drafts/input.md")), as: UTF8.self)
        #expect(final == """
            # Input

            ## 1 Introduction

            1.1 The Council warmly welcomes the invitation.

            1.2 The working group prepared this input. It consulted the membership.

            ## 2 Contribution

            2.1 ITU contributes substantially to the SDGs.

            2.2 Connectivity remains a serious challenge.

            ## 3 其他

            3.1 国际电联全力支持所有可持续发展目标。

            """)
        #expect(try MergeDesk(deciding).collisions(round: nil).isEmpty)
        // Decided, the resolved collision reads as France's change, attributed to France.
        let decided = try Texts(deciding).compilation(round: nil, html: false, decided: true)
        #expect(decided.split(separator: "\n").first { $0.hasPrefix("2.2 ") } == "2.2 Connectivity remains a **serious** (France) challenge.")

        let (round, rows) = try DispositionDesk(deciding).rows(round: nil)
        #expect(round == "draft-1")
        #expect(rows.map(\.id) == ["BRA-1", "BRA-E1", "BRA-E2", "CAN-1", "CAN-E1", "CAN-E2", "CAN-E3", "CHN-1", "CHN-E1",
                                   "FRA-1", "FRA-E1", "FRA-E2", "USA-1", "USA-2", "USA-3"])
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        #expect(byID["BRA-E1"]?.decision == .rejected)
        #expect(byID["BRA-E1"]?.observation == "The membership was consulted as a whole.")
        #expect(byID["USA-2"]?.decision == .modified)
        #expect(byID["USA-2"]?.modifiedText == "ITU contributes substantially to the SDGs.")
        #expect(byID["USA-2"]?.proposedChange == "ITU contributes decisively to the SDGs.")
        #expect(byID["USA-3"]?.orphaned == true)
        #expect(byID["USA-3"]?.paragraph == "2.3")
        #expect(byID["USA-1"]?.decision == nil)
        #expect(byID["CHN-1"]?.paragraph == "general")

        // Each decision is its own commit, with the text change in it.
        let subjects = try gitOutput(["log", "--format=%s", "-4"], in: scratch.url).split(separator: "\n")
        #expect(subjects == [
            "Dispose of USA-2 (United States, 2.1): Accepted with modification",
            "Dispose of BRA-E1 (Brazil, 1.2): Not accepted",
            "Resolve collision C1 at paragraph 2.2: take the text of France",
            "Merge the proposals of round draft-1 into a candidate next draft",
        ])
        #expect(try gitOutput(["show", "--stat", "--format=", "HEAD"], in: scratch.url).contains("Drafts/input.md"))
        #expect(try gitOutput(["status", "--porcelain"], in: scratch.url) == "")

        let status = try Reports(deciding).status()
        #expect(status.merge?.openCollisions == [])
        #expect(status.merge?.undecided.contains("USA-1") == true)
        #expect(status.merge?.undecided.contains("USA-2") == false)
        // With the collision resolved, the final draft can be published, once the secretariat says
        // it knows that comments are still undecided.
        #expect(throws: DraftFlowError(.refused, "round draft-1 has comments without a disposition: BRA-1, BRA-E2, CAN-1, CAN-E1, CAN-E2, CAN-E3 (superseded by C1), CHN-1, CHN-E1, FRA-1, FRA-E1, FRA-E2, USA-1, USA-3",
                                       fix: "decide each with `draftflow dispose ID accepted|modified|noted|rejected` (see `draftflow dispositions`), or publish with --allow-undecided to publish the candidate as it stands")) {
            try Publishing(deciding).publish(label: "final-draft", note: nil)
        }
        #expect(try Publishing(deciding).publish(label: "final-draft", note: nil, allowUndecided: true).label == "final-draft")
        #expect(try gitOutput(["log", "-1", "--format=%b", "HEAD"], in: scratch.url).hasPrefix(
            "Published with comments still without a disposition: BRA-1, BRA-E2, CAN-1, CAN-E1, CAN-E2, CAN-E3, CHN-1, CHN-E1, FRA-1, FRA-E1, FRA-E2, USA-1, USA-3.\n"))
    }

    @Test func compilationShowsEveryProposalAttributed() throws {
        let scratch = try ScratchDirectory("store", create: false)
        let store = try makeRound(scratch)
        let text = try Texts(DraftingContext(store: store, now: try date("2020-03-02T09:00:00+01:00"))).compilation(round: nil, html: false)
        #expect(text.contains("**warmly** (Canada, United States)"))
        #expect(text.contains("(Brazil)"))
        #expect(text.contains("[Alt 1 (Canada): "))
        #expect(text.contains("[Alt 2 (France): "))
        let html = try Texts(DraftingContext(store: store, now: try date("2020-03-02T09:00:00+01:00"))).compilation(round: nil, html: true)
        #expect(html.contains("<ins>"))
        #expect(html.contains("<del>"))
    }
}
