import DraftFlow
import Foundation
import GitCore
import GitPack

/// Checks 5 and 6 of `verify`, over every commit from the first version to the tip:
/// 5. every submission stays as received: once its record appears, the record stays, names the
///    same blobs, and its original file and edited copy are those blobs, at every later commit;
/// 6. every commit that changes `Comments/` or `Workflow.md` was made by DraftFlow (its message
///    ends with DraftFlow trailers); others are named with the files they touch.
extension VerificationRun {
    /// What a submission record said when it first appeared.
    struct Received {
        var commit: CommitID
        var files: [(path: String, blob: String)]
    }

    mutating func submissionHistory(firstVersion: CommitID, tip: CommitID, kept: inout VerificationCheck, foreign: inout VerificationCheck) {
        // The commits from the tip back to the first version, oldest first (first parents).
        var chain: [CommitInfo] = []
        var current: CommitID? = tip
        while let id = current {
            guard let info = try? repository.commit(id) else {
                kept.problems.append("the commit \(id.hex) cannot be read; the history behind it is not checked")
                break
            }
            chain.append(info)
            if id == firstVersion { break }
            current = info.parents.first
        }
        chain.reverse()
        var received: [String: Received] = [:]
        var memberTrees: [String: TreeID] = [:]  // member folder → its tree at the previous commit
        var previousFiles: [String: BlobID] = [:]
        var previous: CommitInfo?
        for info in chain {
            // Every file under Comments/ and Workflow.md at this commit.
            var files: [String: BlobID] = [:]
            if let comments = try? entry(at: "Comments", in: info.tree)?.treeID {
                collectFiles(comments, prefix: "Comments", into: &files, problems: &kept.problems)
            }
            if let workflow = try? entry(at: Workflow.fileName, in: info.tree)?.blobID { files[Workflow.fileName] = workflow }
            // New records, and records whose folder changed, checked against what was received.
            let records = files.keys.filter(Self.isRecord).sorted()
            for path in records where received[path] == nil {
                guard let submission = try? RecordCoding.decoder().decode(Submission.self, from: try object(files[path]!.objectID).data) else { continue }
                var named = [(submission.file, submission.fileBlob ?? "")]
                if let proposal = submission.proposal { named.append((proposal, submission.proposalBlob ?? "")) }
                received[path] = Received(commit: info.id, files: named.map { (path: $0.0, blob: $0.1.lowercased()) })
            }
            let short = info.id.short
            for (path, first) in received.sorted(by: { $0.key < $1.key }) {
                let folder = String(path[..<path.lastIndex(of: "/")!])
                guard files[path] != nil else {
                    if previousFiles[path] != nil {
                        kept.problems.append("the submission record \(path), recorded in commit \(first.commit.short), disappeared in commit \(short)")
                    }
                    continue
                }
                // An unchanged member folder was checked at the previous commit.
                let tree = try? entry(at: folder, in: info.tree)?.treeID
                if let tree, memberTrees[folder] == tree, previous != nil, first.commit != info.id { continue }
                for file in first.files where !file.blob.isEmpty && files[file.path]?.hex != file.blob {
                    kept.problems.append(files[file.path] == nil
                        ? "\(file.path), received in commit \(first.commit.short), is missing at commit \(short)"
                        : "\(file.path) is not what was received (commit \(first.commit.short), blob \(file.blob)) at commit \(short): blob \(files[file.path]!.hex)")
                }
            }
            for path in records { let folder = String(path[..<path.lastIndex(of: "/")!]); memberTrees[folder] = try? entry(at: folder, in: info.tree)?.treeID }
            // Commits not made by DraftFlow that change what DraftFlow keeps.
            if let previous, CommitTrailers.parse(info.message)[.event] == nil {
                let touched = Set(files.keys).union(previousFiles.keys).filter { files[$0] != previousFiles[$0] }.sorted()
                if !touched.isEmpty {
                    foreign.problems.append("commit \(short) (\(info.summary)) was not made by DraftFlow and changes \(touched.joined(separator: ", "))")
                }
                _ = previous
            }
            previous = info
            previousFiles = files
        }
        kept.details.append("\(chain.count) commit\(chain.count == 1 ? "" : "s") from the first version to the tip, \(received.count) submission record\(received.count == 1 ? "" : "s") followed")
        if foreign.problems.isEmpty {
            foreign.details.append("every commit changing Comments/ or Workflow.md since the first version was made by DraftFlow")
        }
    }
}
