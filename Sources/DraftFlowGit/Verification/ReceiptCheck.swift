import ContentHash
import DraftFlow
import Foundation
import GitCore

/// `verify --receipt`: a member's receipt checked against the workspace. The submission must
/// still be what the receipt says at the tip of the branch and at the commit that recorded it:
/// the same record (round, number, received instant, late or on time, comment ids and anchors)
/// and every file byte for byte (its SHA-256); that commit must be in the branch's history.
public enum ReceiptCheck {
    public static let checkName = "receipt"

    public static func verify(_ receipt: Receipt, containing folder: URL) throws -> VerificationReport {
        let store = try GitWorkspaceStore.open(containing: folder)
        let repository = store.repository
        var problems: [String] = []
        var details: [String] = []
        let tip = try store.storage { try repository.resolveCommit(store.branch) }
        guard let tip else {
            throw DraftFlowError(.workspace, "the workspace has no commit", fix: "run `draftflow verify --receipt` in the workspace the receipt is from")
        }
        var snapshots: [(String, GitSnapshot)] = [("the tip (\(tip.short))", try snapshot(tip, in: repository))]
        if let recorded = CommitID(hex: receipt.commit) {
            if (try? repository.commit(recorded)) == nil {
                problems.append("the commit \(receipt.commit) that recorded the submission is not in this repository")
            } else if recorded != tip, (try? repository.isAncestor(recorded, of: tip)) != true {
                problems.append("the commit \(receipt.commit) that recorded the submission is not in the history of \(store.branch)")
            } else {
                snapshots.append(("the commit that recorded it (\(recorded.short))", try snapshot(recorded, in: repository)))
            }
        } else {
            problems.append("the receipt's commit \(receipt.commit) is not a commit id")
        }
        for (place, snapshot) in snapshots {
            problems += check(receipt, in: snapshot, at: place)
        }
        details.append("\(receipt.files.count) file\(receipt.files.count == 1 ? "" : "s") and \(receipt.comments.count) comment\(receipt.comments.count == 1 ? "" : "s") "
                       + "checked at " + snapshots.map(\.0).joined(separator: " and "))
        let check = VerificationCheck(name: checkName, title: "the submission \(receipt.name) is as its receipt says", details: details, problems: problems)
        return VerificationReport(workspace: store.repository.workTree?.path ?? folder.path, version: "receipt \(receipt.name)",
                                  tag: nil, commit: receipt.commit, checks: [check])
    }

    static func snapshot(_ commit: CommitID, in repository: Repository) throws -> GitSnapshot {
        GitSnapshot(repository: repository, commit: commit, tree: try repository.commit(commit).tree)
    }

    /// What differs between the receipt and the submission as `snapshot` holds it.
    static func check(_ receipt: Receipt, in snapshot: GitSnapshot, at place: String) -> [String] {
        var problems: [String] = []
        for file in receipt.files {
            do {
                guard let data = try snapshot.file(file.path) else {
                    problems.append("\(file.path) (the \(file.role)) is missing at \(place)")
                    continue
                }
                let hash = FileSHA256.hex(data)
                if hash != file.sha256 {
                    problems.append("\(file.path) (the \(file.role)) differs at \(place): its SHA-256 is \(hash), the receipt's \(file.sha256)")
                }
            } catch {
                problems.append("\(file.path) (the \(file.role)) cannot be read at \(place): \(error)")
            }
        }
        let path = receipt.recordPath
        let submission: Submission
        do {
            guard let data = try snapshot.file(path) else {
                problems.append("\(path), the submission's record, is missing at \(place)")
                return problems
            }
            submission = try RecordCoding.decoder().decode(Submission.self, from: data)
        } catch {
            problems.append("\(path), the submission's record, does not read at \(place)")
            return problems
        }
        if InstantFormat.iso(submission.received, in: InstantFormat.utc) != receipt.receivedUTC {
            problems.append("\(path) says it was received \(InstantFormat.iso(submission.received, in: InstantFormat.utc)) at \(place), the receipt \(receipt.receivedUTC)")
        }
        if submission.late == receipt.onTime {
            problems.append("\(path) says \(submission.late ? "late" : "on time") at \(place), the receipt \(receipt.onTime ? "on time" : "late")")
        }
        let recorded = submission.comments.map { "\($0.id) \($0.reference.description)" }
        let received = receipt.comments.map { "\($0.id) \($0.reference)" }
        if recorded != received {
            problems.append("\(path) lists the comments [\(recorded.joined(separator: ", "))] at \(place), the receipt [\(received.joined(separator: ", "))]")
        }
        if submission.file != receipt.files.first?.path {
            problems.append("\(path) keeps the original as \(submission.file) at \(place), the receipt as \(receipt.files.first?.path ?? "-")")
        }
        return problems
    }
}
