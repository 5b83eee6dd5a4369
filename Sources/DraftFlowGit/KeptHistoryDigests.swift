import ContentHash
import DraftFlow
import Foundation
import GitCore

/// The timeline's digests of a branch's history (`HistoryDigest`), kept between commands in
/// `.git/draftflow/history-digests`, as git keeps its commit-graph beside the objects: `log` read
/// and inflated every commit of the history each time (3.6 MB of messages after a scale-1
/// negotiation, half of `log`), for a first line and a few trailers each.
///
/// A commit id names its whole history, so what is kept for a tip never goes stale. The file holds
/// the digests of one tip's history, newest first, and whether that history is a single chain (no
/// merge commit). A later tip whose first commits each have one parent, down to the kept tip, adds
/// only those commits; a tip inside a kept chain takes the rest of the chain. Anything else (a
/// merge, a rewritten history, no file, a damaged one) reads the whole history through libgit2's
/// walk as before, and keeps that.
///
/// The file is read only when it is a regular file within the limit (`DerivedFile`), checked
/// against the SHA-256 it carries, and written whole under a temporary name, then renamed.
struct KeptHistoryDigests: Equatable {
    var tip: String
    /// Whether every commit of the history has at most one parent.
    var linear: Bool
    /// Newest first, `digests[0]` being the tip's.
    var digests: [HistoryDigest]

    static let fileName = "history-digests"
    static let limit = 256 << 20
    static let magic = "draftflow-history-digests 1"
    /// How many new commits are read one by one before the whole history is walked instead.
    static let extensionLimit = 4096

    // MARK: The history, through the kept file

    /// The digests of `head`'s history, newest first: the same as `repository.history(from:)` mapped
    /// through `HistoryDigest.init`, read from the kept file where it can be, which is then brought
    /// up to date.
    static func digests(of head: CommitID, in repository: Repository) throws -> [HistoryDigest] {
        let url = repository.gitDirectory.appendingPathComponent("draftflow").appendingPathComponent(fileName)
        let kept = DerivedFile.read(url, limit: limit).flatMap(KeptHistoryDigests.init(encoded:))
        if let kept, let digests = try kept.history(of: head, in: repository) {
            if digests.first?.id != kept.tip {
                KeptHistoryDigests(tip: head.hex, linear: true, digests: digests).save(to: url)
            }
            return digests
        }
        let commits = try repository.history(from: head)
        let digests = commits.map(digest)
        KeptHistoryDigests(tip: head.hex, linear: commits.allSatisfy { $0.parents.count <= 1 }, digests: digests).save(to: url)
        return digests
    }

    /// `head`'s history from what is kept and the commits above it, or nil when it cannot be told
    /// from them.
    func history(of head: CommitID, in repository: Repository) throws -> [HistoryDigest]? {
        let hex = head.hex
        if hex == tip { return digests }
        guard linear else { return nil }
        // A tip inside the chain: its history is the chain from it down.
        if let index = digests.firstIndex(where: { $0.id == hex }) { return Array(digests[index...]) }
        var added: [HistoryDigest] = []
        var current = head
        while added.count < Self.extensionLimit {
            let commit = try repository.commit(current)
            guard commit.parents.count == 1 else { return nil }
            added.append(Self.digest(commit))
            let parent = commit.parents[0]
            if parent.hex == tip { return added + digests }
            current = parent
        }
        return nil
    }

    static func digest(_ commit: CommitInfo) -> HistoryDigest {
        HistoryDigest(id: commit.id.hex, authored: commit.author.time, summary: HistoryDigest.summary(of: commit.message),
                      trailers: CommitTrailers.parse(commit.message))
    }

    func save(to url: URL) {
        guard let data = encoded(), data.count <= Self.limit else { return }
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(Self.fileName)-\(UUID().uuidString)")
        guard (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }
}

// MARK: The file's format

extension KeptHistoryDigests {
    // Lines of text, every variable field given with its length in bytes first, so that no
    // character of a summary or trailer needs escaping:
    //
    //     draftflow-history-digests 1
    //     sha256 <SHA-256 of everything after this line>
    //     tip <id> linear <0|1> count <n>
    //     <id> <authored, seconds since 1970> <summary bytes> <trailers>
    //     <summary>
    //     <key bytes> <value bytes>      (one pair per trailer, in Trailer's order)
    //     <key><value>

    /// The file's bytes, or nil when an instant is not whole seconds (git's never are not).
    func encoded() -> Data? {
        var body = "tip \(tip) linear \(linear ? 1 : 0) count \(digests.count)\n"
        for digest in digests {
            let seconds = digest.authored.timeIntervalSince1970
            guard seconds.rounded() == seconds, abs(seconds) < 1e15 else { return nil }
            body += "\(digest.id) \(Int64(seconds)) \(digest.summary.utf8.count) \(digest.trailers.count)\n\(digest.summary)\n"
            for key in Trailer.allCases {
                guard let value = digest.trailers[key] else { continue }
                body += "\(key.rawValue.utf8.count) \(value.utf8.count)\n\(key.rawValue)\(value)\n"
            }
        }
        let bodyData = Data(body.utf8)
        return Data("\(Self.magic)\nsha256 \(FileSHA256.hex(bodyData))\n".utf8) + bodyData
    }

