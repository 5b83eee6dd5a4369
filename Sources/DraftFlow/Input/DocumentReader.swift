import Foundation

/// Reads a draft as it comes and writes the Markdown DraftFlow stores (README, "Documents and
/// paragraph references").
///
/// - Markdown is kept as written, byte for byte, unless a line opening with a number, a label or
///   a bullet inside a paragraph must start a paragraph of its own, or artefacts are removed: then
///   its blocks are written separated by one blank line.
/// - Word's plain-text export (a TAB after each number, one paragraph per line, `[bookmark: …]`
///   artefacts) gives one block per line: `N<TAB>title` becomes the heading `## N title` (a
///   heading's level is its number's depth plus one, `#` being the title's; only bare numbers
///   make headings, since `2.1<TAB>…` lines are sentences), a TAB after a number or label
///   becomes one space, and `ii) ii)`, `4)工作组` and `2.1.1.` read as `ii)`, `4) 工作组`, `2.1.1`.
/// In both, `[bookmark: …]` artefacts and a byte order mark are removed.
public enum DocumentReader {
    public enum Format: String, Sendable, Equatable, Codable {
        case markdown
        case wordText = "word-text"

        /// How the format is named in messages.
        public var title: String { self == .markdown ? "Markdown" : "Word plain text" }
    }

    /// The Markdown to store, its document and what reading it found.
    public struct Result: Sendable {
        public var markdown: String
        public var document: DraftDocument
        public var report: DocumentReport
    }

    /// Reads `data`, the file `name` (its extension and first bytes decide what it is). Throws
    /// for Word, PDF and other binary documents, and for text that is not UTF-8.
    public static func read(_ data: Data, name: String) throws -> Result {
        try refuseBinary(data, name: name)
        let text = try TextInput.validate(data, what: "the document \(name)")
        var artefacts = ArtefactCounter()
        if TextInput.hasByteOrderMark(data) {
            artefacts.add("byte order mark", nil)
        }
        let format = detect(text, name: name)
        var lines = Self.lines(text).map { removingBookmarks($0, into: &artefacts) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        var reader = LineReader(artefacts: artefacts)
        switch format {
        case .markdown: reader.readMarkdown(lines)
        case .wordText: reader.readWordText(lines)
        }
        // Markdown that reading did not change is stored byte for byte, as it came.
        let unchanged = format == .markdown && reader.oddities.isEmpty && reader.artefacts.entries.isEmpty
        let markdown = unchanged ? text : DraftDocument.render(blockTexts: reader.blocks)
        let document = DraftDocument(blockTexts: reader.blocks)
        var report = DocumentReport(document: document, format: format, lines: reader.blockLines)
        report.headings = reader.headings
        report.artefacts = reader.artefacts.entries
        report.oddities = reader.oddities
        return Result(markdown: markdown, document: document, report: report)
    }

    /// The name the draft is stored under in `Drafts/`: a `.txt` name becomes `.md`.
    public static func storedName(for name: String) -> String {
        let file = URL(fileURLWithPath: name).lastPathComponent
        guard file.lowercased().hasSuffix(".txt") else { return file }
        return String(file.dropLast(4)) + ".md"
    }

    /// Word's plain-text export when the text has `[bookmark: …]` artefacts, or has no Markdown
    /// heading and either at least two lines opening with a number, label or bullet and a TAB,
    /// or (a `.txt` file) most lines not followed by a blank line.
    public static func detect(_ text: String, name: String) -> Format {
        if text.contains("[bookmark: ") { return .wordText }
        var tabbed = 0
        var nonBlank = 0
        var followedByBlank = 0
        var previousNonBlank = false
        for line in lines(text) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if previousNonBlank { followedByBlank += 1 }
                previousNonBlank = false
                continue
            }
            if line.hasPrefix("#") { return .markdown }
            nonBlank += 1
            previousNonBlank = true
            if let marker = LineReader.marker(trimmed[...]), marker.separator.contains("\t") { tabbed += 1 }
        }
        if tabbed >= 2 { return .wordText }
        if name.lowercased().hasSuffix(".txt") && nonBlank > 1 && followedByBlank * 2 < nonBlank { return .wordText }
        return .markdown
    }

    /// The lines of `text`, split at "\n", "\r\n" (one `Character`) or "\r".
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// Refuses Word, PDF and other documents that are not text, saying how to send the text.
    static func refuseBinary(_ data: Data, name: String) throws {
        let lower = name.lowercased()
        let head = [UInt8](data.prefix(8))
        let fix = "in Word, File > Save As > Plain Text (.txt) with the encoding Unicode (UTF-8), and pass that file; "
            + "or send the draft as Markdown (.md)"
        if lower.hasSuffix(".docx") || lower.hasSuffix(".doc") || lower.hasSuffix(".odt") || lower.hasSuffix(".rtf")
            || head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) || head.starts(with: Array("{\\rtf".utf8)) {
            throw DraftFlowError(.invalidInput, "\(name) is a word-processor document: DraftFlow reads its text, not the file itself (.docx is for a later version)",
                                 fix: fix)
        }
        if lower.hasSuffix(".pdf") || head.starts(with: Array("%PDF-".utf8)) {
            throw DraftFlowError(.invalidInput, "\(name) is a PDF: DraftFlow cannot take the text out of it reliably",
                                 fix: "export the text from the document the PDF was made from: " + fix)
        }
    }

    /// The line without `[bookmark: …]` artefacts, counted by name (digits left out).
    static func removingBookmarks(_ line: Substring, into artefacts: inout ArtefactCounter) -> String {
        guard line.contains("[bookmark: ") else { return String(line) }
        var out = ""
        var rest = line
        while let start = rest.range(of: "[bookmark: ") {
            guard let end = rest[start.upperBound...].firstIndex(of: "]") else { break }
            out += rest[..<start.lowerBound]
            let name = rest[start.upperBound..<end]
            artefacts.add("bookmark", String(name.prefix { !$0.isNumber }))
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}

/// Counts artefacts by kind and name, in a fixed order.
struct ArtefactCounter {
    private var counts: [String: DocumentReport.Artefact] = [:]

    mutating func add(_ kind: String, _ name: String?) {
        let key = kind + "\u{0}" + (name ?? "")
        counts[key, default: DocumentReport.Artefact(kind: kind, name: name, count: 0)].count += 1
    }

    var entries: [DocumentReport.Artefact] {
        counts.values.sorted { ($0.kind, $0.name ?? "") < ($1.kind, $1.name ?? "") }
    }
}
