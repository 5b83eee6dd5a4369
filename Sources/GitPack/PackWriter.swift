import Clibgit2
import ContentHash
import GitCore
import Foundation

/// Builds one git pack from objects already written to a repository (in its in-memory backend)
/// and hands it to the object database, which indexes it and syncs it once.
///
/// Large blobs that are edited copies of a file already in the repository are stored as deltas
/// against it (depth 1), so 193 edited copies of a 600 KB draft cost a few KB each, and reading
/// one back later applies a single delta.
struct PackWriter {
    /// The pack so far: header (its count is filled in at the end), then the objects.
    private var body = Data("PACK".utf8) + Data([0, 0, 0, 2, 0, 0, 0, 0])
    /// Each object's id, offset in the pack and CRC-32 of its bytes there, for the index.
    private var entries: [(id: ObjectID, offset: Int, crc: UInt32)] = []
    private var ids = Set<ObjectID>()

    func contains(_ id: ObjectID) -> Bool { ids.contains(id) }

    /// Adds a whole object.
    mutating func add(id: ObjectID, type: git_object_t, data: Data) throws {
        guard !ids.contains(id) else { return }
        let start = body.count
        appendHeader(type: UInt8(type.rawValue), size: data.count)
        body.append(try Zlib.deflate(data))
        finish(id, from: start)
    }

    /// A delta against a base, encoded and compressed (possibly on another thread).
    struct EncodedDelta: Sendable {
        /// The size of the delta before compression, which the pack entry's header gives.
        var size: Int
        var compressed: Data

        init(index: Delta.Index, target: Data) throws {
            let delta = Delta.encode(index: index, target: target)
            size = delta.count
            compressed = try Zlib.deflate(delta)
        }
    }

    /// Adds an object as a delta against `base` (which must be in this pack too), already encoded.
    mutating func addDelta(id: ObjectID, base: ObjectID, encoded: EncodedDelta) {
        guard !ids.contains(id) else { return }
        let start = body.count
        appendHeader(type: 7, size: encoded.size)  // OBJ_REF_DELTA
        var raw = base.raw
        withUnsafeBytes(of: &raw.id) { body.append(contentsOf: $0) }
        body.append(encoded.compressed)
        finish(id, from: start)
    }

    /// Adds `data` as a delta against `base`, which must be in this pack too.
    mutating func addDelta(id: ObjectID, data: Data, base: ObjectID, index: Delta.Index) throws {
        guard !ids.contains(id) else { return }
        addDelta(id: id, base: base, encoded: try EncodedDelta(index: index, target: data))
    }

    private mutating func finish(_ id: ObjectID, from start: Int) {
        let crc = body.withUnsafeBytes { Zlib.crc32($0, start..<$0.count) }
        entries.append((id, start, crc))
        ids.insert(id)
    }

    var isEmpty: Bool { entries.isEmpty }

    /// The complete pack and its version 2 index: what `git index-pack` would write for it.
    func packAndIndex() throws -> (pack: Data, index: Data, checksum: [UInt8]) {
        var pack = body
        let count = UInt32(entries.count)
        pack.replaceSubrange(8..<12, with: Self.bigEndian(count))
        var sha = SHA1()
        sha.update(pack)
        let checksum = sha.finalize()
        pack.append(contentsOf: checksum)

        guard pack.count < Int(Int32.max) else {
            throw GitError(code: -1, errorClass: 0, message: "a batch over 2 GiB cannot be written as one pack", operation: "pack")
        }
        let sorted = entries.map { entry -> (raw: [UInt8], offset: Int, crc: UInt32) in
            var raw = entry.id.raw
            return (withUnsafeBytes(of: &raw.id) { Array($0) }, entry.offset, entry.crc)
        }.sorted { $0.raw.lexicographicallyPrecedes($1.raw) }
        var index = Data([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2])
        var fanout = [UInt32](repeating: 0, count: 256)
        for entry in sorted { fanout[Int(entry.raw[0])] += 1 }
        var running: UInt32 = 0
        for byte in 0..<256 {
            running += fanout[byte]
            index.append(Self.bigEndian(running))
        }
        for entry in sorted { index.append(contentsOf: entry.raw) }
        for entry in sorted { index.append(Self.bigEndian(entry.crc)) }
        for entry in sorted { index.append(Self.bigEndian(UInt32(entry.offset))) }
        index.append(contentsOf: checksum)
        var indexSHA = SHA1()
        indexSHA.update(index)
        index.append(contentsOf: indexSHA.finalize())
        return (pack, index, checksum)
    }

    static func bigEndian(_ value: UInt32) -> Data {
        Data([UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)])
    }

    private mutating func appendHeader(type: UInt8, size: Int) {
        var remaining = size >> 4
        var byte = (type << 4) | UInt8(size & 0x0f)
        while remaining > 0 {
            body.append(byte | 0x80)
            byte = UInt8(remaining & 0x7f)
            remaining >>= 7
        }
        body.append(byte)
    }
}

/// Git's delta format: copy ranges of the base, insert new bytes.
enum Delta {
    /// A delta that rebuilds `target` from `base`. Works line by line: lines found in the base
    /// are copied; a changed line is matched against the base line expected at that place, and
    /// only its changed middle is inserted.
    /// A base prepared once for many deltas: its lines, looked up by content.
    struct Index: Sendable {
        let base: Data
        let lines: [Range<Int>]
        let linesByHash: [Int: [Int]]

