import Clibgit2
import Foundation

/// Signed tags. libgit2 1.5.1 cannot sign a tag itself: the tag object's bytes are built here as
/// git builds them, the signer's armoured signature is appended to them (as `git tag -s` does),
/// and the result is written to the object database as a tag object.
extension Repository {
    /// The bytes of the annotated tag `name` on the commit `target`, unsigned: what a signature
    /// signs. The same bytes `createTagObject` writes.
    public static func tagContent(_ name: String, target: CommitID, tagger: Signature, message: String) -> Data {
        let offset = abs(tagger.offsetMinutes)
        let zone = (tagger.offsetMinutes < 0 ? "-" : "+") + String(format: "%02d%02d", offset / 60, offset % 60)
        let header = "object \(target.hex)\ntype commit\ntag \(name)\n"
            + "tagger \(tagger.recordedName) <\(tagger.recordedEmail)> \(tagger.seconds) \(zone)\n\n"
        return Data((header + message).utf8)
    }

    /// Writes `content`, the bytes of a tag object (a signed one), without creating its reference.
    /// libgit2 checks nothing of it: what `tagContent` built is well formed.
    public func writeTagObject(_ content: Data) throws -> TagID {
        let odb = try objectDatabase()
        var out = git_oid()
        try content.withUnsafeBytes { bytes -> Void in
            try check(git_odb_write(&out, odb.pointer, bytes.baseAddress, bytes.count, GIT_OBJECT_TAG), "git_odb_write(tag)")
        }
        return TagID(ObjectID(out))
    }

    /// The bytes of the tag object `id`, as stored.
    public func tagObjectContent(_ id: TagID) throws -> Data {
        let odb = try objectDatabase()
        var raw = id.objectID.raw
        let object = try Handle("git_odb_read", free: git_odb_object_free, owner: self) { git_odb_read(&$0, odb.pointer, &raw) }
        return object.read { object in
            Data(bytes: git_odb_object_data(object), count: git_odb_object_size(object))
        }
    }
}

/// A tag object's bytes split as `git tag -v` splits them: what was signed, and the armoured
/// signature appended to it (nil for an unsigned tag).
public struct TagSignatureParts: Equatable, Sendable {
    public enum Kind: String, Sendable { case ssh, gpg }
    public var payload: Data
    public var signature: Data?
    public var kind: Kind?

    static let markers: [(String, Kind)] = [("-----BEGIN SSH SIGNATURE-----", .ssh), ("-----BEGIN PGP SIGNATURE-----", .gpg)]

    /// Splits at the last line that starts a signature, as git does (`parse_signed_buffer`).
    public init(content: Data) {
        payload = content
        let bytes = [UInt8](content)
        var lineStart = 0
        var found: (Int, Kind)?
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            for (marker, kind) in Self.markers where bytes[lineStart..<lineEnd].starts(with: marker.utf8) { found = (lineStart, kind) }
            lineStart = lineEnd
        }
        if let (start, kind) = found {
            payload = Data(bytes[..<start])
            signature = Data(bytes[start...])
            self.kind = kind
        }
    }
}
