import CGitTLS
import Foundation
import Clibgit2

/// Process-wide libgit2 set-up: initialised once, with durable (fsynced) writes.
public enum LibGit2 {
    private static let initialization: Int32 = {
        // The CA certificates are parsed at the first TLS connection, not here (CGitTLS): most
        // commands never open one, and the parse was most of libgit2's start-up.
        draftflow_git_tls_defer_begin()
        let result = git_libgit2_init()
        draftflow_git_tls_defer_end()
        // Writes must be durable before a command reports success.
        _ = draftflow_git_enable_fsync(1)
        _ = draftflow_git_enable_strict_objects(1)
        // Reads are not hashed again (as with git itself): zlib's checksum and the delta sizes still
        // catch damaged bytes, and `draftflow verify` re-hashes every object.
        _ = draftflow_git_enable_strict_hash_verification(0)
        // A round's folder holds a folder per member: its tree is larger than the 4 KB libgit2
        // caches by default, and was read and inflated again for every path looked up in it.
        _ = draftflow_git_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20)
        // The same for commits: an intake's commit lists every comment (235 KB at 193 members), and
        // a history walk read each commit twice, once to order it and once to read it, inflating
        // it both times (a third of `log`). Cached, the second read takes the first one's bytes.
        _ = draftflow_git_set_cache_object_limit(GIT_OBJECT_COMMIT, 1 << 22)
        return result
    }()

    /// Initialises libgit2. Call it as its own statement at every entry point, never inside the
    /// argument list of a libgit2 call (docs/LIBGIT2.md, item 1).
    public static func initialize() {
        _ = initialization
    }

    /// Whether the CA certificates libgit2 asked for at start-up still wait for the first TLS
    /// connection (which parses them), and the file they are read from.
    public static var deferredCertificates: (waiting: Bool, file: String) {
        initialize()
        return (draftflow_git_tls_deferred() != 0, String(cString: draftflow_git_tls_deferred_file()))
    }

    /// Parses the deferred CA certificates now, as the first TLS connection would; libgit2's
    /// error code, or 0.
    public static func loadCertificates() -> Int32 {
        initialize()
        return draftflow_git_tls_load()
    }

    /// Makes TLS connections trust the CA certificates in the file `GIT_SSL_CAINFO` names, as git
    /// does (a host with its own CA, or a test's self-signed certificate), in place of the
    /// system's; without it, the system's. Called before each fetch, push or clone.
    public static func useCertificateAuthorities(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        initialize()
        guard let file = environment["GIT_SSL_CAINFO"], !file.isEmpty else { return }
        // The system's are parsed first, so that the first TLS stream does not put them back.
        _ = draftflow_git_tls_load()
        try check(draftflow_git_set_certificate_file(file), "git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, GIT_SSL_CAINFO)")
    }

    /// The libgit2 version this process runs with, e.g. "1.5.1".
    public static var version: String {
        initialize()
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}
