import Foundation

/// Where the workflow stands: what `draftflow status` shows.
public struct StatusReport: Codable, Equatable, Sendable {
    public struct VersionStatus: Codable, Equatable, Sendable {
        public var label: String
        public var published: String
        public var commit: String
        public var tag: String
    }

    public struct RoundStatus: Codable, Equatable, Sendable {
        public var name: String
        public var on: String
        public var kind: RoundKind
        public var openedAt: String
        /// ISO 8601 with the workspace zone's offset.
        public var closesAt: String
        public var closesAtUTC: String
        public var closesAtLocal: String
        public var closedEarlyAt: String?
        public var open: Bool
        /// "3 days 4 hours", or "closed 2 days ago".
        public var timeLeft: String
        /// For silence rounds: `kept` (not broken so far, while open) or `broken`.
        public var silence: String?
        public var brokenBy: [String]?
        /// For silence rounds: each objection, who and when.
        public var objections: [Objection]?
    }

    public struct Objection: Codable, Equatable, Sendable {
        public var member: String
        public var received: String
    }

    public struct MemberStatus: Codable, Equatable, Sendable {
        public var code: String
        public var name: String
        /// `received`, `late` or `none`.
        public var state: String
        public var comments: Int
        public var submissions: Int
        public var received: String?
        public var proposal: Bool
    }

    public var title: String
    public var document: String
    public var timezone: String
    public var now: String
    public var versions: [VersionStatus]
    public var round: RoundStatus?
    public var members: [MemberStatus]
    /// Codes of members whose submission in the round was recorded late.
    public var late: [String]
    /// The last merged round, with what is left to decide in it.
    public var merge: MergeStatus?

    public struct MergeStatus: Codable, Equatable, Sendable {
        public var round: String
        /// Ids of collisions still to resolve.
        public var openCollisions: [String]
        /// Ids of comments with no disposition yet.
        public var undecided: [String]
    }
}

/// One event of the timeline read back from git history.
public struct TimelineEvent: Codable, Equatable, Sendable {
    /// `init`, `member-add`, `edit`, `publish`, `round-open`, `round-close`, `round-closed`, `comment`, or `other`.
    public var event: String
    /// ISO 8601 instant in the workspace's zone.
    public var at: String
    public var summary: String
    public var commit: String?
    public var member: String?
    public var round: String?
    public var version: String?
    public var late: Bool?
}

extension Drafting {
    public func status() throws -> StatusReport {
        let snapshot = try store.snapshot()
        let workflow = try Self.workflow(in: snapshot)
        let zone = try workflow.zone()
        let stored = try store.versions()
        let versions = workflow.versions.map { entry -> StatusReport.VersionStatus in
            let version = stored.first { $0.label == entry.label }
            return .init(label: entry.label, published: InstantFormat.iso(entry.published, in: zone), commit: version?.commitID ?? "", tag: version?.tagID ?? "")
        }
        var roundStatus: StatusReport.RoundStatus?
        var memberStatus: [StatusReport.MemberStatus] = []
        let round = workflow.currentRound(at: now)
        let index = try round.map { try Self.roundIndex($0.name, in: snapshot) } ?? RoundIndex()
        if let round {
            let open = round.isOpen(at: now)
            let remaining = InstantFormat.remaining(from: now, to: round.effectiveClose)
            var silence: String?
            var brokenBy: [String]?
            var objections: [StatusReport.Objection]?
            if round.kind == .silence {
                let objecting = try Self.objections(round, in: snapshot)
                silence = objecting.isEmpty ? "kept" : "broken"
                brokenBy = objecting.map(\.member).sorted()
                objections = objecting.map { .init(member: $0.member, received: InstantFormat.iso($0.received, in: zone)) }
            }
            roundStatus = .init(name: round.name, on: round.on, kind: round.kind, openedAt: InstantFormat.iso(round.opened, in: zone),
                                closesAt: InstantFormat.iso(round.closes, in: zone), closesAtUTC: InstantFormat.iso(round.closes, in: .gmt),
                                closesAtLocal: InstantFormat.human(round.closes, in: zone),
                                closedEarlyAt: round.closedEarly.map { InstantFormat.iso($0, in: zone) },
                                open: open, timeLeft: remaining, silence: silence, brokenBy: brokenBy, objections: objections)
        }
        for member in workflow.members {
            let entry = index.members[member.code]
            memberStatus.append(.init(code: member.code, name: member.name,
                                      state: entry.map { $0.late ? "late" : "received" } ?? "none",
                                      comments: entry?.comments.count ?? 0,
                                      submissions: entry?.submissions ?? 0,
                                      received: entry.map { InstantFormat.iso($0.received, in: zone) },
                                      proposal: entry?.proposal ?? false))
        }
        let pending = try pendingDecisions(in: snapshot, index: index, knownRound: round?.name)
        return StatusReport(title: workflow.title, document: workflow.document, timezone: workflow.timezone,
                            now: InstantFormat.iso(now, in: zone), versions: versions, round: roundStatus, members: memberStatus,
                            late: memberStatus.filter { $0.state == "late" }.map(\.code),
                            merge: pending.map { .init(round: $0.round, openCollisions: $0.collisions.map(\.id), undecided: $0.undecided) })
    }

