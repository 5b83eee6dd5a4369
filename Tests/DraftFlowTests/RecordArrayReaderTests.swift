import Foundation
import Testing
import TestSupport
@testable import DraftFlow

/// `RecordArrayReader` reads a merge's edits and changes without `JSONDecoder`: whatever it reads
/// is what the general decoder reads, and whatever it is unsure of (or the general decoder
/// refuses) it leaves to the general decoder.
@Suite struct RecordArrayReaderTests {
    static let pieces = ["", "1", "1.2", "after 3.4", "general", "é", "e\u{301}", "理事会", "😀", "🇨🇭", "quote \"", "back\\slash",
                         "slash / here", "tab\t", "line\nbreak", "\r", "\u{7}", "\u{1F}", "\u{7F}", "\u{2028}", "مرحبا", "CAN", "word "]

    static func text(_ generator: inout SeededGenerator) -> String {
        (0..<generator.below(5)).map { _ in generator.pick(pieces) }.joined()
    }

    static func comments(_ generator: inout SeededGenerator) -> [DraftFlow.Comment] {
        (0..<generator.pick([0, 1, 5])).map { index in
            // A paragraph named "general" is written as the general anchor: it reads back as that.
            let named = text(&generator)
            let anchor: Anchor = generator.below(5) == 0 || named == "general" ? .general : .paragraph(named)
            let proposed: String? = generator.below(3) == 0 ? nil : text(&generator)
            var parsed = ParsedComment(anchor: anchor, type: generator.pick(CommentType.allCases), text: text(&generator), proposedChange: proposed)
            // Some with what this reader leaves to the general decoder: a reference, an
            // instruction, the template's cells.
            switch generator.below(12) {
            case 0: parsed.reference = .paragraphs(["1", "2"])
            case 1 where proposed != nil: parsed.proposalKind = .instruction(.delete("x"))
            case 2: parsed.template = TemplateFields(memberBody: "CA", line: "3", clause: "4.2", row: 7)
            default: break
            }
            return DraftFlow.Comment(id: "M\(index)-E\(index + 1)", member: text(&generator), parsed: parsed)
        }
    }

    static func changes(_ generator: inout SeededGenerator) -> [RecordedChange] {
        (0..<generator.pick([0, 1, 5])).map { _ in
            RecordedChange(paragraph: text(&generator), kind: generator.pick(ChangeKind.allCases), before: text(&generator),
                           after: text(&generator), members: (0..<generator.pick([0, 1, 3])).map { _ in text(&generator) })
        }
    }

    /// `data` changed in one place, as a person editing the file, or a damaged one, might change it.
    static func mutated(_ data: Data, _ generator: inout SeededGenerator) -> Data {
        var bytes = [UInt8](data)
        guard !bytes.isEmpty else { return data }
        let at = generator.below(bytes.count)
        let insertions = ["  ", "\n", "\t", ",", "null", "1", "\"x\"", "\"extra\" : \"v\",", "{", "}", "[", "]", "\\/", "\\u00e9",
                          "\\ud83d\\ude00", "\\ud83d", "\\x", "\u{FEFF}", "\"anchor\" : \"1\",", "\"kind\" : \"modified\","]
        switch generator.below(4) {
        case 0: bytes.insert(contentsOf: Array(generator.pick(insertions).utf8), at: at)
        case 1: bytes.remove(at: at)
        case 2: bytes[at] = generator.pick([0xFF, 0xC3, 0x00, 0x22, 0x5C, 0x3A, 0x20, 0x0A])
        default: bytes.removeSubrange(at..<bytes.count)
        }
        return Data(bytes)
    }

    /// What the fast reader gives is what the general decoder gives; nil wherever the general
    /// decoder refuses.
    func expectSame<T: Decodable & Equatable>(_ fast: [T]?, _ data: Data, _ type: [T].Type) {
        let general = try? RecordCoding.decoder().decode(type, from: data)
        if let fast {
            #expect(general == fast, "\(String(decoding: data, as: UTF8.self))")
        }
    }

    @Test func editsAsDraftFlowWritesThemReadAsTheGeneralDecoderReadsThem() {
        var generator = SeededGenerator(seed: 91)
        var readHere = 0
        for _ in 0..<1_500 {
            let edits = Self.comments(&generator)
            let data = RecordJSON.array(edits)
            let fast = RecordArrayReader.comments(data)
            let simple = edits.allSatisfy { !$0.writesReference && $0.writtenProposalKind == nil && $0.template == nil }
            // Every file of simple edits is read here, and read as written.
            if simple { #expect(fast == edits) } else { #expect(fast == nil) }
            if fast != nil { readHere += 1 }
            expectSame(fast, data, [DraftFlow.Comment].self)
            for _ in 0..<3 {
                let changed = Self.mutated(data, &generator)
                expectSame(RecordArrayReader.comments(changed), changed, [DraftFlow.Comment].self)
            }
        }
        #expect(readHere > 1_000)
    }

    @Test func changesAsDraftFlowWritesThemReadAsTheGeneralDecoderReadsThem() {
        var generator = SeededGenerator(seed: 92)
        for _ in 0..<1_500 {
            let changes = Self.changes(&generator)
            let data = RecordJSON.array(changes)
            let fast = RecordArrayReader.changes(data)
            #expect(fast == changes)
            expectSame(fast, data, [RecordedChange].self)
            for _ in 0..<3 {
                let changed = Self.mutated(data, &generator)
                expectSame(RecordArrayReader.changes(changed), changed, [RecordedChange].self)
            }
        }
    }

    /// Other ways of writing the same JSON: compact, escaped slashes and letters, surrogate
    /// pairs; and what the reader leaves to the general decoder.
    @Test func otherSpellingsOfTheSameRecords() throws {
        let compact = Data(#"[{"after":"a\/b \u00e9\ud83d\ude00","before":"","kind":"deleted","members":[],"paragraph":"2"}]"#.utf8)
        let expected = [RecordedChange(paragraph: "2", kind: .deleted, before: "", after: "a/b é😀", members: [])]
        #expect(RecordArrayReader.changes(compact) == expected)
        #expect(try RecordCoding.decoder().decode([RecordedChange].self, from: compact) == expected)
        for unsure in [#"[{"after":"a","before":"b","kind":"deleted","members":[],"paragraph":"2","extra":1}]"#,
                       #"[{"before":"b","after":"a","kind":"deleted","members":[],"paragraph":"2"}]"#,
                       #"[{"after":"a","after":"a","before":"b","kind":"deleted","members":[],"paragraph":"2"}]"#,
                       #"[{"after":"\ud83d","before":"b","kind":"deleted","members":[],"paragraph":"2"}]"#,
                       #"[{"after":"a","before":"b","kind":"gone","members":[],"paragraph":"2"}]"#,
                       #"[{"after":null,"before":"b","kind":"deleted","members":[],"paragraph":"2"}]"#,
                       "\u{FEFF}[]", "[],", "{}", ""] {
            #expect(RecordArrayReader.changes(Data(unsure.utf8)) == nil, "\(unsure)")
        }
        #expect(RecordArrayReader.comments(Data("[\n\n]".utf8)) == [])
        #expect(RecordArrayReader.comments(Data(#"[{"anchor":"general","id":"CAN-E1","member":"CAN","text":"t","type":"general"}]"#.utf8))
            == [DraftFlow.Comment(id: "CAN-E1", member: "CAN", parsed: ParsedComment(anchor: .general, type: .general, text: "t"))])
    }
}
