// GitCore: the Swift face of libgit2, and the git layer a newcomer reads first.
//
// `Repository` opens or creates a repository; its extensions read and write one kind of thing
// each: Blob, Tree, Commit, Tag, Reference, WorkTree (the work tree and the index). Values come
// out as Swift values (`CommitInfo`, `TreeEntry`, ids typed by kind: `CommitID`, `TreeID`,
// `BlobID`, `TagID`); no C type is in the public API. Each libgit2 object is owned by a `Handle`
// and freed when it goes. libgit2's failures are `GitError`s, the system's `SystemCallError`s.
// The pitfalls of libgit2 1.5.1 the code works around are in docs/LIBGIT2.md.
import Clibgit2
import Czlib
import Foundation

/// A git repository opened through libgit2.
///
/// One instance owns one `git_repository` handle, freed when the instance goes away. A repository
/// must not be used from two threads at once (docs/LIBGIT2.md, item 2), so this class is not
/// `Sendable`: keep it inside one task or one actor.
public final class Repository {
    private let handle: Handle
    /// The `git_repository` handle, for the calls of this module.
    var pointer: OpaquePointer { handle.pointer }

    private init(_ handle: Handle) {
        self.handle = handle
    }

    /// Opens the repository whose work tree or `.git` folder is at `url`.
    public static func open(at url: URL) throws -> Repository {
        LibGit2.initialize()
        let repository = Repository(try Handle("git_repository_open", free: git_repository_free) {
            git_repository_open_ext(&$0, url.path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        })
        try repository.useFastLooseObjects()
        return repository
    }

    /// Creates a new, empty repository with a work tree at `url`, its first branch named `branch`.
    /// Refuses a folder that already holds a repository.
    public static func create(at url: URL, branch: String = "main") throws -> Repository {
        LibGit2.initialize()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue | GIT_REPOSITORY_INIT_MKDIR.rawValue
        return Repository(try branch.withCString { head in
            options.initial_head = head
            return try Handle("git_repository_init", free: git_repository_free) { git_repository_init_ext(&$0, url.path, &options) }
        })
    }

    /// The folder of the work tree, or nil for a bare repository.
    public var workTree: URL? {
        guard let path = git_repository_workdir(pointer) else { return nil }
        return URL(fileURLWithPath: String(cString: path), isDirectory: true)
    }

    /// The `.git` folder.
    public var gitDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_path(pointer)), isDirectory: true)
    }

    /// Gives the repository an object database whose loose objects are written with zlib's fastest
    /// level (libgit2's default is level 6): a merge writes megabytes of records, and compressing
    /// them took longer than computing them. The objects stay ordinary zlib streams that git reads;
    /// writes are still fsynced. The loose objects are read through `LooseObjectGuard`, so that
    /// no damaged loose file can make libgit2 loop. A repository that borrows objects from
    /// elsewhere (alternates) keeps libgit2's own set-up, without that guard.
    private func useFastLooseObjects() throws {
        let objects = gitDirectory.appendingPathComponent("objects")
        guard !FileManager.default.fileExists(atPath: objects.appendingPathComponent("info/alternates").path) else { return }
        let odb = try Handle("git_odb_new", free: git_odb_free) { git_odb_new(&$0) }
        // Loose objects first (priority 1), then packs (priority 2), as libgit2 sets them up itself.
        var loose: UnsafeMutablePointer<git_odb_backend>?
        try check(git_odb_backend_loose(&loose, objects.path, Z_BEST_SPEED, 1, 0, 0), "git_odb_backend_loose")
        // Every loose object is inflated to its end outside libgit2 first (LooseObjectGuard).
        if let loose { LooseObjectGuard.install(on: loose, objects: objects.path) }
        try add(loose, to: odb, priority: 1)
        var pack: UnsafeMutablePointer<git_odb_backend>?
        try check(git_odb_backend_pack(&pack, objects.path), "git_odb_backend_pack")
        try add(pack, to: odb, priority: 2)
        try check(git_repository_set_odb(pointer, odb.pointer), "git_repository_set_odb")
    }

    /// Hands `backend` to `odb`, which frees it from then on; frees it here when `odb` refuses it.
    private func add(_ backend: UnsafeMutablePointer<git_odb_backend>?, to odb: Handle, priority: Int32) throws {
        let code = git_odb_add_backend(odb.pointer, backend, priority)
        if code != 0 {
            backend?.pointee.free(backend)
            try check(code, "git_odb_add_backend")
        }
    }
}

// MARK: - Looking objects up

extension Repository {
    // Each lookup returns a handle that keeps this repository alive; read it at once:
    // `try lookup(id).read { commit in ... }`.

    func lookup(_ id: CommitID) throws -> Handle {
        var oid = id.objectID.raw
        return try Handle("git_commit_lookup", free: git_commit_free, owner: self) { git_commit_lookup(&$0, pointer, &oid) }
    }

    func lookup(_ id: TreeID) throws -> Handle {
        var oid = id.objectID.raw
        return try Handle("git_tree_lookup", free: git_tree_free, owner: self) { git_tree_lookup(&$0, pointer, &oid) }
    }

    func lookup(_ id: BlobID) throws -> Handle {
        var oid = id.objectID.raw
        return try Handle("git_blob_lookup", free: git_blob_free, owner: self) { git_blob_lookup(&$0, pointer, &oid) }
    }

    /// The object database, for reads that bypass the object cache.
    func objectDatabase() throws -> Handle {
        try Handle("git_repository_odb", free: git_odb_free, owner: self) { git_repository_odb(&$0, pointer) }
    }
}

// MARK: - Opening as git's own programs do

extension Repository {
    /// Opens the repository git's environment names (`GIT_DIR`, else a search from the current
    /// folder), honouring `GIT_OBJECT_DIRECTORY` and `GIT_ALTERNATE_OBJECT_DIRECTORIES`: what a
    /// hook needs, since `git receive-pack` keeps a push's objects in a quarantine folder that only
    /// those variables name until the hook accepts it. libgit2's own object database is kept (the
    /// `LooseObjectGuard` of `open` would read the repository's objects folder alone).
    public static func openFromGitEnvironment() throws -> Repository {
        LibGit2.initialize()
        return Repository(try Handle("git_repository_open_ext(GIT_DIR)", free: git_repository_free) {
            git_repository_open_ext(&$0, nil, GIT_REPOSITORY_OPEN_FROM_ENV.rawValue, nil)
        })
    }
}
