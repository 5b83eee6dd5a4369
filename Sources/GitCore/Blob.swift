import Clibgit2
import Foundation

extension Repository {
    /// Writes `data` as a blob and returns its id.
    ///
    /// A large blob already in the object database is not written again. libgit2 would deflate the
    /// whole of it to a temporary file before finding, at the end, that it exists: a `dispose`
    /// rewrites the round's 12 MB of unchanged merge records, and a `resolve` an unchanged record
    /// of its own. Its id is the SHA-1 of git's blob header and the bytes, as git computes it.
    public func createBlob(_ data: Data) throws -> BlobID {
        // A large blob that was not stored yet is known whole once libgit2 has written it: the
        // loose-object guard need not inflate it again when libgit2 checks that it exists (the
        // tree and the index do). Smaller ones are checked the first time, as is cheap.
        var written: String?
        if data.count >= WholeLooseFiles.worthNoting {
            let id = BlobID(hashing: data)
            if contains(id.objectID, refresh: false) { return id }
            let path = WholeLooseFiles.path(id.objectID.hex, objects: gitDirectory.appendingPathComponent("objects").path)
            if !WholeLooseFiles.exists(path) { written = path }
        }
        var oid = git_oid()
        _ = try data.withUnsafeBytes { bytes in
            try check(git_blob_create_from_buffer(&oid, pointer, bytes.baseAddress, bytes.count), "git_blob_create_from_buffer")
        }
        if let written { WholeLooseFiles.note(written) }
        return BlobID(ObjectID(oid))
    }

    /// The content of a blob.
    public func blobData(_ id: BlobID) throws -> Data {
        let blob = try lookup(id)
        let size = Int(git_blob_rawsize(blob.pointer))
        guard size > 0, let content = git_blob_rawcontent(blob.pointer) else { return Data() }
        // The blob's own bytes, not a copy (a merge reads 193 one-megabyte copies): the blob is
        // freed with the Data. libgit2 keeps no blob in its cache, so freeing one touches nothing
        // shared and may happen on any thread; the handle keeps the repository open until then.
        let keeper = BlobKeeper(blob)
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: content), count: size,
                    deallocator: .custom { _, _ in keeper.release() })
    }

    /// Whether an object with this id is in the object database.
    ///
    /// - Parameter refresh: look for packs written since the repository was opened when the
    ///   object is not found (a directory scan per miss: leave it off when asking about many new
    ///   objects, as a batch does).
    public func contains(_ id: ObjectID, refresh: Bool = true) -> Bool {
        guard let odb = try? objectDatabase() else { return false }
        var oid = id.raw
        return odb.read { git_odb_exists_ext($0, &oid, refresh ? 0 : UInt32(GIT_ODB_LOOKUP_NO_REFRESH.rawValue)) == 1 }
    }

    /// Reads object `id` as stored, through the object database (`git_odb_read`), without
    /// checking that its content hashes to `id`: GitPack's verifier does that.
    package func storedObject(_ id: ObjectID) throws -> StoredObject {
        var oid = id.raw
        return try objectDatabase().read { odb in
            try Handle("git_odb_read(\(id.hex))", free: git_odb_object_free) { git_odb_read(&$0, odb, &oid) }.read { object in
                let type = git_odb_object_type(object)
                let size = git_odb_object_size(object)
                var data = Data()
                if size > 0, let bytes = git_odb_object_data(object) { data = Data(bytes: bytes, count: size) }
                return StoredObject(kind: ObjectKind(type), typeNumber: type.rawValue, data: data)
            }
        }
    }
}

/// An object as the object database holds it.
package struct StoredObject {
    /// Nil for a type number that is none of the four kinds.
    package let kind: ObjectKind?
    /// libgit2's number for the object's type.
    package let typeNumber: Int32
    /// The content, without git's "<type> <size>\0" header.
    package let data: Data
}

extension ObjectKind {
    init?(_ type: git_object_t) {
        switch type {
        case GIT_OBJECT_COMMIT: self = .commit
        case GIT_OBJECT_TREE: self = .tree
        case GIT_OBJECT_BLOB: self = .blob
        case GIT_OBJECT_TAG: self = .tag
        default: return nil
        }
    }
}

/// Keeps a blob's handle (and so its repository) for the `Data` that shows its bytes.
///
/// `@unchecked Sendable`: the handle is set once, here, and released once, by the Data's
/// deallocator, on whatever thread lets go of the Data (safe for blobs, see `blobData`).
private final class BlobKeeper: @unchecked Sendable {
    private var blob: Handle?

    init(_ blob: Handle) {
        self.blob = blob
    }

    func release() {
        blob = nil
    }
}
