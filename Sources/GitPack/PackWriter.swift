// GitPack: git's object and pack formats, written and read by hand. Read GitCore first; come
// here only to change how an intake's commits are stored or how `verify` reads objects.
//
// Why it exists. An intake records 193 submissions, each its own commit holding an edited copy of
// the draft. Through libgit2, one object at a time, every object is a loose file synced on its
// own, and every copy is stored whole: 2.8 to 9.1 s for 193 copies of a 696 KB draft, against
// 0.27 to 0.38 s for `writeSeries`, which serializes the blobs, trees and commits here, stores
// each copy as a delta against the draft, and writes one pack with one sync. The pack's index is
// built here too: libgit2's `git_indexer` takes 305 to 338 ms to write the same pack and index,
// this writer 3 to 12 ms, of which 0.7 ms for the index (BENCHMARKS.md, "Pack index"; measured
// with Benchmarks/pack-index-bench). A single commit of 1 MB of files or more (a merge's record
// and parts) is written here too, as a series of one: its objects are hashed and compressed on
// every core, where libgit2 writes one loose object at a time on one (BENCHMARKS.md, "writing
// past the page cache, packs compressed on every core").
//
// What it holds: `PackWriter` (pack and index), `Delta` (git's delta format), `ObjectEncoding`
// (tree and commit bodies), `CommitSeries` (`writeSeries`), `PackInstall`, and the object
// verifier `verify` uses (`ObjectVerification`, `VerifiedObject`): the reader is the writer's
// counterpart, the same formats read back outside libgit2 on purpose (libgit2 1.5.1 can loop on a
// truncated loose object, docs/LIBGIT2.md item 10). It calls no libgit2 function itself: what it
// needs from a repository comes through GitCore. GitPackTests check its output with the real git
// (`fsck --strict`, `verify-pack`, `index-pack`) and against the ids libgit2 gives the same trees.
import ContentHash
import Foundation
import GitCore
import Parallel

