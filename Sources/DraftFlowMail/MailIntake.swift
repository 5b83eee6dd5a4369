import DraftFlow
import Foundation

/// Recording what came by e-mail: each message from a member's registered address, with the
/// round's subject, is that member's submission, received when the secretariat's server received
/// it. Any other message is held, never dropped; a message recorded already (by Message-ID or by
/// the hash of its content) is not recorded again.
public struct MailIntake {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// What becomes of one message.
    public enum Disposition: Equatable, Sendable {
        /// Recorded as the submission of this member.
        case record(member: String)
        /// Not recorded, for this reason (a sentence starting "it" or "its").
        case held(reason: String)
        /// Recorded already, as this member's submission `number` in `round`.
        case known(member: String, round: String, number: Int)
        /// The same message as the one at this position of the same mailbox.
        case repeats(position: Int)
    }

    public struct Sorted: Sendable {
        public var item: MailItem
        public var disposition: Disposition
    }

    /// What an intake did.
    public struct Outcome: Sendable {
        public var sorted: [Sorted]
        public var recorded: [Submission]
        /// Messages whose submission is recorded already byte for byte (`Submissions.intake`).
        public var alreadyRecorded: [Submission]
        public var commitIDs: [String]
        public var held: [Sorted] { sorted.filter { if case .held = $0.disposition { true } else { false } } }
    }

    /// Decides what becomes of each message, reading nothing but the workspace.
    /// - Parameters:
    ///   - late: messages received after the round's close are recorded (marked late), not held.
    ///   - member: with `only`, the secretariat's decision to record that held message as this
    ///     member's, whatever its sender and subject.
    public func sort(_ items: [MailItem], late: Bool, roundName: String?, as member: String? = nil, only: Int? = nil) throws -> [Sorted] {
        let snapshot = try context.store.snapshot()
        let workflow = try RecordReader.workflow(in: snapshot)
        let zone = try workflow.zone()
        var recordedIDs: [String: Disposition] = [:]
        var recordedHashes: [String: Disposition] = [:]
        for round in workflow.rounds {
            for submission in try RecordReader.submissions(round: round.name, in: snapshot) {
                guard let mail = submission.mail else { continue }
                let known = Disposition.known(member: submission.member, round: submission.round, number: submission.number)
                if let id = mail.messageID { recordedIDs[id] = known }
                recordedHashes[mail.contentHash] = known
            }
        }
        var seenIDs: [String: Int] = [:]
        var seenHashes: [String: Int] = [:]
        var sorted: [Sorted] = []
        for item in items {
            if let known = item.messageID.flatMap({ recordedIDs[$0] }) ?? recordedHashes[item.contentHash] {
                sorted.append(Sorted(item: item, disposition: known))
                continue
            }
            if let first = item.messageID.flatMap({ seenIDs[$0] }) ?? seenHashes[item.contentHash] {
                sorted.append(Sorted(item: item, disposition: .repeats(position: first)))
                continue
            }
            if let id = item.messageID { seenIDs[id] = item.position }
            seenHashes[item.contentHash] = item.position
            let decided = only.map { $0 == item.position ? member : nil } ?? nil
            sorted.append(Sorted(item: item, disposition: try disposition(of: item, workflow: workflow, zone: zone, late: late, roundName: roundName, as: decided)))
        }
        return sorted
    }

    private func disposition(of item: MailItem, workflow: Workflow, zone: TimeZone, late: Bool, roundName: String?, as decided: String?) throws -> Disposition {
        if let problem = item.problem { return .held(reason: problem) }
        guard let received = item.received else {
            return .held(reason: "it has neither a Received: nor a Date: header: when it arrived is not known")
        }
        let code: String
        if let decided {
            code = try SafeName.memberCode(decided)
        } else {
            let senders = workflow.members.filter { $0.sends(from: item.from) }
            guard senders.count == 1 else {
                return .held(reason: senders.isEmpty ? "its sender \(item.from.isEmpty ? "(none)" : "<\(item.from)>") is not a registered address of any member"
                             : "its sender <\(item.from)> is registered for \(senders.map(\.code).joined(separator: " and "))")
            }
            code = senders[0].code
        }
        guard let round = round(receivedAt: received, workflow: workflow, named: roundName) else {
            throw DraftFlowError(.refused, "no round is open", fix: "open one with `draftflow round open --on LABEL --closes DATE --subject SUBJECT`")
        }
        if decided == nil, let subject = round.subject, !Self.subject(item.subject, holds: subject) {
            return .held(reason: "its subject \"\(item.subject ?? "")\" is not the round's (\"\(subject)\")")
        }
        if received < round.opened {
            return .held(reason: "it was received \(InstantFormat.human(received, in: zone)), before round \(round.name) opened")
        }
        if !round.accepts(receivedAt: received) && !late {
            return .held(reason: "it was received \(InstantFormat.human(received, in: zone)), after round \(round.name) closed (\(InstantFormat.human(round.effectiveClose, in: zone))): record it marked late with --late")
        }
        return .record(member: code)
    }

    /// Whether a message's subject holds the round's: case, runs of spaces and "Re:"/"Fwd:" do not
    /// matter.
    public static func subject(_ subject: String?, holds wanted: String) -> Bool {
        func folded(_ text: String) -> String {
            text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return folded(subject ?? "").contains(folded(wanted))
    }

    /// The round a message received at `received` belongs to: the one named, else the open one,
    /// else the last opened before it arrived.
    private func round(receivedAt received: Date, workflow: Workflow, named name: String?) -> Round? {
        if let name { return workflow.round(named: name) }
        return workflow.openRound(at: context.now) ?? workflow.rounds.last { $0.opened <= received } ?? workflow.rounds.last
    }

    /// Sorts the messages and records those to record, in one batch: one commit each, authored by
    /// the member, dated when received. Nothing is written when one of them is refused.
    public func intake(_ items: [MailItem], late: Bool, roundName: String?, as member: String? = nil, only: Int? = nil) throws -> Outcome {
        let sorted = try sort(items, late: late, roundName: roundName, as: member, only: only)
        let batch = sorted.compactMap { entry -> Submissions.BatchItem? in
            guard case .record(let code) = entry.disposition, only == nil || entry.item.position == only else { return nil }
            var file = entry.item.file
            if member != nil { file.read?.mail?.assigned = true }
            return Submissions.BatchItem(member: code, file: file, proposal: nil, received: entry.item.received)
        }
        guard !batch.isEmpty else { return Outcome(sorted: sorted, recorded: [], alreadyRecorded: [], commitIDs: []) }
        let result = try Submissions(context).intake(batch, late: late, roundName: roundName)
        return Outcome(sorted: sorted, recorded: result.recorded, alreadyRecorded: result.alreadyRecorded, commitIDs: result.commitIDs)
    }
}