        init(_ base: Data) {
            self.base = base
            var lines: [Range<Int>] = []
            var linesByHash: [Int: [Int]] = [:]
            base.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                lines = Delta.lines(bytes)
                for (index, line) in lines.enumerated() {
                    linesByHash[Delta.hash(bytes, line), default: []].append(index)
                }
            }
            self.lines = lines
            self.linesByHash = linesByHash
        }
    }

    static func encode(base: Data, target: Data) -> Data {
        encode(index: Index(base), target: target)
    }

    static func encode(index prepared: Index, target: Data) -> Data {
        var out = Data()
        let base = prepared.base
        appendVarint(base.count, to: &out)
        appendVarint(target.count, to: &out)
        base.withUnsafeBytes { baseRaw in
            target.withUnsafeBytes { targetRaw in
                let baseBytes = baseRaw.bindMemory(to: UInt8.self)
                let targetBytes = targetRaw.bindMemory(to: UInt8.self)
                let baseLines = prepared.lines
                let firstOffset = prepared.linesByHash
                var pendingCopy: (offset: Int, length: Int)?
                var pendingInsert: [UInt8] = []
                var expectedBaseLine = 0
                func flushCopy() {
                    if let copy = pendingCopy { emitCopy(offset: copy.offset, length: copy.length, to: &out) }
                    pendingCopy = nil
                }
                func flushInsert() {
                    emitInsert(pendingInsert, to: &out)
                    pendingInsert.removeAll(keepingCapacity: true)
                }
                func copy(_ offset: Int, _ length: Int) {
                    guard length > 0 else { return }
                    flushInsert()
                    if let current = pendingCopy, current.offset + current.length == offset {
                        pendingCopy = (current.offset, current.length + length)
                    } else {
                        flushCopy()
                        pendingCopy = (offset, length)
                    }
                }
                func insert(_ range: Range<Int>) {
                    guard !range.isEmpty else { return }
                    flushCopy()
                    pendingInsert.append(contentsOf: targetBytes[range])
                }
                for line in lines(targetBytes) {
                    // Most lines of an edited copy are the base's next line: check it before hashing.
                    if expectedBaseLine < baseLines.count, equal(baseBytes, baseLines[expectedBaseLine], targetBytes, line) {
                        copy(baseLines[expectedBaseLine].lowerBound, line.count)
                        expectedBaseLine += 1
                        continue
                    }
                    let candidates = firstOffset[hash(targetBytes, line)] ?? []
                    if let match = candidates.first(where: { equal(baseBytes, baseLines[$0], targetBytes, line) && $0 >= expectedBaseLine })
                        ?? candidates.first(where: { equal(baseBytes, baseLines[$0], targetBytes, line) }) {
                        copy(baseLines[match].lowerBound, line.count)
                        expectedBaseLine = match + 1
                        continue
                    }
                    // A changed line: keep what it shares with the base line expected here.
                    if expectedBaseLine < baseLines.count {
                        let old = baseLines[expectedBaseLine]
                        var prefix = 0
                        while prefix < old.count, prefix < line.count, baseBytes[old.lowerBound + prefix] == targetBytes[line.lowerBound + prefix] { prefix += 1 }
                        var suffix = 0
                        while suffix < old.count - prefix, suffix < line.count - prefix,
                              baseBytes[old.upperBound - 1 - suffix] == targetBytes[line.upperBound - 1 - suffix] { suffix += 1 }
                        if prefix + suffix >= 16 {
                            copy(old.lowerBound, prefix)
                            insert(line.lowerBound + prefix..<line.upperBound - suffix)
                            copy(old.upperBound - suffix, suffix)
                            expectedBaseLine += 1
                            continue
                        }
                    }
                    insert(line)
                }
                flushCopy()
                flushInsert()
            }
        }
        return out
    }

    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        guard let base = bytes.baseAddress else { return result }
        result.reserveCapacity(bytes.count / 64)
        var start = 0
        // memchr finds each line end many bytes at a time.
        while start < bytes.count, let found = memchr(base + start, 0x0a, bytes.count - start) {
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            result.append(start..<end)
            start = end
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range])))
        return hasher.finalize()
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ ra: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ rb: Range<Int>) -> Bool {
        ra.count == rb.count && memcmp(a.baseAddress! + ra.lowerBound, b.baseAddress! + rb.lowerBound, ra.count) == 0
    }

    private static func appendVarint(_ value: Int, to out: inout Data) {
        var value = value
        repeat {
            var byte = UInt8(value & 0x7f)
            value >>= 7
            if value > 0 { byte |= 0x80 }
            out.append(byte)
        } while value > 0
    }

    private static func emitCopy(offset: Int, length: Int, to out: inout Data) {
        var offset = offset
        var remaining = length
        while remaining > 0 {
            let chunk = min(remaining, 0xffff)
            var op: UInt8 = 0x80
            var args: [UInt8] = []
            for index in 0..<4 {
                let byte = UInt8((offset >> (8 * index)) & 0xff)
                if byte != 0 { op |= 1 << index; args.append(byte) }
            }
            for index in 0..<2 {
                let byte = UInt8((chunk >> (8 * index)) & 0xff)
                if byte != 0 { op |= 1 << (4 + index); args.append(byte) }
            }
            out.append(op)
            out.append(contentsOf: args)
            offset += chunk
            remaining -= chunk
        }
    }

    private static func emitInsert(_ bytes: [UInt8], to out: inout Data) {
        var index = 0
        while index < bytes.count {
            let chunk = min(127, bytes.count - index)
            out.append(UInt8(chunk))
            out.append(contentsOf: bytes[index..<index + chunk])
            index += chunk
        }
    }
}
