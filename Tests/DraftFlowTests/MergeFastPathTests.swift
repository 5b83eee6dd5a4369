@testable import DraftFlow
import Foundation
import Testing
import TestSupport

/// The merge's fast paths at 772 members give what the general code gives, on generated inputs.
@Suite struct MergeFastPathTests {
    /// A round's comments and edits: members commenting on a few paragraphs (some several times,
    /// some with proposed text), general comments, edits of paragraphs found in edited copies.
    func generatedRound(seed: UInt64) -> (comments: [DraftFlow.Comment], edits: [DraftFlow.Comment], anchors: [String], members: [String]) {
        var random = SeededGenerator(seed, 17)
        let members = (0..<12).map { "M\($0)" }
        let anchors = ["1", "2", "2.1", "3", "after 3", "4", "10"]
        var comments: [DraftFlow.Comment] = []
        var edits: [DraftFlow.Comment] = []
        for member in members {
            for number in 0..<random.below(9) {
                let anchor: Anchor = random.below(6) == 0 ? .general : .paragraph(anchors[random.below(anchors.count)])
                let parsed = ParsedComment(anchor: anchor, type: .technical, text: "Comment \(number)",
                                           proposedChange: random.below(2) == 0 ? "New text \(number)" : nil)
                comments.append(Comment(id: "\(member)-\(number + 1)", member: member, parsed: parsed))
            }
            for number in 0..<random.below(4) {
                let parsed = ParsedComment(anchor: .paragraph(anchors[random.below(anchors.count)]), type: .unspecified,
                                           text: "Edit", proposedChange: "Edited \(number)")
                edits.append(Comment(id: "\(member)-E\(number + 1)", member: member, parsed: parsed))
            }
        }
        return (comments, edits, anchors + ["5"], members)
    }

    @Test func collisionPointsByIndexAreThePointsFoundBySearching() {
        var compared = 0
        for seed in 1...40 {
            let round = generatedRound(seed: UInt64(seed))
            let index = CandidateBuilder.PointIndex(comments: round.comments, edits: round.edits)
            var random = SeededGenerator(UInt64(seed), 3)
            for anchor in round.anchors {
                for member in round.members {
                    let general = CandidateBuilder.points(at: anchor, of: [member], comments: round.comments, edits: round.edits)
                    #expect(index.points(at: anchor, of: [member]) == general)
                    compared += general.isEmpty ? 0 : 1
                }
                let several = Set(round.members.filter { _ in random.below(3) == 0 })
                #expect(index.points(at: anchor, of: several)
                        == CandidateBuilder.points(at: anchor, of: several, comments: round.comments, edits: round.edits))
            }
        }
        #expect(compared > 500)  // most pairs had points to find
    }

    @Test func exactStringsAreEqualExactlyWhenTheirBytesAre() {
        var random = SeededGenerator(9, 9)
        let pieces = ["a", "é", "e\u{301}", "中", "", " ", "\u{0}", "ab"]
        var texts = ["", "x", String(repeating: "يو", count: 600)]
        for _ in 0..<150 {
            texts.append((0..<random.below(6)).map { _ in pieces[random.below(pieces.count)] }.joined())
        }
        // A long text and the same text with one byte changed at its start, middle and end.
        let long = String(repeating: "Paragraph text 中文 ", count: 80)
        texts += [long, "Q" + long.dropFirst(), String(long.dropLast()) + "Q", long.replacingOccurrences(of: "text 中文 P", with: "text 中文 Q")]
        for first in texts {
            for second in texts {
                #expect((ExactString(first) == ExactString(second)) == first.utf8.elementsEqual(second.utf8))
            }
        }
        // A text sliced from a longer one (not its own storage) and a bridged one compare by bytes too.
        let sliced = String(long.dropFirst(3).dropLast(1))
        #expect(ExactString(sliced) == ExactString(String(long.utf8.dropFirst(3).dropLast(1))!))
        #expect(ExactString(NSString(string: long) as String) == ExactString(long))
    }

    /// Every scalar `isUnsafe` names from U+007F up, each one's neighbours, and ordinary text.
    let scalars: [UInt32] = [0x41, 0x0A, 0x1B, 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xE9, 0x061B, 0x061C, 0x061D, 0x0627, 0x200D, 0x200E,
                             0x200F, 0x2010, 0x2027, 0x2028, 0x2029, 0x202A, 0x202E, 0x202F, 0x2065, 0x2066, 0x2069, 0x206A, 0x4E2D,
                             0xFEFE, 0xFEFF, 0xFFFD, 0x1F600]

    @Test func unsafeCharactersAreFoundOnTheBytesAsOnTheScalars() {
        var random = SeededGenerator(5, 1)
        for _ in 0..<3_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.below(8) { text.append(Unicode.Scalar(scalars[random.below(scalars.count)])!) }
            let string = String(text)
            let expected = string.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0.value >= 0x7F }
            let bytes = Array(string.utf8)
            #expect(bytes.withUnsafeBytes { TerminalText.containsUnsafeFromDelete(utf8: $0) } == expected, "\(bytes)")
        }
    }

    @Test func bytesThatAreNotUTF8AreNeverTakenForSafe() {
        // Cut or stray sequences: when decoding them (with repairs) finds an unsafe scalar, so do the bytes.
        var random = SeededGenerator(5, 2)
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0x81, 0x8E, 0x9C, 0xA6, 0xA8, 0xBB, 0xBF, 0xC2, 0xD8, 0xE2, 0xEF, 0xFF]
        for _ in 0..<5_000 {
            let bytes = (0..<random.below(7)).map { _ in alphabet[random.below(alphabet.count)] }
            let decoded = String(decoding: bytes, as: UTF8.self)
            if decoded.unicodeScalars.contains(where: { TerminalText.isUnsafe($0) && $0.value >= 0x7F }) {
                #expect(bytes.withUnsafeBytes { TerminalText.containsUnsafeFromDelete(utf8: $0) }, "\(bytes)")
            }
        }
    }

    /// The bytes are read eight at a time while they are plain ASCII: each scalar `isUnsafe`
    /// names, and its neighbours, found or not at every place in and around a word, in runs of
    /// ASCII (with 0x7E and 0x7F) of every length up to three words.
    @Test func unsafeCharactersAreFoundAtEveryPlaceInAWord() {
        for scalar in scalars {
            let character = String(Unicode.Scalar(scalar)!)
            let expected = TerminalText.isUnsafe(Unicode.Scalar(scalar)!) && scalar >= 0x7F
            for before in 0...24 {
                for after in [0, 1, 7, 8, 9] {
                    let text = String(repeating: "~", count: before) + character + String(repeating: "a", count: after)
                    let bytes = Array(text.utf8)
                    #expect(bytes.withUnsafeBytes { TerminalText.containsUnsafeFromDelete(utf8: $0) } == expected, "\(before) \(bytes)")
                }
            }
        }
        // Only plain ASCII, of every length: nothing found.
        for length in 0...40 {
            let bytes = (0..<length).map { UInt8(0x20 + $0 % 0x5F) }
            #expect(!bytes.withUnsafeBytes { TerminalText.containsUnsafeFromDelete(utf8: $0) }, "\(length)")
        }
    }
}
