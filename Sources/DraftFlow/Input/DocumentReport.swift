import Foundation

/// What reading a draft found and changed: counts by kind of paragraph, the artefacts removed,
/// the lines made headings, the oddities fixed, and what the secretariat should check
/// (duplicate numbers, long runs of unnumbered paragraphs).
public struct DocumentReport: Sendable, Equatable, Codable {
    /// How the text was read: `markdown` or `word-text` (Word's plain-text export).
    public var format: DocumentReader.Format
    /// Blocks (headings and paragraphs) of the stored Markdown.
    public var paragraphs: Int
    public var numbered: Int
    public var subItems: Int
    public var bullets: Int
    public var unnumbered: Int
    /// Section lines (`1<TAB>引言`) written as Markdown headings.
    public var headings: [Heading]
    /// Artefacts removed, one entry per kind, by kind and name.
    public var artefacts: [Artefact]
    /// Lines changed so that their number or label reads as one.
    public var oddities: [Oddity]
    /// Blocks whose number or label an earlier block has: they get a `¶` id.
    public var duplicates: [Duplicate]
    /// Runs of `longRun` or more unnumbered paragraphs after the first numbered one.
    public var unnumberedRuns: [Run]

    /// The shortest run of unnumbered paragraphs reported.
    public static let longRun = 5

    public struct Heading: Sendable, Equatable, Codable {
        /// The line of the source (from 1).
        public var line: Int
        /// The Markdown heading written, e.g. `## 1 引言`.
        public var text: String
    }

    public struct Artefact: Sendable, Equatable, Codable {
        /// `bookmark`, `separator line` or `byte order mark`.
        public var kind: String
        /// For bookmarks, the name without its digits: `lt_pId`, `_Hlk`.
        public var name: String?
        public var count: Int
    }

    public struct Oddity: Sendable, Equatable, Codable {
        public var line: Int
        /// `repeated label`, `missing tab`, `trailing dot` or `no blank line`.
        public var kind: String
        /// The start of the line before and after the fix.
        public var before: String
        public var after: String
    }

    public struct Duplicate: Sendable, Equatable, Codable {
        /// The number or label as printed.
        public var number: String
        /// The id the block got instead.
        public var id: String
        /// The line of the source, when known.
        public var line: Int?
    }

    public struct Run: Sendable, Equatable, Codable {
        public var first: String
        public var last: String
        public var count: Int
    }

    /// The counts, duplicates and runs of `document`; no artefacts, headings or oddities.
    public init(document: DraftDocument, format: DocumentReader.Format = .markdown, lines: [Int]? = nil) {
        self.format = format
        paragraphs = document.blocks.count
        numbered = 0
        subItems = 0
        bullets = 0
        unnumbered = 0
        headings = []
        artefacts = []
        oddities = []
        duplicates = []
        unnumberedRuns = []
        var seenNumber = false
        var run: [DraftDocument.Block] = []
        func endRun() {
            if run.count >= Self.longRun, let first = run.first, let last = run.last {
                unnumberedRuns.append(Run(first: first.anchor, last: last.anchor, count: run.count))
            }
            run.removeAll()
        }
        for block in document.blocks {
            switch block.role {
            case .numbered: numbered += 1
            case .subItem: subItems += 1
            case .bullet: bullets += 1
            case .unnumbered: unnumbered += 1
            }
            if block.isDuplicate {
                duplicates.append(Duplicate(number: block.number ?? "", id: block.anchor, line: lines?[block.index]))
            }
            if block.role == .unnumbered {
                if seenNumber { run.append(block) }
            } else {
                endRun()
                if block.role == .numbered { seenNumber = true }
            }
        }
        endRun()
    }

    /// All artefacts removed.
    public var artefactCount: Int { artefacts.reduce(0) { $0 + $1.count } }

    /// One line: `123 paragraphs: 58 numbered, 61 sub-items, 0 bullets, 4 unnumbered; 23 [bookmark] artefacts removed`.
    public var summary: String {
        var line = "\(Self.count(paragraphs, "paragraph")): \(numbered) numbered, \(Self.count(subItems, "sub-item")), "
            + "\(Self.count(bullets, "bullet")), \(unnumbered) unnumbered"
        var removed: [String] = []
        for kind in ["bookmark", "separator line", "byte order mark"] {
            let total = artefacts.filter { $0.kind == kind }.reduce(0) { $0 + $1.count }
            guard total > 0 else { continue }
            removed.append(kind == "bookmark" ? "\(total) [bookmark] artefact\(total == 1 ? "" : "s")" : Self.count(total, kind))
        }
        if !removed.isEmpty { line += "; " + removed.joined(separator: ", ") + " removed" }
        if !headings.isEmpty { line += "; \(Self.count(headings.count, "section line")) made \(headings.count == 1 ? "a heading" : "headings")" }
        if !oddities.isEmpty { line += "; \(oddities.count) \(oddities.count == 1 ? "oddity" : "oddities") fixed" }
        return line
    }

    /// What the secretariat should check, one line each.
    public var warnings: [String] {
        var lines: [String] = []
        if paragraphs > 0 && numbered == 0 {
            lines.append("no numbered paragraph was found: delegates can cite only positions (¶1, ¶2, …); "
                         + "if the text is numbered, check the file (see `draftflow outline`)")
        }
        for duplicate in duplicates {
            lines.append("\(duplicate.number) is used twice: the second\(duplicate.line.map { " (line \($0))" } ?? "") is cited as \(duplicate.id)")
        }
        for run in unnumberedRuns {
            lines.append("\(run.count) unnumbered paragraphs in a row, \(run.first) to \(run.last): are numbers missing?")
        }
        return lines
    }

    /// The fixes, one line each: `line 54, repeated label: ii) ii) E区… → ii) E区…`.
    public var fixes: [String] {
        oddities.map { "line \($0.line), \($0.kind): \($0.before) → \($0.after)" }
    }

    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
