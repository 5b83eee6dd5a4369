@testable import DraftFlow
import Foundation
import Testing
import TestSupport

/// Two fast paths of `redline`: a segment wrapped in `**` or `~~` without splitting it into
/// characters when both its ends are visible ASCII, and the check whether an old paragraph is still
/// in the new version by groups of texts with the same key bytes (`BlockAlignment.TextIndex`)
/// instead of a `Set<String>`. Each must give exactly what the general code gives.
@Suite struct RedlineRenderingFastPathTests {
    /// Pieces chosen for the ends of a segment: ASCII and Unicode whitespace, a line break after a
    /// carriage return, a combining mark after a space or a letter, the Arabic number sign (which
    /// joins the digit after it), emoji, markers.
    static let pieces = ["a", "word", "2030", ".", ";", "(", "*", "~", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{A0}", "\u{3000}",
                         "\u{2009}", "\u{85}", "\u{301}", " \u{301}", "e\u{301}", "café", "\u{600}1", "\u{600}", "👍🏽", "理事会",
                         "المجلس", "\u{200D}", "\u{1}", "\u{7F}", "x"]

    @Test func wrappingIsThatOfTheSplitWhitespace() {
        var generator = SeededGenerator(seed: 4242)
        var fast = 0
        for _ in 0..<20_000 {
            let text = (0..<generator.below(6)).map { _ in generator.pick(Self.pieces) }.joined()
            for marker in ["**", "~~"] {
                #expect(InlineMarkup.markdownWrap(text, marker) == InlineMarkup.markdownWrapBySplitting(text, marker), "\(text.debugDescription)")
            }
            if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { fast += 1 }
        }
        #expect(fast > 2_000)
    }

    /// Paragraphs and their canonically equivalent spellings (é composed or not, the Kelvin sign
    /// and K, the Greek question mark and the semicolon, the ångström sign, a CJK compatibility
    /// ideograph), which `String` equality takes as equal.
    static let words = ["the", "Council", "café", "cafe\u{301}", "K", "\u{212A}", ";", "\u{37E}", "Å", "\u{212B}", "A\u{30A}",
                        "\u{F900}", "\u{8C48}", "résumé", "re\u{301}sume\u{301}", "理事会", "المجلس", "2030", "\u{301}", "x",
                        "\u{2260}", "=\u{338}", "\u{1FEF}", "`", "1.2", ".", "(a)", "Q"]
    static let separators = [" ", " ", "  ", "\t", " \u{301}", "", "\u{A0}"]

    @Test func theTextIndexIsTheSetOfTheTexts() {
        var generator = SeededGenerator(seed: 777)
        var present = 0, presentByOtherBytes = 0
        for _ in 0..<300 {
            let texts = (0..<(1 + generator.below(20))).map { _ in
                (0..<(1 + generator.below(5))).map { _ in generator.pick(Self.words) }
                    .joined(separator: generator.pick(Self.separators))
            }
            let index = BlockAlignment.TextIndex(texts)
            let set = Set(texts)
            for _ in 0..<30 {
                let probe = (0..<(1 + generator.below(5))).map { _ in generator.pick(Self.words) }
                    .joined(separator: generator.pick(Self.separators))
                let expected = set.contains(probe)
                #expect(index.contains(probe) == expected, "\(probe.debugDescription) in \(texts)")
                if expected {
                    present += 1
                    if !texts.contains(where: { Array($0.utf8) == Array(probe.utf8) }) { presentByOtherBytes += 1 }
                }
            }
            for text in texts { #expect(index.contains(text)) }
        }
        #expect(present > 200)
        #expect(presentByOtherBytes > 30)
    }

    /// What the index rests on: no scalar's canonical decomposition holds a key byte, but the
    /// byte's own.
    @Test func noCanonicalDecompositionHoldsAKeyByte() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
            let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
            if value < 0x80 && BlockAlignment.TextIndex.isKeyByte(UInt8(value)) {
                #expect(decomposed.map(\.value) == [value])
            } else {
                #expect(!decomposed.contains { $0.value < 0x80 && BlockAlignment.TextIndex.isKeyByte(UInt8($0.value)) },
                        "U+\(String(value, radix: 16, uppercase: true))")
            }
            checked += 1
        }
        // Decompositions are read: the ångström sign, ≠ and the Greek question mark.
        #expect(String(Character("\u{212B}")).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) == [0x41, 0x30A])
        #expect(String(Character("\u{2260}")).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) == [0x3D, 0x338])
        #expect(String(Character("\u{37E}")).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) == [0x3B])
        #expect(checked > 100_000)
    }
}
