/// The trailers DraftFlow writes at the end of every commit message, so the timeline can be read
/// back from history.
public enum Trailer: String, Sendable, CaseIterable {
    case event = "DraftFlow-Event"
    case version = "DraftFlow-Version"
    case round = "DraftFlow-Round"
    case member = "DraftFlow-Member"
    case received = "DraftFlow-Received"
    case late = "DraftFlow-Late"
    case silence = "DraftFlow-Silence"
    case overObjection = "DraftFlow-Over-Objection"
    /// When the chair sent the final text (`submitted --at`), the instant the timeline shows.
    case sent = "DraftFlow-Sent"
    case noObjection = "DraftFlow-No-Objection"
    /// The document a commit of a workspace with several documents is about (`--document`).
    case document = "DraftFlow-Document"
}

/// What a commit records, as its `DraftFlow-Event` trailer says.
public enum CommitEvent: String, Codable, Sendable, CaseIterable {
    case `init`
    case memberAdd = "member-add"
    /// `member edit`: a member's name or addresses changed.
    case memberEdit = "member-edit"
    /// `document add`: a document joined the workspace.
    case documentAdd = "document-add"
    case edit
    case publish
    case roundOpen = "round-open"
    case roundClose = "round-close"
    /// `round extend`: a new close, and, with `--reopen`, a closed round opened again.
    case roundExtend = "round-extend"
    /// Not a commit: a round that reached its deadline, added to the timeline by `log`.
    case roundClosed = "round-closed"
    case comment
    case merge
    case resolve
    case dispose
    case finalize
    /// `submitted`: the chair sent the final text to its recipient; the last event of the timeline.
    case submitted
    /// A commit DraftFlow did not make, or one without an event trailer.
    case other
}

/// A commit message as DraftFlow writes it: a summary line, a body, and the trailers last.
///
/// The text is `summary`, a blank line, the body as its lines were added, then one `Key: value`
/// line per trailer, the event first.
struct CommitMessage {
    private let summary: String
    private var body = ""
    private var trailers: [(Trailer, String)]

    init(_ summary: String, event: CommitEvent) {
        self.summary = summary
        trailers = [(.event, event.rawValue)]
    }

    /// Adds `text` and a line end to the body.
    mutating func line(_ text: String) {
        body += text + "\n"
    }

    /// Adds an empty line to the body: the end of a paragraph.
    mutating func blankLine() {
        body += "\n"
    }

    /// Adds `text` as a paragraph of its own: the text, its line end and a blank line.
    mutating func paragraph(_ text: String) {
        line(text)
        blankLine()
    }

    mutating func trailer(_ key: Trailer, _ value: String) {
        trailers.append((key, value))
    }

    var text: String {
        summary + "\n\n" + body + trailers.map { "\($0.0.rawValue): \($0.1)\n" }.joined()
    }
}
