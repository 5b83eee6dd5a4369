import DraftFlow
import Foundation

/// What the chair receives: the clean final text, a transmittal summary (timeline, who commented,
/// what changed, the silence outcome), the redline from the first version, the disposition of
/// comments, and the tags and commits it was built from.
///
/// Instants are kept as instants; the renderers show them in `timeZone`, the workspace's zone, in
/// the one human format (`InstantFormat.human`), with ISO 8601 (`InstantFormat.iso`) where HTML wants a
/// machine-readable date.
public struct FinalTextPacket: Sendable, Equatable {

    /// One step of the timeline.
    public struct Event: Sendable, Equatable {
        public var at: Date
        public var what: String

        public init(at: Date, what: String) {
            self.at = at
            self.what = what
        }
    }

    /// A member that commented, when, and how much.
    public struct Commenter: Sendable, Equatable {
        public var code: String
        public var name: String
        public var received: Date
        public var comments: Int
        public var late: Bool

        public init(code: String, name: String, received: Date, comments: Int, late: Bool = false) {
            self.code = code
            self.name = name
            self.received = received
            self.comments = comments
            self.late = late
        }
    }

    /// A version the packet was built from: its label, its annotated tag object id, its commit id.
    public struct Source: Sendable, Equatable {
        public var label: String
        public var tag: String?
        public var commit: String

        public init(label: String, tag: String?, commit: String) {
            self.label = label
            self.tag = tag
            self.commit = commit
        }
    }

    /// How many paragraphs (headings included) a redline changes.
    public struct Changes: Sendable, Equatable {
        public var modified: Int
        public var inserted: Int
        public var deleted: Int
        public var moved: Int

        public init(modified: Int, inserted: Int, deleted: Int, moved: Int) {
            self.modified = modified
            self.inserted = inserted
            self.deleted = deleted
            self.moved = moved
        }

        public init(_ redline: [RedlineBlock]) {
            var changes = Changes(modified: 0, inserted: 0, deleted: 0, moved: 0)
            for block in redline {
                switch block.status {
                case .unchanged: break
                case .modified: changes.modified += 1
                case .inserted: changes.inserted += 1
                case .deleted: changes.deleted += 1
                case .moved: changes.moved += 1
                }
            }
            self = changes
        }

        /// "3 paragraphs modified, 1 inserted, 0 deleted" (", 1 moved" when any were moved).
        public var summary: String { summary(in: .en) }

        /// The summary in `language`: "修改3段，插入1段，删除0段".
        public func summary(in language: Language) -> String {
            language.catalogue.changeSummary(modified: modified, inserted: inserted, deleted: deleted, moved: moved)
        }
    }

    public var title: String
    /// The version transmitted, e.g. "final".
    public var version: String
    /// e.g. "President of ECOSOC".
    public var recipient: String
    /// The day the text is due, shown as a day ("16 March 2020").
    public var dueDate: Date?
    /// The secretariat's name.
    public var preparedBy: String
    public var preparedAt: Date
    /// The workspace's zone, in which the packet shows its dates.
    public var timeZone: TimeZone
    public var timeline: [Event]
    public var commenters: [Commenter]
    /// e.g. "Silence kept: no member objected to final-draft before 12 March 2020, 23:59:59 CET."
    public var silenceOutcome: String
    /// The final text, Markdown.
    public var cleanText: String
    /// The version the redline starts from, e.g. "draft-1".
    public var firstVersion: String
    /// From `firstVersion` to `version`.
    public var redline: [RedlineBlock]
    public var dispositions: [DispositionRow]
    public var sources: [Source]
    /// Whether `version` is the final text (published by `finalize`). A packet of any other version
    /// never calls it final nor says it was transmitted.
    public var isFinal = true
    /// The language of the packet's own words and dates (never of the text it transmits).
    public var language = Language.en

    /// The packet's words.
    var words: any Catalogue { language.catalogue }

    public init(title: String, version: String, recipient: String, dueDate: Date?, preparedBy: String,
                preparedAt: Date, timeZone: TimeZone, timeline: [Event], commenters: [Commenter], silenceOutcome: String,
                cleanText: String, firstVersion: String, redline: [RedlineBlock], dispositions: [DispositionRow],
                sources: [Source]) {
        self.title = title
        self.version = version
        self.recipient = recipient
        self.dueDate = dueDate
        self.preparedBy = preparedBy
        self.preparedAt = preparedAt
        self.timeZone = timeZone
        self.timeline = timeline
        self.commenters = commenters
        self.silenceOutcome = silenceOutcome
        self.cleanText = cleanText
        self.firstVersion = firstVersion
        self.redline = redline
        self.dispositions = dispositions
        self.sources = sources
    }

    /// The changes the redline makes.
    public var changes: Changes { Changes(redline) }

    /// "What changed since draft-1: 3 paragraphs modified, 1 inserted, 0 deleted".
    public var changeLine: String { words.changeLine(since: firstVersion, changes.summary(in: language)) }

    /// The section headings, in order.
    var sectionTitles: [String] {
        isFinal ? words.finalSections : words.draftSections(version: version)
    }

    /// The title block's second fact: whom the final text is transmitted to, or, for a draft, that
    /// it is not the final text.
    var statusFact: (heading: String, value: String) {
        isFinal ? (words.transmittedTo, recipient) : (words.status, words.draftStatus(version: version, recipient: recipient))
    }

    /// `date` for people: "14 February 2020, 10:00:00 CET (Europe/Zurich)".
    func human(_ date: Date) -> String {
        InstantFormat.human(date, in: timeZone, language: language)
    }

    /// The due day for people, "16 March 2020", when there is one.
    var dueDay: String? {
        dueDate.map { InstantFormat.humanDay($0, in: timeZone, language: language) }
    }

    /// "Canada (CAN)", or the code alone when the name is empty or the code itself.
    static func memberLabel(_ commenter: Commenter) -> String {
        let name = commenter.name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty || name == commenter.code ? commenter.code : "\(name) (\(commenter.code))"
    }
}
