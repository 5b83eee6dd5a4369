import Foundation
import Testing
@testable import DraftFlow
import TestSupport

/// The fast paths of the merge give exactly what the general code gives.
@Suite struct FastPathTests {
    static let zurich = TimeZone(identifier: "Europe/Zurich")!

    static let pieces = ["the", "Council", "welcomes", " ", " ", ", ", ".", "connectivity", "numérique", "e\u{301}lève",
                         "développement", "Совет", "приветствует", "المجلس", "يرحب", "بِالدَّعوة", "理", "事", "会", "欢", "迎",
                         "数字", "包容", "2030", "(a)", "«", "»", "—", "!", "\u{301}", "👍🏽", "🇨🇭", "\"", "\\", "/", "\t", "x\u{200D}y"]

    static func text(_ generator: inout SeededGenerator, words: Int) -> String {
        (0..<words).map { _ in generator.pick(pieces) }.joined()
    }

    /// An edit of `text`: a few pieces replaced, inserted or deleted at random places.
    static func edited(_ text: String, _ generator: inout SeededGenerator) -> String {
        var characters = Array(text)
        for _ in 0..<(1 + Int(generator.next() % 3)) {
            let position = characters.isEmpty ? 0 : Int(generator.next() % UInt64(characters.count + 1))
            switch generator.next() % 3 {
            case 0: characters.insert(contentsOf: Array(generator.pick(pieces)), at: position)
            case 1: if position < characters.count { characters.remove(at: position) }
            default:
                if position < characters.count { characters[position] = Array(generator.pick(pieces)).first ?? "x" }
            }
        }
        return String(characters)
    }

    @Test func comparingOnlyTheMiddleGivesTheSameHunksAsTheWholeText() {
        var generator = SeededGenerator(seed: 42)
        for round in 0..<3_000 {
            let base = Self.text(&generator, words: Int(generator.next() % 40))
            let new = round % 10 == 0 ? base : Self.edited(base, &generator)
            let baseTokens = Tokenizer.tokenize(base)
            let newTokens = Tokenizer.tokenize(new)
            let expected = WordDiff.hunks(baseTokens, newTokens).map {
                ($0.a, WordDiff.join(newTokens, $0.b))
            }
            let comparison = WordDiff.compare(WordDiff.Base(base), new)
            let actual = comparison.hunks.map { ($0.a, WordDiff.join(comparison.newTokens, $0.b)) }
            #expect(actual.map(\.0) == expected.map(\.0), "base \(base.debugDescription) new \(new.debugDescription)")
            #expect(actual.map(\.1) == expected.map(\.1), "base \(base.debugDescription) new \(new.debugDescription)")
        }
    }

    @Test func preparingAnEditedCopyFromItsBytesMatchesTheTextPath() throws {
        let base = """
        # Title

        1.1 The Council welcomes the invitation.

        1.2 Le Conseil se félicite de l'invitation.

        1.3 理事会欢迎邀请。

        1.4 يرحب المجلس بالدعوة.

        1.5 A paragraph
        on two lines.

        """
        let blocks = CandidateBuilder.BaseBlocks(base)
        let copies = [
            base,                                                                                   // unchanged
            base.replacingOccurrences(of: "welcomes", with: "warmly welcomes"),                    // one word, in place
            base.replacingOccurrences(of: "félicite", with: "fe\u{301}licite"),                     // the same text, decomposed
            base.replacingOccurrences(of: "理事会", with: "理事会也"),                                  // CJK
            base.replacingOccurrences(of: "1.2 Le Conseil se félicite de l'invitation.\n\n", with: "") + "1.2 Le Conseil se félicite de l'invitation.\n", // moved
            base.replacingOccurrences(of: "1.3", with: "1.2 New paragraph.\n\n1.3"),               // inserted
            base.replacingOccurrences(of: "\n", with: "\r\n"),                                      // Windows line ends
            base.replacingOccurrences(of: "The Council welcomes the invitation.", with: "Completely different words here now."), // rewritten
            base.replacingOccurrences(of: "on two lines", with: "on two edited lines"),            // a block of two lines
        ]
        for copy in copies {
            let fast = try CandidateBuilder.prepare(Data(copy.utf8), base: blocks, what: "the copy")
            let slow = CandidateBuilder.prepare(copy, baseBlocks: blocks.texts)
            #expect(fast.steps == slow.steps, "\(copy.debugDescription)")
            #expect(fast.blocks == slow.blocks, "\(copy.debugDescription)")
        }
        var invalid = Data(base.utf8)
        invalid[invalid.count - 3] = 0xFF
        #expect(throws: DraftFlowError.self) { try CandidateBuilder.prepare(invalid, base: blocks, what: "the copy") }
        var withNUL = Data(base.utf8)
        withNUL[5] = 0
        #expect(throws: DraftFlowError.self) { try CandidateBuilder.prepare(withNUL, base: blocks, what: "the copy") }
    }

