import Foundation

/// Where every member stands in one round, kept up to date by each submission's commit:
/// `Comments/<round>/index.json`. `status` reads this one file instead of every record.
public struct RoundIndex: Codable, Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        /// The number of the member's current submission, the one that counts: the newest
        /// received (`Submission.supersedes`), not always the last recorded.
        public var latest: Int
        /// How many submissions the member made in the round.
        public var submissions: Int
        public var received: Date
        public var late: Bool
        public var proposal: Bool
        /// The ids of the comments of the latest submission.
        public var comments: [String]
    }

    public var members: [String: Entry] = [:]

    public init() {}

    /// Takes a new submission into account: it supersedes the current one only when received
    /// after it (`Submission.supersedes`).
    public mutating func record(_ submission: Submission) {
        let count = (members[submission.member]?.submissions ?? 0) + 1
        if let current = members[submission.member],
           current.received != submission.received ? current.received > submission.received : current.latest > submission.number {
            members[submission.member]?.submissions = count
            return
        }
        members[submission.member] = Entry(latest: submission.number, submissions: count, received: submission.received,
                                           late: submission.late, proposal: submission.proposal != nil,
                                           comments: submission.comments.map(\.id))
    }

    /// The index of the records themselves, for rounds recorded before the index existed.
    public init(_ submissions: [Submission]) {
        for submission in submissions.sorted(by: { ($0.member, $0.number) < ($1.member, $1.number) }) { record(submission) }
    }
}

/// A round's index as JSON, written again after every submission of a batch (each commit carries
/// the index as of that commit): each member's entry is encoded once when it changes, and the file
/// is assembled from the entries, in exactly the form `encoder` gives the whole index.
struct RoundIndexJSON {
    private let encoder: JSONEncoder
    /// Member → `"CODE" : { … }`, indented for its place in the file.
    private var entries: [String: Data] = [:]
    /// The members of `entries` in the file's order, kept sorted as members come (sorting them
    /// again for every commit of a batch of 772 was a sort of up to 772 codes 772 times).
    private var codes: [String] = []
    /// The bytes of all entries, so that the file is assembled at its final size.
    private var entryBytes = 0

    init(_ index: RoundIndex, encoder: JSONEncoder) throws {
        self.encoder = encoder
        for (code, entry) in index.members { try set(code, entry) }
    }

    mutating func set(_ code: String, _ entry: RoundIndex.Entry) throws {
        var line = Data("    ".utf8)
        line.append(try encoder.encode(code))
        line.append(contentsOf: Array(" : ".utf8))
        let encoded = [UInt8](try encoder.encode(entry))
        for (offset, byte) in encoded.enumerated() {
            line.append(byte)
            // Nested lines move in by four spaces; blank lines (inside empty arrays) stay blank.
            if byte == 0x0A && offset + 1 < encoded.count && encoded[offset + 1] != 0x0A {
                line.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
            }
        }
        if let old = entries[code] {
            entryBytes -= old.count
        } else {
            // The first code not before it (binary search), as `sorted()` orders them.
            var low = 0
            var high = codes.count
            while low < high {
                let middle = (low + high) / 2
                if codes[middle] < code { low = middle + 1 } else { high = middle }
            }
            codes.insert(code, at: low)
        }
        entryBytes += line.count
        entries[code] = line
    }

    private static let head = Array("{\n  \"members\" : {\n".utf8)
    private static let tail = Array("  }\n}".utf8)

    func json() throws -> Data {
        guard !entries.isEmpty else { return try encoder.encode(RoundIndex()) }
        var out = Data(capacity: Self.head.count + entryBytes + 2 * codes.count + Self.tail.count)
        out.append(contentsOf: Self.head)
        for (position, code) in codes.enumerated() {
            out.append(entries[code]!)
            if position + 1 < codes.count { out.append(contentsOf: [0x2C, 0x0A]) } else { out.append(0x0A) }  // ",\n" or "\n"
        }
        out.append(contentsOf: Self.tail)
        return out
    }
}
