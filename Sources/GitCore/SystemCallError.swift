import Glibc

/// A system call that failed (open, write, fsync, rename, mkdir, flock...): which one, on which
/// path, and the `errno` it left.
public struct SystemCallError: GitLayerError, Equatable {
    /// The wrapper's step, e.g. "write", "lock", "pack".
    public let operation: String
    /// The system call that failed, e.g. "open", "fsync", "rename".
    public let call: String
    public let path: String
    /// `errno` after the call; 0 when the failure set none.
    public let errno: Int32
    /// What could not be done, e.g. "cannot write /ws/Drafts/a.md: No space left on device".
    public let message: String

    /// A failure of `call` on `path`, told as "cannot <action> <path>: <strerror>".
    package init(_ operation: String, call: String, cannot action: String, path: String, errno code: Int32) {
        self.operation = operation
        self.call = call
        self.path = path
        self.errno = code
        self.message = "cannot \(action) \(path)" + (code == 0 ? "" : ": " + String(cString: strerror(code)))
    }

    public var description: String { "\(operation) failed: \(message)" }
}
