@testable import DraftFlow
import Foundation
import Testing
import TestSupport

/// The candidate's fast paths (perf-merge3) give what the general code gives, on generated inputs.
/// `ProposalMerge` places each paragraph proposal at its paragraph directly, where the general way
/// makes it a whole proposal (the base with that paragraph replaced) and reads its alignment step by
/// step; the proposals' checks keep each paragraph's words; a proposed body is sliced off its text;
/// long exact strings are hashed on part of their bytes.
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

    /// `ParagraphReference.proposedBody` as it was written before: the body put together a scalar at a time.
    func generalBody(_ proposal: String, anchor: String) -> String {
        guard !anchor.hasPrefix("after "), let anchorScan = ReferenceScanner.parts(of: anchor) else { return proposal }
        var scanner = ReferenceScanner(proposal, limit: 80)
        let start = scanner.position
        var matched = false
        if let id = scanner.reference(), id == anchor {
            matched = true
        } else {
            scanner.position = start
            let labels = scanner.labels()
            matched = !labels.isEmpty && labels.count <= anchorScan.labels.count && anchorScan.bullet == nil
                && Array(anchorScan.labels.suffix(labels.count)) == labels
        }
        guard matched, scanner.position < scanner.scalars.count,
              scanner.scalars[scanner.position] == " " || scanner.scalars[scanner.position] == "\t" else { return proposal }
        let body = proposal.unicodeScalars.dropFirst(scanner.position).drop { $0.properties.isWhitespace }
        return body.isEmpty ? proposal : String(String.UnicodeScalarView(body))
    }

    @Test func proposedBodiesSlicedAreTheBodiesPutTogether() {
        var random = SeededGenerator(41, 2)
        let anchors = ["4.2", "4.2.2.3", "3.3 b) 4)", "3.3 b)", "12", "after 4.2", "¶7", "1.1"]
        let openings = ["4.2", "4.2.2.3", "3.3 b) 4)", "b) 4)", "4)", "b)", "１２", "٤.٢", "12", "1.1", "¶7", "", "x"]
        let gaps = [" ", "\t", " \t ", "\u{3000}", "\u{A0}", "", "  \n", "\u{2028}"]
        let bodies = ["Text", "é\u{301} text", "中文文本", "   ", "", "\n\nSecond", "\u{301}mark", "👍🏽 ok", "(a) item"]
        var sliced = 0
        for _ in 0..<6_000 {
            let anchor = anchors[random.below(anchors.count)]
            let proposal = openings[random.below(openings.count)] + gaps[random.below(gaps.count)] + bodies[random.below(bodies.count)]
                + (random.below(3) == 0 ? " " + sentence(&random, length: random.below(40)) : "")
            let body = ParagraphReference.proposedBody(proposal, anchor: anchor)
            let general = generalBody(proposal, anchor: anchor)
            #expect(body.utf8.elementsEqual(general.utf8), "\(proposal.debugDescription) at \(anchor)")
            sliced += body == proposal ? 0 : 1
        }
        #expect(sliced > 200)
    }

    @Test func proposalsCheckedWithKeptParagraphWordsGiveWhatFreshWordsGive() {
        var random = SeededGenerator(43, 7)
        var flagged = 0, replaced = 0
        for round in 0..<40 {
            let document = DraftDocument.parse(base(&random))
            var kept = CandidateBuilder.ParagraphWords()
            for number in 0..<60 {
                let block = document.blocks[random.below(document.blocks.count)]
                let text = random.below(3) == 0 ? sentence(&random, length: 12) : proposedText(&random, blocks: document.blockTexts, index: block.index)
                let parsed = ParsedComment(anchor: .paragraph(block.anchor), type: .technical, text: "Comment", proposedChange: text)
                let comment = DraftFlow.Comment(id: "M\(round)-\(number)", member: "M\(round)", parsed: parsed)
                let fresh = CandidateBuilder.replacement(for: comment, paragraph: block)
                let cached = CandidateBuilder.replacement(for: comment, paragraph: block, wordsOf: { kept.words(of: $0) })
                #expect(cached == fresh)
                if case .flagged = fresh { flagged += 1 } else { replaced += 1 }
            }
        }
        #expect(flagged > 100 && replaced > 1_000, "\(flagged) flagged, \(replaced) replaced")
    }

    @Test func exactStringsWithEqualBytesHashAlike() {
        var random = SeededGenerator(47, 3)
        let long = String(repeating: "Paragraph text 中文 ", count: 80)
        var texts = ["", "a", long, String(long.dropFirst(3).dropLast(1)), NSString(string: long) as String]
        for _ in 0..<400 { texts.append(sentence(&random, length: random.below(60))) }
        var differentHashes = 0
        for text in texts {
            // The same bytes in another string (its own storage, a slice, bridged) hash alike.
            let copies = [String(decoding: Array(text.utf8), as: UTF8.self), String(("x" + text).dropFirst()), NSString(string: text) as String]
            for copy in copies { #expect(ExactString(copy).hashValue == ExactString(text).hashValue) }
            // One byte changed in the middle of a long text: still told apart by `==`.
            if text.utf8.count > 3 * ExactString.window {
                var bytes = Array(text.utf8)
                let middle = bytes.count / 2 + ExactString.window
                guard middle < bytes.count, bytes[middle] < 0x80 else { continue }
                bytes[middle] = bytes[middle] == UInt8(ascii: "q") ? UInt8(ascii: "r") : UInt8(ascii: "q")
                let changed = ExactString(String(decoding: bytes, as: UTF8.self))
                #expect(changed != ExactString(text))
                differentHashes += changed.hashValue == ExactString(text).hashValue ? 0 : 1
            }
        }
        // A dictionary of the variants groups them exactly.
        var groups: [ExactString: Int] = [:]
        for text in texts { groups[ExactString(text), default: 0] += 1 }
        #expect(groups.count == Set(texts.map { Array($0.utf8) }).count)
        _ = differentHashes
    }
}
