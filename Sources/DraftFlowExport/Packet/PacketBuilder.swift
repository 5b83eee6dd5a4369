import DraftFlow
import Foundation
import Parallel

/// Builds the final text packet for the chair from a workspace's history, as of `context.now`.
public struct PacketBuilder {
    public let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// The final text packet for the chair, built from the workspace's history.
    ///
    /// - Parameters:
    ///   - version: the version to transmit (default: the last published one).
    ///   - language: the language the packet is written in (its texts and dates; not the draft's).
    public func packet(version requested: String?, language: Language = .en) throws -> FinalTextPacket {
        let words = language.catalogue
        let store = context.store
        let now = context.now
        let texts = Texts(context)
        let tip = try store.snapshot()
        let tipWorkflow = try RecordReader.workflow(in: tip)
        let zone = try tipWorkflow.zone()
        let stored = try store.versions()
        guard let first = tipWorkflow.versions.first else {
            throw DraftFlowError(.refused, "no version is published yet", fix: "publish one with `draftflow publish draft-1`")
        }
        let label = try requested.map { try SafeName.label($0) } ?? tipWorkflow.versions.last!.label
        // Everything the packet says about the version is read from the version's commit, never the
        // tip: a disposition changed after it was published is not in its packet.
        guard let entry = tipWorkflow.version(label), let snapshot = try store.snapshot(atVersion: label) else {
            throw DraftFlowError(.invalidInput, "there is no version \(label)", fix: "use one of: \(tipWorkflow.versions.map(\.label).joined(separator: ", "))")
        }
        let workflow = try RecordReader.workflow(in: snapshot)
        let text = try texts.documentText(label)
        let firstText = try texts.documentText(first.label)
        // The redline needs only the two texts: it is made on another thread while the rounds are
        // read from the store below (which is one thread's at a time), then waited for.
        let redlineSlot = ConcurrentSlots<[RedlineBlock]>(count: 1)
        let redlineDone = DispatchGroup()
        DispatchQueue.global().async(group: redlineDone) { redlineSlot.set(0, Redline.compare(old: firstText, new: text)) }
        // Waited for on every way out, so that no redline outlives the packet it was made for.
        defer { redlineDone.wait() }

        // The timeline: what a chair needs to see, up to this version.
        let shown: Set<CommitEvent> = [.publish, .roundOpen, .roundClose, .roundExtend, .roundClosed, .comment, .merge, .finalize, .submitted]
        let events = try Reports(context).log()
        let timeline = events.compactMap { event -> FinalTextPacket.Event? in
            guard shown.contains(event.event), let at = try? Deadline.parseInstant(event.at, timeZone: zone),
                  at <= entry.published || (event.event == .submitted && event.version == label) else { return nil }
            return FinalTextPacket.Event(at: at, what: Self.eventText(event, at: at, workflow: tipWorkflow, zone: zone, words: words))
        }

        // Read the rounds from the store here; decode the big records below, on every core.
        var commenters: [FinalTextPacket.Commenter] = []
        var merged: [(state: RoundState, edits: Data?)] = []
        // The rounds before the version, and those held on it (a draft's own round).
        for round in workflow.rounds where round.opened <= entry.published || round.on == label {
            let latest: [String: Submission]
            if round.kind == .comments, try snapshot.file(RecordPaths.merge(round: round.name)) != nil {
                // The merge record says where each paragraph went: the rows need no merge, nor the changes.
                var state = try RoundState.read(round.name, selection: .lastCommentRound, detail: .records, in: snapshot, store: store)
                // The round's base text, for what each proposed change changes.
                state.baseText = try store.file(workflow.document, atVersion: round.on).flatMap { String(data: $0, encoding: .utf8) } ?? ""
                merged.append((state, try snapshot.file(RecordPaths.mergeEdits(round: round.name))))
                latest = state.byRound[round.name] ?? [:]
            } else {
                latest = RecordReader.current(try RecordReader.submissions(round: round.name, in: snapshot))
            }
            // By time received, then by member code: a dictionary's order changes from run to run.
            for submission in latest.values.sorted(by: { ($0.received, $0.member) < ($1.received, $1.member) }) {
                let name = workflow.member(submission.member)?.name ?? submission.member
                let reply = words.silenceReply(name, noObjection: submission.noObjection != nil, round: round.name)
                commenters.append(.init(code: submission.member, name: round.kind == .silence ? reply : name,
                                        received: submission.received, comments: submission.comments.count, late: submission.late))
            }
        }

        // A round that a later merge took with others on the same version has its rows there.
        let takenLater = Set(merged.flatMap { entry in entry.state.pooled.filter { $0 != entry.state.round.name } })
        merged.removeAll { takenLater.contains($0.state.round.name) }
        // Each round's rows are independent of the others (and of the redline): compute them at
        // the same time. Each round's state and the bytes of its edits are let go once its rows
        // are made.
        let roundCount = merged.count
        let states = ConcurrentSlots<RoundState>(count: roundCount)
        let editBytes = ConcurrentSlots<Data>(count: roundCount)
        for (index, entry) in merged.enumerated() {
            states.set(index, entry.state)
            if let edits = entry.edits { editBytes.set(index, edits) }
        }
        merged = []
        let rowSlots = ConcurrentSlots<Result<[DispositionRow], any Error>>(count: roundCount)
        DispatchQueue.concurrentPerform(iterations: roundCount) { task in
            let state = states.take(task)!
            rowSlots.set(task, Result {
                DispositionDesk.rows(state, record: try RoundState.withEdits(state.record, from: editBytes.take(task)))
            })
        }
        var rows: [DispositionRow] = []
        for index in 0..<roundCount { rows += try rowSlots.take(index)!.get() }
        redlineDone.wait()
        let redline = redlineSlot.values[0]!

        let statement: SilenceStatement
        let isFinal = events.contains(where: { $0.event == .finalize && $0.version == label })
        // A draft states only the silence procedure held on that draft, never a later one's outcome.
        let silenceRound = isFinal ? workflow.rounds.last(where: { $0.kind == .silence })
            : workflow.rounds.last(where: { $0.kind == .silence && $0.on == label })
        // A version that `finalize` published states the outcome it was adopted under.
        if let note = entry.note, isFinal {
            let objections = try silenceRound.map { try RecordReader.objections($0, in: snapshot).map(\.member) } ?? []
            statement = Self.adopted(note: note, silence: silenceRound, objections: objections, language: language)
        } else if let silence = silenceRound {
            let objections = try RecordReader.objections(silence, in: snapshot).map(\.member)
            if silence.isOpen(at: now) {
                statement = .open(name: silence.name, on: silence.on, until: silence.effectiveClose, brokenBy: objections)
            } else {
                statement = objections.isEmpty ? .kept(on: silence.on, before: silence.effectiveClose) : .broken(by: objections, in: silence.name)
            }
        } else {
            statement = .none(on: isFinal ? nil : label)
        }
        var silenceOutcome = statement.text(words, zone: zone)
        if let silence = silenceRound {
            let confirmations = try RecordReader.confirmations(silence, in: snapshot)
            if !confirmations.isEmpty {
                silenceOutcome += words.confirmations(in: silence.name, confirmations.map {
                    (member: $0.member, at: InstantFormat.human($0.received, in: zone, language: language))
                })
            }
        }

        var sources = workflow.versions.compactMap { version -> FinalTextPacket.Source? in
            guard let tag = stored.first(where: { $0.label == version.label }) else { return nil }
            return FinalTextPacket.Source(label: version.label, tag: tag.tagID, commit: tag.commitID)
        }
        if let head = tip.commitID { sources.append(.init(label: words.workspaceHead, tag: nil, commit: head)) }

        let due = try workflow.due.map { try Deadline.parse($0, timeZone: zone) }
        var packet = FinalTextPacket(
            title: workflow.title, version: label, recipient: workflow.recipient ?? words.theChair, dueDate: due,
            preparedBy: workflow.secretariat.name, preparedAt: now, timeZone: zone, timeline: timeline, commenters: commenters,
            silenceOutcome: silenceOutcome, cleanText: text, firstVersion: first.label, redline: redline,
            dispositions: rows, sources: sources)
        packet.isFinal = isFinal
        packet.language = language
        return packet
    }
}
