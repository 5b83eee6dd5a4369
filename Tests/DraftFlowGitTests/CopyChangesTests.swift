import DraftFlow
import DraftFlowGit
import Foundation
import Testing
import TestSupport

/// What intake keeps of each edited copy (`CopyChangeStore`) gives the merge exactly what reading
/// and aligning the copies gives.
@Suite struct CopyChangesTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!
    static let members = ["ARG", "AUS", "BRA", "CAN", "CHE", "CHN", "DEU", "ESP", "FRA", "GBR", "IND", "JPN", "KEN", "MEX"]
    static let words = ["the", "Council", "welcomes", "connectivity", "numérique", "développement", "Совет", "المجلس",
                        "理事会", "欢迎", "数字", "包容", "2030", "«inclusive»", "access", "e\u{301}lève", "👍🏽"]

    func date(_ text: String) throws -> Date { try Deadline.parseInstant(text, timeZone: zone) }

    static func sentence(_ generator: inout SeededGenerator, words count: Int) -> String {
        (0..<count).map { _ in generator.pick(words) }.joined(separator: " ") + "."
    }

    /// A draft of three sections of `perSection` numbered paragraphs.
    static func draft(_ generator: inout SeededGenerator, perSection: Int) -> [String] {
        var blocks = ["# Input"]
        for section in 1...3 {
            blocks.append("## \(section) Part \(section)")
            for paragraph in 1...perSection {
                blocks.append("\(section).\(paragraph) " + sentence(&generator, words: 6 + generator.below(10)))
            }
        }
        return blocks
    }

    static func text(_ blocks: [String]) -> String { blocks.joined(separator: "\n\n") + "\n" }

    /// A member's copy: paragraphs edited in place (the usual copy), or deleted, inserted or moved
    /// (aligned by `BlockAlignment`), with a byte order mark or Windows line ends, or unchanged.
    static func copy(of base: [String], kind: Int, _ generator: inout SeededGenerator) -> Data {
        var blocks = base
        let numbered = blocks.indices.filter { blocks[$0].first?.isNumber == true }
        for _ in 0..<(1 + generator.below(3)) {
            let index = generator.pick(numbered)
            blocks[index] = blocks[index].replacingOccurrences(of: ".", with: ", " + sentence(&generator, words: 3), options: .backwards,
                                                               range: blocks[index].range(of: ".", options: .backwards))
        }
        switch kind {
        case 1: blocks.remove(at: generator.pick(numbered))
        case 2: blocks.insert("2.0 " + sentence(&generator, words: 8), at: generator.pick(numbered))
        case 3: blocks.append(blocks.remove(at: generator.pick(numbered)))
        case 6: blocks = base
        default: break
        }
        var text = Self.text(blocks)
        if kind == 5 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        return (kind == 4 ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
    }

    @Test func aMergeWithWhatIntakeKeptGivesWhatReadingTheCopiesGives() throws {
        for seed in [1, 2, 3] as [UInt64] {
            var generator = SeededGenerator(17, seed)
            let baseBlocks = Self.draft(&generator, perSection: 8 + generator.below(8))
            let base = Self.text(baseBlocks)
            let scratch = try ScratchDirectory("copy-changes", create: false)
            let store = try makeRound(scratch, base: base)
            var items: [Submissions.BatchItem] = []
            for (index, code) in Self.members.enumerated() {
                // One member sends comments alone; the others, comments and an edited copy.
                let proposal = index == 0 ? nil : IncomingFile(name: "\(code)-copy.md", data: Self.copy(of: baseBlocks, kind: index % 7, &generator))
                let comments = index % 3 == 0 ? "## 1.1 (technical)\nA remark on 1.1.\n" : "We support the draft.\n"
                items.append(.init(member: code, file: IncomingFile(name: "\(code).md", data: Data(comments.utf8)), proposal: proposal, received: nil))
            }
            let batch = try Submissions(DraftingContext(store: store, now: try date("2020-02-20T10:00:00+01:00"))).intake(items, late: false, roundName: nil)
            #expect(batch.recorded.count == Self.members.count)

            // Intake kept what every copy changes, under the blob ids of the draft and of the copy.
            let baseID = try gitOutput(["hash-object", "Drafts/input.md"], in: scratch.url).trimmingCharacters(in: .whitespacesAndNewlines)
            let kept = store.copyChanges(against: baseID)
            #expect(Set(kept.keys) == Set(batch.recorded.compactMap(\.proposalBlob)))
            #expect(kept.count == Self.members.count - 1 - 1)  // the two unchanged copies are one blob

            // The same workspace without them: its merge reads and aligns every copy.
            let other = try ScratchDirectory("copy-changes-read", create: false)
            try FileManager.default.copyItem(at: scratch.url, to: other.url)
            try FileManager.default.removeItem(at: other.url.appendingPathComponent(".git/draftflow"))
            let rereading = try GitWorkspaceStore.open(containing: other.url)
            #expect(rereading.copyChanges(against: baseID).isEmpty)

            let fast = try RoundState.read(nil, selection: .lastCommentRound, detail: .texts, in: store.snapshot(), store: store)
            let slow = try RoundState.read(nil, selection: .lastCommentRound, detail: .texts, in: rereading.snapshot(), store: rereading)
            #expect(fast.inputs.map(\.member) == slow.inputs.map(\.member))
            #expect(fast.inputs.map(\.aligned?.steps) == slow.inputs.map(\.aligned?.steps))
            #expect(fast.inputs.map(\.aligned?.blocks) == slow.inputs.map(\.aligned?.blocks))
            #expect(slow.inputs.filter { $0.aligned != nil }.count == Self.members.count - 1)

            // The same merge commit: the same candidate, records and disposition table.
            let after = try date("2020-03-02T09:00:00+01:00")
            let withKept = try MergeDesk(DraftingContext(store: store, now: after)).merge(round: nil)
            let reading = try MergeDesk(DraftingContext(store: rereading, now: after)).merge(round: nil)
            #expect(withKept.commitID != nil)
            #expect(withKept.commitID == reading.commitID)
            #expect(withKept.record.changes == reading.record.changes)
        }
    }

    @Test func damagedOrCutEntriesAreLeftOutAndTheOthersRead() throws {
        var generator = SeededGenerator(18, 1)
        let base = Self.draft(&generator, perSection: 6)
        let blocks = CandidateBuilder.BaseBlocks(Self.text(base))
        var entries: [(copy: String, aligned: CandidateBuilder.Aligned)] = []
        for kind in 0..<7 {
            let data = Self.copy(of: base, kind: kind, &generator)
            entries.append((String(repeating: String(kind), count: 40), try CandidateBuilder.prepare(data, base: blocks, what: "copy")))
        }
        let encoded = CopyChanges.encode(entries)
        let decoded = CopyChanges.decode(encoded)
        #expect(decoded.count == 7)
        // Found by their lengths and decoded on every core, as one after the other.
        let inOrder = CopyChanges.decodeInOrder(encoded)
        #expect(inOrder.keys.sorted() == decoded.keys.sorted())
        for (copy, aligned) in inOrder {
            #expect(decoded[copy]?.steps == aligned.steps && decoded[copy]?.blocks == aligned.blocks)
        }
        // A copy kept twice (an intake run again): the later entry is the one read, both ways.
        var again = entries[3]
        again.aligned.blocks[0] = "kept again"
        let twice = encoded + CopyChanges.encode([(entries[3].copy, again.aligned)])
        #expect(CopyChanges.decode(twice)[entries[3].copy]?.blocks == again.aligned.blocks)
        #expect(CopyChanges.decodeInOrder(twice)[entries[3].copy]?.blocks == again.aligned.blocks)
        for entry in entries {
            #expect(decoded[entry.copy]?.steps == entry.aligned.steps)
            #expect(decoded[entry.copy]?.blocks == entry.aligned.blocks)
            #expect(CopyChanges.fits(entry.aligned, baseCount: blocks.texts.count))
            #expect(!CopyChanges.fits(entry.aligned, baseCount: blocks.texts.count + 1))
        }
        // A flipped bit in the second entry: it alone is left out.
        let second = CopyChanges.encode(Array(entries.prefix(1))).count + 60
        var flipped = encoded
        flipped[second] ^= 0x10
        #expect(Set(CopyChanges.decode(flipped).keys) == Set(entries.map(\.copy)).subtracting([entries[1].copy]))
        // An append cut short by a crash, then the next intake's entries: only the cut one is lost.
        let cut = CopyChanges.encode([entries[0]]).dropLast(9) + CopyChanges.encode(Array(entries.dropFirst()))
        #expect(Set(CopyChanges.decode(cut).keys) == Set(entries.dropFirst().map(\.copy)))
        #expect(CopyChanges.decode(Data("not entries".utf8)).isEmpty)
    }

    /// A FIFO or a link where intake keeps the copies' changes: intake neither waits on it nor
    /// writes through it, and the merge reads the copies.
    @Test(.timeLimit(.minutes(1))) func aFIFOOrALinkInPlaceOfTheKeptFileIsNeitherReadNorWritten() throws {
        var generator = SeededGenerator(19, 1)
        let baseBlocks = Self.draft(&generator, perSection: 6)
        for link in [false, true] {
            let scratch = try ScratchDirectory("copy-changes-fifo", create: false)
            let store = try makeRound(scratch, base: Self.text(baseBlocks))
            let baseID = try gitOutput(["hash-object", "Drafts/input.md"], in: scratch.url).trimmingCharacters(in: .whitespacesAndNewlines)
            let folder = scratch.url.appendingPathComponent(".git/draftflow/copy-changes-\(CopyChanges.version)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let kept = folder.appendingPathComponent(baseID)
            let target = scratch.url.appendingPathComponent("elsewhere.txt")
            if link {
                try Data("outside\n".utf8).write(to: target)
                try FileManager.default.createSymbolicLink(at: kept, withDestinationURL: target)
            } else {
                #expect(mkfifo(kept.path, 0o600) == 0)
            }
            let items = Self.members.prefix(3).map { code in
                Submissions.BatchItem(member: code, file: IncomingFile(name: "\(code).md", data: Data("We support the draft.\n".utf8)),
                                      proposal: IncomingFile(name: "\(code)-copy.md", data: Self.copy(of: baseBlocks, kind: 1, &generator)), received: nil)
            }
            let batch = try Submissions(DraftingContext(store: store, now: try date("2020-02-20T10:00:00+01:00"))).intake(items, late: false, roundName: nil)
            #expect(batch.recorded.count == 3)
            #expect(store.copyChanges(against: baseID).isEmpty)
            if link { #expect(try String(contentsOf: target, encoding: .utf8) == "outside\n") }
            let merged = try MergeDesk(DraftingContext(store: store, now: try date("2020-03-02T09:00:00+01:00"))).merge(round: nil)
            #expect(merged.commitID != nil)
        }
    }

    /// A workspace with the members registered and round draft-1 open on draft-1.
    func makeRound(_ scratch: ScratchDirectory, base: String) throws -> GitWorkspaceStore {
        let change = try WorkspaceSetup.initialChange(title: "Input", documentName: "input.md", document: Data(base.utf8), timezone: "Europe/Zurich",
                                                      secretariat: Secretariat(name: "Secretariat", email: "s@example.org"), now: try date("2020-02-07T17:00:00+01:00"))
        let store = try GitWorkspaceStore.create(at: scratch.url, first: change)
        let setUp = DraftingContext(store: store, now: try date("2020-02-14T10:00:00+01:00"))
        for code in Self.members { try Membership(setUp).add(code: code, name: "Member \(code)", email: nil) }
        _ = try Publishing(setUp).publish(label: "draft-1", note: nil)
        _ = try Rounds(setUp).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: "draft-1")
        return store
    }
}
