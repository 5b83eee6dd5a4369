import Foundation
import Testing
import DraftFlow

@Suite struct ProposalMergeTests {
    static let base = """
    # Input to the 2020 HLPF

    ## 1 Introduction

    1.1 The Council welcomes the invitation to contribute. It notes the progress made since 2015.

    1.2 ICTs are key enablers of sustainable development.

    ## 2 ITU's contribution

    2.1 ITU supports the implementation of the 2030 Agenda.

    """

    func edit(_ text: String, _ replacements: [(String, String)]) -> String {
        var result = text
        for (old, new) in replacements {
            precondition(result.contains(old), "fixture: \(old) not found")
            result = result.replacingOccurrences(of: old, with: new)
        }
        return result
    }

    @Test func nonOverlappingEditsInDifferentParagraphsCombine() {
        let can = Proposal(members: ["CAN"], text: edit(Self.base, [("key enablers", "essential enablers")]))
        let usa = Proposal(members: ["USA"], text: edit(Self.base, [("ITU supports", "ITU actively supports")]))
        let result = ProposalMerge.merge(base: Self.base, proposals: [can, usa])
        #expect(result.text == """
        # Input to the 2020 HLPF

        ## 1 Introduction

        1.1 The Council welcomes the invitation to contribute. It notes the progress made since 2015.

        1.2 ICTs are essential enablers of sustainable development.

        ## 2 ITU's contribution

        2.1 ITU actively supports the implementation of the 2030 Agenda.

        """)
        #expect(result.collisions.isEmpty)
        #expect(result.changes.map(\.anchor) == ["1.2", "2.1"])
        #expect(result.changes.map(\.baseFragment) == ["key", ""])
        #expect(result.changes.map(\.newFragment) == ["essential", "actively "])
        #expect(result.changes.map(\.members) == [["CAN"], ["USA"]])
        #expect(result.changes.allSatisfy { $0.kind == .modified })
        #expect(result.anchorMap["1.2"] == .some("1.2"))
        #expect(result.orphanedAnchors.isEmpty)
    }

    @Test func identicalEditByTwoMembersIsOneChange() {
        let edited = edit(Self.base, [("key enablers", "essential enablers")])
        let result = ProposalMerge.merge(base: Self.base, proposals: [
            Proposal(members: ["USA"], text: edited), Proposal(members: ["CAN"], text: edited),
        ])
        #expect(result.text == edited)
        #expect(result.changes == [
            AttributedChange(kind: .modified, anchor: "1.2", baseFragment: "key", newFragment: "essential",
                             members: ["CAN", "USA"], blockIndex: 3, tokenRange: 8..<9),
        ])
        #expect(result.collisions.isEmpty)
    }

    @Test func samePassageEditedDifferentlyCollides() {
        let can = Proposal(members: ["CAN"], text: edit(Self.base, [("key enablers", "essential enablers")]))
        let usa = Proposal(members: ["USA"], text: edit(Self.base, [("key enablers", "important enablers")]))
        let result = ProposalMerge.merge(base: Self.base, proposals: [can, usa])
        #expect(result.text == Self.base)
        #expect(result.changes.isEmpty)
        #expect(result.collisions == [
            Collision(id: "C1", anchor: "1.2",
                      baseText: "1.2 ICTs are key enablers of sustainable development.",
                      baseFragment: "key",
                      alternatives: [
                        .init(members: ["CAN"], text: "1.2 ICTs are essential enablers of sustainable development.",
                              fragment: "essential"),
                        .init(members: ["USA"], text: "1.2 ICTs are important enablers of sustainable development.",
                              fragment: "important"),
                      ],
                      isInsertion: false, blockIndex: 3, tokenRange: 8..<9, otherChanges: []),
        ])
        #expect(result.applying(resolution: ["C1": "1.2 ICTs are important enablers of sustainable development."])
                == edit(Self.base, [("key enablers", "important enablers")]))
        #expect(result.applying(resolution: [:]) == Self.base)
    }

    @Test func editsToDifferentSentencesOfOneParagraphCombine() {
        let can = Proposal(members: ["CAN"], text: edit(Self.base, [("Council welcomes", "Council warmly welcomes")]))
        let usa = Proposal(members: ["USA"], text: edit(Self.base, [("progress made since 2015", "progress achieved since 2015")]))
        let result = ProposalMerge.merge(base: Self.base, proposals: [can, usa])
        #expect(result.collisions.isEmpty)
        #expect(DraftDocument.parse(result.text).block(anchor: "1.1")?.text
                == "1.1 The Council warmly welcomes the invitation to contribute. It notes the progress achieved since 2015.")
        #expect(result.changes.map(\.members) == [["CAN"], ["USA"]])
        #expect(result.changes.map(\.newFragment) == ["warmly ", "achieved"])
    }

    @Test func deletedParagraph() {
        let deleted = edit(Self.base, [("1.2 ICTs are key enablers of sustainable development.\n\n", "")])
        let result = ProposalMerge.merge(base: Self.base, proposals: [
            Proposal(members: ["CAN"], text: deleted), Proposal(members: ["USA"], text: deleted),
        ])
        #expect(result.text == deleted)
        #expect(result.changes == [
            AttributedChange(kind: .deletedParagraph, anchor: "1.2",
                             baseFragment: "1.2 ICTs are key enablers of sustainable development.", newFragment: "",
                             members: ["CAN", "USA"], blockIndex: 3, tokenRange: nil),
        ])
        #expect(result.anchorMap["1.2"] == .some(nil))
        #expect(result.anchorMap["2.1"] == .some("2.1"))
        #expect(result.orphanedAnchors == ["1.2"])
    }

    @Test func deletionAgainstModificationCollides() {
        let deleted = edit(Self.base, [("1.2 ICTs are key enablers of sustainable development.\n\n", "")])
        let modified = edit(Self.base, [("key enablers", "essential enablers")])
        let result = ProposalMerge.merge(base: Self.base, proposals: [
            Proposal(members: ["CAN"], text: modified), Proposal(members: ["USA"], text: deleted),
        ])
        #expect(result.text == Self.base)
        #expect(result.collisions.count == 1)
        #expect(result.collisions[0].alternatives.map(\.members) == [["CAN"], ["USA"]])
        #expect(result.collisions[0].alternatives[1].text == "")
        #expect(result.applying(resolution: ["C1": ""]) == deleted)
    }

    @Test func insertedParagraph() {
        let inserted = edit(Self.base, [("sustainable development.\n\n", "sustainable development.\n\n1.3 Broadband matters.\n\n")])
        let result = ProposalMerge.merge(base: Self.base, proposals: [Proposal(members: ["USA"], text: inserted)])
        #expect(result.text == inserted)
        #expect(result.changes == [
            AttributedChange(kind: .insertedParagraphs, anchor: "after 1.2", baseFragment: "",
                             newFragment: "1.3 Broadband matters.", members: ["USA"], blockIndex: 4, tokenRange: nil),
        ])
        #expect(result.anchorMap["2"] == .some("2"))
    }

    @Test func differentInsertionsAtTheSamePlaceCollide() {
        let first = edit(Self.base, [("sustainable development.\n\n", "sustainable development.\n\n1.3 Broadband matters.\n\n")])
        let second = edit(Self.base, [("sustainable development.\n\n", "sustainable development.\n\n1.3 Skills matter.\n\n")])
        let result = ProposalMerge.merge(base: Self.base, proposals: [
            Proposal(members: ["CAN"], text: first), Proposal(members: ["USA"], text: second),
        ])
        #expect(result.text == Self.base)
        #expect(result.collisions.map(\.anchor) == ["after 1.2"])
        #expect(result.collisions[0].isInsertion)
        #expect(result.collisions[0].alternatives.map(\.text) == ["1.3 Broadband matters.", "1.3 Skills matter."])
        #expect(result.applying(resolution: ["C1": "1.3 Skills matter."]) == second)
    }

    @Test func modifiedParagraphIsPairedNotDeletedAndInserted() {
        let rewritten = edit(Self.base, [("1.2 ICTs are key enablers of sustainable development.",
                                          "1.2 ICTs and broadband are key enablers of inclusive sustainable development, everywhere.")])
        let result = ProposalMerge.merge(base: Self.base, proposals: [Proposal(members: ["CAN"], text: rewritten)])
        #expect(result.text == rewritten)
        #expect(result.changes.allSatisfy { $0.kind == .modified && $0.anchor == "1.2" })
    }

    @Test func paragraphProposalsAreMergedLikeFullProposals() {
        let result = ProposalMerge.merge(base: Self.base, proposals: [
            Proposal(members: ["CAN"], text: edit(Self.base, [("ITU supports", "ITU strongly supports")])),
        ], paragraphProposals: [
            ParagraphProposal(members: ["USA"], anchor: "1.2", text: "1.2 ICTs are essential enablers of sustainable development."),
            ParagraphProposal(members: ["FRA"], anchor: "9.9", text: "x"),
        ])
        #expect(result.text == edit(Self.base, [("ITU supports", "ITU strongly supports"), ("key enablers", "essential enablers")]))
        #expect(result.changes.map(\.members) == [["USA"], ["CAN"]])
        #expect(result.unmatchedParagraphProposals.map(\.anchor) == ["9.9"])
    }

    @Test func collisionIdsFollowDocumentOrderAndOtherParagraphsStillMerge() {
        let can = Proposal(members: ["CAN"], text: edit(Self.base, [("key enablers", "essential enablers"), ("2030 Agenda", "2030 Agenda for Sustainable Development")]))
        let usa = Proposal(members: ["USA"], text: edit(Self.base, [("key enablers", "vital enablers"), ("The Council", "The ITU Council")]))
        let result = ProposalMerge.merge(base: Self.base, proposals: [usa, can])
        #expect(result.collisions.map(\.id) == ["C1"])
        #expect(result.collisions[0].alternatives.map(\.members) == [["USA"], ["CAN"]])
        #expect(result.text == edit(Self.base, [("2030 Agenda", "2030 Agenda for Sustainable Development"), ("The Council", "The ITU Council")]))
    }

    static let chineseBase = """
    ## 2 国际电联的贡献

    2.2 国际电联支持落实可持续发展目标。

    """

    @Test func chineseEditsAtDifferentCharactersCombine() {
        let can = Proposal(members: ["CAN"], text: edit(Self.chineseBase, [("支持", "积极推动")]))
        let usa = Proposal(members: ["USA"], text: edit(Self.chineseBase, [("目标", "议程")]))
        let result = ProposalMerge.merge(base: Self.chineseBase, proposals: [can, usa])
        #expect(result.collisions.isEmpty)
        #expect(result.text == "## 2 国际电联的贡献\n\n2.2 国际电联积极推动落实可持续发展议程。\n")
        #expect(result.changes.map(\.baseFragment) == ["支持", "目标"])
        #expect(result.changes.map(\.newFragment) == ["积极推动", "议程"])
    }

    @Test func chineseEditsAtTheSameCharactersCollide() {
        let can = Proposal(members: ["CAN"], text: edit(Self.chineseBase, [("支持", "推动")]))
        let usa = Proposal(members: ["USA"], text: edit(Self.chineseBase, [("支持", "促进")]))
        let result = ProposalMerge.merge(base: Self.chineseBase, proposals: [can, usa])
        #expect(result.text == Self.chineseBase)
        #expect(result.collisions.count == 1)
        #expect(result.collisions[0].baseFragment == "支持")
        #expect(result.collisions[0].alternatives.map(\.fragment) == ["推动", "促进"])
        #expect(result.collisions[0].alternatives.map(\.text) == ["2.2 国际电联推动落实可持续发展目标。", "2.2 国际电联促进落实可持续发展目标。"])
    }

    @Test func arabicParagraphUntouchedByAnEditElsewhereIsKeptByteForByte() {
        // Decomposed and precomposed forms, harakat, shadda, tatweel and a zero-width non-joiner.
        let arabic = "يُرَحِّبُ مَجْلِسُ الاتِّحَادِ بِالدَّعْوَةِ إِلَى تَقْدِيمِ مُسَاهَمَةٍ مُرَكَّزَةٍ ـــ لِلْمُنْتَدَى\u{200C}السِّيَاسِيِّ."
        let base = "## 1 Introduction\n\n\(arabic)\n\n1.2 ICTs are key enablers.\n"
        let proposal = Proposal(members: ["CAN"], text: edit(base, [("key enablers", "essential enablers")]))
        let result = ProposalMerge.merge(base: base, proposals: [proposal])
        let expected = "## 1 Introduction\n\n\(arabic)\n\n1.2 ICTs are essential enablers.\n"
        #expect(Array(result.text.utf8) == Array(expected.utf8))
        #expect(Array(DraftDocument.parse(result.text).blocks[1].text.utf8) == Array(arabic.utf8))
    }

    @Test func arabicEditsMergeWithoutSplittingHarakat() {
        let base = "يُرَحِّبُ مَجْلِسُ الاتِّحَادِ بِالدَّعْوَةِ.\n"
        let can = Proposal(members: ["CAN"], text: "يُرَحِّبُ مَجْلِسُ الاتِّحَادِ كَثِيرًا بِالدَّعْوَةِ.\n")
        let result = ProposalMerge.merge(base: base, proposals: [can])
        #expect(Array(result.text.utf8) == Array(can.text.utf8))
        #expect(result.changes.map(\.newFragment) == ["كَثِيرًا "])
    }
}
