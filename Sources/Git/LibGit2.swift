import Clibgit2

/// Process-wide libgit2 set-up: initialised once, with durable (fsynced) writes.
public enum LibGit2 {
    private static let initialization: Int32 = {
        let result = git_libgit2_init()
        // Writes must be durable before a command reports success.
        _ = draftflow_git_enable_fsync(1)
        _ = draftflow_git_enable_strict_objects(1)
        return result
    }()

    /// Initialises libgit2. Call it as its own statement at every entry point, never inside the
    /// argument list of a libgit2 call (LIBGIT2.md, item 1).
    public static func initialize() {
        _ = initialization
    }

    /// Runs `body` with libgit2's check that objects named in new trees exist turned off, for
    /// trees that name blobs about to be written in the same pack. The option is process-wide:
    /// call this only where no other thread uses libgit2.
    public static func withoutStrictObjectCreation<T>(_ body: () throws -> T) rethrows -> T {
        initialize()
        _ = draftflow_git_enable_strict_objects(0)
        defer { _ = draftflow_git_enable_strict_objects(1) }
        return try body()
    }

    /// The libgit2 version this process runs with, e.g. "1.5.1".
    public static var version: String {
        initialize()
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}
