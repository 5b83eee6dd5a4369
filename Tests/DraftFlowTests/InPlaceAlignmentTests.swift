@testable import DraftFlow
import Foundation
import Testing
import TestSupport

/// `BlockAlignment.align` pairs the paragraphs of two lists of the same length in place when each
/// changed one is an edit of the other and not moved: the check that an old text is no longer in
/// the new list uses a set, where it compared the text with every new paragraph. Both must decide
/// alike, canonically equivalent texts included ("é" composed or not).
@Suite struct InPlaceAlignmentTests {
    /// The in-place pairing as it was written, with `new.contains`; nil where it does not apply.
    static func inPlaceAsBefore(_ old: [String], _ new: [String]) -> [BlockAlignment.Step]? {
        guard old.count == new.count else { return nil }
        var steps: [BlockAlignment.Step] = []
        for index in old.indices {
            if old[index] == new[index] {
                steps.append(.same(old: index, new: index))
            } else if (BlockAlignment.sharesEnds(old[index], new[index]) || BlockAlignment.pairScore(old[index], new[index]) >= BlockAlignment.pairingThreshold)
                        && !new.contains(old[index]) {
                steps.append(.modified(old: index, new: index))
            } else {
                return nil
            }
        }
        return steps
    }

    @Test func theSetDecidesAsComparingWithEveryParagraphDid() {
        var generator = SeededGenerator(seed: 17)
        let words = ["the", "Council", "welcomes", "ITU", "café", "cafe\u{301}", "broadband", "goals", "résumé", "re\u{301}sume\u{301}"]
        func paragraph() -> String { (0..<Int.random(in: 3...9, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") }
        var inPlace = 0
        for _ in 0..<400 {
            let old = (0..<Int.random(in: 1...12, using: &generator)).map { _ in paragraph() }
            var new = old
            for index in new.indices where Int.random(in: 0..<3, using: &generator) == 0 {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: new[index] += " " + words.randomElement(using: &generator)!
                case 1: new[index] = new[index].replacingOccurrences(of: "café", with: "cafe\u{301}")
                case 2: new[index] = old.randomElement(using: &generator)!  // a paragraph moved here
                default: new[index] = paragraph()
                }
            }
            let aligned = BlockAlignment.align(old, new)
            if let before = Self.inPlaceAsBefore(old, new) {
                inPlace += 1
                #expect(aligned == before, "\(old) → \(new)")
            }
        }
        #expect(inPlace > 100)
    }
}
