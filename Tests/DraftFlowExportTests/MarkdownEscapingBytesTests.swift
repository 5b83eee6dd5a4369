@testable import DraftFlowExport
import Foundation
import Testing
import TestSupport

/// `MarkdownText.escaped` reads UTF-8 bytes and returns a text with nothing to escape as it is;
/// it must escape exactly as reading scalar by scalar did (`escapedByScalars`).
@Suite struct MarkdownEscapingBytesTests {
    static let pieces = ["<", ">", "&", "`", "[", "]", "{", "}", "~", "^", "_", "|", "\\", "\\\\", "*", "#", "!", ".", " ", "a",
                         "Council", "é", "e\u{301}", "\u{301}", "<\u{301}", "\\\u{301}", "理事会", "المجلس", "👍🏽", "🇨🇭",
                         "\u{FF1C}", "\u{2216}", "\n", "\t", "x\u{200D}y", "\u{7F}", "\u{80}", "\u{A0}"]

    @Test func escapingTheBytesIsEscapingTheScalars() {
        var generator = SeededGenerator(seed: 314)
        var changed = 0
        for round in 0..<5_000 {
            let text = (0..<generator.below(12)).map { _ in generator.pick(Self.pieces) }.joined()
                + (round % 7 == 0 ? "\\" : "")
            let escaped = MarkdownText.escaped(text)
            #expect(escaped == MarkdownText.escapedByScalars(text), "\(text.debugDescription)")
            #expect(escaped.utf8.elementsEqual(MarkdownText.escapedByScalars(text).utf8), "\(text.debugDescription)")
            if escaped != text { changed += 1 }
        }
        #expect(changed > 2_000)
        #expect(MarkdownText.escaped("a\\") == "a\\\\")
        #expect(MarkdownText.escaped("\\* <x>") == "\\* \\<x\\>")
        #expect(MarkdownText.escaped("理事会 e\u{301}") == "理事会 e\u{301}")
    }
}
