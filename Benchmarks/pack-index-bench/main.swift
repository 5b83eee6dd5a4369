// pack-index-bench: how long the index (.idx) of an intake's pack takes to build, by hand (as
// GitPack does) and by libgit2's `git_indexer`, on the pack an intake of 193 edited copies of a
// 700 KB draft writes. Also times the same commits written through libgit2 one object at a time,
// the way GitPack's pack writer replaced. See BENCHMARKS.md, "Pack index".
//
//   swift build -c release --product pack-index-bench && .build/release/pack-index-bench [runs]
import Clibgit2
import Dispatch
import Foundation
import GitCore
import GitPack

let runs = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 5
let members = 193
let paragraphs = 1000
let editsPerCopy = 50

// MARK: - The workload (deterministic, no randomness)

/// Mixes two numbers into one (SplitMix64's finalizer): words are picked by hashing their place,
/// so the text is the same on every run and compresses like prose, not like a repeated phrase.
func mix(_ a: Int, _ b: Int) -> Int {
    var z = UInt64(truncatingIfNeeded: a &* 1_000_003 &+ b) &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
}

/// 3,000 made-up words of 2 to 11 letters.
let vocabulary = (0..<3000).map { index in
    String((0..<(2 + mix(index, -1) % 10)).map { Character(UnicodeScalar(UInt8(97 + mix(index, $0) % 26))) })
}

/// Word `index` of paragraph `paragraph`, the same on every run.
func word(_ paragraph: Int, _ index: Int) -> String {
    vocabulary[mix(paragraph, index) % vocabulary.count]
}

/// A paragraph of about 700 bytes: "N.M" and its words.
func paragraphWords(_ paragraph: Int) -> [String] {
    var words = ["\(paragraph / 20 + 1).\(paragraph % 20 + 1)"]
    var length = words[0].count
    var index = 0
    while length < 690 {
        words.append(word(paragraph, index))
        length += words.last!.count + 1
        index += 1
    }
    return words
}

let draftParagraphs = (0..<paragraphs).map(paragraphWords)

func text(_ paragraphs: [[String]]) -> Data {
    Data(paragraphs.map { $0.joined(separator: " ") + "\n\n" }.joined().utf8)
}

/// Member `member`'s edited copy: two words changed in the middle of 50 paragraphs.
func editedCopy(_ member: Int) -> Data {
    var copy = draftParagraphs
    for edit in 0..<editsPerCopy {
        let paragraph = (member &* 7 &+ edit &* 20) % paragraphs
        copy[paragraph][10] = "member\(member)"
        copy[paragraph][11] = "proposes"
    }
    return text(copy)
}

func commentFile(_ member: Int) -> Data {
    let sections = (0..<13).map { section in
        "## \((member + section * 37) % 50 + 1).\(section % 20 + 1)\n\n" + (0..<40).map { word(member + section, $0) }.joined(separator: " ") + "\n"
    }
    return Data(sections.joined(separator: "\n").utf8)
}

// MARK: - Measuring

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ values: [Double]) -> String {
    String(format: "%.1f ms (%.1f to %.1f)", median(values) * 1000, values.min()! * 1000, values.max()! * 1000)
}

func check(_ code: Int32, _ what: String) {
    guard code >= 0 else {
        let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "no message"
        fatalError("\(what) failed (\(code)): \(message)")
    }
}

/// A repository holding the draft as its first commit.
func repositoryWithDraft(at url: URL, draft: Data, person: Signature) throws -> (Repository, CommitID) {
    let repository = try Repository.create(at: url)
    let tree = try repository.updateTree(nil, [.upsert(path: "Drafts/draft.md", blob: try repository.createBlob(draft)),
                                                .upsert(path: "Workflow.md", blob: try repository.createBlob(Data("# Workflow\n".utf8)))])
    let first = try repository.createCommit(tree: tree, parents: [], author: person, committer: person, message: "Create\n")
    _ = try repository.updateReference("refs/heads/main", to: first, expected: nil, message: "create")
    return (repository, first)
}

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pack-index-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

