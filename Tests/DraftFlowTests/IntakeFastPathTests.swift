import Foundation
import Testing
@testable import DraftFlow
import TestSupport

/// Intake's fast paths give exactly what the general code gives: the comment parser's trimming on
/// Unicode scalars against Foundation's, and receipts made from the SHA-256s the intake computed
/// with the checks against receipts that hash the files' bytes.
@Suite struct IntakeFastPathTests {
    @Test func trimmingOnScalarsGivesFoundationsText() {
        var generator = SeededGenerator(seed: 41)
        let sets: [CharacterSet] = [.whitespacesAndNewlines, .whitespaces, .newlines]
        var trimmedSome = 0
        var trimmedNothing = 0
        for round in 0..<6_000 {
            var text = ""
            for _ in 0..<generator.below(6) { text += generator.pick(ChangeSummaryFastPathTests.ends) }
            if round % 3 != 0 { text += FastPathTests.text(&generator, words: generator.below(12)) }
            for _ in 0..<generator.below(3) { text += generator.pick(ChangeSummaryFastPathTests.ends) }
            let set = sets[round % sets.count]
            let general = text.trimmingCharacters(in: set)
            #expect(Array(TextTrimming.trimmed(text, in: set).utf8) == Array(general.utf8), "\(text.debugDescription)")
            // A slice of a longer text, as the parser trims parts of lines.
            let line = "ab" + text + "cd"
            let slice = line.dropFirst(2).dropLast(2)
            #expect(Array(TextTrimming.trimmed(slice, in: set).utf8) == Array(slice.trimmingCharacters(in: set).utf8), "\(text.debugDescription)")
            if general.utf8.count == text.utf8.count { trimmedNothing += 1 } else { trimmedSome += 1 }
        }
        // Both cases were met many times.
        #expect(trimmedSome > 1_000 && trimmedNothing > 1_000)
    }

