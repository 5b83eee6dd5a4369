/// An error a user can act on: what is wrong, and how to fix it.
///
/// Every failure that reaches the command line is one of these. `kind` decides the exit code.
public struct DraftFlowError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The input given by the user is malformed, unsafe or unknown.
        case invalidInput
        /// No workspace, or the workspace is not in a state that allows the action.
        case workspace
        /// The action is refused by the rules of the drafting process (deadline passed, label reused, ...).
        case refused
        /// Storage failed (libgit2, file system).
        case storage
        /// Something exists that the action would overwrite.
        case conflict
    }

    public let kind: Kind
    /// What went wrong, in one sentence.
    public let message: String
    /// What the user can do about it, when there is something to do.
    public let fix: String?

    public init(_ kind: Kind, _ message: String, fix: String? = nil) {
        self.kind = kind
        self.message = message
        self.fix = fix
    }

    public var description: String {
        if let fix { return "\(message)\n  fix: \(fix)" }
        return message
    }
}
