import Crypto
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

/// SHA-1, as git names objects and closes pack files (not for security): BoringSSL's, through
/// swift-crypto, which uses the processor's SHA instructions where it has them.
public struct SHA1 {
    private var state = Insecure.SHA1()

    public init() {}

    public mutating func update(_ data: Data) {
        state.update(data: data)
    }

    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        state.update(bufferPointer: UnsafeRawBufferPointer(bytes))
    }

    public mutating func finalize() -> [UInt8] {
        Array(state.finalize())
    }
}
