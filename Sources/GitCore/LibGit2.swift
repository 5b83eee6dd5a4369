import Clibgit2

/// Process-wide libgit2 set-up: initialised once, with durable (fsynced) writes.
public enum LibGit2 {
    private static let initialization: Int32 = {
        let result = git_libgit2_init()
        // Writes must be durable before a command reports success.
        _ = draftflow_git_enable_fsync(1)
        _ = draftflow_git_enable_strict_objects(1)
        // Reads are not hashed again (as with git itself): zlib's checksum and the delta sizes still
        // catch damaged bytes, and `draftflow verify` re-hashes every object.
        _ = draftflow_git_enable_strict_hash_verification(0)
        // A round's folder holds a folder per member: its tree is larger than the 4 KB libgit2
        // caches by default, and was read and inflated again for every path looked up in it.
        _ = draftflow_git_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20)
        return result
    }()

    /// Initialises libgit2. Call it as its own statement at every entry point, never inside the
    /// argument list of a libgit2 call (docs/LIBGIT2.md, item 1).
    public static func initialize() {
        _ = initialization
    }

    /// The libgit2 version this process runs with, e.g. "1.5.1".
    public static var version: String {
        initialize()
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}