    /// The timeline, oldest first, read from git history, with the closes that passed on their own.
    public func log() throws -> [TimelineEvent] {
        let workflow = try workflow()
        let zone = try workflow.zone()
        var events: [(Date, Int, TimelineEvent)] = []
        var order = 0
        for entry in try store.history().reversed() {
            let trailers = Self.trailers(of: entry.message)
            let summary = entry.message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let event = trailers[Trailer.event] ?? "other"
            let when = trailers[Trailer.received].flatMap { try? Deadline.parseInstant($0, timeZone: zone) } ?? entry.authored
            events.append((when, order, TimelineEvent(event: event, at: InstantFormat.iso(when, in: zone), summary: summary, commit: entry.id,
                                                      member: trailers[Trailer.member], round: trailers[Trailer.round],
                                                      version: trailers[Trailer.version], late: trailers[Trailer.late].map { $0 == "yes" })))
            order += 1
        }
        for round in workflow.rounds where round.closedEarly == nil && round.closes <= now {
            events.append((round.closes, order, TimelineEvent(event: "round-closed", at: InstantFormat.iso(round.closes, in: zone),
                                                               summary: "Round \(round.name) closed at its deadline, \(InstantFormat.human(round.closes, in: zone))",
                                                               commit: nil, member: nil, round: round.name, version: round.on, late: nil)))
            order += 1
        }
        // Stable: same instant keeps history order.
        return events.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// The `Key: value` trailers of the last paragraph of a commit message.
    public static func trailers(of message: String) -> [String: String] {
        var result: [String: String] = [:]
        guard let last = lastParagraph(of: message) else { return result }
        for line in last.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard key.hasPrefix("DraftFlow-") else { continue }
            result[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    /// `message.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n").last`,
    /// found from the end: a comment commit's message lists every comment, and only its last
    /// paragraph holds trailers. Messages with a carriage return take the general route.
    static func lastParagraph(of message: String) -> Substring? {
        let bytes = message.utf8
        guard !bytes.contains(UInt8(ascii: "\r")) else {
            return message.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n").last.map { Substring($0) }
        }
        let scalars = message.unicodeScalars
        let blank = CharacterSet.whitespacesAndNewlines
        var end = scalars.endIndex
        while end > scalars.startIndex, blank.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        var start = scalars.startIndex
        while start < end, blank.contains(scalars[start]) { start = scalars.index(after: start) }
        // After the last "\n\n" of the trimmed text. Where a run of newlines is odd, the paragraph
        // found by splitting from the start would begin with one "\n" more, which no caller sees:
        // they split the paragraph into lines, dropping empty ones.
        var index = end
        while index > start {
            let before = bytes.index(before: index)
            if bytes[before] == UInt8(ascii: "\n"), before > start, bytes[bytes.index(before: before)] == UInt8(ascii: "\n") {
                return message[index..<end]
            }
            index = before
        }
        return message[start..<end]
    }
}
