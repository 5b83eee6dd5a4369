import Foundation

/// What the secretariat and the chair read: where the workflow stands, and its timeline.
public struct Reports {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    public func status() throws -> StatusReport {
        let store = context.store
        let now = context.now
        let snapshot = try store.snapshot()
        let workflow = try RecordReader.workflow(in: snapshot)
        let zone = try workflow.zone()
        let stored = try store.versions()
        let versions = workflow.versions.map { entry -> StatusReport.VersionStatus in
            let version = stored.first { $0.label == entry.label }
            return .init(label: entry.label, published: InstantFormat.iso(entry.published, in: zone), commit: version?.commitID ?? "", tag: version?.tagID ?? "")
        }
        var roundStatus: StatusReport.RoundStatus?
        var memberStatus: [StatusReport.MemberStatus] = []
        let round = workflow.currentRound(at: now)
        let index = try round.map { try RecordReader.roundIndex($0.name, in: snapshot) } ?? RoundIndex()
        if let round {
            let open = round.isOpen(at: now)
            let remaining = InstantFormat.remaining(from: now, to: round.effectiveClose)
            var silence: SilenceOutcome?
            var brokenBy: [String]?
            var objections: [StatusReport.Objection]?
            var confirmations: [StatusReport.Objection]?
            if round.kind == .silence {
                let objecting = try RecordReader.objections(round, in: snapshot)
                silence = objecting.isEmpty ? .kept : .broken
                brokenBy = objecting.map(\.member).sorted()
                objections = objecting.map { .init(member: $0.member, received: InstantFormat.iso($0.received, in: zone)) }
                confirmations = try RecordReader.confirmations(round, in: snapshot).map { .init(member: $0.member, received: InstantFormat.iso($0.received, in: zone)) }
            }
            roundStatus = .init(name: round.name, on: round.on, kind: round.kind, openedAt: InstantFormat.iso(round.opened, in: zone),
                                closesAt: InstantFormat.iso(round.closes, in: zone), closesAtUTC: InstantFormat.iso(round.closes, in: .gmt),
                                closesAtLocal: InstantFormat.human(round.closes, in: zone),
                                closedEarlyAt: round.closedEarly.map { InstantFormat.iso($0, in: zone) },
                                extensions: round.extensions.map { $0.map { .init(at: InstantFormat.iso($0.at, in: zone), fromLocal: InstantFormat.human($0.from, in: zone),
                                                                                   closesLocal: InstantFormat.human($0.closes, in: zone),
                                                                                   reopened: $0.reopened ?? false, note: $0.note) } },
                                open: open, timeLeft: remaining, silence: silence, brokenBy: brokenBy, objections: objections,
                                confirmations: confirmations, visible: round.isVisible ? true : nil)
        }
        // A comment round reopened on the same version adds to the earlier ones: a member who
        // answered in one of them has responded.
        var earlier: [(round: Round, index: RoundIndex)] = []
        if let round, round.kind == .comments {
            for other in workflow.rounds where other.on == round.on && other.kind == .comments && other.name != round.name {
                earlier.append((other, try RecordReader.roundIndex(other.name, in: snapshot)))
            }
        }
        for member in workflow.members {
            var entry = index.members[member.code]
            var entryRound = round
            var inRound: String?
            if entry == nil, let found = earlier.last(where: { $0.index.members[member.code] != nil }) {
                entry = found.index.members[member.code]
                entryRound = found.round
                inRound = found.round.name
            }
            memberStatus.append(.init(code: member.code, name: member.name,
                                      state: entry.map { Self.isLate($0, in: entryRound) ? .late : .received } ?? .noResponse,
                                      comments: entry?.comments.count ?? 0,
                                      submissions: entry?.submissions ?? 0,
                                      received: entry.map { InstantFormat.iso($0.received, in: zone) },
                                      proposal: entry?.proposal ?? false, inRound: inRound))
        }
        let pending = try RecordReader.pendingDecisions(in: snapshot, index: index, knownRound: round?.name)
        return StatusReport(title: workflow.title, document: workflow.document, timezone: workflow.timezone,
                            now: InstantFormat.iso(now, in: zone), versions: versions, round: roundStatus, members: memberStatus,
                            late: memberStatus.filter { $0.state == .late }.map(\.code),
                            merge: pending.map { .init(round: $0.round, openCollisions: $0.collisions.map(\.id), undecided: $0.undecided,
                                                     superseded: $0.superseded.isEmpty ? nil : $0.superseded,
                                                     flagged: $0.flagged.isEmpty ? nil : $0.flagged) },
                            due: try Self.due(workflow, now: now, zone: zone))
    }

