import Clibgit2
import Foundation

/// An annotated tag, copied out of libgit2.
public struct TagInfo: Equatable, Sendable {
    public let name: String
    /// The id of the tag object itself.
    public let id: TagID
    /// The commit the tag points to (the object, as the tag names it: DraftFlow tags only commits).
    public let target: CommitID
    public let tagger: Signature?
    public let message: String
}

extension Repository {
    /// Creates the annotated tag `name` on `target`. Throws a `GitError` with `isExists` when the
    /// tag exists already: tags are never moved.
    @discardableResult
    public func createTag(_ name: String, target: CommitID, tagger: Signature, message: String) throws -> TagID {
        var rawTarget = target.objectID.raw
        let object = try Handle("git_object_lookup", free: git_object_free, owner: self) {
            git_object_lookup(&$0, pointer, &rawTarget, GIT_OBJECT_COMMIT)
        }
        var out = git_oid()
        try tagger.withRaw { rawTagger in
            try object.read { try check(git_tag_create(&out, pointer, name, $0, rawTagger, message, 0), "git_tag_create(\(name))") }
        }
        return TagID(ObjectID(out))
    }

    /// The names of all tags, sorted.
    public func tagNames() throws -> [String] {
        var array = git_strarray()
        try check(git_tag_list(&array, pointer), "git_tag_list")
        defer { git_strarray_dispose(&array) }
        return (0..<array.count).compactMap { array.strings[$0].map { String(cString: $0) } }.sorted()
    }

    /// Reads the annotated tag `name`, or nil when there is no such tag.
    public func tag(_ name: String) throws -> TagInfo? {
        guard let id = try resolveDirect("refs/tags/" + name) else { return nil }
        var oid = id.raw
        let tag = try Handle.ifPresent("git_tag_lookup(\(name))", free: git_tag_free, owner: self) { git_tag_lookup(&$0, pointer, &oid) }
        return tag?.read { tag in
            TagInfo(name: name, id: TagID(id), target: CommitID(ObjectID(git_tag_target_id(tag).pointee)),
                    tagger: git_tag_tagger(tag).map { Signature($0) },
                    message: git_tag_message(tag).map { String(cString: $0) } ?? "")
        }
    }
}