    @Test func recordJSONIsWhatJSONEncoderWrites() throws {
        let encoder = RecordCoding.encoder(timeZone: TimeZone(identifier: "Europe/Zurich")!)
        let tricky = "quote \" backslash \\ slash / tab \t newline \n return \r bell \u{7} nul-free \u{1F} é 理 \u{2028} 👍🏽"
        let changes = [
            RecordedChange(paragraph: "1.2", kind: .modified, before: tricky, after: "", members: ["CAN", "USA"]),
            RecordedChange(paragraph: "after 3", kind: .inserted, before: "", after: "x", members: []),
        ]
        let edits = [
            Comment(id: "CAN-E1", member: "CAN", parsed: ParsedComment(anchor: .paragraph("2.3"), type: .editorial, text: tricky, proposedChange: "new")),
            Comment(id: "USA-1", member: "USA", parsed: ParsedComment(anchor: .general, type: .general, text: "t", proposedChange: nil)),
        ]
        #expect(RecordJSON.array(changes) == (try encoder.encode(changes)))
        #expect(RecordJSON.array(edits) == (try encoder.encode(edits)))
        #expect(RecordJSON.array([RecordedChange]()) == (try encoder.encode([RecordedChange]())))
        for (someChanges, someEdits) in [(changes, edits), ([], []), (changes, []), ([], edits)] {
            let record = MergeRecord(round: "draft-1", base: "draft-1", merged: Date(timeIntervalSince1970: 1_583_000_000),
                                     changes: someChanges, collisions: [], edits: someEdits, orphaned: ["CAN-2"], resolutions: [])
            #expect(try record.json(zone: Self.zurich) == (try encoder.encode(record)))
            // From the parts' files, moved in one level.
            let parts = (RecordJSON.array(someChanges), RecordJSON.array(someEdits))
            #expect(try record.json(zone: Self.zurich, parts: parts) == (try encoder.encode(record)))
        }
    }

    /// Tokenizing `Character` by `Character` with `Tokenizer.kind(of:)`: what `tokenize` must give.
    static func tokensByCharacter(_ text: String) -> [Tokenizer.Token] {
        var result: [Tokenizer.Token] = []
        for character in text {
            let kind = Tokenizer.kind(of: character)
            if let last = result.last, last.kind == kind, kind == .word || kind == .whitespace {
                result[result.count - 1].text.append(character)
            } else {
                result.append(Tokenizer.Token(text: String(character), kind: kind))
            }
        }
        return result
    }

