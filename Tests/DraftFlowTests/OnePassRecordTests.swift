import Foundation
import Testing
@testable import DraftFlow
import TestSupport

/// The records read in one pass since the secretariat's commands were made lighter (submissions,
/// merge records, a merge's changes and edits, dispositions) give what the general strict check
/// gives: `JSONDecoder`'s value and the unknown key that encoding the value again and comparing
/// finds, on generated records, with keys added anywhere and with the keys a comment leaves out
/// when it is written again (`proposalKind` of replacement text, a `reference` its anchor says).
@Suite struct OnePassRecordTests {
    typealias Words = KeyCheckingDecoderTests

    static func anchor(_ generator: inout SeededGenerator) -> Anchor {
        generator.pick([.general, .paragraph("1.\(1 + generator.below(9))"), .paragraph("after 2.\(generator.below(4))"), .paragraph("3")])
    }

    static func comment(_ generator: inout SeededGenerator, member: String) -> DraftFlow.Comment {
        let anchor = anchor(&generator)
        let references: [CommentReference] = [
            .implied(by: anchor), .implied(by: anchor), .general, .paragraphs(["1.2", "1.3"]), .paragraphs(["4"]),
            .range(from: "2.1", to: "2.4"), .insertion(after: "2.2"),
        ]
        let proposed = generator.below(2) == 0 ? Words.word(&generator) : nil
        let kinds: [ProposedChangeKind?] = [nil, .replacement, .instruction(nil), .instruction(.delete(Words.word(&generator))),
                                            .instruction(.replace(old: Words.word(&generator), new: Words.word(&generator)))]
        let template = generator.below(4) == 0
            ? TemplateFields(memberBody: generator.below(2) == 0 ? member : nil, line: generator.below(2) == 0 ? "\(generator.below(90))" : nil,
                             clause: generator.below(2) == 0 ? Words.word(&generator) : nil, paragraph: nil, row: 2 + generator.below(40))
            : nil
        var comment = DraftFlow.Comment(id: Words.id(&generator), member: member,
                                        parsed: ParsedComment(anchor: anchor, type: generator.pick(CommentType.allCases), text: Words.word(&generator),
                                                              proposedChange: proposed, template: template))
        // Any reference and kind, as records written by hand or by other versions may hold them.
        comment.reference = generator.pick(references)
        comment.proposalKind = generator.pick(kinds)
        return comment
    }

    static func submission(_ generator: inout SeededGenerator) -> Submission {
        let member = generator.pick(["CAN", "USA", "CHN", "RUS", "FRA", "GBR"])
        var submission = Submission(member: member, round: "draft-\(1 + generator.below(3))", number: 1 + generator.below(4),
                                    received: Words.date(&generator), late: generator.below(3) == 0, originalName: Words.word(&generator),
                                    file: "Comments/draft-1/\(member)/submission-1.md",
                                    proposal: generator.below(2) == 0 ? "Comments/draft-1/\(member)/submission-1.proposal.md" : nil,
                                    fileBlob: generator.below(2) == 0 ? String(repeating: "a1", count: 20) : nil,
                                    proposalBlob: generator.below(2) == 0 ? String(repeating: "0f", count: 20) : nil,
                                    comments: (0..<generator.below(6)).map { _ in comment(&generator, member: member) })
        if generator.below(4) == 0 { submission.noObjection = generator.pick([.marked, .statement]) }
        if generator.below(4) == 0 {
            var mail = MailOrigin(messageID: generator.below(2) == 0 ? "m\(generator.below(99))@example.org" : nil, contentHash: "abc\(generator.below(9))",
                                  from: "a@example.org", subject: generator.below(2) == 0 ? Words.word(&generator) : nil,
                                  receivedFrom: generator.pick([.received, .date, .given]),
                                  attachments: generator.below(2) == 0 ? [Words.word(&generator)] : nil)
            mail.assigned = generator.below(2) == 0 ? true : nil
            submission.mail = mail
        }
        if generator.below(4) == 0 {
            submission.revisions = (0..<generator.below(3)).map { _ in
                Revision(kind: generator.pick([.insertion, .deletion]), author: Words.word(&generator),
                         date: generator.below(2) == 0 ? Words.date(&generator) : nil, paragraph: generator.below(2) == 0 ? "1.1" : nil,
                         text: Words.word(&generator))
            }
        }
        if generator.below(4) == 0 { submission.sent = Words.date(&generator) }
        return submission
    }

