import Clibgit2
import Foundation

extension Repository {
    /// The commit a reference points to (following symbolic references such as HEAD), or nil when
    /// the reference does not exist or its branch has no commit yet.
    public func resolve(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, name)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(code, "git_reference_name_to_id(\(name))")
        return ObjectID(oid)
    }

    /// The full name of the branch HEAD points to, e.g. "refs/heads/main".
    public func headBranch() throws -> String {
        var reference: OpaquePointer?
        try check(git_reference_lookup(&reference, handle, "HEAD"), "git_reference_lookup(HEAD)")
        defer { git_reference_free(reference) }
        guard let target = git_reference_symbolic_target(reference) else {
            throw GitError(code: -1, errorClass: 0, message: "HEAD is detached", operation: "headBranch")
        }
        return String(cString: target)
    }

    /// Moves `name` to `target` only if it still points to `expected` (nil: only if it does not
    /// exist yet). Returns false when another writer moved it first, so the caller can re-read
    /// and retry; throws for any other failure.
    public func updateReference(_ name: String, to target: ObjectID, expected: ObjectID?, message: String) throws -> Bool {
        var rawTarget = target.raw
        var reference: OpaquePointer?
        let code: Int32
        if let expected {
            var rawExpected = expected.raw
            code = git_reference_create_matching(&reference, handle, name, &rawTarget, 1, &rawExpected, message)
        } else {
            code = git_reference_create(&reference, handle, name, &rawTarget, 0, message)
        }
        if code == 0 {
            git_reference_free(reference)
            return true
        }
        // Lost the race: the reference moved, appeared, or another writer holds its lock right now.
        if code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue || code == GIT_ELOCKED.rawValue {
            return false
        }
        try check(code, "git_reference_create(\(name))")
        return false
    }
}
