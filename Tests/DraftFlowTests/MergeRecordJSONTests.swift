import Foundation
import Testing
import TestSupport
@testable import DraftFlow

/// `RecordJSON.mergeRecord` and `RecordJSON.mergeSummary` write `merge.json` and
/// `merge-summary.json` without `JSONEncoder`: byte for byte what `RecordCoding.encoder` writes.
@Suite struct MergeRecordJSONTests {
    static let zones = ["Europe/Zurich", "UTC", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe"]
        .map { TimeZone(identifier: $0)! }

    /// Texts a record may hold: escapes, control characters, slashes, scripts, combining marks,
    /// and keys that sort differently by bytes, by numbers and by `String` (`"1.10"`, `"1.9"`,
    /// `"é"` precomposed and `"f"`, `"Z"` and `"a"`).
    static let pieces = ["", "1", "1.2", "1.10", "1.9", "10.1", "after 3.4", "a", "Z", "_", "é", "e\u{301}x", "f", "ß", "ss",
                         "理事会", "😀", "\u{FF21}", "quote \"", "back\\slash", "slash / here", "tab\t", "line\nbreak", "\r",
                         "\u{7}", "\u{1F}", "\u{7F}", "\u{2028}", "🇨🇭", "CAN", "USA", "CAN-E1", "مرحبا", "Привет"]

    static func text(_ generator: inout SeededGenerator) -> String {
        (0..<generator.below(4)).map { _ in generator.pick(pieces) }.joined(separator: generator.pick(["", " ", "-"]))
    }

    static func strings(_ generator: inout SeededGenerator) -> [String] {
        (0..<generator.pick([0, 0, 1, 3])).map { _ in text(&generator) }
    }

    static func dictionary<V>(_ generator: inout SeededGenerator, _ value: (inout SeededGenerator) -> V) -> [String: V]? {
        switch generator.below(3) {
        case 0: return nil
        case 1: return [:]
        default:
            var result: [String: V] = [:]
            for _ in 0..<(1 + generator.below(12)) { result[text(&generator)] = value(&generator) }
            return result
        }
    }

    static func date(_ generator: inout SeededGenerator) -> Date {
        // From 1901 to 2100, to whole seconds and not, across daylight-saving changes.
        Date(timeIntervalSince1970: Double(Int64(generator.next() % 6_300_000_000) - 2_200_000_000) + (generator.below(2) == 0 ? 0 : 0.75))
    }

    static func resolution(_ generator: inout SeededGenerator) -> Resolution {
        let choice: ResolutionChoice = generator.pick([.base, .member(text(&generator)), .text(text(&generator))])
        return Resolution(anchor: text(&generator), choice: choice, note: generator.pick([nil, "", text(&generator)]),
                          decided: date(&generator), collision: text(&generator))
    }

    static func record(_ generator: inout SeededGenerator) -> MergeRecord {
        let collisions = (0..<generator.pick([0, 1, 4])).map { _ in
            RecordedCollision(id: text(&generator), paragraph: text(&generator), baseText: text(&generator),
                              alternatives: (0..<generator.below(3)).map { _ in
                                  RecordedCollision.Alternative(members: strings(&generator), text: text(&generator))
                              },
                              resolution: generator.below(2) == 0 ? nil : resolution(&generator),
                              points: dictionary(&generator) { strings(&$0) })
        }
        let changes = (0..<generator.pick([0, 2])).map { _ in
            RecordedChange(paragraph: text(&generator), kind: generator.pick(ChangeKind.allCases), before: text(&generator),
                           after: text(&generator), members: strings(&generator))
        }
        let edits = (0..<generator.pick([0, 2])).map { index in
            DraftFlow.Comment(id: "CAN-E\(index + 1)", member: "CAN",
                    parsed: ParsedComment(anchor: .paragraph(text(&generator)), type: .editorial, text: text(&generator), proposedChange: text(&generator)))
        }
        var record = MergeRecord(round: text(&generator), base: text(&generator), merged: date(&generator), changes: changes,
                                 collisions: collisions, edits: edits, orphaned: strings(&generator),
                                 resolutions: (0..<generator.pick([0, 1, 3])).map { _ in resolution(&generator) })
        record.superseded = dictionary(&generator) { text(&$0) }
        record.copyTexts = dictionary(&generator) { text(&$0) }
        record.flagged = dictionary(&generator) { $0.pick([ProposalFlag.instruction, .unrelated]) }
        record.paragraphsNow = dictionary(&generator) { text(&$0) } ?? [:]
        record.rounds = generator.pick([nil, [], strings(&generator)])
        return record
    }

    /// The two texts around where they first differ.
    static func firstDifference(_ a: Data, _ b: Data) -> String {
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let from = max(0, index - 80)
        return "at \(index): \(String(decoding: a[from..<min(a.count, index + 80)], as: UTF8.self).debugDescription)\n"
            + "expected \(String(decoding: b[from..<min(b.count, index + 80)], as: UTF8.self).debugDescription)"
    }

    /// `count` records generated from `seed`, each with a zone (taken in turn) and that zone's
    /// encoder; `body` may go on drawing from the generator.
    static func forEachGenerated(seed: UInt64, count: Int,
                                 _ body: (MergeRecord, TimeZone, JSONEncoder, inout SeededGenerator) throws -> Void) rethrows {
        var generator = SeededGenerator(seed: seed)
        for index in 0..<count {
            let zone = zones[index % zones.count]
            let generated = record(&generator)
            try body(generated, zone, RecordCoding.encoder(timeZone: zone), &generator)
        }
    }

    @Test func generatedMergeRecordsAreWrittenAsJSONEncoderWritesThem() throws {
        try Self.forEachGenerated(seed: 2026, count: 600) { record, zone, encoder, generator in
            let expected = try encoder.encode(record.withoutParts)
            let written = RecordJSON.mergeRecord(record.withoutParts, zone: zone)
            #expect(written == expected, "\(Self.firstDifference(written, expected))")
            // With its changes and edits too, as `merge --json` prints it.
            #expect(RecordJSON.mergeRecord(record, zone: zone) == (try encoder.encode(record)))
            #expect(try record.json(zone: zone) == (try encoder.encode(record)))

            let dispositions = (0..<generator.pick([0, 2])).map { _ in
                Disposition(comment: Self.text(&generator), decision: .accepted, text: nil, note: nil, decided: Self.date(&generator))
            }
            var summary = MergeSummary(record, dispositions: dispositions)
            if generator.below(4) == 0 { summary.merged = nil }
            #expect(RecordJSON.mergeSummary(summary, zone: zone) == (try encoder.encode(summary)))
        }
    }

    /// The records a resolution writes read back as they were.
    @Test func writtenRecordsReadBack() throws {
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<50 {
            var record = Self.record(&generator).withoutParts
            record.merged = Date(timeIntervalSince1970: 1_583_000_000)
            let decoded = try RecordCoding.decoder().decode(MergeRecord.self, from: RecordJSON.mergeRecord(record, zone: Self.zones[0]))
            #expect(decoded.collisions.map(\.id) == record.collisions.map(\.id))
            #expect(decoded.paragraphsNow == record.paragraphsNow)
            #expect(decoded.flagged == record.flagged)
            #expect(decoded.superseded == record.superseded)
        }
    }
}