    /// Reads the file's bytes; nil for anything that is not exactly what `encoded()` writes.
    init?(encoded data: Data) {
        guard let kept = data.withUnsafeBytes({ raw in Self.decode(raw.bindMemory(to: UInt8.self)) }) else { return nil }
        self = kept
    }

    /// The file read in its bytes (`log` reads it on every run): lines and fields found by their
    /// bytes, numbers read as decimal digits, texts validated as UTF-8 where they lie.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> KeptHistoryDigests? {
        var reader = Reader(bytes: bytes)
        guard let first = reader.line(), reader.string(first) == magic,
              let second = reader.line(), let checksum = reader.string(second), checksum.hasPrefix("sha256 ") else { return nil }
        let body = Data(UnsafeBufferPointer(rebasing: bytes[reader.offset...]))
        guard FileSHA256.hex(body) == checksum.dropFirst("sha256 ".count) else { return nil }
        guard let header = reader.line().map(reader.fields), header.count == 6,
              reader.string(header[0]) == "tip", reader.string(header[2]) == "linear", reader.string(header[4]) == "count",
              let linear = reader.number(header[3]), linear <= 1,
              let count = reader.number(header[5]), count <= bytes.count,
              let tip = reader.string(header[1]) else { return nil }
        var digests: [HistoryDigest] = []
        digests.reserveCapacity(count)
        for _ in 0..<count {
            guard let fields = reader.line().map(reader.fields), fields.count == 4,
                  let id = reader.string(fields[0]), ObjectID(hex: id)?.hex == id,
                  let seconds = reader.signed(fields[1]), let summaryLength = reader.number(fields[2]),
                  let trailerCount = reader.number(fields[3]), trailerCount <= Trailer.allCases.count,
                  let summary = reader.text(summaryLength), reader.newline() else { return nil }
            var trailers: [Trailer: String] = [:]
            for _ in 0..<trailerCount {
                guard let lengths = reader.line().map(reader.fields), lengths.count == 2,
                      let keyLength = reader.number(lengths[0]), let valueLength = reader.number(lengths[1]),
                      let key = reader.text(keyLength).flatMap(Trailer.init(rawValue:)), trailers[key] == nil,
                      let value = reader.text(valueLength), reader.newline() else { return nil }
                trailers[key] = value
            }
            digests.append(HistoryDigest(id: id, authored: Date(timeIntervalSince1970: TimeInterval(seconds)), summary: summary, trailers: trailers))
        }
        guard reader.offset == bytes.count, digests.first?.id == tip else { return nil }
        return KeptHistoryDigests(tip: tip, linear: linear == 1, digests: digests)
    }

    /// The file's bytes, read in order.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        /// The next line's bytes without its "\n"; nil at the end.
        mutating func line() -> Range<Int>? {
            guard offset < bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset) else { return nil }
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            defer { offset = end + 1 }
            return offset..<end
        }

        /// A line's fields, split at single spaces (an empty field stays: it is not a number).
        func fields(_ line: Range<Int>) -> [Range<Int>] {
            var result: [Range<Int>] = []
            var start = line.lowerBound
            for index in line where bytes[index] == UInt8(ascii: " ") {
                result.append(start..<index)
                start = index + 1
            }
            result.append(start..<line.upperBound)
            return result
        }

        /// The bytes as valid UTF-8, or nil.
        func string(_ range: Range<Int>) -> String? {
            String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// A number of 1 to 18 decimal digits, without a sign.
        func number(_ range: Range<Int>) -> Int? {
            guard !range.isEmpty, range.count <= 18 else { return nil }
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        /// `number`, with a leading "-" allowed.
        func signed(_ range: Range<Int>) -> Int64? {
            if !range.isEmpty, bytes[range.lowerBound] == UInt8(ascii: "-") {
                return number(range.dropFirst()).map { -Int64($0) }
            }
            return number(range).map(Int64.init)
        }

        /// The next `count` bytes as valid UTF-8.
        mutating func text(_ count: Int) -> String? {
            guard count <= bytes.count - offset else { return nil }
            defer { offset += count }
            return string(offset..<(offset + count))
        }

        mutating func newline() -> Bool {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\n") else { return false }
            offset += 1
            return true
        }
    }
}

extension GitWorkspaceStore {
    public func historyDigests() throws -> [HistoryDigest] {
        try storage {
            guard let head = try repository.resolveCommit(branch) else { return [] }
            return try KeptHistoryDigests.digests(of: head, in: repository)
        }
    }
}
