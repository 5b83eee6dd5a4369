import DraftFlow
import Foundation
import GitCore
import GitPack

/// Check 2 of `verify`: every comment's original file is byte-identical to what was received
/// (each submission record against the blob ids it recorded).
extension VerificationRun {
    mutating func commentFiles(commit commitID: CommitID, into check: inout VerificationCheck) {
        let treeID: TreeID
        do {
            treeID = try object(commitID.objectID).commitHeader().tree
        } catch {
            check.problems.append("cannot read commit \(commitID.hex): \(Self.describe(error, commitID))")
            return
        }
        // Every file under Comments/, re-hashed.
        var files: [String: BlobID] = [:]
        var unreadable: Set<String> = []
        do {
            guard let comments = try entry(at: "Comments", in: treeID)?.treeID else {
                check.details.append("no comments recorded in this version")
                return
            }
            collectFiles(comments, prefix: "Comments", into: &files, problems: &check.problems)
        } catch {
            check.problems.append("the folder Comments cannot be read: \(Self.describe(error, treeID))")
            return
        }
        for (path, id) in files.sorted(by: { $0.key < $1.key }) {
            do {
                try checkBlob(id)
            } catch {
                unreadable.insert(path)
                check.problems.append("the file \(path) (blob \(id.hex)) is bad: \(Self.describe(error, id))")
            }
        }
        // Each record against the files it names.
        let decoder = RecordCoding.decoder()
        var records = 0, compared = 0
        for (path, id) in files.sorted(by: { $0.key < $1.key }) where Self.isRecord(path) {
            records += 1
            guard !unreadable.contains(path) else {
                check.problems.append("the record \(path) cannot be read, so its files cannot be compared")
                continue
            }
            let submission: Submission
            do {
                submission = try decoder.decode(Submission.self, from: try object(id.objectID).data)
            } catch {
                check.problems.append("the record \(path) is not a readable submission record: \(error)")
                continue
            }
            let named: [(what: String, path: String, blob: String?)] =
                [("file", submission.file, submission.fileBlob)] + (submission.proposal.map { [("proposal", $0, submission.proposalBlob)] } ?? [])
            for item in named {
                do {
                    guard let blob = try entry(at: item.path, in: treeID)?.blobID else {
                        check.problems.append("the record \(path) names the \(item.what) \(item.path), which is not in this version")
                        continue
                    }
                    if files[item.path] == nil { try checkBlob(blob) }
                    guard let expected = item.blob else {
                        check.details.append("\(path): no \(item.what == "file" ? "fileBlob" : "proposalBlob") recorded; \(item.path) exists")
                        continue
                    }
                    compared += 1
                    if expected.lowercased() != blob.hex {
                        check.problems.append("the \(item.what) \(item.path) is not what was received: the record \(path) says blob \(expected), the version holds blob \(blob.hex)")
                    }
                } catch {
                    check.problems.append("the \(item.what) \(item.path) named by \(path) cannot be read: \(Self.describe(error, treeID))")
                }
            }
        }
        check.details.append("\(records) submission record\(records == 1 ? "" : "s"), \(compared) original file\(compared == 1 ? "" : "s") compared with the recorded blob ids, \(files.count) file\(files.count == 1 ? "" : "s") under Comments/ re-hashed")
    }

    static func isRecord(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count == 4, let name = parts.last, name.hasPrefix("submission-"), name.hasSuffix(".json") else { return false }
        return Int(name.dropFirst("submission-".count).dropLast(".json".count)) != nil
    }

    mutating func collectFiles(_ tree: TreeID, prefix: String, into files: inout [String: BlobID], problems: inout [String]) {
        let entries: [TreeEntry]
        do {
            entries = try self.tree(tree)
        } catch {
            problems.append("the folder \(prefix) (tree \(tree.hex)) cannot be read: \(Self.describe(error, tree))")
            return
        }
        for entry in entries {
            let path = prefix + "/" + entry.name
            switch entry.kind {
            case .blob: files[path] = BlobID(entry.id)
            case .tree: collectFiles(TreeID(entry.id), prefix: path, into: &files, problems: &problems)
            case .other: continue
            }
        }
    }
}
