import DraftFlow
import Foundation
import Testing

/// A whole drafting process on the in-memory store: the use cases with no libgit2 and no process.
@Suite struct WholeRoundTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!
    let draft = """
    # Input

    ## 1 Introduction

    1.1 The Council welcomes the invitation.

    1.2 Connectivity remains a challenge.

    ## 2 其他

    2.1 国际电联支持可持续发展目标。

    """

    func at(_ text: String) throws -> DraftingContext {
        DraftingContext(store: store, now: try Deadline.parseInstant(text, timeZone: zone))
    }

    func file(_ name: String, _ text: String) -> IncomingFile { .init(name: name, data: Data(text.utf8)) }

    func edited(_ old: String, _ new: String) -> IncomingFile {
        precondition(draft.contains(old))
        return file("copy.md", draft.replacingOccurrences(of: old, with: new))
    }

    func documentText(_ store: MemoryWorkspaceStore) throws -> String {
        String(decoding: try store.snapshot().file("Drafts/input.md") ?? Data(), as: UTF8.self)
    }

    let store: MemoryWorkspaceStore

    init() throws {
        let first = try WorkspaceSetup.initialChange(
            title: "Input", documentName: "input.md", document: Data(draft.utf8), timezone: "Europe/Zurich",
            secretariat: Secretariat(name: "Secretariat", email: "s@example.org"), recipient: "the President of ECOSOC", due: "2020-03-16",
            now: try Deadline.parseInstant("2020-02-07T17:00:00+01:00", timeZone: zone))
        store = try MemoryWorkspaceStore(first: first)
    }

    @Test func aRoundFromPublicationToTheFinalText() throws {
        let setUp = try at("2020-02-14T10:00:00+01:00")
        for (code, name) in [("CAN", "Canada"), ("USA", "United States"), ("FRA", "France")] {
            try Membership(setUp).add(code: code, name: name, email: nil)
        }
        #expect(try Publishing(setUp).publish(label: "draft-1", note: "Outline").editedFiles == [])
        let round = try Rounds(setUp).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: nil)
        #expect(round.name == "draft-1-comments")
        #expect(round.closes == (try Deadline.parseInstant("2020-03-01T23:59:59+01:00", timeZone: zone)))

        let during = try at("2020-02-20T10:00:00+01:00")
        let canada = try Submissions(during).record(member: "CAN", file: file("can.md", "## 1.1 (editorial)\nWarmer, please.\n"),
                                                    proposal: edited("welcomes", "warmly welcomes"), received: nil, late: false, roundName: nil)
        #expect(canada.comments.map(\.id) == ["CAN-1"])
        _ = try Submissions(during).record(member: "FRA", file: file("fra.md", "Nous appuyons le projet.\n"),
                                           proposal: edited("remains a challenge", "remains a serious challenge"), received: nil, late: false, roundName: nil)
        _ = try Submissions(during).record(member: "USA", file: file("usa.md", "## 1.2 (technical)\nStronger.\n\nProposed change: 1.2 Connectivity remains a major challenge.\n"),
                                           proposal: nil, received: nil, late: false, roundName: nil)
        let late = try at("2020-03-02T09:00:00+01:00")
        #expect(throws: DraftFlowError.self) {
            try Submissions(late).record(member: "CAN", file: file("can2.md", "Late.\n"), proposal: nil, received: nil, late: false, roundName: nil)
        }

        let merged = try MergeDesk(late).merge(round: nil)
        #expect(merged.record.changes.map(\.paragraph) == ["1.1"])
        #expect(merged.openCollisions.map(\.id) == ["C1"])
        #expect(merged.openCollisions.first?.alternatives == [
            .init(members: ["FRA"], text: "1.2 Connectivity remains a serious challenge."),
            .init(members: ["USA"], text: "1.2 Connectivity remains a major challenge."),
        ])
        #expect(try Reports(late).status().merge?.openCollisions == ["C1"])
        #expect(throws: DraftFlowError.self) { try Publishing(late).publish(label: "final-draft", note: nil) }

        let deciding = try at("2020-03-03T10:00:00+01:00")
        let resolved = try Resolutions(deciding).resolve(collision: "C1", choice: .member("USA"), note: nil, round: nil)
        #expect(resolved.openCollisions.isEmpty)
        _ = try DispositionDesk(deciding).dispose(comment: "FRA-E1", decision: .rejected, text: nil, note: "United States' wording taken.", round: nil)
        let (disposed, _, _) = try DispositionDesk(deciding).disposeAll(undecided: .accepted, note: nil, round: nil)
        // Canada's edit of 1.1 is its comment on 1.1: one point, one row.
        #expect(disposed == ["CAN-1", "FRA-1", "USA-1"])
        let candidate = """
        # Input

        ## 1 Introduction

        1.1 The Council warmly welcomes the invitation.

        1.2 Connectivity remains a major challenge.

        ## 2 其他

        2.1 国际电联支持可持续发展目标。

        """
        #expect(try documentText(store) == candidate)
        let rows = try DispositionDesk(deciding).rows(round: nil).rows
        #expect(rows.map { "\($0.id) \($0.paragraph) \($0.dispositionTitle)" } == [
            "CAN-1 1.1 Accepted", "FRA-1 general Accepted", "FRA-E1 1.2 Not accepted", "USA-1 1.2 Accepted",
        ])

        // The compilation still shows the proposals; decided, it shows whose each change is (France's
        // alternative is out: its edit was not accepted, so no collision is left there).
        #expect(try Texts(deciding).compilation(round: nil, html: false).contains(
            "1.2 [Alt 1 (France): Connectivity remains a serious challenge.] [Alt 2 (United States): Connectivity remains a major challenge.]"))
        let decidedText = try Texts(deciding).compilation(round: nil, html: false, decided: true)
        #expect(decidedText == """
        # Input

        ## 1 Introduction

        1.1 The Council **warmly** (Canada) welcomes the invitation.

        1.2 Connectivity remains a **major** (United States) challenge.

        ## 2 其他

        2.1 国际电联支持可持续发展目标。

        """)
        #expect(try Publishing(deciding).publish(label: "final-draft", note: nil).label == "final-draft")
        _ = try Rounds(deciding).open(on: "final-draft", closes: "2020-03-12", kind: .silence, name: nil)
        let silence = try Reports(try at("2020-03-10T10:00:00+01:00")).status()
        #expect(silence.round?.silence == .kept)
        #expect(silence.round?.open == true)
        #expect(throws: DraftFlowError.self) { try Finalization(try at("2020-03-10T10:00:00+01:00")).finalize(label: "final", overObjection: false, note: nil) }

        let after = try at("2020-03-13T10:00:00+01:00")
        let finalized = try Finalization(after).finalize(label: "final", overObjection: false, note: nil)
        #expect(finalized.silence == .kept)
        #expect(finalized.round == "final-draft-silence")
        #expect(try store.versions().map(\.label) == ["draft-1", "final-draft", "final"])
        #expect(try store.file("Drafts/input.md", atVersion: "final").map { String(decoding: $0, as: UTF8.self) } == candidate)

        let redline = try Texts(after).redline(from: "draft-1", to: "final")
        #expect(redline.filter { $0.status != .unchanged } == [
            RedlineBlock(status: .modified, kind: .paragraph, oldAnchor: "1.1", newAnchor: "1.1",
                         segments: [.equal("1.1 The Council "), .inserted("warmly "), .equal("welcomes the invitation.")]),
            RedlineBlock(status: .modified, kind: .paragraph, oldAnchor: "1.2", newAnchor: "1.2",
                         segments: [.equal("1.2 Connectivity remains a "), .inserted("major "), .equal("challenge.")]),
        ])

        let events = try Reports(after).log().map(\.event)
        #expect(events == [.`init`, .memberAdd, .memberAdd, .memberAdd, .publish, .roundOpen, .comment, .comment, .comment, .roundClosed,
                           .merge, .resolve, .dispose, .dispose, .publish, .roundOpen, .roundClosed, .finalize])
    }

    @Test func aWriterThatLosesTheRaceBuildsAgainOnTheNewTip() throws {
        let setUp = try at("2020-02-14T10:00:00+01:00")
        try Membership(setUp).add(code: "CAN", name: "Canada", email: nil)
        store.race { store in
            try Membership(DraftingContext(store: store, now: setUp.now)).add(code: "USA", name: "United States", email: nil)
        }
        try Membership(setUp).add(code: "FRA", name: "France", email: nil)
        #expect(try Membership(setUp).members().map(\.code) == ["CAN", "USA", "FRA"])
        #expect(store.commitCount == 4)
    }

    @Test func publishCommitsTheSecretariatsEditsFirst() throws {
        let setUp = try at("2020-02-14T10:00:00+01:00")
        store.editWorkTree("Drafts/input.md", Data(draft.replacingOccurrences(of: "welcomes", with: "accepts").utf8))
        let publication = try Publishing(setUp).publish(label: "draft-1", note: nil)
        #expect(publication.editedFiles == ["Drafts/input.md"])
        #expect(try store.history().map { $0.message.split(separator: "\n").first ?? "" } == [
            "Publish draft-1 of Input", "Edit the draft before publishing draft-1", "Create drafting workspace: Input",
        ])
        #expect(try store.file("Drafts/input.md", atVersion: "draft-1").map { String(decoding: $0, as: UTF8.self).contains("accepts") } == true)
        #expect(try store.workTreeChanges(under: "Drafts").isEmpty)
    }
}
