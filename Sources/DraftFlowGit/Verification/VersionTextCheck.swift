import DraftFlow
import Foundation
import GitCore
import GitPack

/// Check 1 of `verify`: the version's text is what its tag points to (the tag, its commit and
/// tree, Workflow.md and the document, each read and re-hashed).
extension VerificationRun {
    /// Checks tag, commit, tree, Workflow.md and the document; returns the commit when it reads.
    mutating func versionText(_ tag: FoundTag, into check: inout VerificationCheck) -> CommitID? {
        guard let tagID = tag.id else {
            check.problems.append(tag.problem ?? "refs/tags/\(tag.name) cannot be read")
            return nil
        }
        guard let header = tag.header else {
            check.problems.append(tag.problem ?? "refs/tags/\(tag.name) is not an annotated tag")
            return nil
        }
        var read = 1
        check.details.append("tag \(tag.name): annotated tag object \(tagID.hex)" + (header.taggerTime.map { ", tagged \(Self.iso($0))" } ?? ""))
        if header.name != tag.name {
            check.problems.append("the tag object \(tagID.short) behind refs/tags/\(tag.name) names itself '\(header.name)'")
        }
        guard header.targetType == "commit" else {
            check.problems.append("the tag \(tag.name) (\(tagID.short)) points to a \(header.targetType), not to a commit")
            return nil
        }
        let commitID = CommitID(header.target)
        let commit: RawCommit
        do {
            commit = try self.commit(commitID)
            read += 1
        } catch {
            check.problems.append("the commit \(commitID.hex) that tag \(tag.name) points to cannot be read: \(Self.describe(error, commitID))")
            return nil
        }
        check.details.append("commit \(commitID.hex), tree \(commit.tree.hex)")
        do {
            _ = try tree(commit.tree)
            read += 1
        } catch {
            check.problems.append("the tree \(commit.tree.hex) of commit \(commitID.short) cannot be read: \(Self.describe(error, commit.tree))")
            return commitID
        }
        // The document's path, from Workflow.md as of this commit.
        let documentPath: String
        do {
            guard let entry = try entry(at: Workflow.fileName, in: commit.tree), let blobID = entry.blobID else {
                check.problems.append("\(Workflow.fileName) is missing from commit \(commitID.short)")
                return commitID
            }
            let blob = try object(blobID.objectID)
            read += 1
            documentPath = try WorkflowFile.parse(blob.data).documentFile(forTag: tag.name)
        } catch {
            check.problems.append("\(Workflow.fileName) of commit \(commitID.short) cannot be read: \(Self.describe(error, commit.tree))")
            return commitID
        }
        do {
            guard let entry = try entry(at: documentPath, in: commit.tree), entry.kind == .blob else {
                check.problems.append("the document \(documentPath) named in \(Workflow.fileName) is missing from commit \(commitID.short)")
                return commitID
            }
            do {
                let blob = try object(entry.id)
                read += 1
                check.details.append("\(documentPath): blob \(entry.id.hex), \(blob.data.count) bytes")
            } catch {
                check.problems.append("the document \(documentPath) (blob \(entry.id.hex)) cannot be read: \(Self.describe(error, entry.id))")
            }
        } catch {
            check.problems.append("the folders of \(documentPath) in commit \(commitID.short) cannot be read: \(Self.describe(error, commit.tree))")
        }
        check.details.append("\(read) objects read and re-hashed")
        return commitID
    }
}
