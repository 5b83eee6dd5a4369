import Testing
@testable import DraftFlow

@Suite("ParagraphReference")
struct ParagraphReferenceTests {
    @Test(arguments: [
        // The contract's examples.
        ("3.3 b) 4)", "3.3 b) 4)"), ("3.3(b)(4)", "3.3 b) 4)"), ("3.3 (b) (4)", "3.3 b) 4)"), ("3.3 b)4)", "3.3 b) 4)"),
        ("para. 3.3 b) 4)", "3.3 b) 4)"), ("§3.3 b) 4)", "3.3 b) 4)"), ("4.2.2.3.", "4.2.2.3"),
        ("４．２", "4.2"), ("3.3（ｂ）", "3.3 b)"), ("３．３（ｂ）（４）", "3.3 b) 4)"),
        // Numbers, sub-items, bullets and unnumbered paragraphs.
        ("4.2.2.3", "4.2.2.3"), ("1", "1"), ("2.1.1.", "2.1.1"), ("3.1.16 i)", "3.1.16 i)"), ("3.1.16 (ii)", "3.1.16 ii)"),
        ("3.3 B)", "3.3 B)"), ("2.1.1 •2", "2.1.1 •2"), ("2.1.1 • 2", "2.1.1 •2"), ("2.1.1•2", "2.1.1 •2"),
        ("4.2.2.3 ¶1", "4.2.2.3 ¶1"), ("¶3", "¶3"), ("¶ 3", "¶3"), ("¶ 2.3", "2.3"), ("  4.2.2.3\t", "4.2.2.3"),
        // Words for "paragraph" in the six languages.
        ("Paragraph 2.3", "2.3"), ("para 8.", "8"), ("Para.10", "10"), ("par. 5", "5"), ("Section 4", "4"), ("§ 5", "5"),
        ("第4.2.2.2段", "4.2.2.2"), ("第３．３段落", "3.3"), ("4.2.2.6段", "4.2.2.6"), ("第3.3 b) 4)项", "3.3 b) 4)"),
        ("paragraphe 3.3 b)", "3.3 b)"), ("alinéa 3.3 b)", "3.3 b)"), ("párrafo 4.2", "4.2"), ("Apartado 4.2", "4.2"),
        ("пункт 4.2.2.3", "4.2.2.3"), ("п. 4.2", "4.2"), ("الفقرة 4.2.2.3", "4.2.2.3"), ("الفقرة ٤٫٢", "4.2"),
    ])
    func canonicalIDs(written: String, id: String) {
        #expect(ParagraphReference.canonical(written) == id)
    }

    @Test(arguments: ["", "general", "x.y", "1..2", "4.2.2.5-4.2.2.6", "4.2.2.5, 4.2.2.6", "3.3 b", "3.3 (important)",
                      "Paragraphs 2", "Paragraphing 2", "b)", "1234567890", "2.3 Title", "after 4.2", "•2", "3.3 b) 4) 5"])
    func notOneReference(written: String) {
        #expect(ParagraphReference.canonical(written) == nil)
    }

    @Test func proposedBodyDropsANumberThatRepeatsTheAnchor() {
        #expect(ParagraphReference.proposedBody("4.2.2.3\tNew text.", anchor: "4.2.2.3") == "New text.")
        #expect(ParagraphReference.proposedBody("4.2.2.3 New text.", anchor: "4.2.2.3") == "New text.")
        #expect(ParagraphReference.proposedBody("4.2.2.3. \t New\ttext.", anchor: "4.2.2.3") == "New\ttext.")
        #expect(ParagraphReference.proposedBody("４．２．２．３　新案文。", anchor: "4.2.2.3") == "新案文。")
        #expect(ParagraphReference.proposedBody("New text.", anchor: "4.2.2.3") == "New text.")
        // Another number is part of the text (a new paragraph's own number, a figure).
        #expect(ParagraphReference.proposedBody("4.2.2.4 New text.", anchor: "4.2.2.3") == "4.2.2.4 New text.")
        #expect(ParagraphReference.proposedBody("2020 was a year.", anchor: "2") == "2020 was a year.")
        #expect(ParagraphReference.proposedBody("4.2.2.7\tNew paragraph.", anchor: "after 4.2.2.6") == "4.2.2.7\tNew paragraph.")
        // A number alone, or glued to the text, stays.
        #expect(ParagraphReference.proposedBody("4.2.2.3", anchor: "4.2.2.3") == "4.2.2.3")
        #expect(ParagraphReference.proposedBody("4.2.2.3text", anchor: "4.2.2.3") == "4.2.2.3text")
        // Sub-items: the whole id, or the labels that end it.
        #expect(ParagraphReference.proposedBody("3.3 b) 4)\t工作组", anchor: "3.3 b) 4)") == "工作组")
        #expect(ParagraphReference.proposedBody("4)\t工作组", anchor: "3.3 b) 4)") == "工作组")
        #expect(ParagraphReference.proposedBody("b) 4) 工作组", anchor: "3.3 b) 4)") == "工作组")
        #expect(ParagraphReference.proposedBody("(4) 工作组", anchor: "3.3 b) 4)") == "工作组")
        #expect(ParagraphReference.proposedBody("5) 工作组", anchor: "3.3 b) 4)") == "5) 工作组")
        #expect(ParagraphReference.proposedBody("4)工作组", anchor: "3.3 b) 4)") == "4)工作组")
    }
}