    /// What the parser gives for a section's lines, with Foundation's trimming (`joinParagraphs`).
    static func joinedWithFoundation(_ lines: [String]) -> String {
        var out: [String] = []
        var pendingBreak = false
        for line in lines {
            var scalars = Array(line.unicodeScalars)
            if scalars.allSatisfy(\.properties.isWhitespace) {
                pendingBreak = !out.isEmpty
                continue
            }
            if pendingBreak { out.append("") }
            pendingBreak = false
            while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
            out.append(String(String.UnicodeScalarView(scalars)))
        }
        return out.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aCommentFileParsesAsWithFoundationsTrim() throws {
        var generator = SeededGenerator(seed: 43)
        let pads = ["", " ", "\t", "\u{A0}", "\u{3000}", "\u{2003}", "\u{85}", "\u{200B}", "\u{301}"]
        for _ in 0..<300 {
            var lines = ["# Comments", ""]
            var expected: [(text: String, proposal: String?)] = []
            for section in 0..<(1 + generator.below(4)) {
                // Headings padded with blanks alone: a mark after the type is refused, rightly.
                lines.append("## " + generator.pick(Array(pads.prefix(6))) + "1.\(1 + section % 2) (technical)" + generator.pick(Array(pads.prefix(6))))
                var text: [String] = []
                for line in 0..<(1 + generator.below(4)) {
                    let words = FastPathTests.text(&generator, words: generator.below(8))
                    text.append(generator.pick(pads) + (line == 0 ? "Note " : "") + words + generator.pick(pads))
                }
                lines += text
                var proposal: String?
                if generator.below(2) == 0 {
                    let rest = generator.pick(pads) + "New " + FastPathTests.text(&generator, words: generator.below(8)) + generator.pick(pads)
                    lines.append("Proposed change: " + rest)
                    proposal = Self.joinedWithFoundation([rest])
                }
                lines.append(generator.pick(Array(pads.prefix(3))))
                expected.append((Self.joinedWithFoundation(text), proposal))
            }
            let file = lines.joined(separator: "\n") + "\n"
            let parsed = try CommentParser.parse(data: Data(file.utf8), fileName: "CAN.md")
            #expect(parsed.count == expected.count, "\(file.debugDescription)")
            for (comment, wanted) in zip(parsed, expected) {
                #expect(Array(comment.text.utf8) == Array(wanted.text.utf8), "\(file.debugDescription)")
                #expect(comment.proposedChange.map { Array($0.utf8) } == wanted.proposal.map { Array($0.utf8) }, "\(file.debugDescription)")
            }
        }
    }

    @Test func receiptsFromTheIntakesHashesAreTheReceiptsOfTheBytes() throws {
        var generator = SeededGenerator(seed: 47)
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let codes = (0..<30).map { index in "X" + String(letters[index / 26]) + String(letters[index % 26]) }
        let fixture = try OpenRoundFixture(members: codes.map { ($0, "Delegation \($0)") })
        let context = try fixture.at("2020-02-20T10:00:00+01:00")
        var items: [Submissions.BatchItem] = []
        for (index, code) in codes.enumerated() {
            // Some members send the same comment file (one blob, one hash for both).
            let words = index % 7 == 3 ? "the same text" : FastPathTests.text(&generator, words: 3 + generator.below(20))
            let comments = "## 1.1 (technical)\n\(words)\n\n## general\nA remark.\n"
            var proposal: IncomingFile?
            if index % 3 != 0 {
                let copy = OpenRoundFixture.draft.replacingOccurrences(of: "welcomes the invitation", with: FastPathTests.text(&generator, words: 1 + generator.below(5)))
                proposal = IncomingFile(name: "\(code).proposal.md", data: Data(copy.utf8))
            }
            items.append(Submissions.BatchItem(member: code, file: IncomingFile(name: "\(code).md", data: Data(comments.utf8)),
                                               proposal: proposal, received: nil))
        }
        let result = try Submissions(context).intake(items, late: false, roundName: nil)
        #expect(result.recorded.count == codes.count)
        let byCode = Dictionary(uniqueKeysWithValues: items.map { ($0.member, $0) })
        var blobs = Set<String>()
        for (submission, commit) in zip(result.recorded, result.commitIDs) {
            let item = try #require(byCode[submission.member])
            let fileBlob = try #require(submission.fileBlob)
            blobs.insert(fileBlob)
            // Every file of the batch was hashed with its blob id.
            #expect(result.sha256[fileBlob] != nil)
            if item.proposal != nil {
                let proposalBlob = try #require(submission.proposalBlob)
                blobs.insert(proposalBlob)
                #expect(result.sha256[proposalBlob] != nil)
            }
            let general = Receipt(submission: submission, commit: commit, title: "Input", memberName: "Delegation \(submission.member)",
                                  version: "draft-1", zone: fixture.zone, original: item.file.data, proposal: item.proposal?.data)
            let fast = Receipt(submission: submission, commit: commit, title: "Input", memberName: "Delegation \(submission.member)",
                               version: "draft-1", zone: fixture.zone, original: item.file.data, proposal: item.proposal?.data,
                               sha256: result.sha256)
            #expect(fast == general)
            #expect(fast.files.count == (item.proposal == nil ? 1 : 2))
        }
        #expect(Set(result.sha256.keys) == blobs)
    }

    @Test func theRoundIndexKeptSortedAsMembersComeIsWhatJSONEncoderWrites() throws {
        // Codes in random order, some again (a second submission), against the whole index encoded.
        var generator = SeededGenerator(seed: 53)
        let encoder = RecordCoding.encoder(timeZone: TimeZone(identifier: "Europe/Zurich")!)
        let alphabet = Array("ABCXYZ019")
        var index = RoundIndex()
        var json = try RoundIndexJSON(index, encoder: encoder)
        for number in 0..<400 {
            let code = "X" + String((0..<(1 + generator.below(3))).map { _ in generator.pick(alphabet) })
            let submission = Submission(member: code, round: "draft-1", number: (index.members[code]?.submissions ?? 0) + 1,
                                        received: Date(timeIntervalSince1970: 1_583_000_000 + Double(generator.below(1_000))), late: number % 5 == 0,
                                        originalName: "x.md", file: "f", proposal: number % 2 == 0 ? "p" : nil, fileBlob: nil, proposalBlob: nil,
                                        comments: (0..<generator.below(4)).map {
                                            Comment(id: "\(code)-\($0)", member: code, parsed: ParsedComment(anchor: .general, type: .general, text: "t"))
                                        })
            index.record(submission)
            try json.set(code, index.members[code]!)
            #expect(try json.json() == (try encoder.encode(index)))
        }
        #expect(index.members.count > 100)
        #expect(try RoundIndexJSON(index, encoder: encoder).json() == (try encoder.encode(index)))
    }
}
