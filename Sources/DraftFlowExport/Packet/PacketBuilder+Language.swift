import DraftFlow
import Foundation

/// The texts of the packet that the builder writes (timeline events, the silence outcome), in the
/// packet's language. English keeps each commit's own summary line, as it always did.
extension PacketBuilder {
    /// What the packet says about the silence procedure, before it is put in words.
    enum SilenceStatement {
        case note(String)
        case open(name: String, on: String, until: Date, brokenBy: [String])
        case kept(on: String, before: Date)
        case broken(by: [String], in: String)
        case overObjection(by: [String], note: String)
        case none(on: String?)

        func text(_ words: any Catalogue, zone: TimeZone) -> String {
            let human = { (date: Date) in InstantFormat.human(date, in: zone, language: words.language) }
            switch self {
            case .note(let note): return note
            case .open(let name, let on, let until, let codes): return words.silenceOpen(name, on: on, until: human(until), brokenBy: codes)
            case .kept(let on, let before): return words.silenceKept(on: on, before: human(before))
            case .broken(let codes, let round): return words.silenceBroken(by: codes, in: round)
            case .overObjection(let codes, let note): return words.overObjection(codes, note: note)
            case .none(let on): return words.noSilenceProcedure(on: on)
            }
        }
    }

    /// The adopted version's outcome: its `finalize` note in English; in another language, the same
    /// facts put in its words (the secretariat's own note after an objection stays as written).
    static func adopted(note: String, silence: Round?, objections: [String], language: Language) -> SilenceStatement {
        guard language != .en, let silence else { return .note(note) }
        if objections.isEmpty { return .kept(on: silence.on, before: silence.effectiveClose) }
        let marker = "finalized over the objection: "
        let own = note.range(of: marker).map { String(note[$0.upperBound...]) } ?? note
        return .overObjection(by: objections, note: own)
    }

    /// One timeline event in `words`' language: English keeps the commit's summary line.
    static func eventText(_ event: TimelineEvent, at: Date, workflow: Workflow, zone: TimeZone, words: any Catalogue) -> String {
        guard words.language != .en else { return event.summary }
        let human = { (date: Date) in InstantFormat.human(date, in: zone, language: words.language) }
        let round = event.round.flatMap { name in workflow.rounds.first { $0.name == name } }
        let memberName = event.member.map { code in workflow.member(code).map { $0.name.isEmpty ? code : "\($0.name) (\(code))" } ?? code }
        switch event.event {
        case .publish:
            return words.published(event.version ?? "")
        case .roundOpen:
            guard let round else { return event.summary }
            return words.roundOpened(silence: round.kind == .silence, name: round.name, on: round.on,
                                     closes: human(round.extensions?.first?.from ?? round.closes))
        case .roundClose:
            return words.roundClosedEarly(event.round ?? "")
        case .roundExtend:
            guard let round, let step = round.extensions?.first(where: { abs($0.at.timeIntervalSince(at)) < 1 }) else { return event.summary }
            return words.roundExtended(round.name, closes: human(step.closes))
        case .roundClosed:
            guard let round else { return event.summary }
            let reopened = round.extensions?.first { $0.reopened == true && abs($0.from.timeIntervalSince(at)) < 1 }
            return words.roundClosed(round.name, at: human(reopened?.from ?? at), reopenedLater: reopened != nil)
        case .comment:
            return words.submissionReceived(from: memberName ?? "", round: event.round ?? "", late: event.late == true,
                                            noObjection: event.noObjection == true)
        case .merge:
            return words.merged(words.rounds(event.round.map { [$0] } ?? []))
        case .finalize:
            return words.finalized(event.version ?? "")
        case .submitted:
            return words.submitted(event.version ?? "", to: workflow.submitted?.to ?? workflow.recipient ?? words.theChair)
        default:
            return event.summary
        }
    }
}
