import Foundation
import Testing
@testable import DraftFlow
import TestSupport

/// The disposition table's fast paths (the packet's largest part) give exactly what the general
/// code gives: the change a proposal makes described from its paragraph tokenized once, and the
/// trimming that skips Foundation when there is nothing to trim.
@Suite struct ChangeSummaryFastPathTests {
    /// Spaces and line breaks of every kind the set holds, and what is close to them but not in it.
    static let ends = [" ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{200A}",
                       "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\u{301}", "👍🏽",
                       "𝒜", "x", "é", "e\u{301}", "理", "المجلس", "1.2", "#"]

    @Test func trimmingOnlyWhenAnEndNeedsItGivesFoundationsBytes() {
        var generator = SeededGenerator(seed: 17)
        var trimmedSome = 0
        for round in 0..<5_000 {
            var text = ""
            for _ in 0..<generator.below(8) { text += generator.pick(Self.ends) }
            if round % 3 == 0 { text += FastPathTests.text(&generator, words: generator.below(12)) }
            for _ in 0..<generator.below(4) { text += generator.pick(Self.ends) }
            let general = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let fast = TextTrimming.trimming(text, in: .whitespacesAndNewlines)
            #expect(Array(fast.utf8) == Array(general.utf8), "\(text.debugDescription)")
            if general.utf8.count != text.utf8.count { trimmedSome += 1 }
        }
        // Both cases were met: texts with something to trim, and texts with nothing.
        #expect(trimmedSome > 1_000 && trimmedSome < 4_500)
    }

    @Test func theNumberedProposalIsTheSameWithTheFastTrim() {
        let document = DraftDocument.parse("# Title\n\n1.1 The Council welcomes the invitation.\n\n1.2\tLe Conseil se félicite.\n\nA paragraph without a number.\n")
        var generator = SeededGenerator(seed: 23)
        for _ in 0..<2_000 {
            let block = generator.pick([nil] + document.blocks.map { Optional($0) })
            let body = generator.pick(["", "1.1 ", "1.1. ", "1.1\t", "1.2.", "# "]) + FastPathTests.text(&generator, words: generator.below(10))
            let text = generator.pick(Self.ends) + body + generator.pick(Self.ends)
            for exact in [false, true] {
                let expected = Self.numberedWithFoundation(text, like: block, exact: exact)
                let actual = CandidateBuilder.numbered(text, like: block, exact: exact)
                #expect(Array(actual.utf8) == Array(expected.utf8), "\(text.debugDescription)")
            }
        }
    }

    @Test func describingFromATokenizedBaseGivesTheGeneralDescription() {
        var generator = SeededGenerator(seed: 91)
        var described = 0
        for _ in 0..<400 {
            let number = generator.pick(["", "1.2 ", "3.4.5\t", "10. "])
            let old = number + FastPathTests.text(&generator, words: generator.below(60))
            // One base for many proposals, as the disposition table keeps it per paragraph.
            let base = WordDiff.Base(old)
            for proposal in 0..<12 {
                var new: String
                switch proposal {
                case 0: new = old
                case 1: new = ""
                case 2: new = FastPathTests.text(&generator, words: generator.below(30))
                case 3: new = old.precomposedStringWithCanonicalMapping
                default:
                    new = FastPathTests.edited(old, &generator)
                    if proposal % 4 == 0 { new = FastPathTests.edited(new, &generator) }
                }
                let expected = ChangeSummary.describe(old: old, new: new)
                let actual = ChangeSummary.describe(base, new: new)
                #expect(actual.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "old \(old.debugDescription) new \(new.debugDescription)")
                if expected != nil { described += 1 }
            }
        }
        // An empty base paragraph, and one that is only spaces.
        for old in ["", " ", "1.2"] {
            for new in ["", "1.2 New text.", " "] {
                #expect(ChangeSummary.describe(WordDiff.Base(old), new: new) == ChangeSummary.describe(old: old, new: new))
            }
        }
        #expect(described > 3_000)
    }

    @Test func describingAKnownChangeGivesItsPassage() {
        let old = "1.2 The Council welcomes the invitation to contribute to the review of progress."
        let base = WordDiff.Base(old)
        let warmly = "1.2 The Council warmly welcomes the invitation to contribute to the review of progress."
        let results = "1.2 The Council welcomes the invitation to contribute to the review of results."
        // Three words of context on each side; the paragraph's number shown when only it comes before.
        #expect(ChangeSummary.describe(base, new: warmly) == "1.2 The Council welcomes the invitation… → 1.2 The Council warmly welcomes the invitation…")
        #expect(ChangeSummary.describe(base, new: results) == "…the review of progress. → …the review of results.")
        #expect(ChangeSummary.describe(old: old, new: warmly) == ChangeSummary.describe(base, new: warmly))
        #expect(ChangeSummary.describe(old: old, new: results) == ChangeSummary.describe(base, new: results))
        #expect(ChangeSummary.describe(base, new: old) == nil)
        #expect(ChangeSummary.describe(base, new: "") == "(paragraph deleted)")
    }

    /// `CandidateBuilder.numbered`, trimming through Foundation.
    static func numberedWithFoundation(_ text: String, like block: DraftDocument.Block?, exact: Bool) -> String {
        CandidateBuilder.numbered(trimmed: text.trimmingCharacters(in: .whitespacesAndNewlines), like: block, exact: exact)
    }
}
