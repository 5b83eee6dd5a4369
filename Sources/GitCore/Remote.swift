import Clibgit2
import Foundation

/// A remote as the repository's configuration names it.
public struct RemoteInfo: Equatable, Sendable {
    public let name: String
    public let url: String
}

/// What a push did to each reference it named: nil for one the server took, else the reason
/// the server (or libgit2, before sending) gave for refusing it.
public struct PushOutcome: Equatable, Sendable {
    /// Reference → the server's reason for refusing it.
    public var rejected: [String: String] = [:]
    /// Whether the remote had moved under the push (a reference not a fast-forward of it).
    public var nonFastForward = false
    /// References of `expecting` the remote no longer had at the expected commit: nothing was
    /// pushed then.
    public var moved: Set<String> = []
    /// The lines the host wrote back (git shows them as "remote: …"): a hook's reasons for a refusal.
    public var messages: [String] = []
}

extension Repository {
    /// Adds the remote `name` fetching into `refs/remotes/<name>/*`, as `git remote add` does.
    public func addRemote(name: String, url: String) throws {
        LibGit2.initialize()
        var valid: Int32 = 0
        try check(git_remote_name_is_valid(&valid, name), "git_remote_name_is_valid")
        guard valid != 0 else {
            throw UnsupportedRepositoryError(operation: "git_remote_create", message: "'\(name)' is not a valid remote name")
        }
        _ = try Handle("git_remote_create(\(name))", free: git_remote_free, owner: self) { git_remote_create(&$0, pointer, name, url) }
    }

    /// Every remote of the repository, sorted by name.
    public func remotes() throws -> [RemoteInfo] {
        var array = git_strarray()
        try check(git_remote_list(&array, pointer), "git_remote_list")
        defer { git_strarray_dispose(&array) }
        let names = (0..<array.count).compactMap { array.strings[$0].map { String(cString: $0) } }.sorted()
        return try names.compactMap { name in try remote(name) }
    }

    /// The remote `name`, or nil when there is none.
    public func remote(_ name: String) throws -> RemoteInfo? {
        guard let remote = try Handle.ifPresent("git_remote_lookup(\(name))", absent: [GIT_ENOTFOUND, GIT_EINVALIDSPEC],
                                                free: git_remote_free, owner: self, create: { git_remote_lookup(&$0, pointer, name) }) else { return nil }
        return remote.read { RemoteInfo(name: name, url: git_remote_url($0).map { String(cString: $0) } ?? "") }
    }

    /// Fetches `refspecs` (`+refs/heads/main:refs/remotes/origin/main`) from the remote `name`.
    /// With `prune`, local references those refspecs map to that the remote no longer has are
    /// removed. Tags come only through the refspecs.
    public func fetch(remote name: String, refspecs: [String], prune: Bool = false, credentials: RemoteCredentials = .fromEnvironment()) throws {
        let remote = try lookupRemote(name)
        let session = RemoteSession(credentials: credentials)
        session.url = try self.remote(name)?.url
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
        options.prune = prune ? GIT_FETCH_PRUNE : GIT_FETCH_NO_PRUNE
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        options.update_fetchhead = 0
        try session.withCallbacks { callbacks in
            options.callbacks = callbacks
            try withStringArray(refspecs) { specs in
                try remote.read { try session.check(git_remote_fetch($0, &specs, &options, "draftflow: fetch"), "git_remote_fetch(\(name))") }
            }
        }
    }

    /// Downloads the objects of the remote's references whose names start with `prefix`, without
    /// writing any local reference (no remote-tracking references to write, prune and delete again:
    /// for hundreds of members' branches, that was most of a fetch's time). Returns their names and
    /// the ids they point to, sorted by name.
    public func download(remote name: String, prefix: String, credentials: RemoteCredentials = .fromEnvironment()) throws -> [(name: String, id: ObjectID)] {
        let remote = try lookupRemote(name)
        let session = RemoteSession(credentials: credentials)
        session.url = try self.remote(name)?.url
        var heads: [(name: String, id: ObjectID)] = []
        try session.withCallbacks { callbacks in
            var connectCallbacks = callbacks
            try remote.read { remote in
                try session.check(git_remote_connect(remote, GIT_DIRECTION_FETCH, &connectCallbacks, nil, nil), "git_remote_connect(\(name))")
                defer { git_remote_disconnect(remote) }
                var list: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
                var count = 0
                try check(git_remote_ls(&list, &count, remote), "git_remote_ls(\(name))")
                for index in 0..<count {
                    guard let head = list?[index]?.pointee, let raw = head.name else { continue }
                    let reference = String(cString: raw)
                    if reference.hasPrefix(prefix) { heads.append((reference, ObjectID(head.oid))) }
                }
                guard !heads.isEmpty else { return }
                var options = git_fetch_options()
                try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
                options.callbacks = callbacks
                options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
                try withStringArray(["+\(prefix)*:refs/draftflow-unused/*"]) { specs in
                    try session.check(git_remote_download(remote, &specs, &options), "git_remote_download(\(name))")
                }
            }
        }
        return heads.sorted { $0.name < $1.name }
    }

