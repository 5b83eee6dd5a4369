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
        // The files under Comments/ (and Workflow.md) as of the commit being read, kept up to date
        // from what each commit changes: only folders whose tree changed are read.
        var files: [String: BlobID] = [:]
        var previousComments: TreeID?
        var previousWorkflow: BlobID?
        for (index, info) in chain.enumerated() {
            let comments = (try? entry(at: "Comments", in: info.tree))??.treeID
            let workflow = (try? entry(at: Workflow.fileName, in: info.tree))??.blobID
            var changed: [String: BlobID?] = [:]
            if index == 0 || comments != previousComments {
                changes(from: index == 0 ? nil : previousComments, to: comments, prefix: "Comments", into: &changed)
            }
            if index > 0, workflow != previousWorkflow { changed.updateValue(workflow, forKey: Workflow.fileName) }
            for (path, blob) in changed { files[path] = blob }
            previousComments = comments
            previousWorkflow = workflow
            // New records: what they name is what was received.
            for (path, blob) in changed.sorted(by: { $0.key < $1.key }) where Self.isRecord(path) && received[path] == nil {
                guard let blob, let submission = try? RecordCoding.decoder().decode(Submission.self, from: try object(blob.objectID).data) else { continue }
                var named = [(submission.file, submission.fileBlob ?? "")]
                if let proposal = submission.proposal { named.append((proposal, submission.proposalBlob ?? "")) }
                received[path] = Received(commit: info.id, files: named.map { (path: $0.0, blob: $0.1.lowercased()) })
            }
            let short = info.id.short
            // Records whose member folder changed in this commit, checked against what was received.
            let folders = Set(changed.keys.map(Self.folder))
            for (path, first) in received.sorted(by: { $0.key < $1.key }) where folders.contains(Self.folder(path)) {
                guard files[path] != nil else {
                    if changed.keys.contains(path) {
                        kept.problems.append("the submission record \(path), recorded in commit \(first.commit.short), disappeared in commit \(short)")
                    }
                    continue
                }
                for file in first.files where !file.blob.isEmpty && files[file.path]?.hex != file.blob {
                    kept.problems.append(files[file.path] == nil
                        ? "\(file.path), received in commit \(first.commit.short), is missing at commit \(short)"
                        : "\(file.path) is not what was received (commit \(first.commit.short), blob \(file.blob)) at commit \(short): blob \(files[file.path]!.hex)")
                }
            }
            // Commits not made by DraftFlow that change what DraftFlow keeps.
            if index > 0, !changed.isEmpty, CommitTrailers.parse(info.message)[.event] == nil {
                foreign.problems.append("commit \(short) (\(info.summary)) was not made by DraftFlow and changes \(changed.keys.sorted().joined(separator: ", "))")
            }
        }
        kept.details.append("\(chain.count) commit\(chain.count == 1 ? "" : "s") from the first version to the tip, \(received.count) submission record\(received.count == 1 ? "" : "s") followed")
        if foreign.problems.isEmpty {
            foreign.details.append("every commit changing Comments/ or Workflow.md since the first version was made by DraftFlow")
        }
    }

    /// The folder of `path` (the member's folder of a submission's file).
    static func folder(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// The files that differ between the trees `old` and `new` at `prefix` (nil content: removed),
    /// reading only the folders whose tree ids differ. A folder that does not read is left to the
    /// other checks, which report it.
    mutating func changes(from old: TreeID?, to new: TreeID?, prefix: String, into changed: inout [String: BlobID?]) {
        guard old != new else { return }
        let before = old.flatMap { try? tree($0) } ?? []
        let after = new.flatMap { try? tree($0) } ?? []
        var remaining = Dictionary(before.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in after {
            let path = prefix + "/" + entry.name
            let previous = remaining.removeValue(forKey: entry.name)
            switch entry.kind {
            case .blob:
                if previous?.kind != .blob || previous?.id != entry.id { changed.updateValue(BlobID(entry.id), forKey: path) }
                if let previous, previous.kind == .tree { changes(from: TreeID(previous.id), to: nil, prefix: path, into: &changed) }
            case .tree:
                changes(from: previous?.kind == .tree ? previous.map { TreeID($0.id) } : nil, to: TreeID(entry.id), prefix: path, into: &changed)
                if let previous, previous.kind == .blob { changed.updateValue(nil, forKey: path) }
            case .other:
                continue
            }
        }
        for entry in remaining.values {
            let path = prefix + "/" + entry.name
            switch entry.kind {
            case .blob: changed.updateValue(nil, forKey: path)
            case .tree: changes(from: TreeID(entry.id), to: nil, prefix: path, into: &changed)
            case .other: continue
            }
        }
    }
}