    static func resolution(_ generator: inout SeededGenerator) -> Resolution {
        Resolution(anchor: "1.\(generator.below(9))", choice: generator.pick([.base, .member("CAN"), .text(Words.word(&generator))]),
                   note: generator.below(2) == 0 ? Words.word(&generator) : nil, decided: Words.date(&generator), collision: "C\(1 + generator.below(5))")
    }

    static func change(_ generator: inout SeededGenerator) -> RecordedChange {
        RecordedChange(paragraph: "1.\(generator.below(9))", kind: generator.pick(ChangeKind.allCases), before: Words.word(&generator),
                       after: Words.word(&generator), members: (0..<generator.below(3)).map { _ in generator.pick(["CAN", "USA", "CHN"]) })
    }

    /// A merge record as merge.json holds it (its changes and edits in files of their own), or whole.
    static func record(_ generator: inout SeededGenerator, whole: Bool) -> MergeRecord {
        let collisions = (0..<generator.below(4)).map { number in
            RecordedCollision(id: "C\(number + 1)", paragraph: "1.\(generator.below(9))", baseText: Words.word(&generator),
                              alternatives: (0..<(1 + generator.below(3))).map { _ in
                                  RecordedCollision.Alternative(members: [generator.pick(["CAN", "USA", "CHN"])], text: Words.word(&generator))
                              },
                              resolution: generator.below(2) == 0 ? resolution(&generator) : nil,
                              points: generator.below(2) == 0 ? ["CAN": [Words.id(&generator)]] : nil)
        }
        var record = MergeRecord(round: "draft-1", base: "draft-1", merged: Words.date(&generator),
                                 changes: whole ? (0..<generator.below(4)).map { _ in change(&generator) } : [],
                                 collisions: collisions,
                                 edits: whole ? (0..<generator.below(4)).map { _ in comment(&generator, member: "USA") } : [],
                                 orphaned: (0..<generator.below(3)).map { _ in Words.id(&generator) },
                                 resolutions: (0..<generator.below(3)).map { _ in resolution(&generator) })
        if generator.below(2) == 0 { record.superseded = [Words.id(&generator): Words.id(&generator)] }
        if generator.below(2) == 0 { record.copyTexts = [Words.id(&generator): Words.word(&generator)] }
        if generator.below(2) == 0 { record.flagged = [Words.id(&generator): generator.pick([.instruction, .unrelated])] }
        record.paragraphsNow = Dictionary((0..<generator.below(6)).map { ("1.\($0)", generator.below(4) == 0 ? "" : "1.\($0 + 1)") }) { a, _ in a }
        if generator.below(3) == 0 { record.rounds = ["draft-1", "draft-1b"] }
        return record
    }

    static func disposition(_ generator: inout SeededGenerator) -> Disposition {
        Disposition(comment: Words.id(&generator), decision: generator.pick(Decision.allCases),
                    text: generator.below(3) == 0 ? Words.word(&generator) : nil, note: generator.below(2) == 0 ? Words.word(&generator) : nil,
                    decided: Words.date(&generator))
    }

    /// Keys a record's objects may hold that their types read in some cases and not in others.
    static let keys = ["anchr", "phone", "proposalKind", "reference", "kind", "delete", "replace", "with", "take", "text", "template",
                       "paragraphs", "from", "to", "after", "noObjection", "assigned", "resolution", "points"]

