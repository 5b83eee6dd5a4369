import Foundation
import Testing
@testable import DraftFlow
import TestSupport

/// The one-pass strict decoding of records (`KeyCheckingDecoder`) gives what the general one gives:
/// `JSONDecoder`'s value, and the unknown key that encoding the value again and comparing finds.
@Suite struct KeyCheckingDecoderTests {
    static let zones = ["Europe/Geneva", "UTC", "Asia/Shanghai", "America/New_York", "Asia/Kolkata"].compactMap(TimeZone.init(identifier:))

    static func word(_ generator: inout SeededGenerator) -> String {
        FastPathTests.text(&generator, words: 1 + generator.below(4)) + (generator.below(8) == 0 ? "\u{0}\u{1F}\r\n" : "")
    }

    static func id(_ generator: inout SeededGenerator) -> String {
        "\(generator.pick(["CAN", "USA", "CHN", "RUS", "FRA", "GBR"]))-\(generator.below(3) == 0 ? "E" : "")\(1 + generator.below(40))"
    }

    static func date(_ generator: inout SeededGenerator) -> Date {
        Date(timeIntervalSince1970: 1_580_000_000 + Double(generator.below(90_000_000)))
    }

    static func index(_ generator: inout SeededGenerator) -> RoundIndex {
        var index = RoundIndex()
        for _ in 0..<generator.below(12) {
            index.members[word(&generator)] = .init(latest: 1 + generator.below(5), submissions: generator.below(7), received: date(&generator),
                                                    late: generator.below(2) == 0, proposal: generator.below(2) == 0,
                                                    comments: (0..<generator.below(6)).map { _ in id(&generator) })
        }
        return index
    }

    static func summary(_ generator: inout SeededGenerator) throws -> MergeSummary {
        // Built from its JSON: MergeSummary has no memberwise initializer outside its module's records.
        var object: [String: Any] = [
            "openCollisions": (0..<generator.below(4)).map { _ in ["id": word(&generator), "paragraph": word(&generator)] },
            "edits": (0..<generator.below(5)).map { _ in id(&generator) },
            "decided": (0..<generator.below(9)).map { _ in id(&generator) },
        ]
        if generator.below(2) == 0 { object["superseded"] = Dictionary((0..<generator.below(4)).map { _ in (id(&generator), id(&generator)) }) { a, _ in a } }
        if generator.below(2) == 0 { object["flagged"] = Dictionary((0..<generator.below(4)).map { _ in (id(&generator), generator.pick(["instruction", "unrelated"])) }) { a, _ in a } }
        if generator.below(2) == 0 { object["rounds"] = (0..<generator.below(3)).map { _ in word(&generator) } }
        if generator.below(2) == 0 { object["merged"] = InstantFormat.iso(date(&generator), in: zones[0]) }
        return try RecordCoding.decoder().decode(MergeSummary.self, from: JSONSerialization.data(withJSONObject: object))
    }

    /// Adds `key` (with `value`) to one of the objects of `json` picked at random.
    static func insert(_ key: String, _ value: Any, into json: Any, _ generator: inout SeededGenerator) -> Any {
        var objects = 0
        func count(_ node: Any) {
            if let object = node as? [String: Any] { objects += 1; object.values.forEach(count) }
            if let array = node as? [Any] { array.forEach(count) }
        }
        count(json)
        var target = generator.below(objects)
        func rebuild(_ node: Any) -> Any {
            if var object = node as? [String: Any] {
                let here = target == 0
                target -= 1
                for (name, child) in object { object[name] = rebuild(child) }
                if here { object[key] = value }
                return object
            }
            if let array = node as? [Any] { return array.map(rebuild) }
            return node
        }
        return rebuild(json)
    }

    func same<T: SynthesizedRecord & Equatable>(_ type: T.Type, _ data: Data) throws {
        let general = try RecordCoding.decoder().decode(T.self, from: data)
        let fast = try KeyCheckingDecoder.decode(T.self, from: data)
        #expect(fast.value == general)
        #expect(fast.unknownKey == (try RecordCoding.unknownKey(in: data, decoded: general)))
    }

    @Test func generatedRecordsDecodeAsJSONDecoderDecodesThem() throws {
        for seed in 0..<300 as Range<UInt64> {
            var generator = SeededGenerator(17, seed)
            let encoder = RecordCoding.encoder(timeZone: generator.pick(Self.zones))
            try same(RoundIndex.self, encoder.encode(Self.index(&generator)))
            try same(MergeSummary.self, encoder.encode(try Self.summary(&generator)))
        }
    }

