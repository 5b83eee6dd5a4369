import DraftFlow
import Foundation

/// A Word document with every tracked change accepted, paragraph by paragraph, with the
/// revisions each paragraph holds and where each Word comment starts and what it covers.
struct WordAcceptedText: Sendable {
    struct Paragraph: Sendable {
        /// The text with insertions kept and deletions left out, as Word wrote it.
        var text = ""
        var headingLevel: Int?
        var numbered = false
        /// The tracked changes in it, in order (`paragraph` not set yet).
        var revisions: [Revision] = []
    }

    var paragraphs: [Paragraph] = []
    /// The paragraph each comment's range starts in (or its mark stands in, without a range).
    var commentParagraph: [String: Int] = [:]
    /// The words each comment covers: the accepted text of its range, or the deleted text when
    /// the range covers only a deletion.
    var quoted: [String: String] = [:]

    init(_ body: [WordParagraph]) {
        var current = Paragraph()
        var started = false
        var open: [String] = []
        var kept: [String: String] = [:]
        var deleted: [String: String] = [:]
        var lastChange: WordChange?
        // Word gives every change its date: parsed once each (a copy has hundreds of changes, a few dates).
        var dates: [String: Date?] = [:]
        func parsed(_ text: String?) -> Date? {
            guard let text else { return nil }
            if let known = dates[text] { return known }
            let date = Self.date(text)
            dates[text] = date
            return date
        }
        for paragraph in body {
            if !started {
                current.headingLevel = paragraph.headingLevel
                current.numbered = paragraph.numbered
                started = true
            }
            for piece in paragraph.pieces {
                switch piece {
                case .text(let text, let change):
                    if change?.kind == .deletion {
                        for id in open { deleted[id, default: ""] += text }
                    } else {
                        current.text += text
                        for id in open { kept[id, default: ""] += text }
                    }
                    if let change {
                        if change == lastChange, let last = current.revisions.indices.last {
                            current.revisions[last].text += text
                        } else {
                            current.revisions.append(Revision(kind: change.kind, author: change.author, date: parsed(change.date),
                                                              paragraph: nil, text: text))
                        }
                    }
                    lastChange = change
                case .commentStart(let id):
                    open.append(id)
                    commentParagraph[id] = paragraphs.count
                case .commentEnd(let id):
                    open.removeAll { $0 == id }
                case .commentReference(let id):
                    if commentParagraph[id] == nil { commentParagraph[id] = paragraphs.count }
                }
            }
            // A deleted paragraph mark: accepted, the paragraph runs on into the next.
            if paragraph.markChange?.kind == .deletion { continue }
            paragraphs.append(current)
            current = Paragraph()
            started = false
            lastChange = nil
        }
        if started { paragraphs.append(current) }
        for id in Set(kept.keys).union(deleted.keys) {
            let words = kept[id].map(WordText.Convention(version: nil).cleaned) ?? ""
            let quote = words.trimmingCharacters(in: .whitespaces).isEmpty ? deleted[id] ?? "" : words
            quoted[id] = WordText.Convention(version: nil).cleaned(quote).trimmingCharacters(in: .whitespaces)
        }
    }

    /// A `w:date`: ISO 8601, with or without its zone (Word writes UTC), with or without
    /// fractions of a second.
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let zoned = text.hasSuffix("Z") || text.dropFirst(19).contains("+") || text.dropFirst(19).contains("-") ? text : text + "Z"
        if let date = formatter.date(from: zoned) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: zoned)
    }
}
