import Foundation
import Testing
@testable import DraftFlow

/// Issue 10: the headings delegations write, in the six UN languages.
@Suite("Comment headings")
struct CommentHeadingTests {
    func heading(_ line: String) throws -> ParsedComment {
        let comments = try CommentParser.parse(data: Data("\(line)\nText.\n".utf8), fileName: "CHN.md")
        #expect(comments.count == 1)
        return comments[0]
    }

    func refusal(_ line: String) -> DraftFlowError? {
        do {
            let comments = try CommentParser.parse(data: Data("\(line)\nText.\n".utf8), fileName: "CHN.md")
            Issue.record("accepted: \(comments)")
            return nil
        } catch let error as DraftFlowError {
            #expect(error.kind == .invalidInput)
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// Issue 10, section 8: each heading the Chinese delegation's file had, refused before.
    @Test func headingsOfTheChineseDelegationAreAccepted() throws {
        let text = """
        # 中国对第1稿的意见
        ## 第4.2.2.2段（编辑性）
        甲。
        ## 4.2.2.3（ed）
        乙。
        ## 总体意见
        丙。
        ## 4.2.2.5-4.2.2.6
        丁。
        ## 4.2.2.5, 4.2.2.6
        戊。
        """
        let comments = try CommentParser.parse(data: Data(text.utf8), fileName: "CHN.md")
        #expect(comments == [
            ParsedComment(reference: .paragraphs(["4.2.2.2"]), type: .editorial, text: "甲。"),
            ParsedComment(reference: .paragraphs(["4.2.2.3"]), type: .editorial, text: "乙。"),
            ParsedComment(reference: .general, type: .general, text: "丙。"),
            ParsedComment(reference: .range(from: "4.2.2.5", to: "4.2.2.6"), type: .general, text: "丁。"),
            ParsedComment(reference: .paragraphs(["4.2.2.5", "4.2.2.6"]), type: .general, text: "戊。"),
        ])
        #expect(comments.map(\.anchor) == [.paragraph("4.2.2.2"), .paragraph("4.2.2.3"), .general,
                                           .paragraph("4.2.2.5"), .paragraph("4.2.2.5")])
    }

    @Test(arguments: [
        // References per the contract.
        ("## 4.2.2.3", CommentReference.paragraphs(["4.2.2.3"]), CommentType.general),
        ("## 3.3 b) 4)", .paragraphs(["3.3 b) 4)"]), .general),
        ("## 3.3(b)(4)", .paragraphs(["3.3 b) 4)"]), .general),
        ("## 3.3 (b) (4) (te)", .paragraphs(["3.3 b) 4)"]), .technical),
        ("## 3.1.16 i) (ed)", .paragraphs(["3.1.16 i)"]), .editorial),
        ("## 2.1.1 •2", .paragraphs(["2.1.1 •2"]), .general),
        ("## ４．２．２．３（ｅｄ）", .paragraphs(["4.2.2.3"]), .editorial),
        ("## 4.2.2.3 ¶1 [te]", .paragraphs(["4.2.2.3 ¶1"]), .technical),
        ("## 4.2.2.3:", .paragraphs(["4.2.2.3"]), .general),
        // Chinese.
        ("## 第4.2.2.2段（编辑性）", .paragraphs(["4.2.2.2"]), .editorial),
        ("## 4.2.2.3（ed）", .paragraphs(["4.2.2.3"]), .editorial),
        ("## 第3.3 b) 4)项（技术性）", .paragraphs(["3.3 b) 4)"]), .technical),
        ("## 总体意见", .general, .general),
        ("## 一般性意见（编辑性）", .general, .editorial),
        ("## 第2段（一般性）", .paragraphs(["2"]), .general),
        ("## 第2段（总体）", .paragraphs(["2"]), .general),
        ("## 第2段【技术性意见】", .paragraphs(["2"]), .technical),
        // French.
        ("## Paragraphe 4.2.2.3 (rédactionnel)", .paragraphs(["4.2.2.3"]), .editorial),
        ("## § 4.2 (technique)", .paragraphs(["4.2"]), .technical),
        ("## Observations générales (général)", .general, .general),
        ("## Général", .general, .general),
        // Spanish.
        ("## Párrafo 4.2.2.3 (técnico)", .paragraphs(["4.2.2.3"]), .technical),
        ("## párrafo 4.2 (de redacción)", .paragraphs(["4.2"]), .editorial),
        ("## Observaciones generales (editorial)", .general, .editorial),
        // Russian.
        ("## Пункт 4.2.2.3 (редакционный)", .paragraphs(["4.2.2.3"]), .editorial),
        ("## Общие замечания (технический)", .general, .technical),
        ("## п. 4.2 (общий)", .paragraphs(["4.2"]), .general),
        // Arabic.
        ("## الفقرة 4.2.2.3 (تحريري)", .paragraphs(["4.2.2.3"]), .editorial),
        ("## ملاحظات عامة (عام)", .general, .general),
        ("## الفقرة 4.2 (تقني)", .paragraphs(["4.2"]), .technical),
        ("## الفقرة 4.2 (فني)", .paragraphs(["4.2"]), .technical),
        // Ranges and lists.
        ("## 4.2.2.5-4.2.2.6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## 4.2.2.5–4.2.2.6 (te)", .range(from: "4.2.2.5", to: "4.2.2.6"), .technical),
        ("## 4.2.2.5 to 4.2.2.6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## Paragraphs 4.2.2.5 to 4.2.2.6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## 4.2.2.5-6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## 3.3 b)-d)", .range(from: "3.3 b)", to: "3.3 d)"), .general),
        ("## 第4.2.2.5至4.2.2.6段", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## 第4.2.2.5段至第4.2.2.6段（编辑性）", .range(from: "4.2.2.5", to: "4.2.2.6"), .editorial),
        ("## paragraphes 4.2.2.5 à 4.2.2.6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## párrafos 4.2.2.5 a 4.2.2.6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## пункты 4.2.2.5–4.2.2.6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## من الفقرة 4.2.2.5 إلى الفقرة 4.2.2.6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## from 4.2.2.5 to 4.2.2.6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## 从第4.2.2.5段到第4.2.2.6段", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## du paragraphe 4.2.2.5 au paragraphe 4.2.2.6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## del párrafo 4.2.2.5 al 4.2.2.6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## с пункта 4.2.2.5 по пункт 4.2.2.6", .range(from: "4.2.2.5", to: "4.2.2.6"), .general),
        ("## 4.2.2.5-4.2.2.5", .paragraphs(["4.2.2.5"]), .general),
        ("## 4.2.2.5, 4.2.2.6", .paragraphs(["4.2.2.5", "4.2.2.6"]), .general),
        ("## 4.2.2.5 and 4.2.2.6", .paragraphs(["4.2.2.5", "4.2.2.6"]), .general),
        ("## Paragraphs 4.2.2.5, 4.2.2.6 and 4.3 (ed)", .paragraphs(["4.2.2.5", "4.2.2.6", "4.3"]), .editorial),
        ("## 4.2.2.5、4.2.2.6", .paragraphs(["4.2.2.5", "4.2.2.6"]), .general),
        ("## 4.2.2.5，4.2.2.6", .paragraphs(["4.2.2.5", "4.2.2.6"]), .general),
        ("## 第4.2.2.5段和第4.2.2.6段", .paragraphs(["4.2.2.5", "4.2.2.6"]), .general),
        ("## 3.3 b), c) and e)", .paragraphs(["3.3 b)", "3.3 c)", "3.3 e)"]), .general),
        ("## 4.2.2.5, 4.2.2.5", .paragraphs(["4.2.2.5"]), .general),
        ("## paragraphes 4.2.2.5 et 4.2.2.6", .paragraphs(["4.2.2.5", "4.2.2.6"]), .general),
        ("## párrafos 4.2.2.5 y 4.2.2.6", .paragraphs(["4.2.2.5", "4.2.2.6"]), .general),
        ("## пункты 4.2.2.5 и 4.2.2.6", .paragraphs(["4.2.2.5", "4.2.2.6"]), .general),
        ("## الفقرتان 4.2.2.5 و4.2.2.6", .paragraphs(["4.2.2.5", "4.2.2.6"]), .general),
        // A proposed new paragraph.
        ("## after 4.2.2.6", .insertion(after: "4.2.2.6"), .general),
        ("## new paragraph after 4.2.2.6 (te)", .insertion(after: "4.2.2.6"), .technical),
        ("## insert after 4.2.2.6", .insertion(after: "4.2.2.6"), .general),
        ("## Insert a new paragraph after paragraph 3.3 b) 4)", .insertion(after: "3.3 b) 4)"), .general),
        ("## New paragraph 4.2.2.7 after 4.2.2.6", .insertion(after: "4.2.2.6"), .general),
        ("## after 4.2.2.6 (new)", .insertion(after: "4.2.2.6"), .general),
        ("## 在4.2.2.6段之后", .insertion(after: "4.2.2.6"), .general),
        ("## 在第4.2.2.6段后插入新段落（技术性）", .insertion(after: "4.2.2.6"), .technical),
        ("## 4.2.2.6段之后（新段落）", .insertion(after: "4.2.2.6"), .general),
        ("## 新段落：在4.2.2.6段之后", .insertion(after: "4.2.2.6"), .general),
        ("## Nouveau paragraphe après le paragraphe 4.2.2.6", .insertion(after: "4.2.2.6"), .general),
        ("## après 4.2.2.6", .insertion(after: "4.2.2.6"), .general),
        ("## Nuevo párrafo después del párrafo 4.2.2.6", .insertion(after: "4.2.2.6"), .general),
        ("## después de 4.2.2.6", .insertion(after: "4.2.2.6"), .general),
        ("## Новый пункт после пункта 4.2.2.6", .insertion(after: "4.2.2.6"), .general),
        ("## после 4.2.2.6", .insertion(after: "4.2.2.6"), .general),
        ("## فقرة جديدة بعد الفقرة 4.2.2.6", .insertion(after: "4.2.2.6"), .general),
        ("## بعد 4.2.2.6", .insertion(after: "4.2.2.6"), .general),
    ])
    func headingNames(line: String, reference: CommentReference, type: CommentType) throws {
        let comment = try heading(line)
        #expect(comment.reference == reference)
        #expect(comment.anchor == reference.anchor)
        #expect(comment.type == type)
        #expect(comment.text == "Text.")
    }

    @Test func theAnchorIsTheFirstPartOfTheReference() {
        #expect(CommentReference.general.anchor == .general)
        #expect(CommentReference.paragraphs(["4.2.2.5", "4.2.2.6"]).anchor == .paragraph("4.2.2.5"))
        #expect(CommentReference.range(from: "4.2.2.5", to: "4.2.2.6").anchor == .paragraph("4.2.2.5"))
        #expect(CommentReference.insertion(after: "4.2.2.6").anchor == .paragraph("after 4.2.2.6"))
        #expect(CommentReference.implied(by: .paragraph("after 4.2.2.6")) == .insertion(after: "4.2.2.6"))
        #expect(CommentReference.implied(by: .paragraph("3.3 b) 4)")) == .paragraphs(["3.3 b) 4)"]))
        #expect(CommentReference.implied(by: .general) == .general)
        #expect(["general", "4.2.2.5, 4.2.2.6", "4.2.2.5-4.2.2.6", "after 4.2.2.6"] == [
            CommentReference.general, .paragraphs(["4.2.2.5", "4.2.2.6"]), .range(from: "4.2.2.5", to: "4.2.2.6"),
            .insertion(after: "4.2.2.6"),
        ].map(\.description))
    }

    @Test func headingsThatNameNothingAreRefusedWithTheirProblem() {
        let unknownType = refusal("## 第4.2.2.2段（重要）")
        #expect(unknownType?.message == "CHN.md, line 1: the heading '## 第4.2.2.2段（重要）' gives the type '重要', which is not general, technical or editorial (ge, te, ed)")
        let notAReference = refusal("## Introduction (te)")
        #expect(notAReference?.message == "CHN.md, line 1: the heading '## Introduction (te)' does not name a paragraph: 'Introduction' is neither 'general' nor a paragraph number")
        #expect(notAReference?.fix?.contains("## 2.3 (technical)") == true)
        let mixed = refusal("## 4.2.2.1, 4.2.2.5-4.2.2.6")
        #expect(mixed?.message == "CHN.md, line 1: the heading '## 4.2.2.1, 4.2.2.5-4.2.2.6' mixes a list and a range of paragraphs ('4.2.2.1, 4.2.2.5-4.2.2.6')")
        #expect(refusal("## 4.1-4.2-4.3")?.message.contains("mixes a list and a range") == true)
        let nowhere = refusal("## 4.2.2.7 (new)")
        #expect(nowhere?.message == "CHN.md, line 1: the heading '## 4.2.2.7 (new)' proposes a new paragraph but does not say where it goes ('4.2.2.7')")
        #expect(refusal("## （编辑性）")?.message == "CHN.md, line 1: the heading '## （编辑性）' names no paragraph")
        #expect(refusal("## after")?.message.contains("does not name a paragraph") == true)
        #expect(refusal("## 4.2.2.5 to")?.message.contains("does not name a paragraph") == true)
        #expect(refusal("## 3.3 b) 4")?.message.contains("does not name a paragraph") == true)
        #expect(refusal("## b), c)")?.message.contains("does not name a paragraph") == true)
    }
}
