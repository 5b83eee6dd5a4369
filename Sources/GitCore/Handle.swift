import Clibgit2

/// Owns one libgit2 object and frees it, once, when the owner goes away.
///
/// Every libgit2 pointer in GitCore is held by a `Handle`: the repository's own, and each object
/// looked up in it. A lookup reads as `try lookup(id).read { commit in ... }`: look the object up,
/// copy what is needed into Swift values (strings die with their object, docs/LIBGIT2.md item 6),
/// and the object is freed when the statement ends.
final class Handle {
    typealias Free = (OpaquePointer?) -> Void

    let pointer: OpaquePointer
    private let free: Free
    /// Kept alive as long as this handle: the repository an object was looked up in, which must
    /// outlive it.
    private let owner: AnyObject?

    /// Calls `create`, a libgit2 function that hands a new object back through its first argument
    /// (`git_commit_lookup(&out, ...)`), and owns the object. Throws the `GitError` of a failure.
    init(_ operation: @autoclosure () -> String, free: @escaping Free, owner: AnyObject? = nil,
         create: (inout OpaquePointer?) -> Int32) throws {
        // With nothing counted as absent, `made` returns an object or throws.
        pointer = try Self.made(operation(), absent: [], by: create)!
        self.free = free
        self.owner = owner
    }

    private init(pointer: OpaquePointer, free: @escaping Free, owner: AnyObject?) {
        self.pointer = pointer
        self.free = free
        self.owner = owner
    }

    /// Like `init`, but nil when `create` answers one of `absent` (by default: not found).
    static func ifPresent(_ operation: @autoclosure () -> String, absent: [git_error_code] = [GIT_ENOTFOUND],
                          free: @escaping Free, owner: AnyObject? = nil,
                          create: (inout OpaquePointer?) -> Int32) throws -> Handle? {
        guard let pointer = try made(operation(), absent: absent, by: create) else { return nil }
        return Handle(pointer: pointer, free: free, owner: owner)
    }

    /// Runs `create`: the object it made, or nil when it answered one of `absent`.
    private static func made(_ operation: @autoclosure () -> String, absent: [git_error_code],
                             by create: (inout OpaquePointer?) -> Int32) throws -> OpaquePointer? {
        var pointer: OpaquePointer?
        let code = create(&pointer)
        if absent.contains(where: { $0.rawValue == code }) { return nil }
        try check(code, operation())
        guard let pointer else {
            throw GitError(code: GIT_ERROR.rawValue, errorClass: 0, message: "libgit2 returned no object", operation: operation())
        }
        return pointer
    }

    deinit {
        free(pointer)
    }

    /// Calls `body` with the object; it stays alive until `body` returns.
    @discardableResult
    func read<Result>(_ body: (OpaquePointer) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(pointer) }
    }
}
