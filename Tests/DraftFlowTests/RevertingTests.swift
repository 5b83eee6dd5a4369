import Foundation
import Testing
import TestSupport
@testable import DraftFlow

/// Putting a member's changed paragraphs back in place (the merge's fast path) gives what
/// re-rendering the copy without them gives.
@Suite struct RevertingTests {
    @Test func revertingInPlaceGivesWhatRevertingTheTextGives() throws {
        var generator = SeededGenerator(seed: 2020)
        let words = ["the", "Council", "notes", "ICT", "connectivity", "国际电联", "可持续", "développement", "доступ"]
        let base = (1...30).map { "1.\($0) " + (0..<8).map { _ in generator.pick(words) }.joined(separator: " ") + "." }
        let baseDocument = DraftDocument(blockTexts: base)
        var checked = 0, inPlace = 0
        for _ in 0..<300 {
            var copy = base
            for _ in 0..<generator.below(6) {
                let index = generator.below(copy.count)
                switch generator.below(5) {
                case 0: copy.remove(at: index)
                case 1: copy.insert("1.\(index) inserted " + generator.pick(words) + ".", at: index)
                default: copy[index] = copy[index].replacingOccurrences(of: " ", with: " " + generator.pick(words) + " ", options: [], range: copy[index].range(of: " "))
                }
            }
            let aligned = CandidateBuilder.prepare(DraftDocument.render(blockTexts: copy), baseBlocks: base)
            let anchors = Set((0..<generator.below(8)).map { _ in
                generator.below(4) == 0 ? "after " + baseDocument.blocks[generator.below(base.count)].anchor
                    : baseDocument.blocks[generator.below(base.count)].anchor
            })
            let expected = CandidateBuilder.reverting(anchors, in: aligned.steps, base: baseDocument, proposal: aligned.blocks)
            checked += 1
            guard let kept = CandidateBuilder.revertingInPlace(anchors, in: aligned, base: baseDocument) else { continue }
            inPlace += 1
            var blocks: [String] = []
            for step in kept.steps {
                switch step {
                case .same(let old, _): blocks.append(base[old])
                case .modified(_, let new), .inserted(let new): blocks.append(kept.blocks[new])
                case .deleted: break
                }
            }
            #expect(DraftDocument.render(blockTexts: blocks) == expected)
        }
        #expect(checked == 300)
        #expect(inPlace > 100)
    }
}