/// Builds one git pack (version 2) and its index by hand, for `writeSeries`.
///
/// Large blobs that are edited copies of a file already in the repository are stored as deltas
/// against it (depth 1), so 193 edited copies of a 700 KB draft cost a few KB each, and reading
/// one back later applies a single delta. The index is built here too, from what the writer
/// knows already (each object's id, offset and CRC-32), rather than by libgit2's indexer, which
/// inflates every entry and applies and hashes every delta again (BENCHMARKS.md, "Pack index").
package struct PackWriter {
    /// The pack so far: header (its count is filled in at the end), then the objects placed.
    private var body = Data("PACK".utf8) + Data([0, 0, 0, 2, 0, 0, 0, 0])
    /// Each placed object's id, offset in the pack and CRC-32 of its bytes there, for the index.
    private var entries: [(id: ObjectID, offset: Int, crc: UInt32)] = []
    /// The objects added since the last batch was placed, in order: each with its entry header
    /// (and a delta's base id), and its bytes, compressed (a delta) or not yet (a whole object).
    private var pending: [Pending] = []
    /// The bytes of the whole objects in `pending`.
    private var uncompressedBytes = 0
    private var ids = Set<ObjectID>()
    private var finished = false
    /// The room `body` was last given.
    private var reserved = 0

    private struct Pending {
        var id: ObjectID
        /// The entry's header, and for a delta the id of its base.
        var header: Data
        var data: Data
        var compressed: Bool
    }

    /// Whole objects are compressed a batch at a time, on every core, and placed in the pack, so
    /// that no more than this many of their bytes wait in memory (a series of 772 commits adds
    /// 30 MB of them; compressed one by one as they came, on one core, they were a third of the
    /// writing of its commits).
    private static let batchBytes = 2 << 20

    func contains(_ id: ObjectID) -> Bool { ids.contains(id) }

    package var isEmpty: Bool { count == 0 }
    /// How many objects the pack holds.
    package var count: Int { entries.count + pending.count }

    /// Adds a whole object; it is compressed with its batch.
    mutating func add(id: ObjectID, kind: ObjectKind, data: Data) throws {
        guard !ids.contains(id) else { return }
        pending.append(Pending(id: id, header: Self.header(type: kind.packType, size: data.count), data: data, compressed: false))
        ids.insert(id)
        uncompressedBytes += data.count
        if uncompressedBytes >= Self.batchBytes { try placePending() }
    }

    /// Compresses the whole objects waiting, on every core, and places every waiting object.
    private mutating func placePending() throws {
        // A large object is compressed in pieces on every core by itself (`Zlib.deflate`), from
        // this thread: inside the batch's own `concurrentMap`, its pieces would run on one core.
        for position in pending.indices where !pending[position].compressed && Zlib.compressesInPieces(pending[position].data) {
            pending[position].data = try Zlib.deflate(pending[position].data)
            pending[position].compressed = true
        }
        let positions = pending.indices.filter { !pending[$0].compressed }
        let compressed = try concurrentMap(positions.map { pending[$0].data }) { try Zlib.deflate($0) }
        for (position, data) in zip(positions, compressed) { pending[position].data = data }
        // Room for the batch, grown by half at least, so that the pack is not reallocated for
        // every batch, nor left with twice the room it needs after one large object.
        let needed = body.count + pending.reduce(0) { $0 + $1.header.count + $1.data.count } + 20
        if needed > reserved {
            reserved = max(needed, reserved / 2 * 3)
            body.reserveCapacity(reserved)
        }
        for object in pending {
            let start = body.count
            body.append(object.header)
            body.append(object.data)
            entries.append((object.id, start, body.withUnsafeBytes { Zlib.crc32($0, start..<$0.count) }))
        }
        pending = []
        uncompressedBytes = 0
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

        /// A delta of `target` on `base` where the two differ in one stretch (`Delta.encodeEnds`).
        init(ends base: Data, target: Data) throws {
            let delta = Delta.encodeEnds(base: base, target: target)
            size = delta.count
            compressed = try Zlib.deflate(delta)
        }
    }

    /// Adds an object as a delta against `base` (which must be in this pack too), already encoded.
    mutating func addDelta(id: ObjectID, base: ObjectID, encoded: EncodedDelta) {
        guard !ids.contains(id) else { return }
        var header = Self.header(type: Self.refDelta, size: encoded.size)
        base.withUnsafeBytes { header.append(contentsOf: $0) }
        pending.append(Pending(id: id, header: header, data: encoded.compressed, compressed: true))
        ids.insert(id)
    }

    /// Adds `data` as a delta against `base`, which must be in this pack too.
    mutating func addDelta(id: ObjectID, data: Data, base: ObjectID, index: Delta.Index) throws {
        guard !ids.contains(id) else { return }
        addDelta(id: id, base: base, encoded: try EncodedDelta(index: index, target: data))
    }

    /// The complete pack and its version 2 index: what `git index-pack` would write for it.
    package mutating func packAndIndex() throws -> (pack: Data, index: Data, checksum: [UInt8]) {
        let (pack, checksum) = try finishedPack()
        return (pack, index(checksum: checksum), checksum)
    }

    /// The complete pack: the header with its object count, the objects, and the SHA-1 of both.
    /// Called once: the pack's bytes are handed over, not copied (then `index(checksum:)`).
    package mutating func finishedPack() throws -> (pack: Data, checksum: [UInt8]) {
        precondition(!finished, "PackWriter.finishedPack() called twice")
        finished = true
        try placePending()
        var pack = body
        body = Data()
        pack.replaceSubrange(8..<12, with: Self.bigEndian(UInt32(entries.count)))
        var sha = SHA1()
        sha.update(pack)
        let checksum = sha.finalize()
        pack.append(contentsOf: checksum)
        // Offsets above 2 GiB would need the index's table of large offsets.
        guard pack.count < Int(Int32.max) else {
            throw PackError(operation: "pack", message: "a batch over 2 GiB cannot be written as one pack")
        }
        return (pack, checksum)
    }

    /// The pack's version 2 index, from what the writer knows of each object: sorted ids,
    /// CRC-32s and offsets, then the pack's checksum and the index's own. Call it after
    /// `finishedPack`, which places the last objects.
    package func index(checksum: [UInt8]) -> Data {
        precondition(finished, "PackWriter.index(checksum:) before finishedPack()")
        let sorted = entries.map { (id: $0.id.bytes, offset: $0.offset, crc: $0.crc) }
            .sorted { $0.id.lexicographicallyPrecedes($1.id) }
        var index = Data([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2])  // "\377tOc", version 2
        // Fan-out: how many ids begin with a byte up to each value.
        var fanout = [UInt32](repeating: 0, count: 256)
        for entry in sorted { fanout[Int(entry.id[0])] += 1 }
        var running: UInt32 = 0
        for byte in 0..<256 {
            running += fanout[byte]
            index.append(Self.bigEndian(running))
        }
        for entry in sorted { index.append(contentsOf: entry.id) }
        for entry in sorted { index.append(Self.bigEndian(entry.crc)) }
        for entry in sorted { index.append(Self.bigEndian(UInt32(entry.offset))) }
        index.append(contentsOf: checksum)
        var indexSHA = SHA1()
        indexSHA.update(index)
        index.append(contentsOf: indexSHA.finalize())
        return index
    }

    /// The pack entry type of a delta against a base named by its id (`OBJ_REF_DELTA`).
    private static let refDelta: UInt8 = 7

    static func bigEndian(_ value: UInt32) -> Data {
        Data([UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)])
    }

    /// An entry's header: its type and size, seven bits at a time after the first four.
    private static func header(type: UInt8, size: Int) -> Data {
        var header = Data()
        var remaining = size >> 4
        var byte = (type << 4) | UInt8(size & 0x0f)
        while remaining > 0 {
            header.append(byte | 0x80)
            byte = UInt8(remaining & 0x7f)
            remaining >>= 7
        }
        header.append(byte)
        return header
    }
}

extension ObjectKind {
    /// The type number of a whole object of this kind in a pack entry (`OBJ_COMMIT` ...).
    var packType: UInt8 {
        switch self {
        case .commit: return 1
        case .tree: return 2
        case .blob: return 3
        case .tag: return 4
        }
    }
}
