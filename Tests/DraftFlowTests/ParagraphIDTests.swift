import Foundation
import Testing
import DraftFlow

/// The paragraph ids of the contract (README, "Documents and paragraph references").
@Suite struct ParagraphIDTests {
    static let lists = """
    ## 3 Activities

    3.1 The group reviewed:

    • the report of the vice-chairs

    i) Region D

    ii) Region E

    • regional activities

    3.3 The group agreed:

    a) WSIS Forum 2019:

    1) it noted the outcome;

    (b) WSIS Forum 2020:

    (1) it welcomed the preparations;

    2) it noted the dates;

    c. Prizes:

    1) nominations;

    i) first round;

    ii) second round;

    Text after ii).

    d) Stocktaking

    e) f) g) h) are elsewhere.

    h) UNGIS:

    1) it encouraged the secretariat:

    i) to publish;

    ii) to improve;

    i) Measuring ICT:

    – a dash bullet

    - a hyphen bullet

    * a star bullet

    · a middle-dot bullet

    """

    @Test func subItemsBulletsAndUnnumberedParagraphsHangOffTheirParent() {
        let document = DraftDocument.parse(Self.lists)
        #expect(document.blocks.map(\.anchor) == [
            "3", "3.1", "3.1 •1", "3.1 i)", "3.1 ii)", "3.1 •2",
            "3.3", "3.3 a)", "3.3 a) 1)", "3.3 b)", "3.3 b) 1)", "3.3 b) 2)", "3.3 c)", "3.3 c) 1)", "3.3 c) 1) i)",
            "3.3 c) 1) ii)", "3.3 c) 1) ii) ¶1", "3.3 d)", "3.3 e)", "3.3 h)", "3.3 h) 1)", "3.3 h) 1) i)",
            "3.3 h) 1) ii)", "3.3 i)", "3.3 i) •1", "3.3 i) •2", "3.3 i) •3", "3.3 i) •4",
        ])
        #expect(document.blocks.map(\.number) == [
            "3", "3.1", nil, "i)", "ii)", nil,
            "3.3", "a)", "1)", "(b)", "(1)", "2)", "c.", "1)", "i)", "ii)", nil, "d)", "e)", "h)", "1)", "i)", "ii)", "i)",
            nil, nil, nil, nil,
        ])
        #expect(document.blocks.map(\.level) == [1, 2, 3, 3, 3, 3, 2, 3, 4, 3, 4, 4, 3, 4, 5, 5, 6, 3, 3, 3, 4, 5, 5, 3, 4, 4, 4, 4])
        #expect(document.blocks.map(\.role) == [
            .numbered, .numbered, .bullet, .subItem, .subItem, .bullet, .numbered, .subItem, .subItem, .subItem, .subItem,
            .subItem, .subItem, .subItem, .subItem, .subItem, .unnumbered, .subItem, .subItem, .subItem, .subItem, .subItem,
            .subItem, .subItem, .bullet, .bullet, .bullet, .bullet,
        ])
        #expect(document.block(anchor: "3.3 b) 1)")?.parent == "3.3 b)")
        #expect(document.block(anchor: "3.3 b) 1)")?.body == "it welcomed the preparations;")
        #expect(document.block(anchor: "3.3 c)")?.body == "Prizes:")
        #expect(document.block(anchor: "3.3 i) •3")?.body == "a star bullet")
        #expect(document.duplicates.isEmpty)
        // `classify` still reports numbers only.
        #expect(DraftDocument.classify("a) WSIS Forum 2019:").number == nil)
        #expect(DraftDocument.classify("2.1.1. Text").number == "2.1.1")
    }

    @Test func whatIsNotALabelOrBullet() {
        let document = DraftDocument.parse("""
        2.1 Text

        2020 was a year.

        a)b is not a label.

        e.g. is not one either.

        -not a bullet

        **Bold** is no bullet.

        (ab) is not a label.

        3.5亿人 is not a number.

        """)
        #expect(document.blocks.map(\.anchor) == ["2.1", "2.1 ¶1", "2.1 ¶2", "2.1 ¶3", "2.1 ¶4", "2.1 ¶5", "2.1 ¶6", "2.1 ¶7"])
    }

    @Test func insertingABulletChangesNoIdOutsideItsList() {
        let before = DraftDocument.parse(Self.lists)
        let after = DraftDocument.parse(Self.lists.replacingOccurrences(of: "• the report of the vice-chairs\n",
                                                                        with: "• the report of the vice-chairs\n\n• a new bullet\n"))
        var expected = before.blocks.map(\.anchor)
        expected.insert("3.1 •2", at: 3)
        expected[expected.firstIndex(of: "3.1 •2", after: 3)!] = "3.1 •3"
        #expect(after.blocks.map(\.anchor) == expected)
    }

    @Test func duplicatesKeepTheFirstAndAreFlagged() {
        let document = DraftDocument.parse("""
        2.1 First

        a) item

        a) again

        2.2 Second

        2.1 Again

        Text

        """)
        #expect(document.blocks.map(\.anchor) == ["2.1", "2.1 a)", "2.1 ¶1", "2.2", "2.2 ¶1", "2.2 ¶2"])
        #expect(document.duplicates.map(\.anchor) == ["2.1 ¶1", "2.2 ¶1"])
        #expect(document.duplicates.map(\.number) == ["a)", "2.1"])
        #expect(document.block(anchor: "2.2 ¶1")?.role == .numbered)
    }

    @Test func blocksBeforeTheFirstNumberKeepTheirPositions() {
        let document = DraftDocument.parse("# Title\n\n*Illustrative*\n\n## 1 Introduction\n\n1.1 Text\n")
        #expect(document.blocks.map(\.anchor) == ["¶1", "¶2", "1", "1.1"])
        #expect(document.blocks.map(\.parent) == [nil, nil, nil, "1"])
    }

    @Test(arguments: [
        ("3.3 b) 4)", "3.3 b) 4)"), ("3.3(b)(4)", "3.3 b) 4)"), ("3.3 (b) (4)", "3.3 b) 4)"), ("3.3 b)4)", "3.3 b) 4)"),
        ("para. 3.3 b) 4)", "3.3 b) 4)"), ("§3.3 b) 4)", "3.3 b) 4)"), ("Paragraph 3.3 b) 4)", "3.3 b) 4)"),
        ("4.2.2.3.", "4.2.2.3"), ("4.2.2.3", "4.2.2.3"), ("４．２", "4.2"), ("4.2（ｂ）", "4.2 b)"),
        ("第4.2.2.2段", "4.2.2.2"), ("3.1.16 i)", "3.1.16 i)"), ("3.3 B) 4)", "3.3 B) 4)"), ("3.3 b. 4)", "3.3 b) 4)"),
        ("2.1.1 •2", "2.1.1 •2"), ("2.1.1 • 2", "2.1.1 •2"), ("4.2.2.3 ¶1", "4.2.2.3 ¶1"), ("¶3", "¶3"),
        ("¶ 4.2", "4.2"), ("after 4.2.2.6", "after 4.2.2.6"), ("After 4.2.2.6.", "after 4.2.2.6"), ("  7  ", "7"),
        ("párrafo 4.2", "4.2"), ("пункт 4.2", "4.2"),
    ])
    func canonicalReferences(written: String, canonical: String) {
        #expect(DraftDocument.canonical(reference: written) == canonical)
    }

    @Test(arguments: ["General", "总体意见", "4.2.2.5-4.2.2.6", "4.2.2.5, 4.2.2.6", "", "3.3 (ed)", "after", "after after 4.2", "•", "4.2 abc)"])
    func notReferences(written: String) {
        #expect(DraftDocument.canonical(reference: written) == nil)
    }

    @Test func nearestAnchorsPreferTheSameParentThenTheNeighbours() {
        let document = DraftDocument.parse(Self.lists)
        #expect(document.canonical(reference: "3.3(b)(9)") == "3.3 b) 9)")
        #expect(document.nearestAnchors(to: "3.3 b) 9)") == ["3.3 b) 2)", "3.3 b) 1)", "3.3 b)"])
        #expect(document.nearestAnchors(to: "3.3 c) 1) iv)") == ["3.3 c) 1) ii)", "3.3 c) 1) i)", "3.3 c) 1)"])
        #expect(document.nearestAnchors(to: "3.3 c)", count: 2) == ["3.3 b)", "3.3 d)"])  // existing: no match for itself
        #expect(document.nearestAnchors(to: "3.1 •7") == ["3.1 •2", "3.1 •1", "3.1"])
        #expect(document.nearestAnchors(to: "3.2") == ["3.1", "3.3", "3"])
        #expect(document.nearestAnchors(to: "3.9.9") == ["3", "3.1", "3.1 •1"])
        #expect(document.nearestAnchors(to: "9.9.9", count: 2) == ["3.3 i) •4", "3.3 i) •3"])
        #expect(document.nearestAnchors(to: "after 3.4", count: 1) == ["3.3"])
        #expect(document.nearestAnchors(to: "3.3", count: 0) == [])
    }
}

private extension Array where Element: Equatable {
    func firstIndex(of element: Element, after start: Int) -> Int? {
        self[(start + 1)...].firstIndex(of: element)
    }
}
