import Foundation
import Testing
import TestSupport
@testable import DraftFlow

/// `merge --json` writes the record in pieces (`JSONPieces`), the round's changes and edits moved
/// in from their files' bytes as they are written, and `RecordJSON` hands its bytes to a `Data`
/// without a copy and reserves a long array's room from its first items: each gives byte for byte
/// what `JSONEncoder` gives.
@Suite struct JSONPiecesTests {
    /// Everything `pieces` hands out with a buffer of `size` bytes, and the largest run handed out.
    static func written(_ pieces: JSONPieces, bufferSize size: Int) -> (data: Data, largest: Int, runs: Int) {
        var data = Data()
        var largest = 0
        var runs = 0
        pieces.write(bufferSize: size) { run in
            data.append(contentsOf: run)
            largest = max(largest, run.count)
            runs += 1
        }
        return (data, largest, runs)
    }

    /// The longest line of an indented piece, with the two spaces it is moved by.
    static func longestLine(_ parts: (changes: Data, edits: Data)) -> Int {
        [parts.changes, parts.edits].flatMap { $0.split(separator: 0x0A, omittingEmptySubsequences: false) }.map { $0.count + 3 }.max() ?? 0
    }

    @Test func generatedRecordsWrittenInPiecesAreWhatJSONEncoderWrites() throws {
        try MergeRecordJSONTests.forEachGenerated(seed: 1203, count: 300) { record, zone, encoder, _ in
            let expected = try encoder.encode(record)
            let parts = (changes: RecordJSON.array(record.changes), edits: RecordJSON.array(record.edits))
            let withParts = record.jsonPieces(zone: zone, parts: parts)
            #expect(withParts.pieces.count == 5)
            #expect(withParts.data == expected, "\(MergeRecordJSONTests.firstDifference(withParts.data, expected))")
            #expect(record.jsonPieces(zone: zone).data == expected)
            for size in [1, 2, 3, 17, 4096, 1 << 20] {
                let out = Self.written(withParts, bufferSize: size)
                #expect(out.data == expected, "buffer of \(size): \(MergeRecordJSONTests.firstDifference(out.data, expected))")
                // Runs are at most the buffer, or one line of a part where that line is longer.
                #expect(out.largest <= max(size, Self.longestLine(parts)))
                if size == 1 << 20 { #expect(out.runs == 1) }
            }
        }
    }

    @Test func aPieceWithACharacterToEscapeIsFound() {
        let plain = JSONPieces([.bytes(Data("{\n  \"a\" : ".utf8)), .indented(Data("[\n  \"b\"\n]".utf8)), .bytes(Data("\n}".utf8))])
        #expect(!plain.contains { TerminalText.containsUnsafeFromDelete(utf8: $0) })
        #expect(plain.data == Data("{\n  \"a\" : [\n    \"b\"\n  ]\n}".utf8))
        let inPart = JSONPieces([.bytes(Data("{\n  \"a\" : ".utf8)), .indented(Data("[\n  \"b\u{202E}\"\n]".utf8)), .bytes(Data("\n}".utf8))])
        #expect(inPart.contains { TerminalText.containsUnsafeFromDelete(utf8: $0) })
        let inBytes = JSONPieces([.bytes(Data("{\n  \"a\u{7F}\" : ".utf8)), .indented(Data("[]".utf8)), .bytes(Data("\n}".utf8))])
        #expect(inBytes.contains { TerminalText.containsUnsafeFromDelete(utf8: $0) })
    }

    /// Arrays long enough for the rest to be reserved from the first 256 items: small items then
    /// large ones (the estimate falls short, the bytes grow), large then small (it is too much),
    /// and items of one size.
    @Test func longArraysAreWrittenAsJSONEncoderWritesThem() throws {
        let encoder = RecordCoding.encoder(timeZone: TimeZone(identifier: "UTC")!)
        func edit(_ index: Int, length: Int) -> DraftFlow.Comment {
            let words = String(repeating: "wörd \"理\" \n", count: length)
            return DraftFlow.Comment(id: "CAN-E\(index + 1)", member: "CAN",
                                     parsed: ParsedComment(anchor: .paragraph("\(index / 20 + 1).\(index % 20 + 1)"), type: .editorial,
                                                           text: words, proposedChange: index % 3 == 0 ? nil : words))
        }
        let shapes: [(count: Int, length: (Int) -> Int)] = [
            (1_025, { $0 < 256 ? 0 : 40 }),
            (5_000, { $0 < 256 ? 60 : 1 }),
            (2_000, { _ in 7 }),
            (1_024, { $0 % 50 }),
            (256, { $0 }),
        ]
        for shape in shapes {
            let edits = (0..<shape.count).map { edit($0, length: shape.length($0)) }
            let written = RecordJSON.array(edits)
            let expected = try encoder.encode(edits)
            #expect(written == expected, "\(shape.count) items: \(MergeRecordJSONTests.firstDifference(written, expected))")
        }
    }

    @Test func takenBytesOutliveTheWriterAndLeaveItEmpty() throws {
        var out = RecordJSON()
        let changes = [RecordedChange(paragraph: "1.2", kind: .modified, before: "a", after: "b", members: ["CAN"])]
        out.array(changes, indent: 0)
        let first = out.take()
        #expect(out.take() == Data())
        out.array(changes, indent: 0)
        let second = out.take()
        out = RecordJSON()
        #expect(first == second)
        #expect(first == (try RecordCoding.encoder(timeZone: TimeZone(identifier: "UTC")!).encode(changes)))
    }
}
