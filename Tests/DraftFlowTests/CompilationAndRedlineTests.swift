import Foundation
import Testing
@testable import DraftFlow

@Suite struct CompilationTests {
    let names = ["CAN": "Canada", "USA": "United States"]

    func edit(_ text: String, _ replacements: [(String, String)]) -> String {
        var result = text
        for (old, new) in replacements { result = result.replacingOccurrences(of: old, with: new) }
        return result
    }

    @Test func inlineChangesAndAlternatives() {
        let base = ProposalMergeTests.base
        let can = Proposal(members: ["CAN"], text: edit(base, [("key enablers", "essential enablers"), ("Council welcomes", "Council appreciates")]))
        let usa = Proposal(members: ["USA"], text: edit(base, [("key enablers", "important enablers"), ("ITU supports", "ITU actively supports")]))
        let result = ProposalMerge.merge(base: base, proposals: [can, usa])
        #expect(Compilation.markdown(base: base, result: result, memberNames: names) == """
        # Input to the 2020 HLPF

        ## 1 Introduction

        1.1 The Council ~~welcomes~~ **appreciates** (Canada) the invitation to contribute. It notes the progress made since 2015.

        1.2 [Alt 1 (Canada): ICTs are essential enablers of sustainable development.] [Alt 2 (United States): ICTs are important enablers of sustainable development.]

        ## 2 ITU's contribution

        2.1 ITU **actively** (United States) supports the implementation of the 2030 Agenda.

        """)
        #expect(Compilation.html(base: base, result: result, memberNames: names) == """
        <h1 dir="auto">Input to the 2020 HLPF</h1>
        <h2 dir="auto">1 Introduction</h2>
        <p dir="auto">1.1 The Council <del>welcomes</del><ins>appreciates</ins> <span class="by">(Canada)</span> the invitation to contribute. It notes the progress made since 2015.</p>
        <p dir="auto">1.2 <span class="alt">[Alt 1 (Canada): <ins>ICTs are essential enablers of sustainable development.</ins>]</span> <span class="alt">[Alt 2 (United States): <ins>ICTs are important enablers of sustainable development.</ins>]</span></p>
        <h2 dir="auto">2 ITU&#39;s contribution</h2>
        <p dir="auto">2.1 ITU <ins>actively</ins> <span class="by">(United States)</span> supports the implementation of the 2030 Agenda.</p>

        """)
    }

    /// Issue 10: a collision is never shown as fragments inside other members' edits, which read
    /// as a sentence nobody wrote: each alternative is one member's complete wording.
    @Test func alternativesAreWholeSentencesOrWholeParagraphs() {
        let base = "# T\n\n2.4 The year 2020 has been reached. Action will require political commitment and substantial investment in infrastructure.\n"
        let can = Proposal(members: ["CAN"], text: edit(base, [("substantial investment", "sustained investment")]))
        let usa = Proposal(members: ["USA"], text: edit(base, [("substantial investment", "private-sector investment")]))
        let result = ProposalMerge.merge(base: base, proposals: [can, usa])
        #expect(Compilation.markdown(base: base, result: result, memberNames: names) == """
        # T

        2.4 The year 2020 has been reached. [Alt 1 (Canada): Action will require political commitment and sustained investment in infrastructure.] [Alt 2 (United States): Action will require political commitment and private-sector investment in infrastructure.]

        """)
        // A third member's change inside that sentence makes it an alternative of its own.
        let fra = Proposal(members: ["FRA"], text: edit(base, [("Action will", "Urgent action will")]))
        let three = ProposalMerge.merge(base: base, proposals: [can, usa, fra])
        #expect(Compilation.markdown(base: base, result: three, memberNames: names.merging(["FRA": "France"]) { $1 }) == """
        # T

        2.4 The year 2020 has been reached. [Alt 1 (Canada): Action will require political commitment and sustained investment in infrastructure.] [Alt 2 (United States): Action will require political commitment and private-sector investment in infrastructure.] [Alt 3 (France): Urgent action will require political commitment and substantial investment in infrastructure.]

        """)
        // A member who also changed another sentence of the paragraph: the whole paragraph.
        let wide = Proposal(members: ["USA"], text: edit(base, [("substantial investment", "private-sector investment"), ("has been reached", "is here")]))
        let paragraph = ProposalMerge.merge(base: base, proposals: [can, wide])
        #expect(Compilation.markdown(base: base, result: paragraph, memberNames: names) == """
        # T

        2.4 [Alt 1 (Canada): The year 2020 has been reached. Action will require political commitment and sustained investment in infrastructure.] [Alt 2 (United States): The year 2020 is here. Action will require political commitment and private-sector investment in infrastructure.]

        """)

    }

    @Test func sharedChangesDeletionsAndInsertions() {
        let base = ProposalMergeTests.base
        let both = edit(base, [("2030 Agenda", "2030 Agenda <b>&</b> SDGs")])
        let can = Proposal(members: ["CAN"], text: edit(both, [("1.2 ICTs are key enablers of sustainable development.\n\n", "")]))
        let usa = Proposal(members: ["USA"], text: edit(both, [("## 2 ITU", "2.0 New text.\n\n## 2 ITU")]))
        let result = ProposalMerge.merge(base: base, proposals: [can, usa])
        #expect(Compilation.markdown(base: base, result: result, memberNames: names) == """
        # Input to the 2020 HLPF

        ## 1 Introduction

        1.1 The Council welcomes the invitation to contribute. It notes the progress made since 2015.

        ~~1.2 ICTs are key enablers of sustainable development.~~ (Canada)

        **2.0 New text.** (United States)

        ## 2 ITU's contribution

        2.1 ITU supports the implementation of the 2030 Agenda **<b>&</b> SDGs** (Canada, United States).

        """)
        let html = Compilation.html(base: base, result: result, memberNames: names)
        #expect(html.contains("<p dir=\"auto\">2.1 ITU supports the implementation of the 2030 Agenda <ins>&lt;b&gt;&amp;&lt;/b&gt; SDGs</ins> <span class=\"by\">(Canada, United States)</span>.</p>"))
        #expect(html.contains("<p dir=\"auto\"><del>1.2 ICTs are key enablers of sustainable development.</del> <span class=\"by\">(Canada)</span></p>"))
    }
}

@Suite struct RedlineTests {
    @Test func english() {
        let blocks = Redline.compare(old: "1.1 The Council welcomes the invitation.\n",
                                     new: "1.1 The Council warmly welcomes the invitation to contribute.\n")
        #expect(blocks.map(\.status) == [.modified])
        #expect(Redline.markdown(blocks) == "1.1 The Council **warmly** welcomes the invitation **to contribute**.\n")
        #expect(Redline.html(blocks) == "<p dir=\"auto\" class=\"modified\">1.1 The Council <ins>warmly </ins>welcomes the invitation<ins> to contribute</ins>.</p>\n")
    }

    @Test func french() {
        let blocks = Redline.compare(old: "Le Conseil se félicite de l'invitation.\n", new: "Le Conseil se réjouit de l'invitation.\n")
        #expect(blocks[0].segments == [.equal("Le Conseil se "), .deleted("félicite"), .inserted("réjouit"), .equal(" de l'invitation.")])
        #expect(Redline.markdown(blocks) == "Le Conseil se ~~félicite~~**réjouit** de l'invitation.\n")
    }

    @Test func chineseIsComparedCharacterByCharacter() {
        let blocks = Redline.compare(old: "国际电联支持落实可持续发展目标。\n", new: "国际电联积极支持落实可持续发展议程。\n")
        #expect(blocks[0].segments == [.equal("国际电联"), .inserted("积极"), .equal("支持落实可持续发展"),
                                       .deleted("目标"), .inserted("议程"), .equal("。")])
        #expect(Redline.markdown(blocks) == "国际电联**积极**支持落实可持续发展~~目标~~**议程**。\n")
    }

    @Test func arabicKeepsHarakatWithTheirLetters() {
        let old = "يُرَحِّبُ مَجْلِسُ الاتِّحَادِ بِالدَّعْوَةِ.\n"
        let new = "يُرَحِّبُ مَجْلِسُ الاتِّحَادِ كَثِيرًا بِالدَّعْوَةِ.\n"
        let blocks = Redline.compare(old: old, new: new)
        #expect(blocks[0].segments == [.equal("يُرَحِّبُ مَجْلِسُ الاتِّحَادِ "), .inserted("كَثِيرًا "), .equal("بِالدَّعْوَةِ.")])
        let html = Redline.html(blocks)
        #expect(html == "<p dir=\"auto\" class=\"modified\">يُرَحِّبُ مَجْلِسُ الاتِّحَادِ <ins>كَثِيرًا </ins>بِالدَّعْوَةِ.</p>\n")
        // Every segment starts on a base letter, never on a combining mark.
        for segment in blocks[0].segments {
            if case .inserted(let text) = segment {
                #expect(text.unicodeScalars.first?.properties.generalCategory != .nonspacingMark)
            }
        }
        // Harakat changed on one word: the whole word is replaced, marks and all.
        let vowelled = Redline.compare(old: "كَتَبَ الوَلَدُ\n", new: "كُتِبَ الوَلَدُ\n")
        #expect(vowelled[0].segments == [.deleted("كَتَبَ"), .inserted("كُتِبَ"), .equal(" الوَلَدُ")])
    }

    @Test func movedParagraph() {
        let old = """
        ## 1 Introduction

        1.1 The Council welcomes the invitation to contribute to the forum.

        1.2 Broadband networks are the backbone of the digital economy and of sustainable development.

        1.3 The Council notes the progress made.

        1.4 The Council calls on members to act.

        """
        let new = """
        ## 1 Introduction

        1.1 The Council welcomes the invitation to contribute to the forum.

        1.2 The Council notes the progress made.

        1.3 The Council calls on members to act.

        1.4 Broadband networks are the backbone of the digital economy and of sustainable development.

        """
        let blocks = Redline.compare(old: old, new: new)
        #expect(blocks.map(\.status) == [.unchanged, .unchanged, .modified, .modified, .moved(from: "1.2", to: "1.4")])
        #expect(Redline.markdown(blocks) == """
        ## 1 Introduction

        1.1 The Council welcomes the invitation to contribute to the forum.

        1.~~3~~**2** The Council notes the progress made.

        1.~~4~~**3** The Council calls on members to act.

        1.~~2~~**4** Broadband networks are the backbone of the digital economy and of sustainable development. (moved from 1.2)

        """)
        #expect(Redline.html(blocks).contains("<p dir=\"auto\" class=\"moved\">1.<del>2</del><ins>4</ins> Broadband networks are the backbone of the digital economy and of sustainable development. <span class=\"note\">(moved from 1.2)</span></p>"))
    }

    @Test func paragraphMovedUnchangedFarAway() {
        let paragraphs = (1...6).map { "Paragraph number \($0) says something distinct about topic \($0)." }
        let old = DraftDocument.render(blockTexts: paragraphs)
        let new = DraftDocument.render(blockTexts: Array(paragraphs[1...]) + [paragraphs[0]])
        let blocks = Redline.compare(old: old, new: new)
        #expect(blocks.map(\.status) == [.unchanged, .unchanged, .unchanged, .unchanged, .unchanged, .moved(from: "¶1", to: "¶6")])
        #expect(blocks.last?.segments == [.equal(paragraphs[0])])
        #expect(Redline.markdown(blocks).hasSuffix("Paragraph number 1 says something distinct about topic 1. (moved from ¶1)\n"))
    }

    @Test func insertedAndDeletedParagraphs() {
        let blocks = Redline.compare(old: "## 1 A\n\nOld paragraph here.\n", new: "## 1 A\n\nSomething else entirely new.\n\n## 2 B\n")
        #expect(blocks.map(\.status) == [.unchanged, .deleted, .inserted, .inserted])
        #expect(Redline.markdown(blocks) == "## 1 A\n\n~~Old paragraph here.~~\n\n**Something else entirely new.**\n\n## **2 B**\n")
        #expect(Redline.html(blocks).contains("<h2 dir=\"auto\" class=\"inserted\"><ins>2 B</ins></h2>"))
    }
}

@Suite struct RedlineSegmentsTests {
    /// Whatever the shortcut at the shared ends, the segments rebuild both texts exactly.
    @Test func segmentsRebuildBothTextsExactly() {
        let pairs: [(String, String)] = [
            ("The Council welcomes the report of the group.", "The Council warmly welcomes the report of the group."),
            ("Le Conseil prend note du rapport préliminaire du groupe.", "Le Conseil prend note du rapport final du groupe."),
            ("国际电联支持可持续发展目标。", "国际电联全力支持可持续发展目标。"),
            ("يرحب المجلس بالتقرير المقدم من الفريق.", "يرحب المجلس ترحيبا حارا بالتقرير المقدم من الفريق."),
            ("Совет приветствует доклад группы.", "Совет с удовлетворением приветствует доклад группы."),
            ("a b c", "a b c d"), ("a b c d", "a b c"), ("same text", "same text"), ("", "new"), ("old", ""),
            ("x y  z", "x y z"), ("one\ntwo three", "one\ntwo four three"),
        ]
        for (old, new) in pairs {
            let segments = Redline.segments(old: old, new: new)
            var oldSide = "", newSide = ""
            for segment in segments {
                switch segment {
                case .equal(let text): oldSide += text; newSide += text
                case .deleted(let text): oldSide += text
                case .inserted(let text): newSide += text
                }
            }
            #expect(oldSide == old, "\(old) -> \(new)")
            #expect(newSide == new, "\(old) -> \(new)")
        }
        #expect(Redline.segments(old: "The Council welcomes the report of the group.", new: "The Council warmly welcomes the report of the group.")
                == [.equal("The Council "), .inserted("warmly "), .equal("welcomes the report of the group.")])
    }
}

/// Marks never split a bracket pair or a quotation (issue 10, finding 6).
@Suite struct BalancedMarksTests {
    @Test func aChineseInsertionAndDeletionAreShownWhole() {
        let base = "# T\n\n4.2.2.3 截止日期是2020年3月1日（主题是：意见）。\n"
        let chn = Proposal(members: ["CHN"], text: base.replacingOccurrences(of: "3月1日（主题", with: "3月1日（日内瓦时间）（主题"))
        let inserted = ProposalMerge.merge(base: base, proposals: [chn])
        #expect(Compilation.markdown(base: base, result: inserted, memberNames: ["CHN": "China"])
                == "# T\n\n4.2.2.3 截止日期是2020年3月1日**（日内瓦时间）** (China)（主题是：意见）。\n")
        // And taken out again: the deleted words are the whole pair.
        let twice = "# T\n\n4.2.2.3 截止日期是2020年3月1日（日内瓦时间）（日内瓦时间）（主题是：意见）。\n"
        let fix = Proposal(members: ["CAN"], text: base.replacingOccurrences(of: "3月1日（主题", with: "3月1日（日内瓦时间）（主题"))
        let deleted = ProposalMerge.merge(base: twice, proposals: [fix])
        #expect(Compilation.markdown(base: twice, result: deleted, memberNames: ["CAN": "Canada"])
                == "# T\n\n4.2.2.3 截止日期是2020年3月1日（日内瓦时间）~~（日内瓦时间）~~ (Canada)（主题是：意见）。\n")
    }

    @Test func balanceIsReadOverEveryKindOfPair() {
        #expect(BalancedInsertion.isBalanced("（日内瓦时间）"))
        #expect(!BalancedInsertion.isBalanced("日内瓦时间）（"))
        #expect(BalancedInsertion.isBalanced("«X» (a) “b” 《c》"))
        #expect(!BalancedInsertion.isBalanced("“b"))
    }

    @Test func anUnbalancedDeletionOrInsertionSlidesOverEqualText() {
        let tokens = Tokenizer.tokenize("3月1日（日内瓦时间）（日内瓦时间）（主题")
        let text = tokens.map(\.text)
        // "日内瓦时间）（" deleted: the same deletion one token earlier is "（日内瓦时间）".
        let start = text.firstIndex(of: "（")! + 1
        let unbalanced = start..<(start + 7)
        #expect(text[unbalanced].joined() == "日内瓦时间）（")
        let slid = BalancedInsertion.slideDeletion(unbalanced, in: tokens)
        #expect(slid.map { text[$0].joined() } == "（日内瓦时间）")
        // An insertion: "日内瓦时间）（" before "主题" reads "（日内瓦时间）" one token earlier.
        let base = Tokenizer.tokenize("3月1日（主题")
        let at = base.map(\.text).firstIndex(of: "主")!
        #expect(BalancedInsertion.slide("日内瓦时间）（", at: at, in: base).map { $0.1 } == "（日内瓦时间）")
    }
}