let person = Signature(name: "Secretariat", email: "s@example.org", time: Date(timeIntervalSince1970: 1_582_000_000), offsetMinutes: 60)
let draft = text(draftParagraphs)
let series = (0..<members).map { member -> SeriesCommit in
    let folder = "Comments/draft-1/M\(String(format: "%03d", member + 1))"
    let record = Data("{\"member\":\"M\(member + 1)\",\"file\":\"\(folder)/submission-1.md\"}\n".utf8)
    return SeriesCommit(files: [.init(path: "\(folder)/submission-1.md", data: commentFile(member), id: nil, similarTo: nil),
                                .init(path: "\(folder)/submission-1.proposal.md", data: editedCopy(member), id: nil, similarTo: "Drafts/draft.md"),
                                .init(path: "\(folder)/submission-1.json", data: record, id: nil, similarTo: nil)],
                        removals: [], author: person, committer: person, message: "Comments of M\(member + 1)\n")
}
let (source, first) = try repositoryWithDraft(at: scratch.appendingPathComponent("source"), draft: draft, person: person)
var built: (pack: PackWriter, commits: [CommitID], blobs: [String: BlobID])?
let packing = try seconds { built = try source.packSeries(series, parent: first) }
let (pack, checksum) = try built!.pack.finishedPack()
print("draft \(draft.count) bytes; \(members) edited copies, \(series.reduce(0) { $0 + $1.files.reduce(0) { $0 + $1.data.count } }) bytes of files")
print("pack: \(built!.pack.count) objects, \(pack.count) bytes; serialized, delta-encoded and compressed in \(String(format: "%.0f", packing * 1000)) ms")

var handIndex: [Double] = [], handInstall: [Double] = [], indexer: [Double] = []
var identical = true
var options = git_indexer_options()
check(git_indexer_options_init(&options, UInt32(GIT_INDEXER_OPTIONS_VERSION)), "git_indexer_options_init")
for run in 0..<runs {
    // By hand: build the index from what the writer knows, then write both files (synced) and
    // rename them into place, as `writeSeries` does.
    let byHand = try Repository.create(at: scratch.appendingPathComponent("hand-\(run)"))
    var index = Data()
    handIndex.append(seconds { index = built!.pack.index(checksum: checksum) })
    handInstall.append(try seconds { try byHand.install((pack, index, checksum)) })

    // libgit2: the pack streamed through git_indexer, which writes the pack and builds the index.
    let folder = try Repository.create(at: scratch.appendingPathComponent("indexer-\(run)")).gitDirectory.appendingPathComponent("objects/pack")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    indexer.append(seconds {
        var handle: OpaquePointer?
        check(git_indexer_new(&handle, folder.path, 0, nil, &options), "git_indexer_new")
        var progress = git_indexer_progress()
        pack.withUnsafeBytes { check(git_indexer_append(handle, $0.baseAddress, $0.count, &progress), "git_indexer_append") }
        check(git_indexer_commit(handle, &progress), "git_indexer_commit")
        git_indexer_free(handle)
    })
    let name = "pack-" + checksum.map { String(format: "%02x", $0) }.joined() + ".idx"
    let fromIndexer = try Data(contentsOf: folder.appendingPathComponent(name))
    identical = identical && fromIndexer == index
}
print("")
print("| step | median (min to max) of \(runs) runs |")
print("|---|---|")
print("| index by hand (`PackWriter.index`) | \(format(handIndex)) |")
print("| index by hand + writing the pack and index, synced (`install`) | \(format(zip(handIndex, handInstall).map(+))) |")
print("| `git_indexer` (append + commit: writes the pack and index, synced) | \(format(indexer)) |")
print("")
print("the two indexes are byte for byte the same: \(identical)")

// The route the pack writer replaced: the same commits through libgit2, one loose object at a time.
var seriesTree: TreeID?
let writeSeries = try seconds {
    let (again, againFirst) = try repositoryWithDraft(at: scratch.appendingPathComponent("series"), draft: draft, person: person)
    let written = try again.writeSeries(series, parent: againFirst)
    seriesTree = try again.commit(written.commits.last!).tree
}
let (loose, looseFirst) = try repositoryWithDraft(at: scratch.appendingPathComponent("loose"), draft: draft, person: person)
var looseTree = try loose.commit(looseFirst).tree
let oneByOne = try seconds {
    var parent = looseFirst
    for commit in series {
        looseTree = try loose.updateTree(looseTree, try commit.files.map { .upsert(path: $0.path, blob: try loose.createBlob($0.data)) })
        parent = try loose.createCommit(tree: looseTree, parents: [parent], author: commit.author, committer: commit.committer, message: commit.message)
    }
}
precondition(looseTree == seriesTree, "the two routes must write the same trees")
print("")
print("the same \(members) commits through writeSeries (one pack, one sync; includes creating the repository): \(String(format: "%.2f", writeSeries)) s")
print("through libgit2 one object at a time (loose objects, each synced): \(String(format: "%.2f", oneByOne)) s")
