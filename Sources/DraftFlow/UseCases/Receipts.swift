import Foundation

/// Receipts of recorded submissions (`Receipt`): the one printed after `comment` and `intake`, and
/// the one `draftflow receipt` writes.
public struct Receipts {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// The receipt of `submission`, recorded by `commit` (nil: the commit that last changed its
    /// record at the tip, the one that recorded it unless someone rewrote it since).
    public func receipt(for submission: Submission, commit: String?) throws -> Receipt {
        let snapshot = try context.store.snapshot()
        return try Self.receipt(for: submission, commit: commit, in: snapshot)
    }

    /// The receipt of the submission `selector` names, as the tip records it:
    /// `CODE` (the member's current submission in the latest round holding one), `CODE/N`
    /// (submission N of the member in that round), `ROUND/CODE` or `ROUND/CODE/N`.
    public func receipt(_ selector: String) throws -> Receipt {
        let snapshot = try context.store.snapshot()
        let workflow = try RecordReader.workflow(in: snapshot)
        let parts = selector.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var round: String?
        var number: Int?
        var code: String
        switch parts.count {
        case 1: code = parts[0]
        case 2 where Int(parts[1]) != nil: code = parts[0]; number = Int(parts[1])
        case 2: round = parts[0]; code = parts[1]
        case 3 where Int(parts[2]) != nil: round = parts[0]; code = parts[1]; number = Int(parts[2])
        default: throw Self.badSelector(selector)
        }
        code = code.uppercased()
        guard !code.isEmpty, (try? SafeName.label(code)) != nil else { throw Self.badSelector(selector) }
        let rounds = round.map { [$0] } ?? workflow.rounds.reversed().map(\.name)
        if let round, !workflow.rounds.contains(where: { $0.name == round }) {
            throw DraftFlowError(.invalidInput, "there is no round \(TerminalText.escaped(round)) in this workspace",
                                 fix: "use a round `draftflow status` or `draftflow log` names" + (workflow.rounds.isEmpty ? "" : ", e.g. \(workflow.rounds.last!.name)"))
        }
        for name in rounds {
            let submissions = try RecordReader.submissions(round: name, in: snapshot).filter { $0.member == code }
            guard !submissions.isEmpty else { continue }
            let chosen = number.map { wanted in submissions.first { $0.number == wanted } } ?? RecordReader.current(submissions)[code]
            guard let chosen else {
                throw DraftFlowError(.invalidInput, "\(code) has no submission \(number ?? 0) in round \(name): it has \(submissions.map { String($0.number) }.joined(separator: ", "))",
                                     fix: "name one of them, e.g. `draftflow receipt \(name)/\(code)/\(submissions.last!.number)`")
            }
            return try Self.receipt(for: chosen, commit: nil, in: snapshot)
        }
        throw DraftFlowError(.invalidInput, "\(TerminalText.escaped(code)) has no recorded submission" + (round.map { " in round \(TerminalText.escaped($0))" } ?? ""),
                             fix: "check the member's code with `draftflow status`")
    }

    static func badSelector(_ selector: String) -> DraftFlowError {
        DraftFlowError(.invalidInput, "\(TerminalText.escaped(selector)) names no submission",
                       fix: "name a member (CAN), a submission in the latest round (CAN/2) or in a round (draft-1/CAN/2)")
    }

    static func receipt(for submission: Submission, commit: String?, in snapshot: any WorkspaceSnapshot) throws -> Receipt {
        let workflow = try RecordReader.workflow(in: snapshot)
        let zone = try workflow.zone()
        guard let original = try snapshot.file(submission.file) else {
            throw RecordDamage.error(submission.file, "is missing: the original file of submission \(submission.number) of \(submission.member)", in: snapshot)
        }
        let proposal = try submission.proposal.flatMap { try snapshot.file($0) }
        let record = RecordPaths.submissionRecord(round: submission.round, member: submission.member, number: submission.number)
        guard let commit = try commit ?? snapshot.lastChange(of: record)?.commitID ?? snapshot.commitID else {
            throw DraftFlowError(.storage, "no commit records \(record)", fix: "run `draftflow verify`")
        }
        return Receipt(submission: submission, commit: commit, title: workflow.title,
                       memberName: workflow.members.first { $0.code == submission.member }?.name,
                       version: workflow.rounds.first { $0.name == submission.round }?.on,
                       zone: zone, original: original, proposal: proposal)
    }
}
