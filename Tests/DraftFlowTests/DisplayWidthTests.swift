import Testing
@testable import DraftFlow

/// Terminal columns: wide characters take two, combining marks none, and padding never cuts.
@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test func wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        #expect(DisplayWidth.of("Canada") == 6)
        #expect(DisplayWidth.of("中国") == 4)
        #expect(DisplayWidth.of("日本国") == 6)
        #expect(DisplayWidth.of("대한민국") == 8)
        #expect(DisplayWidth.of("ＡＢＣ") == 6)
        #expect(DisplayWidth.of("（中国）") == 8)
        // "é" written as e + U+0301, and Arabic with its vowel marks: the marks take no column.
        #expect(DisplayWidth.of("Cote d'Ivoire".replacingOccurrences(of: "o", with: "o\u{0302}")) == 13)
        #expect(DisplayWidth.of("مِصْر") == 3)
        #expect(DisplayWidth.of("Россия") == 6)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test func paddingLinesUpByColumnsAndNeverCuts() {
        #expect(DisplayWidth.padded("中国", to: 6) == "中国  ")
        #expect(DisplayWidth.padded("Canada", to: 6) == "Canada")
        #expect(DisplayWidth.padded("ERICSSON", to: 5) == "ERICSSON")
        #expect(DisplayWidth.column(["CAN", "ERICSSON", "中华人民共和国"], minimum: 5) == 14)
    }
}
