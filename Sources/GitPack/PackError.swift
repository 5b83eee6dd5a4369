import GitCore

/// A failure of GitPack's own work: neither libgit2's nor a system call's.
public struct PackError: GitLayerError, Equatable {
    public let operation: String
    public let message: String

    public var description: String { "\(operation) failed: \(message)" }
}
