import Foundation

/// An object id whose kind of object is known: what the API passes where only one kind makes
/// sense (a commit's parents are commits, its tree a tree).
///
/// The kind is a promise of the caller, not checked when the id is made: libgit2 refuses to look
/// up an object as the wrong kind.
public protocol TypedObjectID: Hashable, Sendable, CustomStringConvertible {
    var objectID: ObjectID { get }
    init(_ objectID: ObjectID)
}

extension TypedObjectID {
    /// Parses forty hexadecimal digits. Returns nil for anything else.
    public init?(hex: String) {
        guard let id = ObjectID(hex: hex) else { return nil }
        self.init(id)
    }

    /// Forty lowercase hexadecimal digits.
    public var hex: String { objectID.hex }
    public var description: String { objectID.hex }
    /// The first seven digits, as git shows them.
    public var short: String { objectID.short }
}

public struct CommitID: TypedObjectID {
    public let objectID: ObjectID
    public init(_ objectID: ObjectID) { self.objectID = objectID }
}

public struct TreeID: TypedObjectID {
    public let objectID: ObjectID
    public init(_ objectID: ObjectID) { self.objectID = objectID }
}

public struct BlobID: TypedObjectID {
    public let objectID: ObjectID
    public init(_ objectID: ObjectID) { self.objectID = objectID }

    /// The id git gives `content` as a blob, computed without writing it.
    public init(hashing content: Data) {
        self.init(ObjectID(hashing: content, as: .blob))
    }
}

public struct TagID: TypedObjectID {
    public let objectID: ObjectID
    public init(_ objectID: ObjectID) { self.objectID = objectID }
}
