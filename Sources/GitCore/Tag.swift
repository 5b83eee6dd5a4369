import Clibgit2
import Foundation

/// An annotated tag, copied out of libgit2.
public struct TagInfo: Equatable, Sendable {
    public let name: String
    /// The id of the tag object itself.
    public let id: ObjectID
    /// The commit the tag points to.
    public let target: ObjectID
    public let tagger: Signature?
    public let message: String
}

extension Repository {
    /// Creates the annotated tag `name` on `target`. Throws a `GitError` with `isExists` when the
    /// tag exists already: tags are never moved.
    @discardableResult
    public func createTag(_ name: String, target: ObjectID, tagger: Signature, message: String) throws -> ObjectID {
        var rawTarget = target.raw
        var object: OpaquePointer?
        try check(git_object_lookup(&object, handle, &rawTarget, GIT_OBJECT_COMMIT), "git_object_lookup")
        defer { git_object_free(object) }
        var out = git_oid()
        _ = try tagger.withRaw { rawTagger in
            try check(git_tag_create(&out, handle, name, object, rawTagger, message, 0), "git_tag_create(\(name))")
        }
        return ObjectID(out)
    }

    /// The names of all tags, sorted.
    public func tagNames() throws -> [String] {
        var array = git_strarray()
        try check(git_tag_list(&array, handle), "git_tag_list")
        defer { git_strarray_dispose(&array) }
        var names: [String] = []
        for index in 0..<array.count {
            if let name = array.strings[index] { names.append(String(cString: name)) }
        }
        return names.sorted()
    }

    /// Reads the annotated tag `name`, or nil when there is no such tag.
    public func tag(_ name: String) throws -> TagInfo? {
        guard let id = try resolveReferenceDirect("refs/tags/" + name) else { return nil }
        var raw = id.raw
        var tag: OpaquePointer?
        let code = git_tag_lookup(&tag, handle, &raw)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_tag_lookup(\(name))")
        defer { git_tag_free(tag) }
        let tagger = git_tag_tagger(tag).map { Signature($0) }
        let message = git_tag_message(tag).map { String(cString: $0) } ?? ""
        return TagInfo(name: name, id: id, target: ObjectID(git_tag_target_id(tag).pointee), tagger: tagger, message: message)
    }

    /// The id a reference points to directly, without peeling tags.
    func resolveReferenceDirect(_ name: String) throws -> ObjectID? {
        var reference: OpaquePointer?
        let code = git_reference_lookup(&reference, handle, name)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue { return nil }
        try check(code, "git_reference_lookup(\(name))")
        defer { git_reference_free(reference) }
        guard let target = git_reference_target(reference) else { return nil }
        return ObjectID(target.pointee)
    }
}
