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
        var responded: Int
        var memberCount: Int
        var lateCount: Int
        var waiting: Int
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
        var collisions: String
        var undecided: String
    }

    var workspaceTitle: String
    var now: String
    var round: RoundModel?
    var members: [MemberModel]
    var merge: MergeModel?
    /// The interface strings of the shared parts (the deadline): English, as the secretariat's pages are.
    var t = PortalStrings.english

    static func build(_ context: DraftingContext) throws -> SecretariatPage {
        let status = try Reports(context).status()
        let workflow = try context.workflow()
        let zone = try workflow.zone()
        let members = status.members.map { member in
            MemberModel(code: member.code, name: member.name, state: member.state.rawValue,
                        stateText: member.state == .received ? "responded" : member.state == .late ? "late" : "not heard from",
                        received: member.received.flatMap(InstantFormat.parseISO).map { InstantFormat.human($0, in: zone) } ?? "",
                        comments: member.comments, proposal: member.proposal)
        }
        var round: RoundModel?
        if let last = workflow.rounds.last, let report = status.round {
            round = RoundModel(name: report.name, version: report.on, silence: report.kind == .silence, open: report.open,
                               closesHuman: InstantFormat.human(last.effectiveClose, in: zone), zone: workflow.timezone,
                               closesISO: InstantFormat.iso(last.effectiveClose, in: InstantFormat.utc),
                               nowISO: InstantFormat.iso(context.now, in: InstantFormat.utc), timeLeft: report.timeLeft,
                               responded: status.members.filter { $0.state != .noResponse }.count, memberCount: status.members.count,
                               lateCount: status.members.filter { $0.state == .late }.count,
                               waiting: status.members.filter { $0.state == .noResponse }.count)
        }
        let merge = status.merge.map { merge in
            MergeModel(round: merge.round, collisions: merge.openCollisions.isEmpty ? "none" : merge.openCollisions.joined(separator: ", "),
                       undecided: merge.undecided.isEmpty ? "none" : merge.undecided.joined(separator: ", "))
        }
        return SecretariatPage(workspaceTitle: workflow.title, now: InstantFormat.human(context.now, in: zone), round: round,
                               members: members, merge: merge)
    }
}
