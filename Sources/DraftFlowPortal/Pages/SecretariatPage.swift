import DraftFlow
import Foundation

/// What the secretariat's dashboard shows: `draftflow status`, as a page.
struct SecretariatPage {
    struct RoundModel {
        var name: String
        var version: String
        var silence: Bool
        var open: Bool
        var closesHuman: String
        var zone: String
        var closesISO: String
        /// The server's instant, so the countdown keeps to it whatever the browser's clock says.
        var nowISO: String
        var timeLeft: String
        /// "1 of 2 members responded; 0 late; 1 not heard from."
        var summary: String
    }

    struct MemberModel {
        var code: String
        var name: String
        var state: String
        var stateText: String
        var received: String
        var comments: Int
        var proposal: Bool
    }

    struct MergeModel {
        var round: String
        /// "Open collisions: none. Comments without a disposition: CAN-1."
        var summary: String
    }

    var workspaceTitle: String
    var now: String
    var round: RoundModel?
    var members: [MemberModel]
    var merge: MergeModel?
    /// The interface strings in the page's language.
    var t = PortalLanguage.en.strings

    static func build(_ context: DraftingContext, language: PortalLanguage = .en) throws -> SecretariatPage {
        let t = language.strings
        let status = try Reports(context).status()
        let workflow = try context.workflow()
        let zone = try workflow.zone()
        let members = status.members.map { member in
            MemberModel(code: member.code, name: member.name, state: member.state.rawValue,
                        stateText: t["sec_state_" + member.state.rawValue] ?? member.state.rawValue,
                        received: member.received.flatMap(InstantFormat.parseISO).map { InstantFormat.human($0, in: zone, language: language) } ?? "",
                        comments: member.comments, proposal: member.proposal)
        }
        var round: RoundModel?
        if let last = workflow.rounds.last, let report = status.round {
            round = RoundModel(name: report.name, version: report.on, silence: report.kind == .silence, open: report.open,
                               closesHuman: InstantFormat.human(last.effectiveClose, in: zone, language: language), zone: workflow.timezone,
                               closesISO: InstantFormat.iso(last.effectiveClose, in: InstantFormat.utc),
                               nowISO: InstantFormat.iso(context.now, in: InstantFormat.utc),
                               timeLeft: language.remaining(max(0, Int(last.effectiveClose.timeIntervalSince(context.now).rounded(.down)))),
                               summary: PortalStrings.fill(t["sec_summary"] ?? "", String(status.members.filter { $0.state != .noResponse }.count),
                                                           String(status.members.count), String(status.members.filter { $0.state == .late }.count),
                                                           String(status.members.filter { $0.state == .noResponse }.count)))
        }
        let merge = status.merge.map { merge in
            MergeModel(round: merge.round,
                       summary: PortalStrings.fill(t["sec_mergeSummary"] ?? "",
                                                   merge.openCollisions.isEmpty ? t["sec_none"] ?? "" : merge.openCollisions.joined(separator: ", "),
                                                   merge.undecided.isEmpty ? t["sec_none"] ?? "" : merge.undecided.joined(separator: ", ")))
        }
        return SecretariatPage(workspaceTitle: workflow.title, now: InstantFormat.human(context.now, in: zone, language: language), round: round,
                               members: members, merge: merge, t: t)
    }
}
