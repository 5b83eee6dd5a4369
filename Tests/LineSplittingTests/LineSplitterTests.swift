import Testing
@testable import LineSplitting

@Suite("LineSplitter")
struct LineSplitterTests {
    func ranges(_ text: String) -> [Range<Int>] {
        Array(text.utf8).withUnsafeBufferPointer { LineSplitter.ranges(in: $0) }
    }

    @Test func rangesKeepTheirLineFeeds() {
        #expect(ranges("") == [])
        #expect(ranges("a") == [0..<1])
        #expect(ranges("\n") == [0..<1])
        #expect(ranges("ab\ncd") == [0..<3, 3..<5])
        #expect(ranges("ab\ncd\n") == [0..<3, 3..<6])
        #expect(ranges("\n\nx") == [0..<1, 1..<2, 2..<3])
        // Only LF ends a line here: a CR stays inside its line, as git sees it.
        #expect(ranges("a\r\nb\rc") == [0..<3, 3..<6])
    }

    /// Every input of up to 7 bytes drawn from `a`, LF and CR: the ranges put together are the
    /// input, every range but the last ends with its only LF, and none is empty.
    @Test func rangesPutTogetherAreTheInput() {
        let alphabet: [UInt8] = [0x61, 0x0A, 0x0D]
        var inputs: [[UInt8]] = [[]]
        var checked = 0
        for _ in 1...7 {
            inputs = inputs.flatMap { prefix in alphabet.map { prefix + [$0] } }
            for bytes in inputs {
                let pieces = bytes.withUnsafeBufferPointer { LineSplitter.ranges(in: $0) }
                #expect(pieces.flatMap { bytes[$0] } == bytes)
                #expect(pieces.dropLast().allSatisfy { bytes[$0.upperBound - 1] == 0x0A })
                #expect(pieces.allSatisfy { !$0.isEmpty && !bytes[$0.dropLast()].contains(0x0A) })
                checked += 1
            }
        }
        #expect(checked == 3_279)
    }

    @Test func linesAsPeopleSeeThem() {
        #expect(LineSplitter.lines(of: "") == [""])
        #expect(LineSplitter.lines(of: "one") == ["one"])
        #expect(LineSplitter.lines(of: "one\n") == ["one", ""])
        #expect(LineSplitter.lines(of: "a\nb\r\nc\rd") == ["a", "b", "c", "d"])
        #expect(LineSplitter.lines(of: "a\r\r\nb\n\rc") == ["a", "", "b", "", "c"])
        #expect(LineSplitter.lines(of: "\r\n") == ["", ""])
        #expect(LineSplitter.lines(of: "é\u{301}\n中文\r\n\u{1F600}") == ["é\u{301}", "中文", "\u{1F600}"])
    }
}
