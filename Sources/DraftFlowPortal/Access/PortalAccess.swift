import DraftFlow
import Foundation

/// Who holds a portal session: a member, acting only as itself, or the secretariat.
public enum PortalHolder: Equatable, Sendable {
    case member(Member)
    case secretariat

    /// The name the access record uses.
    public var recordName: String {
        switch self {
        case .member(let member): return member.code
        case .secretariat: return PortalTokens.secretariat
        }
    }
}

/// Personal links to the portal: `member invite`, `member revoke`, and the check every request
/// makes. Each invitation and revocation is a commit by the secretariat of `Portal/access.json`.
public struct PortalAccess {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// What `invite` issued: the secret (shown once, never stored) and its record.
    public struct Invitation: Sendable {
        public var secret: String
        public var token: PortalTokens.Token
        /// Earlier links of the same holder that this invitation ended.
        public var ended: Int
    }

    /// Issues a personal link for member `code` (or the secretariat when `code` is nil), valid
    /// until `expires` when given. A new link ends the holder's earlier live links.
    public func invite(code: String?, expires: Date?, secret: String = PortalTokens.newSecret()) throws -> Invitation {
        let now = context.now
        if let expires, expires <= now {
            throw DraftFlowError(.invalidInput, "the expiry \(InstantFormat.iso(expires, in: InstantFormat.utc)) is not in the future",
                                 fix: "give a later date or instant, e.g. --expires 2020-03-01")
        }
        let committed = try context.store.commit { snapshot in
            let workflow = try RecordReader.workflow(in: snapshot)
            let holder = try Self.holder(named: code, in: workflow)
            var record = try Self.record(in: snapshot)
            var ended = 0
            for index in record.tokens.indices where record.tokens[index].holder == holder.recordName && record.tokens[index].isLive(at: now) {
                record.tokens[index].revoked = now
                ended += 1
            }
            let token = PortalTokens.Token(holder: holder.recordName, sha256: PortalTokens.hash(secret), issued: now, expires: expires)
            record.tokens.append(token)
            let zone = try workflow.zone()
            let summary = "Invite \(holder.recordName) to the member portal" + (expires.map { " until \(InstantFormat.human($0, in: zone))" } ?? "")
            let change = try Self.change(record, summary: summary, holder: holder, workflow: workflow, context: context)
            return Staged(change, Invitation(secret: secret, token: token, ended: ended))
        }
        return committed.value
    }

    /// Ends every live link of member `code` (or of the secretariat); returns how many.
    public func revoke(code: String?) throws -> Int {
        let now = context.now
        let committed = try context.store.commit { snapshot in
            let workflow = try RecordReader.workflow(in: snapshot)
            let holder = try Self.holder(named: code, in: workflow)
            var record = try Self.record(in: snapshot)
            var ended = 0
            for index in record.tokens.indices where record.tokens[index].holder == holder.recordName && record.tokens[index].isLive(at: now) {
                record.tokens[index].revoked = now
                ended += 1
            }
            guard ended > 0 else {
                throw DraftFlowError(.refused, "\(holder.recordName) has no live portal link to revoke",
                                     fix: "`draftflow member invite \(code ?? "--secretariat")` issues one")
            }
            let change = try Self.change(record, summary: "Revoke the member portal links of \(holder.recordName)", holder: holder,
                                         workflow: workflow, context: context)
            return Staged(change, ended)
        }
        return committed.value
    }

    /// Who holds the live link `secret` at the tip, now; nil for a secret that is unknown,
    /// expired or revoked, or whose member is no longer registered.
    public func holder(ofSecret secret: String) throws -> PortalHolder? {
        let snapshot = try context.store.snapshot()
        guard let token = try Self.record(in: snapshot).token(forSecret: secret), token.isLive(at: context.now) else { return nil }
        if token.holder == PortalTokens.secretariat { return .secretariat }
        let workflow = try RecordReader.workflow(in: snapshot)
        return workflow.members.first { $0.code == token.holder }.map(PortalHolder.member)
    }

    /// The access record at `snapshot`, strictly decoded; empty when there is none.
    static func record(in snapshot: any WorkspaceSnapshot) throws -> PortalTokens {
        try RecordCoding.record(PortalTokens.self, at: PortalTokens.path, in: snapshot) ?? PortalTokens()
    }

    static func holder(named code: String?, in workflow: Workflow) throws -> PortalHolder {
        guard let code else { return .secretariat }
        let wanted = try SafeName.memberCode(code.uppercased())
        guard let member = workflow.members.first(where: { $0.code == wanted }) else {
            throw DraftFlowError(.invalidInput, "\(TerminalText.escaped(wanted)) is not a registered member",
                                 fix: "register it first with `draftflow member add \(wanted) --name NAME`, or check `draftflow member list`")
        }
        return .member(member)
    }

    static func change(_ record: PortalTokens, summary: String, holder: PortalHolder, workflow: Workflow,
                       context: DraftingContext) throws -> WorkspaceChange {
        let data = try RecordCoding.encoder(timeZone: try workflow.zone()).encode(record)
        let person = try context.secretariat(workflow)
        let message = summary + "\n\nDraftFlow-Event: portal-access\n"
        return WorkspaceChange(writes: [PortalTokens.path: data], author: person, committer: person, message: message)
    }
}
