import DraftFlow
import Foundation
import GitCore
import GitPack

/// Check 3 of `verify`: the history from the first version is intact (every commit, tree and
/// blob reachable from the version read and re-hashed; earlier versions in that history).
extension VerificationRun {
    mutating func history(from start: CommitID, version: FoundTag, tags: [FoundTag], into check: inout VerificationCheck) {
        var reachable: Set<CommitID> = []
        var roots: [CommitID] = []
        var stack = [start]
        var checkedObjects: Set<ObjectID> = []
        var treesRead = 0, blobsRead = 0
        while let id = stack.popLast() {
            guard reachable.insert(id).inserted else { continue }
            let commit: RawCommit
            do {
                commit = try self.commit(id)
            } catch {
                check.problems.append("the commit \(id.hex) cannot be read: \(Self.describe(error, id)); the history behind it is not checked")
                continue
            }
            if commit.parents.isEmpty { roots.append(id) }
            stack.append(contentsOf: commit.parents.reversed())
            checkTree(commit.tree, path: "", commit: id, checked: &checkedObjects, count: &treesRead, blobs: &blobsRead, problems: &check.problems)
        }
        check.details.append("\(reachable.count) commit\(reachable.count == 1 ? "" : "s"), \(treesRead) tree\(treesRead == 1 ? "" : "s") and \(blobsRead) blob\(blobsRead == 1 ? "" : "s") read and re-hashed")
        check.details.append("root commit\(roots.count == 1 ? "" : "s"): \(roots.map(\.hex).joined(separator: ", "))")
        walkedCommits = reachable
        walkedObjects = checkedObjects

        // Versions published before this one must be in this history.
        for tag in tags where tag.name != version.name {
            if let problem = tag.problem, tag.header == nil {
                check.problems.append(problem)
                continue
            }
            guard let header = tag.header else { continue }
            let target = CommitID(header.target)
            if !reachable.contains(target) {
                // Published after this version: tagged later, or in the same second (a tag's time
                // has whole seconds) on a commit that has this version's in its history.
                let tagged = header.taggerTime ?? .distantPast, versionTagged = version.header?.taggerTime ?? .distantPast
                if tagged > versionTagged || (tagged == versionTagged && isInHistory(start, of: target)) { continue }
            }
            if reachable.contains(target) {
                check.details.append("version \(tag.name) (commit \(header.target.short)) is in this history")
            } else {
                let first = tags.first { $0.header != nil }?.name == tag.name
                check.problems.append("\(first ? "the first published version" : "version") \(tag.name) (commit \(header.target.hex)) is not in the history of \(version.name)")
            }
        }
    }

    /// Reads a tree and everything in it, once per tree.
    mutating func checkTree(_ id: TreeID, path: String, commit: CommitID, checked: inout Set<ObjectID>, count: inout Int, blobs: inout Int,
                            problems: inout [String]) {
        guard checked.insert(id.objectID).inserted else { return }
        let place = path.isEmpty ? "root folder of commit \(commit.short)" : "\(path) in commit \(commit.short)"
        let entries: [TreeEntry]
        do {
            entries = try tree(id)
            count += 1
        } catch {
            problems.append("the tree \(id.hex) (\(place)) cannot be read: \(Self.describe(error, id))")
            return
        }
        for entry in entries {
            let entryPath = path.isEmpty ? entry.name : path + "/" + entry.name
            switch entry.kind {
            case .tree:
                checkTree(TreeID(entry.id), path: entryPath, commit: commit, checked: &checked, count: &count, blobs: &blobs, problems: &problems)
            case .blob:
                // Each blob once per walk (a blob found damaged by another check is reported here too).
                guard checked.insert(entry.id).inserted else { continue }
                do {
                    try checkBlob(BlobID(entry.id))
                    blobs += 1
                } catch {
                    problems.append("the blob \(entry.id.hex) (\(entryPath) in commit \(commit.short)) is bad: \(Self.describe(error, entry.id))")
                }
            case .other:
                continue
            }
        }
    }
}
