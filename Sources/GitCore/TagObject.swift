import Clibgit2
import Foundation

extension Repository {
    /// Writes the annotated tag object `name` on `target` without creating its reference, so that a
    /// writer can record the tag before it moves the branch and point `refs/tags/NAME` at it after.
    public func createTagObject(_ name: String, target: CommitID, tagger: Signature, message: String) throws -> TagID {
        var rawTarget = target.objectID.raw
        let object = try Handle("git_object_lookup", free: git_object_free, owner: self) {
            git_object_lookup(&$0, pointer, &rawTarget, GIT_OBJECT_COMMIT)
        }
        var out = git_oid()
        try tagger.withRaw { rawTagger in
            try object.read { try check(git_tag_annotation_create(&out, pointer, name, $0, rawTagger, message), "git_tag_annotation_create(\(name))") }
        }
        return TagID(ObjectID(out))
    }
}
