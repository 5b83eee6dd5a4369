import Clibgit2
import ContentHash
import Foundation

/// Builds one git pack from objects already written to a repository (in its in-memory backend)
/// and hands it to the object database, which indexes it and syncs it once.
///
/// Large blobs that are edited copies of a file already in the repository are stored as deltas
/// against it (depth 1), so 193 edited copies of a 600 KB draft cost a few KB each, and reading
/// one back later applies a single delta.
struct PackWriter {
    private var body = Data()
    private var count: UInt32 = 0

    /// Adds a whole object.
    mutating func add(type: git_object_t, data: Data) throws {
        appendHeader(type: UInt8(type.rawValue), size: data.count)
        body.append(try Self.deflate(data))
        count += 1
    }

    /// Adds `data` as a delta against `base`, an object the repository already holds.
    mutating func addDelta(data: Data, base: ObjectID, baseData: Data) throws {
        let delta = Delta.encode(base: baseData, target: data)
        appendHeader(type: 7, size: delta.count)  // OBJ_REF_DELTA
        var raw = base.raw
        withUnsafeBytes(of: &raw.id) { body.append(contentsOf: $0) }
        body.append(try Self.deflate(delta))
        count += 1
    }

    var isEmpty: Bool { count == 0 }

    /// The complete pack: header, objects, SHA-1 trailer.
    func pack() -> Data {
        var pack = Data("PACK".utf8)
        for value in [UInt32(2), count] {
            pack.append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)])
        }
        pack.append(body)
        var sha = SHA1()
        sha.update(pack)
        pack.append(contentsOf: sha.finalize())
        return pack
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

    static func deflate(_ data: Data) throws -> Data {
        var bound = compressBound(uLong(data.count))
        var output = Data(count: Int(bound))
        let status = output.withUnsafeMutableBytes { out in
            data.withUnsafeBytes { input in
                compress2(out.bindMemory(to: Bytef.self).baseAddress, &bound,
                          input.bindMemory(to: Bytef.self).baseAddress, uLong(data.count), Z_BEST_SPEED)
            }
        }
        guard status == Z_OK else {
            throw GitError(code: -1, errorClass: 0, message: "zlib could not compress an object (\(status))", operation: "compress2")
        }
        output.count = Int(bound)
        return output
    }
}

/// Git's delta format: copy ranges of the base, insert new bytes.
enum Delta {
    /// A delta that rebuilds `target` from `base`. Works line by line: lines found in the base
    /// are copied; a changed line is matched against the base line expected at that place, and
    /// only its changed middle is inserted.
    static func encode(base: Data, target: Data) -> Data {
        var out = Data()
        appendVarint(base.count, to: &out)
        appendVarint(target.count, to: &out)
        base.withUnsafeBytes { baseRaw in
            target.withUnsafeBytes { targetRaw in
                let baseBytes = baseRaw.bindMemory(to: UInt8.self)
                let targetBytes = targetRaw.bindMemory(to: UInt8.self)
                let baseLines = lines(baseBytes)
                var firstOffset: [Int: [Int]] = [:]  // line hash -> line indexes in the base
                for (index, line) in baseLines.enumerated() {
                    firstOffset[hash(baseBytes, line), default: []].append(index)
                }
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

    private static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0a {
            result.append(start..<index + 1)
            start = index + 1
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
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
