import Foundation

/// The end of the process: the submission due date, and the chair's transmission of the final text.
public struct Transmittal {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// Records that the chair sent the final version to `to` (default: the workspace's recipient)
    /// at `at` (default: now). Once, and only after `finalize`.
    public func submitted(to rawTo: String?, at rawAt: String?, note rawNote: String?) throws -> Transmission {
        let now = context.now
        let note = try Rounds.checkedNote(rawNote)
        let final = try finalVersion()
        return try context.store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            let zone = try workflow.zone()
            guard let final, let version = workflow.version(final) else {
                throw DraftFlowError(.refused, "no final version has been published", fix: "finalize the text first with `draftflow finalize`")
            }
            if let sent = workflow.submitted {
                throw DraftFlowError(.refused, "the chair's transmission of \(sent.version) to \(TerminalText.escaped(sent.to)) is recorded already (\(InstantFormat.human(sent.at, in: zone)))",
                                     fix: "it is recorded once; see `draftflow log`")
            }
            guard let to = (rawTo ?? workflow.recipient)?.trimmingCharacters(in: .whitespacesAndNewlines), !to.isEmpty else {
                throw DraftFlowError(.invalidInput, "whom the text was sent to is not known", fix: "add --to \"President of ECOSOC\"")
            }
            try SafeName.personName(to, what: "the recipient", fix: "type the recipient without it")
            let at = try rawAt.map { try Deadline.parseInstant($0, timeZone: zone) } ?? now
            guard at >= version.published else {
                throw DraftFlowError(.refused, "\(InstantFormat.human(at, in: zone)) is before \(final) was finalized (\(InstantFormat.human(version.published, in: zone)))",
                                     fix: "give the instant the chair sent the final text, with --at")
            }
            guard at <= now else {
                throw DraftFlowError(.refused, "\(InstantFormat.human(at, in: zone)) is in the future (now: \(InstantFormat.human(now, in: zone)))",
                                     fix: "record the transmission once it has happened")
            }
            let sent = Transmission(to: to, at: at, version: final, note: note)
            workflow.submitted = sent
            var message = CommitMessage("Submit \(final) to \(to)", event: .submitted)
            var facts = "The chair sent \(final) to \(to) \(InstantFormat.human(at, in: zone)) (\(InstantFormat.human(at, in: InstantFormat.utc)))."
            if let due = try workflow.dueInstant() {
                facts += at <= due ? " It was due \(InstantFormat.human(due, in: zone))." : " It was due \(InstantFormat.human(due, in: zone)): it went \(Self.days(from: due, to: at, in: zone)) late."
            }
            message.paragraph(facts)
            if let note { message.paragraph(note) }
            message.trailer(.version, final)
            message.trailer(.sent, InstantFormat.iso(at, in: zone))
            return Staged(try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message), sent)
        }.value
    }

    /// The label of the last version `finalize` published, read from history; nil before.
    func finalVersion() throws -> String? {
        try context.store.history().first { CommitTrailers.parse($0.message)[.event] == CommitEvent.finalize.rawValue }
            .flatMap { CommitTrailers.parse($0.message)[.version] }
    }

    /// The warning `finalize` and `export` give once the submission due date has passed and the
    /// text has not been sent; nil before it, or when no due date is set.
    public func dueWarning() throws -> String? {
        let workflow = try context.workflow()
        guard workflow.submitted == nil, let due = try workflow.dueInstant(), context.now > due else { return nil }
        let zone = try workflow.zone()
        return "the submission" + (workflow.recipient.map { " to \($0)" } ?? "") + " was due \(InstantFormat.human(due, in: zone)), "
            + "\(Self.days(from: due, to: context.now, in: zone)) ago"
    }

    /// Whole calendar days in the zone from the day of `from` to the day of `to`, for people: `1 day`, `3 days`.
    static func days(from: Date, to: Date, in zone: TimeZone) -> String {
        let count = dayCount(from: from, to: to, in: zone)
        return count == 1 ? "1 day" : "\(count) days"
    }

    /// Calendar days in the zone from the day of `from` to the day of `to` (negative when `to` is earlier).
    static func dayCount(from: Date, to: Date, in zone: TimeZone) -> Int {
        let calendar = InstantFormat.calendar(zone)
        return calendar.dateComponents([.day], from: calendar.startOfDay(for: from), to: calendar.startOfDay(for: to)).day ?? 0
    }
}
