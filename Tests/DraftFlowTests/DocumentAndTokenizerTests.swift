import Foundation
import Testing
import DraftFlow
import TestSupport

@Suite struct DraftDocumentTests {
    let text = """
    # Outline of the input

    ## 1 Introduction

    1.1 The Council welcomes the invitation.
    It notes the progress made.

    1.2. ICTs are key enablers.

    ## 2. ITU's contribution
    (a) first item

    2020 was a difficult year.

    """

    @Test func parsesHeadingsParagraphsNumbersAndAnchors() {
        let document = DraftDocument.parse(text)
        #expect(document.blocks.map(\.kind) == [.heading(level: 1), .heading(level: 2), .paragraph, .paragraph,
                                                 .heading(level: 2), .paragraph, .paragraph])
        #expect(document.blocks.map(\.number) == [nil, "1", "1.1", "1.2", "2", "(a)", nil])
        #expect(document.blocks.map(\.anchor) == ["¶1", "1", "1.1", "1.2", "2", "2 a)", "2 a) ¶1"])
        #expect(document.blocks.map(\.level) == [1, 1, 2, 2, 1, 2, 3])
        #expect(document.blocks.map(\.parent) == [nil, nil, "1", "1", nil, "2", "2 a)"])
        #expect(document.blocks[2].text == "1.1 The Council welcomes the invitation.\nIt notes the progress made.")
        #expect(document.block(anchor: "1.2")?.text == "1.2. ICTs are key enablers.")
        #expect(document.block(anchor: "1.2")?.body == "ICTs are key enablers.")
        #expect(document.block(anchor: "2")?.body == "ITU's contribution")
        #expect(document.block(anchor: "2 a)")?.body == "first item")
        #expect(document.block(anchor: "9") == nil)
    }

    @Test func renderRoundTrips() {
        let document = DraftDocument.parse(text)
        let rendered = document.render()
        #expect(rendered.hasSuffix("2020 was a difficult year.\n"))
        #expect(rendered.contains("## 2. ITU's contribution\n\n(a) first item"))
        #expect(DraftDocument.parse(rendered) == document)
        #expect(DraftDocument.parse(rendered).render() == rendered)
        #expect(DraftDocument.parse("").blocks.isEmpty)
        #expect(DraftDocument.parse("").render() == "")
    }

    @Test func crlfAndBlankLinesWithSpaces() {
        let document = DraftDocument.parse("## 3 Title\r\n   \r\n3.1 Text\r\nmore\r\n")
        #expect(document.blockTexts == ["## 3 Title", "3.1 Text\nmore"])
        #expect(document.blocks.map(\.anchor) == ["3", "3.1"])
    }

    @Test func aDuplicateNumberIsCitedAsAnUnnumberedParagraphAndFlagged() {
        let document = DraftDocument.parse("1. First\n\n1. Again\n")
        #expect(document.blocks.map(\.anchor) == ["1", "1 ¶1"])
        #expect(document.blocks.map(\.number) == ["1", "1"])
        #expect(document.duplicates.map(\.anchor) == ["1 ¶1"])
    }
}

@Suite struct TokenizerTests {
    @Test(arguments: [
        "The ITU Council welcomes the invitation, noting (a) its role; 2.3 items.",
        "Le Conseil de l'UIT se félicite de l’invitation — élaborée à Genève.",
        "Cafe\u{301} de\u{301}compose\u{301}",
        "Совет МСЭ приветствует приглашение Председателя ЭКОСОС.",
        "يُرَحِّبُ مَجْلِسُ الاتِّحَادِ بِالدَّعْوَةِ، وَيُؤَكِّدُ دَوْرَهُ.",
        "国际电联理事会欢迎经社理事会主席的邀请，并提供2020年的意见。",
        "ITU理事会は、招待を歓迎する。한국어 문장도 있습니다.",
        "  leading and trailing\n\twhitespace  ",
        "",
    ])
    func tokensJoinToTheOriginal(_ text: String) {
        let tokens = Tokenizer.tokens(text)
        #expect(tokens.joined() == text)
        #expect(Array(tokens.joined().utf8) == Array(text.utf8))
    }

    @Test func englishTokens() {
        #expect(Tokenizer.tokens("ITU's role, 2.3") == ["ITU", "'", "s", " ", "role", ",", " ", "2", ".", "3"])
    }

    @Test func combiningMarksStayWithTheirLetters() {
        #expect(Tokenizer.tokens("Cafe\u{301} ok") == ["Cafe\u{301}", " ", "ok"])
        let arabic = "بِالدَّعْوَةِ، وَ"
        #expect(Tokenizer.tokens(arabic) == ["بِالدَّعْوَةِ", "،", " ", "وَ"])
    }