    @Test func tokenizingBytesGivesWhatCharactersGive() {
        let hard = ["e\u{301}", "a\u{308}\u{301}", "\u{301}x", "क्ष", "क्‍ष", "ก\u{E33}", "ກ\u{EB3}", "\u{1100}\u{1161}\u{11A8}", "가\u{11A8}",
                    "\u{600}1", "\u{600}a", "👨‍👩‍👧", "©\u{FE0F}", "🇨🇭🇫🇷", "\r\n", "\u{3099}", "か\u{3099}", "理\u{FE00}", "\u{200C}", "ab\u{200D}cd",
                    "\u{2028}", "\u{A0}", "\u{3000}", "،", "؟", "٣", "ـ", "Ω", "ﬁ", "\u{FF21}\u{FF9E}", "\u{E0041}", "\u{10FFFD}", "\t", " "]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 12) {
                text += generator.next() % 2 == 0 ? generator.pick(hard) : generator.pick(Self.pieces)
            }
            let expected = Self.tokensByCharacter(text)
            #expect(Tokenizer.tokenize(text) == expected, "\(text.debugDescription)")
        }
        // Every scalar of the planes in use, alone and after a letter.
        for value in UInt32(0)..<0x3_1000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(Character(scalar)), "a" + String(Character(scalar)), String(Character(scalar)) + "a"] {
                if Tokenizer.tokenize(text) != Self.tokensByCharacter(text) {
                    Issue.record("U+\(String(value, radix: 16)) in \(text.debugDescription)")
                    return
                }
            }
        }
    }

    @Test func roundIndexJSONIsWhatJSONEncoderWrites() throws {
        let encoder = RecordCoding.encoder(timeZone: TimeZone(identifier: "Europe/Zurich")!)
        var index = RoundIndex()
        var json = try RoundIndexJSON(index, encoder: encoder)
        #expect(try json.json() == (try encoder.encode(index)))
        let codes = ["USA", "CAN", "X0194", "X194", "EU", "AAA", "ZWE", "CAN", "B1", "BA"]
        for (number, code) in codes.enumerated() {
            let submission = Submission(member: code, round: "draft-1", number: 1 + (code == "CAN" && number > 1 ? 1 : 0),
                                        received: Date(timeIntervalSince1970: 1_583_000_000 + Double(number)), late: number % 3 == 0,
                                        originalName: "x.md", file: "f", proposal: number % 2 == 0 ? "p" : nil, fileBlob: nil, proposalBlob: nil,
                                        comments: (0..<(number % 4)).map {
                                            Comment(id: "\(code)-\($0)", member: code, parsed: ParsedComment(anchor: .general, type: .general, text: "t"))
                                        })
            index.record(submission)
            try json.set(code, index.members[code]!)
            #expect(try json.json() == (try encoder.encode(index)))
        }
        #expect(try RoundIndexJSON(index, encoder: encoder).json() == (try encoder.encode(index)))
    }

    @Test func checkingACopyAgainstTheDraftFindsWhatTheWholeCheckFinds() throws {
        let draft = "# Title\n\n1.1 Le Conseil se félicite.\n\n1.2 理事会欢迎邀请。\n\n1.3 يرحب المجلس.\n"
        let reference = try #require(TextInput.Reference(Data(draft.utf8)))
        func check(_ bytes: [UInt8]) -> Bool {
            (try? TextInput.validate(Data(bytes), what: "the copy", like: reference)) != nil
        }
        func whole(_ bytes: [UInt8]) -> Bool { (try? TextInput.validate(Data(bytes), what: "the copy")) != nil }
        let same = Array(draft.utf8)
        let edited = Array(draft.replacingOccurrences(of: "欢迎", with: "热烈欢迎").utf8)
        let inserted = Array(draft.replacingOccurrences(of: "1.2", with: "1.1bis Nouveau.\n\n1.2").utf8)
        var badEdit = edited
        badEdit[edited.firstIndex(of: 0xE7)! + 1] = 0x41  // a Chinese character cut short
        var badInsert = inserted
        badInsert[inserted.firstIndex(of: UInt8(ascii: "N"))!] = 0xC3  // a lone lead byte
        var withNUL = same
        withNUL[3] = 0
        for (name, bytes) in [("same", same), ("edited", edited), ("inserted", inserted), ("bad edit", badEdit),
                              ("bad insert", badInsert), ("NUL", withNUL), ("empty", [])] {
            #expect(check(bytes) == whole(bytes), "\(name)")
        }
        #expect(check(edited) && check(inserted) && !check(badEdit) && !check(badInsert) && !check(withNUL))
        #expect(TextInput.Reference(Data([0x61, 0xFF, 0x0A])) == nil)
    }
}