    static func value(_ generator: inout SeededGenerator) -> Any {
        generator.pick([
            Words.word(&generator), NSNull(), 3, "CAN", ["kind": "replacement"] as [String: Any], ["kind": "instruction"] as [String: Any],
            ["kind": "instruction", "delete": "x"] as [String: Any], ["kind": "paragraphs", "paragraphs": ["1.2"]] as [String: Any],
            ["kind": "general"] as [String: Any], ["after": "2", "kind": "insertion"] as [String: Any], ["row": 2] as [String: Any],
            [1, 2] as [Any],
        ])
    }

    /// Compares the two ways on `data`: what the general decoder refuses the fast path refuses; what
    /// both read is the same value with the same unknown key. Whether the fast path read it.
    @discardableResult
    static func compare<T: SynthesizedRecord & Equatable>(_ type: T.Type, _ data: Data) throws -> (fast: Bool, unknown: Bool) {
        guard let general = try? RecordCoding.decoder().decode(T.self, from: data) else {
            #expect((try? KeyCheckingDecoder.decode(T.self, from: data)) == nil)
            return (false, false)
        }
        let unknown = try RecordCoding.unknownKey(in: data, decoded: general)
        guard let fast = try? KeyCheckingDecoder.decode(T.self, from: data) else { return (false, unknown != nil) }
        #expect(fast.value == general)
        #expect(fast.unknownKey == unknown)
        return (true, unknown != nil)
    }

    @Test func generatedRecordsReadInOnePassAsTheGeneralCheckReadsThem() throws {
        var fast = 0
        for seed in 0..<300 as Range<UInt64> {
            var generator = SeededGenerator(31, seed)
            let encoder = RecordCoding.encoder(timeZone: generator.pick(Words.zones))
            fast += try Self.compare(Submission.self, encoder.encode(Self.submission(&generator))).fast ? 1 : 0
            fast += try Self.compare(MergeRecord.self, encoder.encode(Self.record(&generator, whole: false))).fast ? 1 : 0
            fast += try Self.compare(MergeRecord.self, encoder.encode(Self.record(&generator, whole: true))).fast ? 1 : 0
            let edits = (0..<generator.below(5)).map { _ in Self.comment(&generator, member: "CHN") }
            fast += try Self.compare([DraftFlow.Comment].self, RecordJSON.array(edits)).fast ? 1 : 0
            fast += try Self.compare([DraftFlow.Comment].self, encoder.encode(edits)).fast ? 1 : 0
            fast += try Self.compare([RecordedChange].self, RecordJSON.array((0..<generator.below(5)).map { _ in Self.change(&generator) })).fast ? 1 : 0
            fast += try Self.compare([Disposition].self, encoder.encode((0..<generator.below(5)).map { _ in Self.disposition(&generator) })).fast ? 1 : 0
        }
        // Every record DraftFlow writes reads in one pass.
        #expect(fast == 300 * 7)
    }

    @Test func aKeyAddedAnywhereIsFoundAsTheGeneralCheckFindsIt() throws {
        var fast = 0, unknown = 0, refused = 0
        for seed in 0..<400 as Range<UInt64> {
            var generator = SeededGenerator(32, seed)
            let encoder = RecordCoding.encoder(timeZone: generator.pick(Words.zones))
            let records: [(Data, (Data) throws -> (fast: Bool, unknown: Bool))] = [
                (try encoder.encode(Self.submission(&generator)), { try Self.compare(Submission.self, $0) }),
                (try encoder.encode(Self.record(&generator, whole: generator.below(2) == 0)), { try Self.compare(MergeRecord.self, $0) }),
                (RecordJSON.array((0..<(1 + generator.below(4))).map { _ in Self.comment(&generator, member: "RUS") }),
                 { try Self.compare([DraftFlow.Comment].self, $0) }),
                (try encoder.encode((0..<(1 + generator.below(4))).map { _ in Self.disposition(&generator) }), { try Self.compare([Disposition].self, $0) }),
            ]
            for (data, compare) in records {
                let json = try JSONSerialization.jsonObject(with: data)
                var edited = json
                for _ in 0..<(1 + generator.below(2)) {
                    edited = Words.insert(generator.pick(Self.keys), Self.value(&generator), into: edited, &generator)
                }
                let result = try compare(try JSONSerialization.data(withJSONObject: edited, options: [.sortedKeys]))
                fast += result.fast ? 1 : 0
                unknown += result.fast && result.unknown ? 1 : 0
                refused += result.fast ? 0 : 1
            }
        }
        // Most edited records still decode, and most of those hold a key DraftFlow does not know.
        #expect(fast > 900)
        #expect(unknown > 600)
        #expect(refused > 50)
    }

