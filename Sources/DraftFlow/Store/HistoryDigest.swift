import Foundation

/// A commit as the timeline reads it: its id, its author's instant, its message's first line and
/// its DraftFlow trailers. An intake's message lists every comment (hundreds of kilobytes); the
/// timeline needs none of that list.
public struct HistoryDigest: Sendable, Equatable {
    public var id: String
    public var authored: Date
    /// The message up to its first line break ("" for an empty message).
    public var summary: String
    /// `CommitTrailers.parse` of the whole message.
    public var trailers: [Trailer: String]

    public init(id: String, authored: Date, summary: String, trailers: [Trailer: String]) {
        self.id = id
        self.authored = authored
        self.summary = summary
        self.trailers = trailers
    }

    public init(_ entry: HistoryEntry) {
        self.init(id: entry.id, authored: entry.authored, summary: Self.summary(of: entry.message),
                  trailers: CommitTrailers.parse(entry.message))
    }

    /// The first line of a message, split as `log` always split it (at a "\\n" character: a
    /// "\\r\\n" pair is one character and does not end the line).
    public static func summary(of message: String) -> String {
        message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }
}