    static func due(_ workflow: Workflow, now: Date, zone: TimeZone) throws -> StatusReport.DueStatus? {
        let sent = workflow.submitted
        guard let due = try workflow.dueInstant() else {
            return sent.map { .init(recipient: workflow.recipient, dueAt: "", dueAtLocal: "", daysLeft: 0, submittedAt: InstantFormat.iso($0.at, in: zone),
                                    submittedAtLocal: InstantFormat.human($0.at, in: zone), submittedTo: $0.to, submittedVersion: $0.version) }
        }
        return .init(recipient: workflow.recipient, dueAt: InstantFormat.iso(due, in: zone), dueAtLocal: InstantFormat.human(due, in: zone),
                     daysLeft: Transmittal.dayCount(from: now, to: due, in: zone),
                     submittedAt: sent.map { InstantFormat.iso($0.at, in: zone) }, submittedAtLocal: sent.map { InstantFormat.human($0.at, in: zone) },
                     submittedTo: sent?.to, submittedVersion: sent?.version)
    }

    /// Whether a member's entry in the round's index is late: recorded late, and not taken since by
    /// an extended close.
    static func isLate(_ entry: RoundIndex.Entry, in round: Round?) -> Bool {
        entry.late && !(round?.accepts(receivedAt: entry.received) ?? false)
    }

    /// The timeline, oldest first, read from git history, with the closes that passed on their own.
    public func log() throws -> [TimelineEvent] {
        let workflow = try context.workflow()
        let now = context.now
        let zone = try workflow.zone()
        var events: [(Date, Int, TimelineEvent)] = []
        var order = 0
        for entry in try context.store.historyDigests().reversed() {
            let trailers = entry.trailers
            let summary = entry.summary
            let event = trailers[.event].flatMap(CommitEvent.init(rawValue:)) ?? .other
            let when = (trailers[.received] ?? trailers[.sent]).flatMap { try? Deadline.parseInstant($0, timeZone: zone) } ?? entry.authored
            events.append((when, order, TimelineEvent(event: event, at: InstantFormat.iso(when, in: zone), summary: summary, commit: entry.id,
                                                      member: trailers[.member], round: trailers[.round],
                                                      version: trailers[.version], late: trailers[.late].map { $0 == "yes" },
                                                      noObjection: trailers[.noObjection].map { _ in true })))
            order += 1
        }
        for round in workflow.rounds {
            for step in round.extensions ?? [] where step.reopened == true {
                events.append((step.from, order, TimelineEvent(event: .roundClosed, at: InstantFormat.iso(step.from, in: zone),
                                                                summary: "Round \(round.name) closed at \(InstantFormat.human(step.from, in: zone)) (reopened later)",
                                                                commit: nil, member: nil, round: round.name, version: round.on, late: nil)))
                order += 1
            }
        }
        for round in workflow.rounds where round.closedEarly == nil && round.closes <= now {
            events.append((round.closes, order, TimelineEvent(event: .roundClosed, at: InstantFormat.iso(round.closes, in: zone),
                                                               summary: "Round \(round.name) closed at its deadline, \(InstantFormat.human(round.closes, in: zone))",
                                                               commit: nil, member: nil, round: round.name, version: round.on, late: nil)))
            order += 1
        }
        // Stable: same instant keeps history order.
        return events.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
}
