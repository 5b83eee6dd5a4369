import Crypto
import Foundation

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
