import Clibgit2
import Foundation

extension Repository {
    /// The object a reference points to (following symbolic references such as HEAD, but not
    /// peeling tags), or nil when the reference does not exist or its branch has no commit yet.
    public func resolve(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, pointer, name)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(code, "git_reference_name_to_id(\(name))")
        return ObjectID(oid)
    }

    /// The commit a branch (or HEAD) points to, or nil when it does not exist or has no commit yet.
    public func resolveCommit(_ name: String) throws -> CommitID? {
        try resolve(name).map(CommitID.init)
    }

    /// The full name of the branch HEAD points to, e.g. "refs/heads/main".
    public func headBranch() throws -> String {
        let head = try Handle("git_reference_lookup(HEAD)", free: git_reference_free, owner: self) {
            git_reference_lookup(&$0, pointer, "HEAD")
        }
        guard let target = head.read({ git_reference_symbolic_target($0).map { String(cString: $0) } }) else {
            throw UnsupportedRepositoryError(operation: "headBranch", message: "HEAD is detached")
        }
        return target
    }

    /// Moves `name` to `target` only if it still points to `expected` (nil: only if it does not
    /// exist yet). Returns false when another writer moved it first or holds its lock, so the
    /// caller can re-read and retry; throws for any other failure.
    public func updateReference(_ name: String, to target: CommitID, expected: CommitID?, message: String) throws -> Bool {
        try moveReference(name, to: target, expected: expected, message: message) == .moved
    }

    /// How a compare-and-swap of a reference ended.
    public enum ReferenceMove: Equatable, Sendable {
        case moved
        /// The reference moved (or appeared) since it was read.
        case raced
        /// Its lock file (`NAME.lock`) exists: a git command is writing it now, or one was killed
        /// while writing it.
        case locked
    }

    /// Moves `name` to `target` only if it still points to `expected` (nil: only if it does not
    /// exist yet), and says why not when it did not.
    public func moveReference(_ name: String, to target: CommitID, expected: CommitID?, message: String) throws -> ReferenceMove {
        var rawTarget = target.objectID.raw
        var rawExpected = expected?.objectID.raw ?? git_oid()
        var reference: OpaquePointer?
        let code: Int32
        if expected != nil {
            code = git_reference_create_matching(&reference, pointer, name, &rawTarget, 1, &rawExpected, message)
        } else {
            code = git_reference_create(&reference, pointer, name, &rawTarget, 0, message)
        }
        if code == 0 {
            git_reference_free(reference)
            return .moved
        }
        if code == GIT_ELOCKED.rawValue { return .locked }
        if code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue { return .raced }
        try check(code, "git_reference_create(\(name))")
        return .raced
    }

    /// Creates the reference `name` pointing at `target` unless it exists. Returns false when it
    /// exists already (whatever it points to).
    public func createReference(_ name: String, to target: ObjectID, message: String) throws -> Bool {
        var raw = target.raw
        let created = try Handle.ifPresent("git_reference_create(\(name))", absent: [GIT_EEXISTS],
                                           free: git_reference_free, owner: self) { git_reference_create(&$0, pointer, name, &raw, 0, message) }
        return created != nil
    }

    /// The path of the lock file git and libgit2 create beside a loose reference while writing it.
    public func referenceLockPath(_ name: String) -> String {
        gitDirectory.appendingPathComponent(name + ".lock").path
    }

    /// Whether the reference `name` exists.
    public func referenceExists(_ name: String) throws -> Bool {
        try resolveDirect(name) != nil
    }

    /// The id a reference points to directly, without following symbolic references or peeling
    /// tags; nil when there is no such reference.
    func resolveDirect(_ name: String) throws -> ObjectID? {
        try Handle.ifPresent("git_reference_lookup(\(name))", absent: [GIT_ENOTFOUND, GIT_EINVALIDSPEC],
                             free: git_reference_free, owner: self) { git_reference_lookup(&$0, pointer, name) }?
            .read { git_reference_target($0).map { ObjectID($0.pointee) } }
    }
}
