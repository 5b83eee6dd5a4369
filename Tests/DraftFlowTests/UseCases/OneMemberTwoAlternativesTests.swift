import DraftFlow
import Foundation
import Testing
import TestSupport

/// `resolve --take CODE` where both alternatives of a collision are that member's.
@Suite struct OneMemberTwoAlternativesTests {
    let fixture: OpenRoundFixture
    var zone: TimeZone { fixture.zone }
    var draft: String { OpenRoundFixture.draft }
    var store: MemoryWorkspaceStore { fixture.store }

    init() throws {
        fixture = try OpenRoundFixture(members: [("CHN", "China"), ("USA", "United States")])
    }

    func at(_ text: String) throws -> DraftingContext {
        try fixture.at(text)
    }

    @Test func takeRefusesNamingBothAlternatives() throws {
        let comments = """
        ## after 1.2
        A new paragraph.
        Proposed change: 1.3 Investment is needed.

        ## after 1.2
        Or this one.
        Proposed change: 1.3 Skills are needed.

        """
        _ = try Submissions(try at("2020-02-20T10:00:00+01:00")).record(member: "CHN", file: .init(name: "chn.md", data: Data(comments.utf8)),
                                                                         proposal: nil, received: nil, late: false, roundName: nil)
        let merged = try MergeDesk(try at("2020-03-03T09:00:00+01:00")).merge(round: nil)
        let collision = try #require(merged.openCollisions.first)
        #expect(collision.alternatives.map(\.members) == [["CHN"], ["CHN"]])
        let commits = store.commitCount
        let error = refusal { try Resolutions(try at("2020-03-03T09:30:00+01:00")).resolve(collision: collision.id, choice: .member("CHN"), note: nil, round: nil) }
        #expect(error?.message == "CHN has 2 alternatives in collision \(collision.id): "
                + "alternative 1 (CHN): \"\(collision.alternatives[0].text)\"; alternative 2 (CHN): \"\(collision.alternatives[1].text)\"; --take CHN does not say which")
        #expect(error?.fix == "write the wording you choose to a file and resolve with `draftflow resolve \(collision.id) --text FILE` "
                + "(`draftflow collisions` shows each alternative in full), or keep the base with --take base")
        #expect(refusal { try Resolutions(try at("2020-03-03T09:30:00+01:00")).resolveAll(choice: .member("CHN"), note: nil, round: nil) }?.message == error?.message)
        #expect(store.commitCount == commits)
        // Either wording is taken with --text.
        let taken = try Resolutions(try at("2020-03-03T09:40:00+01:00")).resolve(collision: collision.id, choice: .text(collision.alternatives[1].text), note: nil, round: nil)
        #expect(taken.openCollisions.isEmpty)
    }
}