    @Test func anUnknownKeyAnywhereIsTheOneTheGeneralCheckNames() throws {
        var named = 0
        for seed in 0..<300 as Range<UInt64> {
            var generator = SeededGenerator(18, seed)
            let encoder = RecordCoding.encoder(timeZone: generator.pick(Self.zones))
            for data in [try encoder.encode(Self.index(&generator)), try encoder.encode(try Self.summary(&generator))] {
                let json = try JSONSerialization.jsonObject(with: data)
                // A key with a value, a key with null (not unknown: a nil optional is left out), a
                // misspelt key beside the right one.
                let value: Any = generator.pick([Self.word(&generator), NSNull(), 3, ["x": 1] as [String: Any], [1, 2] as [Any]])
                let key = generator.pick(["anchr", "Members", "phone", "édition", "comments2", "a.b", "[0]"])
                let edited = try JSONSerialization.data(withJSONObject: Self.insert(key, value, into: json, &generator), options: [.sortedKeys])
                // Inserted in a map of members, the key is a member whose entry does not decode: both refuse it.
                guard let general = try? RecordCoding.decoder().decode(RoundIndex.self, from: edited) else {
                    if (try? RecordCoding.decoder().decode(MergeSummary.self, from: edited)) == nil {
                        #expect(throws: (any Error).self) { try KeyCheckingDecoder.decode(RoundIndex.self, from: edited) }
                        #expect(throws: (any Error).self) { try KeyCheckingDecoder.decode(MergeSummary.self, from: edited) }
                        continue
                    }
                    try same(MergeSummary.self, edited)
                    named += (try RecordCoding.unknownKey(in: edited, decoded: try RecordCoding.decoder().decode(MergeSummary.self, from: edited))) == nil ? 0 : 1
                    continue
                }
                try same(RoundIndex.self, edited)
                named += (try RecordCoding.unknownKey(in: edited, decoded: general)) == nil ? 0 : 1
            }
        }
        // Most insertions are unknown keys (those with null values are not): the test is not vacuous.
        #expect(named > 200)
    }

    @Test func whatJSONDecoderRefusesTheFastPathRefusesToo() throws {
        let encoder = RecordCoding.encoder(timeZone: Self.zones[0])
        var generator = SeededGenerator(19)
        var index = Self.index(&generator)
        index.members["CAN"] = .init(latest: 2, submissions: 3, received: Self.date(&generator), late: false, proposal: true, comments: ["CAN-1"])
        let text = String(decoding: try encoder.encode(index), as: UTF8.self)
        let damaged = [
            text.replacingOccurrences(of: "\"latest\" : 2", with: "\"latest\" : 2.5"),
            text.replacingOccurrences(of: "\"latest\" : 2", with: "\"latest\" : \"2\""),
            text.replacingOccurrences(of: "\"latest\" : 2,", with: ""),
            text.replacingOccurrences(of: "\"proposal\" : true", with: "\"proposal\" : 1"),
            text.replacingOccurrences(of: "\"CAN-1\"", with: "null"),
            String(text.dropLast(2)),
            "\u{FEFF}" + text,
            text + "x",
            text.replacingOccurrences(of: "\"latest\" : 2", with: "\"latest\" : 2, \"latest\" : 2"),
        ]
        for record in damaged {
            let data = Data(record.utf8)
            #expect(throws: (any Error).self) { try KeyCheckingDecoder.decode(RoundIndex.self, from: data) }
        }
        // A date the general decoder does not take either.
        let badDate = text.replacingOccurrences(of: #""received" : "2"#, with: #""received" : "x2"#)
        #expect(badDate != text)
        #expect(throws: (any Error).self) { try RecordCoding.decoder().decode(RoundIndex.self, from: Data(badDate.utf8)) }
        #expect(throws: (any Error).self) { try KeyCheckingDecoder.decode(RoundIndex.self, from: Data(badDate.utf8)) }
    }

    @Test func escapesAndSurrogatePairsReadAsJSONDecoderReadsThem() throws {
        let record = #"{"members":{"C\u00e9\n\/\"\\\ud83d\udc4d\t":{"comments":["\u0000","é"],"late":false,"latest":1,"proposal":false,"received":"2020-02-21T10:00:00+01:00","submissions":1}}}"#
        try same(RoundIndex.self, Data(record.utf8))
        #expect(try KeyCheckingDecoder.decode(RoundIndex.self, from: Data(record.utf8)).value.members.keys.first == "Cé\n/\"\\👍\t")
    }
}
