import DraftFlow
import Foundation
import GitCore

extension GitWorkspaceStore {
    /// The version's tag object on `commit`: signed by `tagSigner` when the tag asks for it.
    func tagObject(_ tag: VersionTag, on commit: CommitID) throws -> TagID {
        let tagger = Self.signature(tag.tagger)
        guard tag.signed else { return try repository.createTagObject(tag.label, target: commit, tagger: tagger, message: tag.message) }
        guard let tagSigner else {
            throw DraftFlowError(.invalidInput, "no signing key is given, so \(tag.label) cannot be signed", fix: "configure one (see `draftflow publish --help`, --sign)")
        }
        let content = Repository.tagContent(tag.label, target: commit, tagger: tagger, message: tag.message)
        return try repository.writeTagObject(content + (try tagSigner(content)))
    }
}
