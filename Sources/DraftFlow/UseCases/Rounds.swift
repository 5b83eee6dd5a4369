import Foundation

/// Opening and closing the windows in which members respond to a version.
public struct Rounds {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// - Parameter subject: the subject members are asked to write in their mail (`intake --mail`
    ///   holds mail whose subject does not hold it); nil for any subject.
    /// Opens a round on version `rawLabel`. `visible`: every member sees all members' submissions
    /// as they arrive (on the member portal); otherwise each sees only its own before the close.
    public func open(on rawLabel: String, closes: String, kind: RoundKind, name rawName: String?, subject rawSubject: String? = nil,
                     visible: Bool = false) throws -> Round {
        let label = try SafeName.label(rawLabel)
        let subject = try rawSubject.map { raw -> String in
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else {
                throw DraftFlowError(.invalidInput, "the subject is empty", fix: "pass the subject members write, e.g. --subject \"Council input to HLPF 2020\", or leave it out")
            }
            return try SafeName.personName(trimmed, what: "the subject", fix: "pass the subject on one line, e.g. --subject \"Council input to HLPF 2020\"")
        }
        let name = try SafeName.label(rawName ?? "\(label)-\(kind.rawValue)")
        let now = context.now
        return try context.store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            let zone = try workflow.zone()
            guard workflow.version(label) != nil else {
                let known = workflow.versions.map(\.label)
                throw DraftFlowError(.refused, "there is no version \(label)",
                                     fix: known.isEmpty ? "publish it first with `draftflow publish \(label)`" : "use one of: \(known.joined(separator: ", "))")
            }
            if let open = workflow.openRound(at: now) {
                throw DraftFlowError(.refused, "round \(open.name) is still open until \(InstantFormat.human(open.effectiveClose, in: zone))",
                                     fix: "close it first with `draftflow round close`")
            }
            if workflow.round(named: name) != nil {
                throw DraftFlowError(.conflict, "a round named \(name) exists already", fix: "pass --name with a new name")
            }
            let closeInstant = try Deadline.parse(closes, timeZone: zone)
            guard closeInstant > now else {
                throw DraftFlowError(.refused, "the close \(InstantFormat.human(closeInstant, in: zone)) is not in the future (now: \(InstantFormat.human(now, in: zone)))",
                                     fix: "give a later date, e.g. --closes \(InstantFormat.day(now.addingTimeInterval(14 * 86_400), in: zone))")
            }
            let round = Round(name: name, on: label, kind: kind, opened: now, closes: closeInstant, subject: subject, visible: visible ? true : nil)
            workflow.rounds.append(round)
            let what = kind == .comments ? "comment round" : "silence procedure"
            var message = CommitMessage("Open \(what) \(name) on \(label), closing \(InstantFormat.human(closeInstant, in: zone))", event: .roundOpen)
            message.paragraph("Closes \(InstantFormat.iso(closeInstant, in: zone)) (\(InstantFormat.human(closeInstant, in: InstantFormat.utc))).")
            if let subject { message.paragraph("Mail subject: \(subject)") }
            if visible { message.paragraph("Submissions are visible to all members as they arrive.") }
            message.trailer(.round, name)
            message.trailer(.version, label)
            return Staged(try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message), round)
        }.value
    }

    /// Closes the open round now, before its stated close.
    public func close() throws -> Round {
        let now = context.now
        return try context.store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            guard let open = workflow.openRound(at: now), let index = workflow.rounds.lastIndex(of: open) else {
                let fix = workflow.rounds.last.map { "round \($0.name) closed at \(InstantFormat.human($0.effectiveClose, in: (try? workflow.zone()) ?? .gmt))" }
                throw DraftFlowError(.refused, "no round is open", fix: fix ?? "open one with `draftflow round open`")
            }
            workflow.rounds[index].closedEarly = now
            var message = CommitMessage("Close round \(open.name) early", event: .roundClose)
            message.paragraph("It was to close \(InstantFormat.human(open.closes, in: try workflow.zone())).")
            message.trailer(.round, open.name)
            return Staged(try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message),
                          workflow.rounds[index])
        }.value
    }
}

extension Rounds {
    /// Moves the close of the open round to `closes`; with `reopen`, also of the last round once it
    /// has closed, which opens it again: what arrived late in between then counts as on time.
    public func extend(closes: String, note rawNote: String?, reopen: Bool) throws -> (round: Round, extension: RoundExtension) {
        let now = context.now
        let note = try Self.checkedNote(rawNote)
        return try context.store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            let zone = try workflow.zone()
            let open = workflow.openRound(at: now)
            guard let round = open ?? workflow.rounds.last, let index = workflow.rounds.lastIndex(of: round) else {
                throw DraftFlowError(.refused, "no round has been opened", fix: "open one with `draftflow round open`")
            }
            let from = round.effectiveClose
            let reopened = open == nil
            if reopened && !reopen {
                throw DraftFlowError(.refused, "round \(round.name) closed \(InstantFormat.human(from, in: zone))",
                                     fix: "to reopen it until the new close, add --reopen (it is recorded); what arrived late in between then counts as on time")
            }
            if reopened, let later = workflow.versions.first(where: { $0.published >= round.opened && $0.label != round.on }) {
                throw DraftFlowError(.refused, "version \(later.label) was published after round \(round.name) opened, so the round cannot be reopened",
                                     fix: "open a new round on \(later.label) with `draftflow round open --on \(later.label)`")
            }
            if workflow.submitted != nil {
                throw DraftFlowError(.refused, "the final text has been sent to its recipient", fix: "no round can be extended after `draftflow submitted`")
            }
            let closeInstant = try Deadline.parse(closes, timeZone: zone)
            guard closeInstant > from, closeInstant > now else {
                let floor = max(from, now)
                throw DraftFlowError(.refused, "the new close \(InstantFormat.human(closeInstant, in: zone)) is not after "
                                         + (floor == from ? "the round's close, \(InstantFormat.human(from, in: zone))" : "now, \(InstantFormat.human(now, in: zone))"),
                                     fix: "give a later date, e.g. --closes \(InstantFormat.day(floor.addingTimeInterval(7 * 86_400), in: zone))")
            }
            let entry = RoundExtension(at: now, from: from, closes: closeInstant, reopened: reopened ? true : nil, note: note)
            workflow.rounds[index].closes = closeInstant
            workflow.rounds[index].closedEarly = nil
            workflow.rounds[index].extensions = (round.extensions ?? []) + [entry]
            let summary = (reopened ? "Reopen round \(round.name) until " : "Extend round \(round.name) to ") + InstantFormat.human(closeInstant, in: zone)
            var message = CommitMessage(summary, event: .roundExtend)
            message.paragraph("It was to close \(InstantFormat.human(from, in: zone))"
                              + (reopened ? "; it had closed, and what was received since then counts as on time." : "."))
            message.paragraph("Closes \(InstantFormat.iso(closeInstant, in: zone)) (\(InstantFormat.human(closeInstant, in: InstantFormat.utc))).")
            if let note { message.paragraph(note) }
            message.trailer(.round, round.name)
            message.trailer(.version, round.on)
            return Staged(try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message),
                          (workflow.rounds[index], entry))
        }.value
    }

    /// A note as the secretariat typed it, trimmed; nil when empty; refused with a control or direction character.
    static func checkedNote(_ note: String?) throws -> String? {
        guard let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        if let bad = TerminalText.firstUnsafe(in: trimmed) {
            throw DraftFlowError(.invalidInput, "the note holds the control or direction character U+\(String(format: "%04X", bad.value))",
                                 fix: "type the note without it")
        }
        return trimmed
    }
}
