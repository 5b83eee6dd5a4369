import DraftFlow
import Testing

@Suite("TerminalText")
struct TerminalTextTests {
    @Test func escapesControlBidiAndSeparatorCharacters() {
        #expect(TerminalText.escaped("Can\u{1B}[31mada\u{07} \u{202E}txt.exe\u{2028}x\u{85}") ==
                "Can\\u{1B}[31mada\\u{7} \\u{202E}txt.exe\\u{2028}x\\u{85}")
    }

    @Test func keepsNewlinesAndTabsWhenAsked() {
        #expect(TerminalText.escaped("a\tb\nc\r", keepingLines: true) == "a\tb\nc\\u{D}")
        #expect(TerminalText.escaped("a\tb\nc") == "a\\u{9}b\\u{A}c")
    }

    @Test func leavesOrdinaryTextAlone() {
        #expect(TerminalText.escaped("Côte d’Ivoire — 中国 — الصين") == "Côte d’Ivoire — 中国 — الصين")
        #expect(TerminalText.firstUnsafe(in: "Côte d’Ivoire") == nil)
        #expect(TerminalText.firstUnsafe(in: "a\u{FEFF}b") == "\u{FEFF}")
    }
}
