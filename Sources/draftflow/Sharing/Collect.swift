import ArgumentParser
import DraftFlow
import DraftFlowGit
import DraftFlowOffice
import Foundation

struct Collect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Record the submissions members pushed to the git host, then push main and delete the collected branches.",
        discussion: """
        Fetches refs/heads/submissions/*; each branch must be one commit, by a registered member, on \
        top of main, adding only Comments/<round>/<CODE>/sent/<CODE>.<ext> and <CODE>.proposal.md, \
        within 10 MiB, text in UTF-8. Each valid one is recorded like `intake` (authored by the member, \
        received now, the member's commit date kept as sent); the others are listed with the reason and \
        left on the host. Run again, it records nothing twice: safe from cron. Exit 3 when a branch was refused.
        Example: draftflow collect; draftflow collect origin --json
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The remote (default: origin).")
    var remote = "origin"

    @Flag(help: "Print what was collected and refused as JSON.")
    var json = false

    struct Output: Encodable {
        struct Collected: Encodable {
            var reference: String
            var member: String
            var round: String
            var number: Int
            var comments: [String]
            var alreadyRecorded: Bool
            var commit: String?
            var deleted: Bool
        }
        struct Refused: Encodable {
            var reference: String
            var reason: String
        }
        var remote: String
        var collected: [Collected]
        var refused: [Refused]
        var pushed: SyncReport?
    }

    func run() throws {
        try withErrorHandling {
            let store = try options.open()
            try refuseInMemberClone(store, "collect for")
            let sync = try RemoteSync(store: store, remote: remote)
            _ = try sync.pull()
            let fetch = SubmissionFetch(sync)
            let candidates = try fetch.candidates()
            let now = try Clock.now()
            // Each branch is recorded in the document its round belongs to.
            let workflow = try RecordReader.workflow(in: store.snapshot())
            var byDocument: [String: [SubmissionCandidate]] = [:]
            for candidate in candidates {
                let round = (try? SubmissionBranch(reference: candidate.reference))?.round
                byDocument[round.flatMap(workflow.document(owningRound:)) ?? workflow.firstDocumentName, default: []].append(candidate)
            }
            var report = SubmissionCollection.Report()
            for document in workflow.documentNames {
                guard let group = byDocument[document] else { continue }
                let context = DraftingContext(store: DocumentScopedStore.scoping(store, to: document, in: workflow), now: now)
                let version = try versionText(round: nil, context: context)
                let part = try SubmissionCollection(context).collect(group) { file in try OfficeFiles.read(file, version: version) }
                report.collected += part.collected
                report.refused += part.refused
            }
            // Main goes to the host before the branches are deleted: a collect killed in between
            // finds them recorded already next time, and deletes them then.
            let pushed = report.collected.isEmpty ? nil : try sync.push()
            let deleted = Set(try fetch.delete(report.collected.map { ($0.reference, $0.commitID) }))
            let output = Output(remote: remote, collected: report.collected.map {
                Output.Collected(reference: $0.reference, member: $0.submission.member, round: $0.submission.round, number: $0.submission.number,
                                 comments: $0.submission.comments.map(\.id), alreadyRecorded: $0.alreadyRecorded, commit: $0.recordedAs,
                                 deleted: deleted.contains($0.reference))
            }, refused: report.refused.map { Output.Refused(reference: $0.reference, reason: $0.reason) }, pushed: pushed)
            if json {
                try printJSON(output)
            } else {
                print(summary(output, candidates: candidates.count))
            }
            if !report.refused.isEmpty { throw ExitCode(3) }
        }
    }

    func summary(_ output: Output, candidates: Int) -> String {
        var lines: [String] = []
        if candidates == 0 { return "No submission waiting on \(output.remote)" }
        let recorded = output.collected.filter { !$0.alreadyRecorded }
        lines.append("Collected \(recorded.count) submission\(recorded.count == 1 ? "" : "s") from \(output.remote)"
                     + (output.refused.isEmpty ? "" : "; refused \(output.refused.count)"))
        for item in output.collected {
            let what = item.alreadyRecorded ? "recorded already (submission \(item.number)), not recorded again"
                : "submission \(item.number) in round \(item.round), \(item.comments.count) comment\(item.comments.count == 1 ? "" : "s")"
                    + (item.comments.isEmpty ? "" : " (\(item.comments.joined(separator: ", ")))") + ", commit \(item.commit.map { String($0.prefix(7)) } ?? "-")"
            lines.append("  \(item.member): \(what)" + (item.deleted ? "" : "; its branch is left on the host (it changed since it was fetched)"))
        }
        for refusal in output.refused {
            lines.append("  refused \(refusal.reference): \(refusal.reason)")
        }
        if let pushed = output.pushed { lines.append(describe(pushed, verb: "Pushed")) }
        return lines.joined(separator: "\n")
    }
}
