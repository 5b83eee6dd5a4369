import Foundation
import Testing
@testable import DraftFlow
import TestSupport

@Suite struct TrailerTests {

    /// What `trailers(of:)` took as the last paragraph before it searched from the end.
    static func reference(_ message: String) -> [Substring] {
        let last = message.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n").last ?? ""
        return last.split(separator: "\n")
    }

    @Test func lastParagraphIsFoundFromTheEnd() {
        let messages = [
            "", "\n\n", "  \n ", "Subject", "Subject\n\nDraftFlow-Event: merge\nDraftFlow-Round: draft-1\n",
            "Subject\n\nBody\n\n\nDraftFlow-Event: merge\n\n", "Subject\n\n\n\n  DraftFlow-Event: merge  \n\t\n",
            "\n\n  DraftFlow-Event: x", "\u{2028}\n\nDraftFlow-Event: x", "a\n\n\u{2028}DraftFlow-Event: x\u{85}",
            "Comments of A (B) on draft-1\n\nReceived.\n\n- A-1 [1.1, general]: 信息\n\nDraftFlow-Event: comment\nDraftFlow-Member: AFG\n",
            "Subject\r\n\r\nDraftFlow-Event: merge\r\n", "Subject\n\r\n\nDraftFlow-Event: merge", "x\n\n\n", "x\n\ny\n\n\nz",
        ]
        for message in messages {
            let lines = CommitTrailers.lastParagraph(of: message).map { $0.split(separator: "\n") } ?? []
            #expect(lines == Self.reference(message), "\(message.debugDescription)")
        }
        let trailers = CommitTrailers.parse("Subject\n\nbody: not a trailer\n\nDraftFlow-Event: comment\nDraftFlow-Member:  AFG \nOther: x\n")
        #expect(trailers == [.event: "comment", .member: "AFG"])
    }

    @Test func trailerValuesAreTrimmedAsFoundationTrimsThem() {
        let pieces = ["", " ", "\t", "\u{A0}", "\u{3000}", "\u{2009}", "\u{301}", "\u{200B}", "\u{85}", "\u{2028}", "\n", "a", "AFG", "é", "信息", "👍🏽", ":"]
        var generator = SeededGenerator(21)
        for _ in 0..<2000 {
            let text = (0..<generator.below(7)).map { _ in generator.pick(pieces) }.joined()
            #expect(CommitTrailers.trimmed(Substring(text)) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
        #expect(CommitTrailers.trimmed(" \u{301}x \u{A0}") == "\u{301}x")
    }
}

@Suite struct CarriageReturnScanTests {
    /// The byte scan gives what `utf8.contains` gives, on native strings and on bridged ones (which
    /// have no contiguous UTF-8 and take the general route).
    @Test func theScanFindsWhatContainsFinds() {
        let pieces = ["a", "\r", "\n", "\r\n", "信息", "é", " ", "DraftFlow-Event: merge", String(repeating: "x", count: 300)]
        var generator = SeededGenerator(22)
        for _ in 0..<500 {
            let text = (0..<generator.below(9)).map { _ in generator.pick(pieces) }.joined()
            let bridged = String(NSString(string: text))
            #expect(CommitTrailers.containsCarriageReturn(text) == text.utf8.contains(13), "\(text.debugDescription)")
            #expect(CommitTrailers.containsCarriageReturn(bridged) == text.utf8.contains(13), "\(text.debugDescription)")
        }
    }
}

@Suite struct TrailerLineTests {
    /// What `parse` gave before lines were read in their bytes: every line split and read as
    /// characters.
    static func reference(_ message: String) -> [Trailer: String] {
        var result: [Trailer: String] = [:]
        guard let last = CommitTrailers.lastParagraph(of: message) else { return result }
        for line in last.split(separator: "\n") { CommitTrailers.read(line, into: &result) }
        return result
    }

    @Test func linesReadInTheirBytesGiveWhatCharactersGive() {
        let pieces = ["DraftFlow-Event", "DraftFlow-Member", "DraftFlow-Round", "DraftFlow-Late", ":", ": ", " ", "\t", "\n", "\n\n",
                      "\r\n", "AFG", "draft-1", "yes", "\u{A0}", "\u{3000}", "\u{301}", "\u{600}", "é", "信息", "👍🏽", "Subject"]
        var generator = SeededGenerator(23)
        for _ in 0..<3000 {
            let message = (0..<generator.below(14)).map { _ in generator.pick(pieces) }.joined()
            #expect(CommitTrailers.parse(message) == Self.reference(message), "\(message.debugDescription)")
        }
        #expect(CommitTrailers.parse("S\n\nDraftFlow-Event:\u{301} merge\nDraftFlow-Round: \u{600}:x\n") == [.round: "\u{600}:x"])
    }
}
