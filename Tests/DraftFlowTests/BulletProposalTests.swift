import Testing
@testable import DraftFlow

/// A member's proposed text for a bullet usually leaves the bullet out (the seed report's
/// `2.1.2 •3`, a resolution's title): the candidate keeps the item a bullet, so that it and the
/// bullets after it keep their ids.
@Suite struct BulletProposalTests {
    static let base = DraftDocument.parse("""
        ## 2.1.2 联合国决议、相关报告和决定：

        • 经社理事会关于评估信息社会世界峰会成果的执行进展和后续行动的决议

        • 联大有关ICT促发展的决议（A/RES/73/218）

        -\tCSTD 2019-2020会间专题讨论会成果

        """)

    @Test func aBulletsTextWithoutItsBulletGetsTheBaseBulletBack() throws {
        let second = try #require(Self.base.blocks.first { $0.anchor == "2.1.2 •2" })
        let third = try #require(Self.base.blocks.first { $0.anchor == "2.1.2 •3" })
        #expect(CandidateBuilder.numbered("联大有关ICT促进可持续发展的决议（A/RES/73/218）\n", like: second)
                == "• 联大有关ICT促进可持续发展的决议（A/RES/73/218）")
        #expect(CandidateBuilder.numbered("CSTD 2019-2020年会间专题讨论会成果", like: third) == "-\tCSTD 2019-2020年会间专题讨论会成果")
        // A bullet, number or label of the member's own is kept as written.
        #expect(CandidateBuilder.numbered("– 联大的决议", like: second) == "– 联大的决议")
        #expect(CandidateBuilder.numbered("b) 联大的决议", like: second) == "b) 联大的决议")
        #expect(CandidateBuilder.numbered("  ", like: second) == "")
    }

    @Test func theCandidateKeepsTheBulletsIds() throws {
        let second = try #require(Self.base.blocks.first { $0.anchor == "2.1.2 •2" })
        var blocks = Self.base.blockTexts
        blocks[second.index] = CandidateBuilder.numbered("联大有关ICT促进可持续发展的决议（A/RES/73/218）", like: second)
        let candidate = DraftDocument.parse(DraftDocument.render(blockTexts: blocks))
        #expect(candidate.blocks.map(\.anchor) == Self.base.blocks.map(\.anchor))
        #expect(candidate.blocks.map(\.anchor) == ["2.1.2", "2.1.2 •1", "2.1.2 •2", "2.1.2 •3"])
    }
}
