@testable import DraftFlow
import Foundation
import Testing
import TestSupport

/// The candidate's fast paths (perf-merge3) give what the general code gives, on generated inputs.
/// `ProposalMerge` places each paragraph proposal at its paragraph directly, where the general way
/// makes it a whole proposal (the base with that paragraph replaced) and reads its alignment step by
/// step.
@Suite struct MergeCandidateFastPathTests {
    static let words = ["The", "Council", "welcomes", "ITU", "notes", "progress", "since", "2015", "and", "the",
                        "report", "é", "e\u{301}", "中文", "，", "invitation", "(a)", "shall", "may", "Member States"]

    func sentence(_ random: inout SeededGenerator, length: Int) -> String {
        (0..<length).map { _ in Self.words[random.below(Self.words.count)] }.joined(separator: " ")
    }

    /// A base of numbered paragraphs, headings and bullets.
    func base(_ random: inout SeededGenerator) -> String {
        var blocks = ["# Draft"]
        for number in 1...(3 + random.below(12)) {
            switch random.below(6) {
            case 0: blocks.append("## \(number) Heading")
            case 1: blocks.append("- " + sentence(&random, length: 3 + random.below(6)))
            default: blocks.append("\(number). " + sentence(&random, length: 4 + random.below(14)))
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// A text for paragraph `index` of `blocks`: the same, in another normalization, edited in a few
    /// words, replaced, emptied, or followed by new paragraphs.
    func proposedText(_ random: inout SeededGenerator, blocks: [String], index: Int) -> String {
        let block = blocks[index]
        var words = block.split(separator: " ").map(String.init)
        switch random.below(8) {
        case 0: return block
        case 1: return block.replacingOccurrences(of: "é", with: "e\u{301}")
        case 2: return ""
        case 3: return block + "\n\n" + sentence(&random, length: 5) + (random.below(2) == 0 ? "\n\n- " + sentence(&random, length: 3) : "")
        case 4: return sentence(&random, length: 6)
        default:
            for _ in 0...random.below(3) where !words.isEmpty {
                words[random.below(words.count)] = Self.words[random.below(Self.words.count)]
            }
            return words.joined(separator: " ")
        }
    }

    @Test func placedParagraphProposalsMergeAsWholeProposalsDo() {
        var changes = 0, collisions = 0, insertions = 0, deletions = 0, unmatched = 0
        for seed in 1...300 {
            var random = SeededGenerator(UInt64(seed), 31)
            let base = base(&random)
            let document = DraftDocument.parse(base)
            let texts = document.blockTexts
            let members = ["CAN", "USA", "FRA", "CHN", "SECRETARIAT"]
            // Edited copies, some of them, with a paragraph changed, removed or added.
            var proposals: [Proposal] = []
            for member in members.prefix(random.below(4)) {
                var blocks = texts
                let index = random.below(blocks.count)
                switch random.below(3) {
                case 0: blocks[index] = proposedText(&random, blocks: texts, index: index).replacingOccurrences(of: "\n\n", with: " ")
                case 1: blocks.remove(at: index)
                default: blocks.insert(sentence(&random, length: 7), at: index)
                }
                if blocks.allSatisfy({ !$0.isEmpty }) {
                    proposals.append(Proposal(members: [member], text: blocks.joined(separator: "\n\n") + "\n"))
                }
            }
            var paragraphs: [ParagraphProposal] = []
            for _ in 0..<random.below(14) {
                let index = random.below(texts.count)
                let anchor = random.below(12) == 0 ? "99.9" : document.blocks[index].anchor
                var who = [members[random.below(members.count)]]
                if random.below(4) == 0 { who += [members[random.below(members.count)], who[0]] }
                paragraphs.append(ParagraphProposal(members: who, anchor: anchor, text: proposedText(&random, blocks: texts, index: index)))
            }
            // Known alignments for some of the copies, none for the others.
            let alignments: [[BlockAlignment.Step]?] = proposals.map {
                random.below(2) == 0 ? BlockAlignment.align(texts, DraftDocument.splitBlocks($0.text)) : nil
            }
            let placed = ProposalMerge.merge(base: base, proposals: proposals, paragraphProposals: paragraphs, alignments: alignments,
                                             placingParagraphs: true)
            let general = ProposalMerge.merge(base: base, proposals: proposals, paragraphProposals: paragraphs, alignments: alignments,
                                              placingParagraphs: false)
            #expect(placed == general, "seed \(seed)")
            #expect(placed.text.utf8.elementsEqual(general.text.utf8), "seed \(seed)")
            #expect(placed.changes.map(\.members) == general.changes.map(\.members), "seed \(seed)")
            #expect(placed.collisions.map(\.id) == general.collisions.map(\.id), "seed \(seed)")
            changes += general.changes.count
            collisions += general.collisions.count
            insertions += general.changes.filter { $0.kind == .insertedParagraphs }.count
            deletions += general.changes.filter { $0.kind == .deletedParagraph }.count
            unmatched += general.unmatchedParagraphProposals.count
        }
        // The generated rounds had every kind of outcome.
        #expect(changes > 300 && collisions > 100 && insertions > 50 && deletions > 20 && unmatched > 50,
                "\(changes) changes, \(collisions) collisions, \(insertions) insertions, \(deletions) deletions, \(unmatched) unmatched")
    }
}
