import Clibgit2
import Czlib
import Foundation

/// A git repository opened through libgit2.
///
/// One instance owns one `git_repository` handle, freed in `deinit`. A repository must not be
/// used from two threads at once (libgit2's threading rules), so this class is not `Sendable`:
/// keep it inside one task or one actor.
public final class Repository {
    package let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_repository_free(handle)
    }

    /// Opens the repository whose work tree or `.git` folder is at `url`.
    public static func open(at url: URL) throws -> Repository {
        LibGit2.initialize()
        var handle: OpaquePointer?
        try check(git_repository_open_ext(&handle, url.path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil), "git_repository_open")
        let repository = Repository(handle: handle!)
        try repository.useFastLooseObjects()
        return repository
    }

    /// Gives the repository an object database whose loose objects are written with zlib's fastest
    /// level (libgit2's default is level 6): a merge writes megabytes of records, and compressing
    /// them took longer than computing them. The objects stay ordinary zlib streams that git reads;
    /// writes are still fsynced. A repository that borrows objects from elsewhere (alternates)
    /// keeps libgit2's own set-up.
    private func useFastLooseObjects() throws {
        let objects = gitDirectory.appendingPathComponent("objects")
        guard !FileManager.default.fileExists(atPath: objects.appendingPathComponent("info/alternates").path) else { return }
        var odb: OpaquePointer?
        try check(git_odb_new(&odb), "git_odb_new")
        defer { git_odb_free(odb) }
        var loose: UnsafeMutablePointer<git_odb_backend>?
        try check(git_odb_backend_loose(&loose, objects.path, Z_BEST_SPEED, 1, 0, 0), "git_odb_backend_loose")
        if git_odb_add_backend(odb, loose, 1) != 0 {
            loose?.pointee.free(loose)
            try check(-1, "git_odb_add_backend")
        }
        var pack: UnsafeMutablePointer<git_odb_backend>?
        try check(git_odb_backend_pack(&pack, objects.path), "git_odb_backend_pack")
        if git_odb_add_backend(odb, pack, 2) != 0 {
            pack?.pointee.free(pack)
            try check(-1, "git_odb_add_backend")
        }
        try check(git_repository_set_odb(handle, odb), "git_repository_set_odb")
    }

    /// Creates a new, empty repository with a work tree at `url`, its first branch named `branch`.
    /// Refuses a folder that already holds a repository.
    public static func create(at url: URL, branch: String = "main") throws -> Repository {
        LibGit2.initialize()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue | GIT_REPOSITORY_INIT_MKDIR.rawValue
        var handle: OpaquePointer?
        try branch.withCString { head in
            options.initial_head = head
            try check(git_repository_init_ext(&handle, url.path, &options), "git_repository_init")
        }
        return Repository(handle: handle!)
    }

    /// The folder of the work tree, or nil for a bare repository.
    public var workTree: URL? {
        guard let path = git_repository_workdir(handle) else { return nil }
        return URL(fileURLWithPath: String(cString: path), isDirectory: true)
    }

    /// The `.git` folder.
    public var gitDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_path(handle)), isDirectory: true)
    }
}

// MARK: - Objects

extension Repository {
    /// Writes `data` as a blob and returns its id.
    public func createBlob(_ data: Data) throws -> ObjectID {
        var oid = git_oid()
        _ = try data.withUnsafeBytes { bytes in
            try check(git_blob_create_from_buffer(&oid, handle, bytes.baseAddress, bytes.count), "git_blob_create_from_buffer")
        }
        return ObjectID(oid)
    }

    /// The content of a blob.
    public func blobData(_ id: ObjectID) throws -> Data {
        var raw = id.raw
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, &raw), "git_blob_lookup")
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else {
            git_blob_free(blob)
            return Data()
        }
        // The blob's own bytes, not a copy (a merge reads 193 one-megabyte copies): the blob is
        // freed with the Data. libgit2 keeps no blob in its cache, so freeing one touches nothing
        // shared and may happen on any thread; the repository stays open until then.
        let owner = BlobOwner(blob: blob!, repository: self)
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: content), count: size, deallocator: .custom { _, _ in owner.free() })
    }

    /// Whether an object with this id is in the object database.
    ///
    /// - Parameter refresh: look for packs written since the repository was opened when the
    ///   object is not found (a directory scan per miss: leave it off when asking about many new
    ///   objects, as a batch does).
    public func contains(_ id: ObjectID, refresh: Bool = true) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, handle) == 0 else { return false }
        defer { git_odb_free(odb) }
        var raw = id.raw
        return git_odb_exists_ext(odb, &raw, refresh ? 0 : UInt32(GIT_ODB_LOOKUP_NO_REFRESH.rawValue)) == 1
    }

    /// The id git would give `data` as a blob, without writing it.
    public static func blobID(of data: Data) throws -> ObjectID {
        LibGit2.initialize()
        var oid = git_oid()
        _ = try data.withUnsafeBytes { bytes in
            try check(git_odb_hash(&oid, bytes.baseAddress, bytes.count, GIT_OBJECT_BLOB), "git_odb_hash")
        }
        return ObjectID(oid)
    }
}

/// Keeps a blob (and its repository) alive for the `Data` that shows its bytes.
private final class BlobOwner: @unchecked Sendable {
    // Written once at creation; freed once, by the Data's deallocator.
    private let blob: OpaquePointer
    private let repository: Repository

    init(blob: OpaquePointer, repository: Repository) {
        self.blob = blob
        self.repository = repository
    }

    func free() {
        git_blob_free(blob)
        withExtendedLifetime(repository) {}
    }
}
