import Foundation
import Parallel

/// What an edited copy changes against the draft it was made from, as `CandidateBuilder.prepare`
/// found it at intake, in a compact form the merge reads back instead of reading and aligning the
/// whole copy again (`CopyChangeStore`).
///
/// An entry is keyed by the copy's git blob id, and a set of entries by the base's: the same bytes
/// always align the same way, so an entry is valid wherever those two blobs are. Change
/// `version` whenever `prepare` could give another result for the same bytes.
public enum CopyChanges {
    /// The format, and the version of `prepare` whose results the entries are.
    public static let version = 1

    private static let magic: [UInt8] = Array("DFCC".utf8)

    /// The entries, each with a checksum (see `decode`).
    public static func encode(_ entries: [(copy: String, aligned: CandidateBuilder.Aligned)]) -> Data {
        entries.reduce(into: Data()) { $0.append(encodeEntry(copy: $1.copy, aligned: $1.aligned)) }
    }

    /// One entry: what the copy with blob id `copy` changes.
    public static func encodeEntry(copy: String, aligned: CandidateBuilder.Aligned) -> Data {
        var body: [UInt8] = []
        body.append(contentsOf: Array(copy.utf8))
        body.append(0)
        encode(aligned, into: &body)
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 12)
        out.append(contentsOf: magic)
        append(UInt32(body.count), to: &out)
        out.append(contentsOf: body)
        append(checksum(body), to: &out)
        return Data(out)
    }

    /// The entries of `data` by copy blob id. A damaged entry (or one cut short by a crash) is
    /// left out, and reading goes on at the next entry that checks.
    ///
    /// The entries are found by their lengths, then decoded on every core (a merge at 772 members
    /// decodes 40 MB of them, a thousand steps and block texts per copy). When any of them does
    /// not check, the file is read again one entry after the other, as `decodeInOrder` does.
    public static func decode(_ data: Data) -> [String: CandidateBuilder.Aligned] {
        let places = data.withUnsafeBytes { raw -> [Int]? in
            var places: [Int] = []
            var position = 0
            while position + 8 <= raw.count {
                guard raw[position..<position + 4].elementsEqual(magic) else { return nil }
                let length = Int(read(raw.bindMemory(to: UInt8.self), position + 4))
                guard length <= raw.count - position - 12 else { return nil }
                places.append(position)
                position += 12 + length
            }
            return places
        }
        guard let places, places.count > 1,
              let decoded = try? concurrentMap(places, { place -> (String, CandidateBuilder.Aligned)? in
                  data.withUnsafeBytes { raw in entry(raw.bindMemory(to: UInt8.self), at: place).map { ($0.0, $0.1) } }
              }),
              !decoded.contains(where: { $0 == nil }) else {
            return decodeInOrder(data)
        }
        var entries: [String: CandidateBuilder.Aligned] = [:]
        entries.reserveCapacity(decoded.count)
        for case let (copy, aligned)? in decoded { entries[copy] = aligned }
        return entries
    }

    /// `decode` one entry after the other: a damaged entry is skipped to the next header found.
    public static func decodeInOrder(_ data: Data) -> [String: CandidateBuilder.Aligned] {
        data.withUnsafeBytes { raw -> [String: CandidateBuilder.Aligned] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var entries: [String: CandidateBuilder.Aligned] = [:]
            var position = 0
            while position + 8 <= bytes.count {
                if let (copy, aligned, end) = entry(bytes, at: position) {
                    entries[copy] = aligned
                    position = end
                } else if let next = nextMagic(bytes, after: position) {
                    position = next
                } else {
                    break
                }
            }
            return entries
        }
    }

    private static func entry(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (String, CandidateBuilder.Aligned, Int)? {
        guard bytes[position..<position + 4].elementsEqual(magic) else { return nil }
        let length = Int(read(bytes, position + 4))
        let start = position + 8
        guard length <= bytes.count - start - 4 else { return nil }
        let body = UnsafeBufferPointer(rebasing: bytes[start..<start + length])
        guard read(bytes, start + length) == checksum(body), let offset = body.firstIndex(of: 0),
              let copy = String(validating: UnsafeBufferPointer(rebasing: body[..<offset]), as: UTF8.self) else { return nil }
        let zero = start + offset
        var cursor = zero + 1
        guard let aligned = decodeAligned(bytes, &cursor, end: start + length), cursor == start + length else { return nil }
        return (copy, aligned, start + length + 4)
    }

    private static func nextMagic(_ bytes: UnsafeBufferPointer<UInt8>, after position: Int) -> Int? {
        var index = position + 1
        while index + 4 <= bytes.count {
            if bytes[index] == magic[0] && bytes[index..<index + 4].elementsEqual(magic) { return index }
            index += 1
        }
        return nil
    }

    /// Whether `aligned` can be the alignment of a copy with the `baseCount` blocks of a base: each
    /// block of either side in order, exactly once. A merge takes no entry that is not.
    public static func fits(_ aligned: CandidateBuilder.Aligned, baseCount: Int) -> Bool {
        var old = 0, new = 0
        for step in aligned.steps {
            switch step {
            case .same(let o, let n), .modified(let o, let n):
                guard o == old, n == new else { return false }
                old += 1
                new += 1
            case .deleted(let o):
                guard o == old else { return false }
                old += 1
            case .inserted(let n):
                guard n == new else { return false }
                new += 1
            }
        }
        return old == baseCount && new == aligned.blocks.count
    }

    // MARK: One alignment

    /// Steps as runs: a run of `same` steps is one record; the copy's non-empty blocks by position.
    private static func encode(_ aligned: CandidateBuilder.Aligned, into out: inout [UInt8]) {
        append(UInt32(aligned.blocks.count), to: &out)
        var records: [(UInt8, Int, Int, Int)] = []
        for step in aligned.steps {
            switch step {
            case .same(let old, let new):
                if let last = records.last, last.0 == 0, last.1 + last.3 == old, last.2 + last.3 == new {
                    records[records.count - 1].3 += 1
                } else {
                    records.append((0, old, new, 1))
                }
            case .modified(let old, let new): records.append((1, old, new, 1))
            case .deleted(let old): records.append((2, old, 0, 1))
            case .inserted(let new): records.append((3, 0, new, 1))
            }
        }
        append(UInt32(records.count), to: &out)
        for (kind, old, new, count) in records {
            out.append(kind)
            append(UInt32(old), to: &out)
            append(UInt32(new), to: &out)
            append(UInt32(count), to: &out)
        }
        let texts = aligned.blocks.enumerated().filter { !$0.element.isEmpty }
        append(UInt32(texts.count), to: &out)
        for (index, text) in texts {
            append(UInt32(index), to: &out)
            let utf8 = Array(text.utf8)
            append(UInt32(utf8.count), to: &out)
            out.append(contentsOf: utf8)
        }
    }

    private static func decodeAligned(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, end: Int) -> CandidateBuilder.Aligned? {
        func next() -> Int? {
            guard cursor + 4 <= end else { return nil }
            defer { cursor += 4 }
            return Int(read(bytes, cursor))
        }
        // Counts are bounded by the bytes left, so a damaged count allocates nothing large.
        guard let blockCount = next(), blockCount <= TextInput.maximumSize, let recordCount = next(), recordCount <= (end - cursor) / 13 else { return nil }
        var steps: [BlockAlignment.Step] = []
        steps.reserveCapacity(min(blockCount, 1 << 20))
        for _ in 0..<recordCount {
            guard cursor < end else { return nil }
            let kind = bytes[cursor]
            cursor += 1
            guard let old = next(), let new = next(), let count = next(), count >= 1,
                  steps.count + count <= blockCount + TextInput.maximumSize else { return nil }
            switch kind {
            case 0: for offset in 0..<count { steps.append(.same(old: old + offset, new: new + offset)) }
            case 1: steps.append(.modified(old: old, new: new))
            case 2: steps.append(.deleted(old: old))
            case 3: steps.append(.inserted(new: new))
            default: return nil
            }
        }
        var blocks = [String](repeating: "", count: blockCount)
        guard let textCount = next(), textCount <= (end - cursor) / 8 else { return nil }
        for _ in 0..<textCount {
            guard let index = next(), index < blockCount, let length = next(), length <= end - cursor,
                  let text = String(validating: UnsafeBufferPointer(rebasing: bytes[cursor..<cursor + length]), as: UTF8.self) else { return nil }
            blocks[index] = text
            cursor += length
        }
        return CandidateBuilder.Aligned(blocks: blocks, steps: steps)
    }

    // MARK: Bytes

    private static func append(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    /// FNV-1a, folded to 32 bits: catches an entry cut short or a flipped bit, not an attacker.
    private static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
