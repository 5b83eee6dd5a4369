import Foundation
import Yams

/// A member delegation: a stable code (ISO 3166 alpha-3, e.g. CAN), a name, a contact.
public struct Member: Codable, Equatable, Sendable {
    public var code: String
    public var name: String
    /// The contact address: the author e-mail of its commits, and an address its mail comes from.
    public var email: String?
    /// Further addresses its mail may come from (a mission's other staff, a capital's office);
    /// nil when there are none, so that files written before stay as they were.
    public var otherEmails: [String]?

    public init(code: String, name: String, email: String? = nil, otherEmails: [String]? = nil) {
        self.code = code
        self.name = name
        self.email = email
        self.otherEmails = otherEmails
    }

    /// Every registered address, the contact first.
    public var emails: [String] { (email.map { [$0] } ?? []) + (otherEmails ?? []) }

    /// Whether `address` is one of its registered addresses (the domain in any case; the local part
    /// as registered, also in any case, as mail servers treat it in practice).
    public func sends(from address: String) -> Bool {
        emails.contains { $0.caseInsensitiveCompare(address) == .orderedSame }
    }
}

/// Who runs the process and commits on its behalf.
public struct Secretariat: Codable, Equatable, Sendable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// The kind of a round: collect comments, or adopt the text unless someone objects.
public enum RoundKind: String, Codable, Sendable, CaseIterable {
    case comments
    case silence
}

/// A window in which members respond to one version, as recorded in `Workflow.md`.
public struct Round: Codable, Equatable, Sendable {
    public var name: String
    /// The version label the round is on.
    public var on: String
    public var kind: RoundKind
    public var opened: Date
    public var closes: Date
    /// Set when the secretariat closed the round before `closes`.
    public var closedEarly: Date?
    /// Each extension of the deadline, oldest first; `closes` is the close the last one set.
    public var extensions: [RoundExtension]?
    /// The subject members were asked to write (`round open --subject`): mail whose subject does
    /// not hold it is held by `intake --mail`. Nil: any subject.
    public var subject: String?
    /// True for a round opened with `round open --visible`: every member sees all members'
    /// submissions as they arrive. Nil (a file written before the key existed) or false: before
    /// the close, a member sees only its own.
    public var visible: Bool?

    public init(name: String, on: String, kind: RoundKind, opened: Date, closes: Date, closedEarly: Date? = nil,
                extensions: [RoundExtension]? = nil, subject: String? = nil, visible: Bool? = nil) {
        self.name = name
        self.on = on
        self.kind = kind
        self.opened = opened
        self.closes = closes
        self.closedEarly = closedEarly
        self.extensions = extensions
        self.subject = subject
        self.visible = visible
    }

    /// Whether every member sees all members' submissions as they arrive (`round open --visible`).
    public var isVisible: Bool { visible == true }

    /// The close stated when the round was opened, before any extension.
    public var originalClose: Date { extensions?.first?.from ?? closes }

    /// The instant after which submissions are late.
    public var effectiveClose: Date { closedEarly.map { min($0, closes) } ?? closes }

    /// Open from `opened` through the last second of `closes`; a round closed early is closed from
    /// the instant it was closed.
    /// (What arrives in the very second it was closed is still on time: `accepts`.)
    public func isOpen(at now: Date) -> Bool {
        now >= opened && (closedEarly.map { now < $0 } ?? true) && accepts(receivedAt: now)
    }

    /// Whether something received at `instant` is on time: up to the end of the closing second
    /// (`Deadline.isOnTime`), the stated close's or, for a round closed early, the second it was closed.
    public func accepts(receivedAt instant: Date) -> Bool {
        Deadline.isOnTime(instant, close: effectiveClose)
    }
}

/// A deadline moved by `round extend`: when, from which close to which, and whether the round had
/// closed and was reopened.
public struct RoundExtension: Codable, Equatable, Sendable {
    /// When the secretariat extended the deadline.
    public var at: Date
    /// The close in force until then (the close of a round closed early is the instant it was closed).
    public var from: Date
    /// The new close.
    public var closes: Date
    /// Set when the round had closed and was reopened.
    public var reopened: Bool?
    public var note: String?

