import Clibgit2

/// Every error GitCore and GitPack throw, so that an adapter can catch them in one clause: a
/// libgit2 failure (`GitError`), a failed system call (`SystemCallError`), a repository in a shape
/// the wrapper does not handle (`UnsupportedRepositoryError`), and GitPack's own.
public protocol GitLayerError: Error, Sendable, CustomStringConvertible {
    /// The libgit2 function or the wrapper's step that failed, e.g. "git_commit_lookup", "write".
    var operation: String { get }
    /// What went wrong, for people.
    var message: String { get }
}

/// A failure reported by libgit2: its return code, error class and message. Only libgit2's
/// failures are `GitError`s.
public struct GitError: GitLayerError, Equatable {
    /// libgit2's return code (`GIT_ENOTFOUND`, `GIT_EEXISTS`, ...), always negative.
    public let code: Int32
    /// libgit2's error class (`GIT_ERROR_ODB`, ...), or 0 when none was set.
    public let errorClass: Int32
    public let message: String
    /// The libgit2 function that failed.
    public let operation: String

    init(code: Int32, errorClass: Int32, message: String, operation: String) {
        self.code = code
        self.errorClass = errorClass
        self.message = message
        self.operation = operation
    }

    public var description: String { "\(operation) failed (\(code)): \(message)" }

    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
    public var isExists: Bool { code == GIT_EEXISTS.rawValue }
    public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
    public var isModified: Bool { code == GIT_EMODIFIED.rawValue }

    /// Where libgit2 found the failure: the object database (objects, packs), zlib, a reference,
    /// the index.
    public var isObjectDatabase: Bool { errorClass == GIT_ERROR_ODB.rawValue || errorClass == GIT_ERROR_ZLIB.rawValue }
    public var isReference: Bool { errorClass == GIT_ERROR_REFERENCE.rawValue }
    public var isIndex: Bool { errorClass == GIT_ERROR_INDEX.rawValue }
}

/// Turns a libgit2 return code into a thrown `GitError`, reading the per-thread error at once.
@discardableResult
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws -> Int32 {
    guard code < 0 else { return code }
    // Read the last error before anything else can run on this thread (docs/LIBGIT2.md, item 3).
    var message = "no message from libgit2"
    var errorClass: Int32 = 0
    if let last = git_error_last() {
        errorClass = last.pointee.klass
        if let text = last.pointee.message { message = String(cString: text) }
    }
    throw GitError(code: code, errorClass: errorClass, message: message, operation: operation())
}

/// The repository is in a state the wrapper does not handle, e.g. HEAD detached from any branch.
public struct UnsupportedRepositoryError: GitLayerError, Equatable {
    public let operation: String
    public let message: String

    package init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String { "\(operation): \(message)" }
}