    /// `dispositions.json` written straight to bytes is what `JSONEncoder` writes, in every zone,
    /// with notes and texts holding quotes, backslashes, control characters and other scripts.
    @Test func dispositionsWrittenStraightToBytesAreWhatJSONEncoderWrites() throws {
        var compared = 0
        for seed in 0..<300 as Range<UInt64> {
            var generator = SeededGenerator(35, seed)
            let zone = generator.pick(Words.zones)
            var dispositions = (0..<generator.below(8)).map { _ in Self.disposition(&generator) }
            if generator.below(4) == 0 {
                dispositions.append(Disposition(comment: "CAN-\"1\\", decision: .modified, text: "a/b\\c\"d\u{7}\u{1F}\t\u{2028}é中",
                                                note: "", decided: Date(timeIntervalSince1970: -1_000_000_000.25)))
            }
            let general = try RecordCoding.encoder(timeZone: zone).encode(dispositions)
            #expect(RecordJSON.dispositions(dispositions, zone: zone) == general)
            compared += dispositions.isEmpty ? 0 : 1
        }
        #expect(compared > 250)
    }

    @Test func keysACommentLeavesOutWhenWrittenAgainAreUnknownAsTheGeneralCheckSays() throws {
        // Written by hand: the kind of replacement text, and a reference that says what the anchor says.
        let base = #"{"anchor":"1.2","id":"CAN-1","member":"CAN","proposedChange":"New.","text":"Why.","type":"technical""#
        let cases: [(String, String?)] = [
            (base + "}", nil),
            (base + #","proposalKind":{"kind":"replacement"}}"#, "proposalKind"),
            (base + #","proposalKind":{"kind":"instruction"}}"#, nil),
            (base + #","proposalKind":{"delete":"x","kind":"instruction","with":"y"}}"#, "proposalKind.with"),
            (base + #","proposalKind":null}"#, nil),
            (base + #","reference":{"kind":"paragraphs","paragraphs":["1.2"]}}"#, "reference"),
            (base + #","reference":{"kind":"paragraphs","paragraphs":["1.2","1.3"]}}"#, nil),
            (base + #","reference":{"from":"1","kind":"paragraphs","paragraphs":["1.2","1.3"]}}"#, "reference.from"),
            (base + #","reference":{"kind":"general","paragraphs":["1.2"]}}"#, "reference.paragraphs"),
            (base + #","template":null,"reference":null}"#, nil),
        ]
        for (text, expected) in cases {
            let data = Data(text.utf8)
            let general = try RecordCoding.decoder().decode(DraftFlow.Comment.self, from: data)
            #expect(try RecordCoding.unknownKey(in: data, decoded: general) == expected)
            let fast = try KeyCheckingDecoder.decode(DraftFlow.Comment.self, from: data)
            #expect(fast.value == general)
            #expect(fast.unknownKey == expected)
            // Inside a submission's list, the path says where.
            let submission = try RecordCoding.encoder(timeZone: Words.zones[1]).encode(Submission(
                member: "CAN", round: "draft-1", number: 1, received: Date(timeIntervalSince1970: 1_600_000_000), late: false,
                originalName: "c.md", file: "f", proposal: nil, fileBlob: nil, proposalBlob: nil, comments: []))
            let inList = String(decoding: submission, as: UTF8.self).replacingOccurrences(of: "\"comments\" : [\n\n  ]", with: "\"comments\" : [\(text)]")
            let result = try KeyCheckingDecoder.decode(Submission.self, from: Data(inList.utf8))
            #expect(result.unknownKey == expected.map { "comments[0]." + $0 })
            #expect(try RecordCoding.unknownKey(in: Data(inList.utf8), decoded: result.value) == result.unknownKey)
        }
    }
}

/// What `resolve`, `status` and `publish` now read less of gives what reading all of it gives.
@Suite struct LighterReadingTests {
    let fixture: OpenRoundFixture

    init() throws {
        fixture = try OpenRoundFixture(members: [("CAN", "Canada"), ("USA", "United States"), ("FRA", "France")])
    }

    func commit(_ writes: [String: Data]) throws {
        let person = Person(name: "Someone", email: "someone@example.org", time: Date(timeIntervalSince1970: 1_582_000_000), timeZone: fixture.zone)
        _ = try fixture.store.commit { _ in WorkspaceChange(writes: writes, author: person, committer: person, message: "By hand\n") }
    }

    /// The round merged last, found by reading each summary's instant alone, is the one found by
    /// decoding every summary: summaries with and without an instant, ties, instants in other
    /// zones, damaged summaries (not JSON, a key DraftFlow does not know) and rounds without one.
    @Test func theLastMergeFoundByItsInstantIsTheOneFoundByDecodingEverySummary() throws {
        let base = try RecordReader.workflow(in: fixture.store.snapshot())
        let instants = [1_582_000_000, 1_582_000_000, 1_582_003_600, 1_583_000_000].map { Date(timeIntervalSince1970: Double($0)) }
        var found = 0, damaged = 0
        for seed in 0..<120 as Range<UInt64> {
            var generator = SeededGenerator(34, seed)
            var workflow = base
            var writes: [String: Data] = [:]
            for number in 0..<(1 + generator.below(6)) {
                var round = base.rounds[0]
                round.name = "r\(seed)-\(number)"
                round.kind = generator.below(6) == 0 ? .silence : .comments
                workflow.rounds.append(round)
                guard generator.below(6) != 0 else { continue }
                var object: [String: Any] = ["openCollisions": [] as [Any], "edits": ["CAN-E1"], "decided": ["USA-1", "CAN-2"]]
                switch generator.below(4) {
                case 0: break
                case 1: object["merged"] = NSNull()
                default: object["merged"] = InstantFormat.iso(generator.pick(instants), in: generator.pick(KeyCheckingDecoderTests.zones))
                }
                let unknown = generator.below(7) == 0
                if unknown { object["mergedBy"] = "hand" }
                var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
                let truncated = generator.below(8) == 0
                if truncated { data = data.dropLast(2) }
                let twice = generator.below(10) == 0
                if twice { data = Data("{\"merged\" : \"2020-02-18T05:26:40Z\", \"merged\" : null}".utf8) }
                damaged += unknown || truncated || twice ? 1 : 0
                writes[RecordPaths.mergeSummary(round: round.name)] = data
            }
            try commit(writes)
            let snapshot = try fixture.store.snapshot()
            let general = try RecordReader.lastMergeDecodingAll(workflow, in: snapshot)
            let fast = try RecordReader.lastMerge(workflow, in: snapshot)
            #expect(fast?.0 == general?.0)
            #expect(fast?.1 == general?.1)
            found += general == nil ? 0 : 1
        }
        #expect(found > 80)
        #expect(damaged > 60)
    }

    /// The instant read alone is the summary's own, and a file that is not JSON is left to the decoder.
    @Test func anInstantReadAloneIsTheOneTheSummaryHolds() throws {
        let record = MergeRecord(round: "draft-1", base: "draft-1", merged: Date(timeIntervalSince1970: 1_582_003_600.5), changes: [], collisions: [],
                                 edits: [], orphaned: [], resolutions: [])
        for zone in KeyCheckingDecoderTests.zones {
            let data = try RecordCoding.encoder(timeZone: zone).encode(MergeSummary(record, dispositions: []))
            let decoded = try RecordCoding.decoder().decode(MergeSummary.self, from: data)
            #expect(RecordReader.mergedInstant(data) == RecordReader.MergedInstant(merged: decoded.merged))
            #expect(decoded.merged != nil)
        }
        let refused = [
            #"{"merged": 5}"#, #"{"merged": "yesterday"}"#, #"{"merged": "2020-02-18T05:26:40Z"} x"#, #"["merged"]"#,
            #"{"edits": ["a\u00"], "merged": null}"#, #"{"edits": ["\ud800"], "merged": null}"#, #"{"edits": [01], "merged": null}"#,
            #"{"edits": ["a"] "merged": null}"#, #"{"edits": {"a" 1}, "merged": null}"#, "{\"edits\": [\"\u{1}\"]}",
        ]
        for text in refused {
            #expect(RecordReader.mergedInstant(Data(text.utf8)) == nil)
        }
        // Not UTF-8: {"e": "\xFF", "merged": null}.
        #expect(RecordReader.mergedInstant(Data([0x7B, 0x22, 0x65, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x2C] + Array(#""merged": null}"#.utf8))) == nil)
        #expect(RecordReader.mergedInstant(Data(#"{"edits": ["\u00e9\"", true, false, null, -1.5e3, {}], "merged": null}"#.utf8))
                == RecordReader.MergedInstant(merged: nil))
        #expect(RecordReader.mergedInstant(Data(#" { } "#.utf8)) == RecordReader.MergedInstant(merged: nil))
    }

    /// What `resolve` reads to apply a resolution in place (`.merge`: no submission) is what the
    /// fuller read (`.records`) gives of the same: the workflow, the round, the record, the decisions.
    @Test func theMergeRecordAloneIsReadAsTheFullerReadReadsIt() throws {
        let during = try fixture.at("2020-02-20T10:00:00+01:00")
        let file = { (text: String) in IncomingFile(name: "c.md", data: Data(text.utf8)) }
        let copy = IncomingFile(name: "copy.md", data: Data(OpenRoundFixture.draft.replacingOccurrences(of: "welcomes", with: "warmly welcomes").utf8))
        _ = try Submissions(during).record(member: "CAN", file: file("Nous appuyons le projet.\n"), proposal: copy, received: nil, late: false, roundName: nil)
        _ = try Submissions(during).record(member: "USA", file: file("## 1.1 (technical)\nStronger.\n\nProposed change: 1.1 The Council strongly welcomes the invitation.\n"),
                                           proposal: nil, received: nil, late: false, roundName: nil)
        _ = try Submissions(during).record(member: "FRA", file: file("General support.\n"), proposal: nil, received: nil, late: false, roundName: nil)
        let merged = try MergeDesk(try fixture.at("2020-03-03T09:00:00+01:00")).merge(round: nil)
        #expect(merged.openCollisions.map(\.id) == ["C1"])
        _ = try DispositionDesk(try fixture.at("2020-03-03T09:05:00+01:00")).dispose(comment: "FRA-1", decision: .noted, text: nil, note: nil, round: nil)
        let snapshot = try fixture.store.snapshot()
        for round in [nil, "draft-1"] {
            let light = try RoundState.read(round, selection: .lastMerged, detail: .merge, in: snapshot, store: fixture.store)
            let full = try RoundState.read(round, selection: .lastMerged, detail: .records, in: snapshot, store: fixture.store)
            #expect(light.workflow == full.workflow)
            #expect(light.round == full.round)
            #expect(light.record == full.record)
            #expect(light.dispositions == full.dispositions)
            #expect(light.pooled == full.pooled)
            #expect(light.dispositions.map(\.comment) == ["FRA-1"])
            #expect(full.submissions.count == 3)
            #expect(light.submissions.isEmpty)
        }
        // Resolved in place, as before: the candidate takes Canada's wording.
        let outcome = try Resolutions(try fixture.at("2020-03-03T09:10:00+01:00")).resolve(collision: "C1", choice: .member("CAN"), note: nil, round: nil)
        #expect(outcome.openCollisions.isEmpty)
        let draft = String(decoding: try #require(try fixture.store.snapshot().file("Drafts/input.md")), as: UTF8.self)
        #expect(draft.contains("1.1 The Council warmly welcomes the invitation.\n"))
    }
}
