import Foundation

/// Collecting what members pushed to their submission branches (`draftflow collect`): each
/// branch is checked, then recorded on main by the same recording as `intake`, received at the
/// instant of the collect, with the member's commit date kept as `sent`.
public struct SubmissionCollection {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// A branch refused, and why.
    public struct Refusal: Sendable, Equatable {
        public var reference: String
        public var reason: String

        public init(reference: String, reason: String) {
            self.reference = reference
            self.reason = reason
        }
    }

    /// A branch taken: the submission recorded from it (or found recorded already, byte for byte).
    public struct Collected: Sendable {
        public var reference: String
        public var commitID: String
        public var submission: Submission
        public var alreadyRecorded: Bool
        /// The commit on main that recorded it; nil when it was recorded already.
        public var recordedAs: String?
    }

    public struct Report: Sendable {
        public var collected: [Collected] = []
        public var refused: [Refusal] = []

        public init() {}
    }

    /// Checks every candidate, records the valid ones (one commit each, authored by the member)
    /// and reports the others. `read` turns a Word or spreadsheet file into what the recording
    /// reads (the caller's Office readers); plain-text files pass through.
    public func collect(_ candidates: [SubmissionCandidate], read: (IncomingFile) throws -> IncomingFile = { $0 }) throws -> Report {
        let workflow = try context.workflow()
        var report = Report()
        var byRound: [String: [(SubmissionCandidate, Submissions.BatchItem)]] = [:]
        for candidate in candidates.sorted(by: { $0.reference < $1.reference }) {
            do {
                let (round, item) = try check(candidate, workflow: workflow)
                var readItem = item
                readItem.file = try read(item.file)
                byRound[round, default: []].append((candidate, readItem))
            } catch let error as DraftFlowError {
                report.refused.append(Refusal(reference: candidate.reference, reason: error.message))
            }
        }
        for round in byRound.keys.sorted() {
            let entries = byRound[round]!
            let results = Submissions(context).submitEach(entries.map(\.1), roundName: round)
            for ((candidate, _), result) in zip(entries, results) {
                switch result {
                case .success(let outcome):
                    report.collected.append(Collected(reference: candidate.reference, commitID: candidate.commitID, submission: outcome.submission,
                                                      alreadyRecorded: outcome.alreadyRecorded, recordedAs: outcome.commitID))
                case .failure(let error as DraftFlowError):
                    report.refused.append(Refusal(reference: candidate.reference, reason: error.message))
                case .failure(let error):
                    throw error
                }
            }
        }
        report.refused.sort { $0.reference < $1.reference }
        return report
    }

    /// The round and the submission a candidate holds, or the refusal that names what is wrong.
    func check(_ candidate: SubmissionCandidate, workflow: Workflow) throws -> (String, Submissions.BatchItem) {
        let branch = try SubmissionBranch(reference: candidate.reference)
        guard let member = workflow.member(branch.member) else {
            throw DraftFlowError(.refused, "\(branch.member) is not a registered member")
        }
        guard workflow.round(named: branch.round) != nil else {
            throw DraftFlowError(.refused, "there is no round \(branch.round)")
        }
        if let problem = candidate.shapeProblem { throw DraftFlowError(.refused, problem) }
        guard !candidate.files.isEmpty else { throw DraftFlowError(.refused, "its commit adds no file") }
        var comment: IncomingFile?
        var proposal: IncomingFile?
        for file in candidate.files.sorted(by: { $0.path < $1.path }) {
            let shown = TerminalText.escaped(file.path)
            guard file.path.hasPrefix(branch.folder + "/") else {
                throw DraftFlowError(.refused, "it touches \(shown), outside \(member.code)'s own submission folder \(branch.folder)/")
            }
            guard file.change != .removed else { throw DraftFlowError(.refused, "it removes \(shown)") }
            let name = String(file.path.dropFirst(branch.folder.count + 1))
            let isProposal = name == "\(member.code).proposal.md"
            let fileExtension = SafeName.fileExtension(ofFileName: name)
            guard isProposal || (name == "\(member.code).\(fileExtension)" && SubmissionBranch.commentExtensions.contains(fileExtension)) else {
                throw DraftFlowError(.refused, "\(shown) is not one of the files a submission holds (\(member.code).md, .txt, .csv, .docx or .xlsx, and \(member.code).proposal.md)")
            }
            guard file.size <= TextInput.maximumSize, let data = file.data else {
                throw DraftFlowError(.refused, "\(shown) is \(file.size) bytes, over the limit of \(TextInput.maximumSize) bytes (10 MiB)")
            }
            if isProposal || SubmissionBranch.textExtensions.contains(fileExtension), String(data: data, encoding: .utf8) == nil {
                throw DraftFlowError(.refused, "\(shown) is not valid UTF-8 text")
            }
            if isProposal {
                proposal = IncomingFile(name: name, data: data)
            } else {
                comment = IncomingFile(name: name, data: data)
            }
        }
        guard let comment else {
            throw DraftFlowError(.refused, "it holds no comment file (\(branch.folder)/\(member.code).md or .csv)")
        }
        return (branch.round, Submissions.BatchItem(member: member.code, file: comment, proposal: proposal, received: context.now, sent: candidate.sent))
    }
}
