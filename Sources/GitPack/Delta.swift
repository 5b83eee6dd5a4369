import LineSplitting
import Foundation

/// Git's delta format: copy ranges of the base, insert new bytes.
enum Delta {
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
                lines = LineSplitter.ranges(in: bytes)
                for (index, line) in lines.enumerated() {
                    linesByHash[Delta.hash(bytes, line), default: []].append(index)
                }
            }
            self.lines = lines
            self.linesByHash = linesByHash
        }
    }

    /// A delta that rebuilds `target` from the prepared base. Works line by line: lines found in
    /// the base are copied; a changed line is matched against the base line expected at that
    /// place, and only its changed middle is inserted.
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
                for line in LineSplitter.ranges(in: targetBytes) {
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

    /// A delta for a target that differs from its base in one stretch, as a file rewritten with
    /// one entry added or changed (a round's index.json, commit after commit of an intake): the
    /// bytes the two share at both ends are copied and the middle inserted. It costs a comparison
    /// of the two, not an index of the base; any target gives a correct delta, only larger when
    /// the differences are spread out.
    static func encodeEnds(base: Data, target: Data) -> Data {
        var out = Data()
        appendVarint(base.count, to: &out)
        appendVarint(target.count, to: &out)
        base.withUnsafeBytes { baseRaw in
            target.withUnsafeBytes { targetRaw in
                let baseBytes = baseRaw.bindMemory(to: UInt8.self)
                let targetBytes = targetRaw.bindMemory(to: UInt8.self)
                let limit = min(baseBytes.count, targetBytes.count)
                var prefix = 0
                while prefix < limit && baseBytes[prefix] == targetBytes[prefix] { prefix += 1 }
                var suffix = 0
                while suffix < limit - prefix && baseBytes[baseBytes.count - 1 - suffix] == targetBytes[targetBytes.count - 1 - suffix] { suffix += 1 }
                if prefix > 0 { emitCopy(offset: 0, length: prefix, to: &out) }
                let middle = prefix..<(targetBytes.count - suffix)
                if !middle.isEmpty { emitInsert(Array(targetBytes[middle]), to: &out) }
                if suffix > 0 { emitCopy(offset: baseBytes.count - suffix, length: suffix, to: &out) }
            }
        }
        return out
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
