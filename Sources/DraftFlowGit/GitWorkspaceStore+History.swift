import DraftFlow
import Foundation
import GitCore

extension GitSnapshot {
    /// The commit, following first parents back from this snapshot's, in which the file at `path`
    /// last got its present content (or appeared, or went away): named in messages about a
    /// damaged record, so that a person knows which commit to look at or undo.
    func lastChange(of path: String) throws -> FileChange? {
        guard var current = commit else { return nil }
        // A long history is walked once per error, never on a command's ordinary path.
        while true {
            let info = try repository.commit(current)
            let here = try repository.entry(in: info.tree, path: path)?.id
            guard let parent = info.parents.first else {
                return here == nil ? nil : FileChange(commitID: info.id.hex, summary: info.summary)
            }
            let before = try repository.entry(in: repository.commit(parent).tree, path: path)?.id
            if before != here { return FileChange(commitID: info.id.hex, summary: info.summary) }
            current = parent
        }
    }
}
