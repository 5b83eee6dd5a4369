@testable import DraftFlow
@testable import DraftFlowExport
import Foundation
import Testing
import TestSupport

/// `MarkdownText.redline` writes the escaped redline in one pass into one string; it must give
/// what escaping the blocks and rendering them with `Redline.markdown` gives (`redlineByParts`),
/// byte for byte: headings whose first segment is equal, deleted or inserted, markers, segments
/// with whitespace or nothing visible at their ends, characters to escape, moves in every language.
@Suite struct RedlineMarkdownOnePassTests {
    static let pieces = ["the", "Council", " ", "  ", "\t", "\n", "é", "e\u{301}", " \u{301}", "理事会", "。", "المجلس", "يرحب",
                         "<b>", "&", "`", "[", "]", "{", "}", "~", "^", "_", "|", "\\", "*", "#", "## ", "# ", "1.2 ", "2030",
                         "\u{A0}", "\u{3000}", "\u{2028}", "\r\n", "👍🏽", "(moved)", "**", "~~"]

    static func text(_ generator: inout SeededGenerator) -> String {
        (0..<generator.below(7)).map { _ in generator.pick(Self.pieces) }.joined()
    }

    static func block(_ generator: inout SeededGenerator) -> RedlineBlock {
        let kind: DraftDocument.BlockKind = generator.below(3) == 0 ? .heading(level: 1 + generator.below(3)) : .paragraph
        var segments: [RedlineSegment] = []
        for index in 0..<(1 + generator.below(6)) {
            var text = Self.text(&generator)
            if index == 0, case .heading(let level) = kind, generator.below(4) != 0 {
                text = String(repeating: "#", count: level) + generator.pick([" ", "  ", "\t", ""]) + text
            }
            switch generator.below(3) {
            case 0: segments.append(.equal(text))
            case 1: segments.append(.deleted(text))
            default: segments.append(.inserted(text))
            }
        }
        let status: RedlineBlock.Status
        switch generator.below(5) {
        case 0: status = .unchanged
        case 1: status = .inserted
        case 2: status = .deleted
        case 3: status = .moved(from: generator.pick(["2.3", "4.1 ¶2", "¶1", "3.3 b) 4)"]), to: "5.1")
        default: status = .modified
        }
        return RedlineBlock(status: status, kind: kind, oldAnchor: "1", newAnchor: "2", segments: segments)
    }

    @Test func onePassIsEscapingThenRendering() {
        var generator = SeededGenerator(seed: 1212)
        var headings = 0, moved = 0
        for _ in 0..<3_000 {
            let blocks = (0..<generator.below(6)).map { _ in Self.block(&generator) }
            let language = generator.pick(Language.allCases)
            let onePass = MarkdownText.redline(blocks, language: language)
            let byParts = MarkdownText.redlineByParts(blocks, language: language)
            #expect(onePass.utf8.elementsEqual(byParts.utf8), "\(blocks)")
            headings += blocks.filter { if case .heading = $0.kind { return true }; return false }.count
            moved += blocks.filter { if case .moved = $0.status { return true }; return false }.count
        }
        #expect(headings > 1_000)
        #expect(moved > 1_000)
    }

    /// Real redlines of generated versions (Chinese, Arabic, moves, insertions, deletions, empty
    /// versions, CR LF line ends).
    @Test func theRedlinesOfGeneratedVersionsAreTheSame() {
        var generator = SeededGenerator(seed: 77)
        let words = ["The", "Council", "welcomes", "ITU", "café", "理事会欢迎", "数字包容。", "المجلس", "يرحب", "<b>", "a_b", "~", "\\"]
        for _ in 0..<300 {
            let old = (0..<generator.below(8)).map { _ in
                generator.pick(["", "## 2 ", "1.1 ", "• "]) + (0..<(1 + generator.below(8))).map { _ in generator.pick(words) }.joined(separator: " ")
            }
            var new = old.map { generator.below(3) == 0 ? $0 + " " + generator.pick(words) : $0 }
            if !new.isEmpty && generator.below(3) == 0 { new.append(new.removeFirst()) }
            if generator.below(4) == 0 { new.insert("Inserted " + generator.pick(words), at: generator.below(new.count + 1)) }
            let separator = generator.below(5) == 0 ? "\r\n" : "\n"
            let blocks = Redline.compare(old: old.joined(separator: separator + separator),
                                         new: new.joined(separator: separator + separator))
            #expect(MarkdownText.redline(blocks) == MarkdownText.redlineByParts(blocks))
        }
    }
}
