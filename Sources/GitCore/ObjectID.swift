import Clibgit2
import ContentHash
import Foundation

/// The four kinds of git object, named as git names them in an object's header.
public enum ObjectKind: String, Sendable, Equatable {
    case commit, tree, blob, tag
}

/// The id of a git object: the 20 bytes of its SHA-1.
///
/// Kept as libgit2's `git_oid`, so handing an id to libgit2 copies 20 bytes and parses nothing;
/// shown as forty lowercase hexadecimal digits. Where the kind of object is known, the API passes
/// a typed id instead (`CommitID`, `TreeID`, `BlobID`, `TagID`).
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    private let oid: git_oid

    init(_ oid: git_oid) {
        self.oid = oid
    }

    /// The id as libgit2 takes it.
    var raw: git_oid { oid }

    /// The id made of these 20 bytes; nil for any other count.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 20 else { return nil }
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { $0.copyBytes(from: bytes) }
        self.oid = oid
    }

    /// Parses forty hexadecimal digits (either case). Returns nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 40 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        for index in stride(from: 0, to: 40, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes: bytes)
    }

    /// The id git gives `content` stored as an object of `kind`.
    public init(hashing content: Data, as kind: ObjectKind) {
        self.init(bytes: GitObjectHash.digest(of: content, type: kind.rawValue))!
    }

    /// Calls `body` with the id's 20 bytes.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        var copy = oid
        return try Swift.withUnsafeBytes(of: &copy.id, body)
    }

    /// The id's 20 bytes.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Forty lowercase hexadecimal digits.
    public var hex: String { withUnsafeBytes { GitObjectHash.hex($0) } }
    public var description: String { hex }
    /// The first seven digits, as git shows them.
    public var short: String { String(hex.prefix(7)) }

    public static func == (left: ObjectID, right: ObjectID) -> Bool {
        left.withUnsafeBytes { a in right.withUnsafeBytes { b in a.elementsEqual(b) } }
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
