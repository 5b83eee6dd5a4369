import Foundation
import Testing
import DraftFlow

@Suite struct HTMLEscapingTests {

    @Test func escapesTheFiveCharactersAndKeepsEveryOther() {
        #expect(HTMLEscaping.escape("Ünïcode 信息 نص — a < b > c & \"d\" 'e' 👩‍👩‍👧")
                == "Ünïcode 信息 نص — a &lt; b &gt; c &amp; &quot;d&quot; &#39;e&#39; 👩‍👩‍👧")
        #expect(HTMLEscaping.escape("") == "")
        #expect(HTMLEscaping.escape("plain") == "plain")
        #expect(HTMLEscaping.escape("a\nb\r\nc") == "a\nb\r\nc")
    }

    @Test func aCombiningMarkDoesNotKeepACharacterFromBeingEscaped() {
        // "<\u{301}" is one Character, not equal to "<": a character-by-character escaper lets it through.
        #expect(HTMLEscaping.escape("<\u{301}script> \"\u{301} &\u{301} '\u{301} >\u{301}")
                == "&lt;\u{301}script&gt; &quot;\u{301} &amp;\u{301} &#39;\u{301} &gt;\u{301}")
    }

    @Test func lineBreaksBecomeOneBreakEach() {
        #expect(HTMLEscaping.escapeMultiline("a\nb") == "a<br>b")
        #expect(HTMLEscaping.escapeMultiline("a\r\nb\rc\r\r\nd") == "a<br>b<br>c<br><br>d")
        #expect(HTMLEscaping.escapeMultiline("\n") == "<br>")
        #expect(HTMLEscaping.escapeMultiline("\r") == "<br>")
        #expect(HTMLEscaping.escapeMultiline("x\r\n") == "x<br>")
        #expect(HTMLEscaping.escapeMultiline("<a>\n&") == "&lt;a&gt;<br>&amp;")
        #expect(HTMLEscaping.escapeMultiline("信息\r\nنص") == "信息<br>نص")
    }

    @Test func appendsToBytes() {
        var bytes = Array("<p>".utf8)
        HTMLEscaping.append("a & b\nc", to: &bytes)
        HTMLEscaping.append("\nd", lineBreaks: true, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "<p>a &amp; b\nc<br>d")
    }

    @Test func redlineEscapesALessThanSignFollowedByACombiningMark() {
        let blocks = Redline.compare(old: "1.1 Text.\n", new: "1.1 Text <\u{301}b>.\n")
        #expect(Redline.html(blocks) == "<p dir=\"auto\" class=\"modified\">1.1 Text<ins> &lt;\u{301}b&gt;</ins>.</p>\n")
    }

    @Test func compilationEscapesALessThanSignFollowedByACombiningMark() {
        let base = "1.1 Text.\n"
        let result = ProposalMerge.merge(base: base, proposals: [Proposal(members: ["CAN"], text: "1.1 Text <\u{301}b>.\n")])
        let html = Compilation.html(base: base, result: result, memberNames: ["CAN": "Canada"])
        #expect(html == "<p dir=\"auto\">1.1 Text <ins>&lt;\u{301}b&gt;</ins> <span class=\"by\">(Canada)</span>.</p>\n")
    }
}