    public init(at: Date, from: Date, closes: Date, reopened: Bool? = nil, note: String? = nil) {
        self.at = at
        self.from = from
        self.closes = closes
        self.reopened = reopened
        self.note = note
    }
}

/// The chair's transmission of the final text, as `draftflow submitted` records it.
public struct Transmission: Codable, Equatable, Sendable {
    /// To whom, e.g. "President of ECOSOC".
    public var to: String
    /// When the chair sent it.
    public var at: Date
    /// The version sent.
    public var version: String
    public var note: String?

    public init(to: String, at: Date, version: String, note: String? = nil) {
        self.to = to
        self.at = at
        self.version = version
        self.note = note
    }
}

/// A published version as listed in `Workflow.md`.
public struct VersionEntry: Codable, Equatable, Sendable {
    public var label: String
    public var published: Date
    public var note: String?

    public init(label: String, published: Date, note: String? = nil) {
        self.label = label
        self.published = published
        self.note = note
    }
}

/// The settings and schedule of a workspace: the YAML front matter of `Workflow.md`.
public struct Workflow: Codable, Equatable, Sendable {
    public static let fileName = "Workflow.md"

    public var title: String
    /// The draft's path inside the workspace, e.g. `Drafts/hlpf-2020-input.md`.
    public var document: String
    /// IANA time zone in which dates such as "1 March" are meant.
    public var timezone: String
    public var secretariat: Secretariat
    public var members: [Member]
    public var versions: [VersionEntry]
    public var rounds: [Round]
    /// Who receives the final text, e.g. "the President of ECOSOC".
    public var recipient: String?
    /// When the final text is due to the recipient: a date (YYYY-MM-DD) or an instant.
    public var due: String?
    /// Set once the chair has sent the final text (`draftflow submitted`).
    public var submitted: Transmission?
    /// The documents added after the first (`document add`); nil when there is only the first, so
    /// that files written before stay as they were.
    public var documents: [DocumentEntry]?

    public init(title: String, document: String, timezone: String, secretariat: Secretariat,
                members: [Member] = [], versions: [VersionEntry] = [], rounds: [Round] = []) {
        self.title = title
        self.document = document
        self.timezone = timezone
        self.secretariat = secretariat
        self.members = members
        self.versions = versions
        self.rounds = rounds
    }

    enum CodingKeys: String, CodingKey {
        case title, document, timezone, secretariat, recipient, due, submitted, members, versions, rounds, documents
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        document = try container.decode(String.self, forKey: .document)
        timezone = try container.decodeIfPresent(String.self, forKey: .timezone) ?? "Europe/Zurich"
        secretariat = try container.decode(Secretariat.self, forKey: .secretariat)
        members = try container.decodeIfPresent([Member].self, forKey: .members) ?? []
        versions = try container.decodeIfPresent([VersionEntry].self, forKey: .versions) ?? []
        rounds = try container.decodeIfPresent([Round].self, forKey: .rounds) ?? []
        recipient = try container.decodeIfPresent(String.self, forKey: .recipient)
        due = try container.decodeIfPresent(String.self, forKey: .due)
        submitted = try container.decodeIfPresent(Transmission.self, forKey: .submitted)
        documents = try container.decodeIfPresent([DocumentEntry].self, forKey: .documents)
    }

    public func member(_ code: String) -> Member? { members.first { $0.code == code } }
    public func round(named name: String) -> Round? { rounds.first { $0.name == name } }
    public func version(_ label: String) -> VersionEntry? { versions.first { $0.label == label } }

    /// The round open at `now`, if any.
    public func openRound(at now: Date) -> Round? { rounds.last { $0.isOpen(at: now) } }

    /// The open round, else the most recently opened one.
    public func currentRound(at now: Date) -> Round? { openRound(at: now) ?? rounds.last }

    /// The submission due date as an instant (a date means the end of that day in the zone); nil when none is set.
    public func dueInstant() throws -> Date? {
        try due.map { try Deadline.parse($0, timeZone: try zone()) }
    }

    public func zone() throws -> TimeZone { try Deadline.timeZone(timezone) }
}