    @Test func cyrillicWords() {
        #expect(Tokenizer.tokens("Совет МСЭ.") == ["Совет", " ", "МСЭ", "."])
    }

    @Test func cjkCharactersAreTokensOfTheirOwn() {
        #expect(Tokenizer.tokens("理事会2020年") == ["理", "事", "会", "2020", "年"])
        #expect(Tokenizer.tokens("歓迎する。") == ["歓", "迎", "す", "る", "。"])
        #expect(Tokenizer.tokens("한국어 문장") == ["한", "국", "어", " ", "문", "장"])
    }
}

@Suite struct DiffTests {
    func apply(_ a: [Int], _ b: [Int], _ edits: [DiffEdit]) -> [Int] {
        var result: [Int] = []
        var ia = 0, ib = 0
        for edit in edits {
            #expect(edit.a.lowerBound == ia)
            #expect(edit.b.lowerBound == ib)
            switch edit.kind {
            case .equal:
                #expect(Array(a[edit.a]) == Array(b[edit.b]))
                result += a[edit.a]
            case .delete:
                #expect(edit.b.isEmpty)
            case .insert:
                #expect(edit.a.isEmpty)
                result += b[edit.b]
            }
            ia = edit.a.upperBound
            ib = edit.b.upperBound
        }
        #expect(ia == a.count && ib == b.count)
        return result
    }

    @Test func smallCases() {
        #expect(Diff.edits([Int](), [Int]()) == [])
        #expect(Diff.edits([1, 2, 3], [1, 2, 3]) == [DiffEdit(kind: .equal, a: 0..<3, b: 0..<3)])
        #expect(Diff.edits([1, 2, 3], [1, 4, 3]) == [
            DiffEdit(kind: .equal, a: 0..<1, b: 0..<1),
            DiffEdit(kind: .delete, a: 1..<2, b: 1..<1),
            DiffEdit(kind: .insert, a: 2..<2, b: 1..<2),
            DiffEdit(kind: .equal, a: 2..<3, b: 2..<3),
        ])
        #expect(Diff.hunks(Array("abcabba"), Array("cbabac")).count >= 2)
        #expect(Diff.hunks([1, 2], [Int]()) == [DiffHunk(a: 0..<2, b: 0..<0)])
    }

    @Test func minimalOnClassicExample() {
        // Myers' paper: ABCABBA → CBABAC has an edit distance of 5.
        let edits = Diff.edits(Array("ABCABBA"), Array("CBABAC"))
        let cost = edits.filter { $0.kind != .equal }.reduce(0) { $0 + $1.a.count + $1.b.count }
        #expect(cost == 5)
    }

    @Test func randomEditsReconstruct() {
        var generator = SeededGenerator(seed: 42)
        for round in 0..<200 {
            let a = (0..<Int.random(in: 0...60, using: &generator)).map { _ in Int.random(in: 0...5, using: &generator) }
            var b = a
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                let choice = Int.random(in: 0...2, using: &generator)
                if choice == 0 || b.isEmpty {
                    b.insert(Int.random(in: 0...7, using: &generator), at: Int.random(in: 0...b.count, using: &generator))
                } else if choice == 1 {
                    b.remove(at: Int.random(in: 0..<b.count, using: &generator))
                } else {
                    b[Int.random(in: 0..<b.count, using: &generator)] = Int.random(in: 0...7, using: &generator)
                }
            }
            let limit = round % 2 == 0 ? Diff.defaultCostLimit : 2
            #expect(apply(a, b, Diff.edits(a, b, costLimit: limit)) == b)
        }
    }

    @Test func largeInputsWithFewDifferences() {
        var generator = SeededGenerator(seed: 7)
        let a = (0..<100_000).map { _ in Int.random(in: 0..<5000, using: &generator) }
        var b = a
        for k in stride(from: 1000, to: 100_000, by: 10_000) { b[k] = -k }
        b.insert(-1, at: 50_000)
        let edits = Diff.edits(a, b)
        #expect(apply(a, b, edits) == b)
        #expect(edits.filter { $0.kind == .insert }.count == 11)
    }

    @Test func largeVeryDifferentInputsStayValid() {
        var generator = SeededGenerator(seed: 9)
        let a = (0..<20_000).map { _ in Int.random(in: 0..<50, using: &generator) }
        let b = (0..<20_000).map { _ in Int.random(in: 0..<50, using: &generator) }
        #expect(apply(a, b, Diff.edits(a, b)) == b)
    }
}
