import Crypto
import Foundation

/// The id git gives bytes stored as an object: the SHA-1 of "<type> <size>\0" followed by the
/// bytes, computed without git.
///
/// The one place DraftFlow computes object ids: the domain names the exact bytes a record was
/// made from (so `verify` can check them later), and the git layer names the blobs, trees and
/// commits it serializes itself.
public enum GitObjectHash {
    /// The 20 bytes of the id git gives `content` as an object of `type` ("blob", "tree",
    /// "commit" or "tag").
    public static func digest(of content: Data, type: String) -> [UInt8] {
        var sha = SHA1()
        sha.update(Data("\(type) \(content.count)\u{0}".utf8))
        sha.update(content)
        return sha.finalize()
    }

    /// Bytes as lowercase hexadecimal digits, two per byte, as git shows ids.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(40)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}

/// The id git gives a file's content, as forty hexadecimal digits.
public enum GitBlobHash {
    public static func hex(_ data: Data) -> String {
        GitObjectHash.hex(GitObjectHash.digest(of: data, type: "blob"))
    }
}

/// The SHA-256 of bytes as 64 lowercase hexadecimal digits: what a receipt gives for each file,
/// so that a member can check it with any tool (`sha256sum`), without git.
public enum FileSHA256 {
    public static func hex(_ data: Data) -> String {
        GitObjectHash.hex(Crypto.SHA256.hash(data: data))
    }
}
