import Foundation

/// The id git gives a file's content (SHA-1 of "blob <size>\0" + bytes), computed without git, so
/// that a record can name the exact bytes it was made from and `verify` can check them later.
public enum GitBlobHash {
    public static func hex(_ data: Data) -> String {
        var sha = SHA1()
        sha.update(Data("blob \(data.count)\u{0}".utf8))
        sha.update(data)
        return sha.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// SHA-1 (FIPS 180-4). Used only to name content as git does and to close pack files, not for security.
public struct SHA1: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
    /// Bytes waiting for a full 64-byte block.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { raw in update(raw.bindMemory(to: UInt8.self)) }
    }

    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        length += UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            if pending.count == 64 {
                pending.withUnsafeBufferPointer { process($0.baseAddress!) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        while bytes.count - offset >= 64 {
            process(bytes.baseAddress! + offset)
            offset += 64
        }
        if offset < bytes.count { pending.append(contentsOf: bytes[offset...]) }
    }

    public mutating func finalize() -> [UInt8] {
        let bitLength = length * 8
        var tail: [UInt8] = [0x80]
        while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let block = pending + tail
        pending = []
        block.withUnsafeBufferPointer { bytes in
            var offset = 0
            while offset < bytes.count {
                process(bytes.baseAddress! + offset)
                offset += 64
            }
        }
        var digest: [UInt8] = []
        for word in [state.0, state.1, state.2, state.3, state.4] {
            digest += [UInt8(word >> 24), UInt8((word >> 16) & 0xff), UInt8((word >> 8) & 0xff), UInt8(word & 0xff)]
        }
        return digest
    }

    private mutating func process(_ block: UnsafePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            for index in 0..<16 {
                let base = index &* 4
                w[index] = UInt32(block[base]) << 24 | UInt32(block[base &+ 1]) << 16 | UInt32(block[base &+ 2]) << 8 | UInt32(block[base &+ 3])
            }
            for index in 16..<80 {
                let value = w[index &- 3] ^ w[index &- 8] ^ w[index &- 14] ^ w[index &- 16]
                w[index] = (value << 1) | (value >> 31)
            }
            var (a, b, c, d, e) = state
            // Four loops with their own function and constant: no branch inside the rounds.
            for index in 0..<20 {
                let temp = ((a << 5) | (a >> 27)) &+ ((b & c) | (~b & d)) &+ e &+ 0x5A82_7999 &+ w[index]
                e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp
            }
            for index in 20..<40 {
                let temp = ((a << 5) | (a >> 27)) &+ (b ^ c ^ d) &+ e &+ 0x6ED9_EBA1 &+ w[index]
                e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp
            }
            for index in 40..<60 {
                let temp = ((a << 5) | (a >> 27)) &+ ((b & c) | (b & d) | (c & d)) &+ e &+ 0x8F1B_BCDC &+ w[index]
                e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp
            }
            for index in 60..<80 {
                let temp = ((a << 5) | (a >> 27)) &+ (b ^ c ^ d) &+ e &+ 0xCA62_C1D6 &+ w[index]
                e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
        }
    }
}