    /// Pushes `refspecs` (`refs/heads/main:refs/heads/main`, `:refs/heads/x` to delete) to the
    /// remote `name`. A reference the server refuses, or that is not a fast-forward of the
    /// remote's, is named in the outcome; any other failure (network, authentication) throws.
    ///
    /// `expecting`: remote reference → the commit it must still point to; when one points
    /// elsewhere, nothing is pushed and the outcome names it in `moved`.
    public func push(remote name: String, refspecs: [String], expecting: [String: ObjectID] = [:],
                     credentials: RemoteCredentials = .fromEnvironment()) throws -> PushOutcome {
        let remote = try lookupRemote(name)
        let session = RemoteSession(credentials: credentials)
        session.url = try self.remote(name)?.url
        session.expected = expecting
        var options = git_push_options()
        try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
        var nonFastForward = false
        try session.withCallbacks { callbacks in
            options.callbacks = callbacks
            try withStringArray(refspecs) { specs in
                let code = remote.read { git_remote_push($0, &specs, &options) }
                if code == GIT_ENONFASTFORWARD.rawValue {
                    nonFastForward = true
                } else if code == GIT_EUSER.rawValue && !session.moved.isEmpty {
                    return
                } else {
                    try session.check(code, "git_remote_push(\(name))")
                }
            }
        }
        var outcome = PushOutcome(rejected: session.rejected, nonFastForward: nonFastForward, moved: session.moved)
        // Progress lines end in "\r" and are written over; what a hook says ends in "\n".
        outcome.messages = session.remoteText.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
            String($0.split(separator: "\r").last ?? "").trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty && !$0.hasPrefix("Resolving deltas") && !$0.hasPrefix("Counting objects") }
        if outcome.rejected.values.contains(where: { $0.contains("fast-forward") || $0.contains("fetch first") || $0.contains("stale") || $0.contains("lock") }) {
            outcome.nonFastForward = true
        }
        return outcome
    }

    /// Creates an empty bare repository at `url` (a git host's copy, for `demo --remote` and tests),
    /// its first branch named `branch`.
    public static func createBare(at url: URL, branch: String = "main") throws {
        LibGit2.initialize()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue | GIT_REPOSITORY_INIT_BARE.rawValue
        _ = try branch.withCString { head in
            options.initial_head = head
            return try Handle("git_repository_init", free: git_repository_free) { git_repository_init_ext(&$0, url.path, &options) }
        }
    }

    /// Clones `url` into `folder` (which must not exist or be empty), its branch checked out.
    public static func clone(_ url: String, to folder: URL, credentials: RemoteCredentials = .fromEnvironment()) throws -> Repository {
        LibGit2.initialize()
        let session = RemoteSession(credentials: credentials)
        session.url = url
        var options = git_clone_options()
        try check(git_clone_options_init(&options, UInt32(GIT_CLONE_OPTIONS_VERSION)), "git_clone_options_init")
        options.fetch_opts.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL
        var cloned: OpaquePointer?
        try session.withCallbacks { callbacks in
            options.fetch_opts.callbacks = callbacks
            try session.check(git_clone(&cloned, url, folder.path, &options), "git_clone")
        }
        git_repository_free(cloned)
        return try open(at: folder)
    }

    /// The size of a blob, read from its header: a huge one is never loaded to be refused.
    public func blobSize(_ id: BlobID) throws -> Int {
        let odb = try objectDatabase()
        var length = 0
        var type = GIT_OBJECT_INVALID
        var oid = id.objectID.raw
        try odb.read { try check(git_odb_read_header(&length, &type, $0, &oid), "git_odb_read_header") }
        return length
    }

    /// The names of the references matching `glob` (`refs/remotes/origin/submissions/*`), sorted.
    public func referenceNames(matching glob: String) throws -> [String] {
        let iterator = try Handle("git_reference_iterator_glob_new", free: git_reference_iterator_free, owner: self) {
            git_reference_iterator_glob_new(&$0, pointer, glob)
        }
        var names: [String] = []
        try iterator.read { iterator in
            var name: UnsafePointer<CChar>?
            while true {
                let code = git_reference_next_name(&name, iterator)
                if code == GIT_ITEROVER.rawValue { break }
                try check(code, "git_reference_next_name")
                if let name { names.append(String(cString: name)) }
            }
        }
        return names.sorted()
    }

    /// Removes the reference `name`; nothing when there is none.
    public func removeReference(_ name: String) throws {
        let code = git_reference_remove(pointer, name)
        if code == GIT_ENOTFOUND.rawValue { return }
        try check(code, "git_reference_remove(\(name))")
    }

    /// The best common ancestor of two commits, or nil when they share none.
    public func mergeBase(_ one: CommitID, _ two: CommitID) throws -> CommitID? {
        var out = git_oid()
        var first = one.objectID.raw
        var second = two.objectID.raw
        let code = git_merge_base(&out, pointer, &first, &second)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_merge_base")
        return CommitID(ObjectID(out))
    }

    /// A string of the repository's configuration (`draftflow.member`), or nil when unset.
    public func configString(_ name: String) throws -> String? {
        let config = try Handle("git_repository_config", free: git_config_free, owner: self) { git_repository_config(&$0, pointer) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = config.read { git_config_get_string_buf(&buffer, $0, name) }
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_string_buf(\(name))")
        return buffer.ptr.map { String(cString: $0) }
    }

    /// Sets a string in the repository's own configuration (`.git/config`).
    public func setConfigString(_ name: String, _ value: String) throws {
        let config = try Handle("git_repository_config", free: git_config_free, owner: self) { git_repository_config(&$0, pointer) }
        try config.read { try check(git_config_set_string($0, name, value), "git_config_set_string(\(name))") }
    }

    private func lookupRemote(_ name: String) throws -> Handle {
        LibGit2.initialize()
        return try Handle("git_remote_lookup(\(name))", free: git_remote_free, owner: self) { git_remote_lookup(&$0, pointer, name) }
    }
}

/// Runs `body` with `strings` as a `git_strarray` that lives as long as the call.
func withStringArray<T>(_ strings: [String], _ body: (inout git_strarray) throws -> T) rethrows -> T {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { for pointer in pointers { free(pointer) } }
    return try pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: strings.count)
        return try body(&array)
    }
}
