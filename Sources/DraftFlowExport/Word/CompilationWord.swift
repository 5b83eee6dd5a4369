import DraftFlow
import Foundation

/// The compilation text as a Word document the secretariat can work in: every member's proposal a
/// tracked change authored by that member (its name, dated when its submission was received), every
/// comment a Word comment on the paragraph it is about, and each collision's alternatives as the
/// proposers' tracked insertions, so that accepting or rejecting in Word decides them.
public enum CompilationWord {

    /// The Word document of `compilation`; `title` heads it.
    public static func document(_ compilation: CompilationDocument, title: String) -> PandocDocument {
        var notesByBlock: [Int: [(id: String, note: CompilationDocument.Note)]] = [:]
        for (number, note) in compilation.notes.enumerated() {
            notesByBlock[note.block, default: []].append((String(number + 1), note))
        }
        var blocks: [PandocBlock] = [
            .styled("Title", [.text(title)]),
            .styled("Subtitle", [.text("Each member's proposals are tracked changes in its name; each comment is a Word comment on its paragraph.")]),
        ]
        for (index, block) in compilation.blocks.enumerated() {
            var inlines = WordText.inlines(block, received: compilation.received)
            if let notes = notesByBlock[index] {
                inlines = notes.map { PandocInline.commentStart(id: $0.id, author: $0.note.author, date: WordText.date($0.note.received),
                                                                 text: commentText($0.note)) }
                    + inlines + notes.map { PandocInline.commentEnd(id: $0.id) }
            }
            if case .heading(let level) = block.kind {
                blocks.append(.header(min(level, 6), inlines))
            } else {
                blocks.append(.para(inlines))
            }
        }
        return PandocDocument(blocks: blocks)
    }

    /// "technical: The text. [CAN-2]", then the proposed change on a line of its own. The first word
    /// is the comment's type, as a member's Word comment may give it.
    static func commentText(_ note: CompilationDocument.Note) -> [PandocInline] {
        var text = note.type == .unspecified ? note.text : "\(note.type.rawValue): \(note.text)"
        text += " [\(note.id)]"
        if let proposed = note.proposedChange, !proposed.isEmpty { text += "\nProposed change: \(proposed)" }
        return [.text(text)]
    }
}

/// The pieces of Word text shared by the compilation, the redline and the packet.
enum WordText {
    /// A tracked change's date: ISO 8601 in UTC, to the second, as Word writes it.
    static func date(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// A compilation block's pieces as text and tracked changes; a heading loses its `#` marker.
    static func inlines(_ block: CompilationDocument.Block, received: [String: Date]) -> [PandocInline] {
        var pieces = block.pieces
        if case .heading = block.kind, case .plain(let first)? = pieces.first {
            pieces[0] = .plain(InlineMarkup.splitHeadingMarker(first).rest)
        }
        var out: [PandocInline] = []
        for piece in pieces {
            switch piece {
            case .plain(let text):
                if !text.isEmpty { out.append(.text(text)) }
            case .change(let deleted, let inserted, let by):
                let when = date(received[by] ?? Date(timeIntervalSince1970: 0))
                if !deleted.isEmpty { out.append(.deletion(deleted, author: by, date: when)) }
                if !inserted.isEmpty { out.append(.insertion(inserted, author: by, date: when)) }
            case .alternatives(let alternatives):
                for (number, alternative) in alternatives.enumerated() {
                    let when = date(received[alternative.by] ?? Date(timeIntervalSince1970: 0))
                    out.append(.text((number == 0 ? "" : " ") + "[\(alternative.label): "))
                    if let text = alternative.text {
                        out.append(.insertion(text, author: alternative.by, date: when))
                    } else {
                        out.append(.emph([.text("delete")]))
                    }
                    out.append(.text("]"))
                }
            }
        }
        return out
    }

    /// A redline block as text and tracked changes by `author` at `date`.
    static func inlines(_ block: RedlineBlock, author: String, date when: String) -> [PandocInline] {
        var out: [PandocInline] = []
        for (index, segment) in block.segments.enumerated() {
            switch segment {
            case .equal(let text):
                let shown = index == 0 && block.kind != .paragraph ? InlineMarkup.splitHeadingMarker(text).rest : text
                if !shown.isEmpty { out.append(.text(shown)) }
            case .deleted(let text):
                let shown = index == 0 && block.kind != .paragraph ? InlineMarkup.splitHeadingMarker(text).rest : text
                if !shown.isEmpty { out.append(.deletion(shown, author: author, date: when)) }
            case .inserted(let text):
                let shown = index == 0 && block.kind != .paragraph ? InlineMarkup.splitHeadingMarker(text).rest : text
                if !shown.isEmpty { out.append(.insertion(shown, author: author, date: when)) }
            }
        }
        if case .moved(let from, let to) = block.status {
            out.append(.emph([.text(" (moved from \(from) to \(to))")]))
        }
        return out
    }

    /// A redline block as a Word heading (one level below `offset`) or paragraph.
    static func block(_ block: RedlineBlock, author: String, date: String, headingOffset: Int = 0) -> PandocBlock {
        let inlines = inlines(block, author: author, date: date)
        if case .heading(let level) = block.kind { return .header(min(level + headingOffset, 6), inlines) }
        return .para(inlines)
    }
}
