import DraftFlow
import Foundation
import GitCore
import GitPack

/// Check 4 of `verify`: HEAD is on a branch, the branch's commit reads, the version is in its
/// history, and every commit, tree and blob after the version up to HEAD reads and re-hashes.
/// (The commands read HEAD, not the version: a damaged object after the version stops them.)
extension VerificationRun {
    mutating func head(version: FoundTag, commit start: CommitID?, into check: inout VerificationCheck) {
        let branch: String
        let tip: CommitID
        do {
            branch = try repository.headBranch()
        } catch {
            check.problems.append("HEAD is not on a branch: \(Self.describe(error, "HEAD"))")
            return
        }
        do {
            guard let found = try repository.resolveCommit(branch) else {
                check.problems.append("HEAD points to the branch \(branch), which does not exist")
                return
            }
            tip = found
        } catch {
            check.problems.append("the branch \(branch) cannot be read: \(Self.describe(error, branch))")
            return
        }
        check.details.append("HEAD: \(branch) at commit \(tip.hex)")
        // The commits after the version: from HEAD back to what check 3 walked already.
        var seen = walkedCommits
        var checkedObjects = walkedObjects
        var stack = [tip]
        var commits = 0, treesRead = 0, blobsRead = 0
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            let commit: RawCommit
            do {
                commit = try self.commit(id)
            } catch {
                check.problems.append("the commit \(id.hex) on \(branch) cannot be read: \(Self.describe(error, id)); the history behind it is not checked")
                continue
            }
            commits += 1
            stack.append(contentsOf: commit.parents.reversed())
            checkTree(commit.tree, path: "", commit: id, checked: &checkedObjects, count: &treesRead, blobs: &blobsRead, problems: &check.problems)
        }
        check.details.append("\(commits) commit\(commits == 1 ? "" : "s") after the version, \(treesRead) tree\(treesRead == 1 ? "" : "s") and \(blobsRead) blob\(blobsRead == 1 ? "" : "s") read and re-hashed")
        if let start, !isInHistory(start, of: tip) {
            check.problems.append("version \(version.name) (commit \(start.hex)) is not in the history of HEAD (\(branch))")
        }
    }

    /// Whether `ancestor` is `commit` or in its history, reading commits as verified objects
    /// (a commit that does not read ends that line of the walk).
    mutating func isInHistory(_ ancestor: CommitID, of commit: CommitID) -> Bool {
        var seen: Set<CommitID> = []
        var stack = [commit]
        while let id = stack.popLast() {
            if id == ancestor { return true }
            guard seen.insert(id).inserted,
                  let header = try? self.commit(id) else { continue }
            stack.append(contentsOf: header.parents)
        }
        return false
    }
}
