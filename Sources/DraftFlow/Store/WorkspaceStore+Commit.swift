import Foundation

/// What a use case's `build` step hands to `commit`: the change to record (nil when there is
/// nothing to commit) and the value the use case returns to its caller.
public struct Staged<Value> {
    public var change: WorkspaceChange?
    public var value: Value

    public init(_ change: WorkspaceChange?, _ value: Value) {
        self.change = change
        self.value = value
    }
}

/// What a `build` step hands to `commitSeries`: the commits to record, in order, and a value.
public struct StagedSeries<Value> {
    public var changes: [WorkspaceChange]
    public var value: Value

    public init(_ changes: [WorkspaceChange], _ value: Value) {
        self.changes = changes
        self.value = value
    }
}

/// The value a `build` step produced on the tip its change was committed on, with the commit ids.
public struct Committed<Value> {
    /// The new commits, oldest first; empty when there was nothing to commit.
    public var commitIDs: [String]
    public var value: Value

    /// The last new commit, or nil when there was nothing to commit.
    public var commitID: String? { commitIDs.last }
}

extension WorkspaceStore {
    /// `commit(_:)` that returns what `build` computed. After a lost race `build` runs again on the
    /// new tip, and the value of its last run, the one committed, is returned.
    public func commit<Value>(_ build: (any WorkspaceSnapshot) throws -> Staged<Value>) throws -> Committed<Value> {
        var last: Value?
        let id = try commit { snapshot -> WorkspaceChange? in
            let staged = try build(snapshot)
            last = staged.value
            return staged.change
        }
        return Committed(commitIDs: id.map { [$0] } ?? [], value: try Self.built(last))
    }

    /// `commitSeries(_:)` that returns what `build` computed, as `commit(_:)` does.
    public func commitSeries<Value>(_ build: (any WorkspaceSnapshot) throws -> StagedSeries<Value>) throws -> Committed<Value> {
        var last: Value?
        let ids = try commitSeries { snapshot -> [WorkspaceChange] in
            let staged = try build(snapshot)
            last = staged.value
            return staged.changes
        }
        return Committed(commitIDs: ids, value: try Self.built(last))
    }

    /// A store calls `build` before it commits; a store that did not has a bug, reported as such.
    private static func built<Value>(_ value: Value?) throws -> Value {
        guard let value else {
            throw DraftFlowError(.storage, "the store returned without building the change", fix: "report this as a bug in the storage layer")
        }
        return value
    }
}
