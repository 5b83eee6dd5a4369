import Foundation

/// One member's submission in one round, as the secretariat recorded it:
/// `Comments/<round>/<CODE>/submission-<n>.json`, beside the original file kept byte for byte.
public struct Submission: Codable, Equatable, Sendable {
    public var member: String
    public var round: String
    /// 1 for the member's first submission in the round; a higher number supersedes the lower.
    public var number: Int
    public var received: Date
    /// Recorded after the round closed, by the secretariat's decision.
    public var late: Bool
    /// The original file's name as the member sent it (data only; never used as a path).
    public var originalName: String
    /// The stored original, relative to the workspace.
    public var file: String
    /// The member's edited copy of the draft, relative to the workspace.
    public var proposal: String?
    /// Git's blob id of the original file, to verify it later byte for byte.
    public var fileBlob: String?
    public var proposalBlob: String?
    public var comments: [Comment]

    public init(member: String, round: String, number: Int, received: Date, late: Bool, originalName: String,
                file: String, proposal: String?, fileBlob: String?, proposalBlob: String?, comments: [Comment]) {
        self.member = member
        self.round = round
        self.number = number
        self.received = received
        self.late = late
        self.originalName = originalName
        self.file = file
        self.proposal = proposal
        self.fileBlob = fileBlob
        self.proposalBlob = proposalBlob
        self.comments = comments
    }

    /// Where submissions of `member` in `round` live.
    public static func folder(round: String, member: String) -> String { "Comments/\(round)/\(member)" }

    public static func recordPath(round: String, member: String, number: Int) -> String {
        folder(round: round, member: member) + "/submission-\(number).json"
    }
}

/// JSON as DraftFlow writes it: stable key order, dates as ISO 8601 in the workspace's zone.
public enum RecordCoding {
    public static func encoder(timeZone: TimeZone) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(InstantFormat.iso(date, in: timeZone))
        }
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = InstantFormat.parseISO(text) ?? (try? Deadline.parseInstant(text, timeZone: TimeZone(identifier: "UTC")!)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 instant: \(text)")
            }
            return date
        }
        return decoder
    }
}
