import DraftFlow
import Foundation

/// The compilation text as a Word document the secretariat can work in: every member's proposal a
/// tracked change authored by that member (its name, dated when its submission was received), every
/// comment a Word comment on the paragraph it is about, and each collision as the version's wording
/// deleted and each alternative its proposers' insertion under a comment naming it, so that
/// accepting or rejecting in Word decides them.
public enum CompilationWord {

    /// Writes `compilation` as a Word document at `output`, `title` in its page header.
    public static func write(_ compilation: CompilationDocument, title: String, to output: URL) async throws {
        try await Pandoc.writeDocx(document(compilation), header: title, output: output)
    }

    /// The Word document of `compilation`.
    public static func document(_ compilation: CompilationDocument) -> PandocDocument {
        var notesByBlock: [Int: [(id: String, note: CompilationDocument.Note)]] = [:]
        for (number, note) in compilation.notes.enumerated() {
            notesByBlock[note.block, default: []].append((String(number + 1), note))
        }
        // The body is the draft's text alone (the title is in the page header): read back as a
        // member's copy, it has no paragraph the version does not have.
        var blocks: [PandocBlock] = []
        var nextComment = compilation.notes.count + 1
        for (index, block) in compilation.blocks.enumerated() {
            if let mark = block.ituMark, case .plain(let line)? = block.pieces.first {
                // An ITU proposal's mark line: the mark in bold, then the provision and its proposers.
                let reference = line.dropFirst(mark.rawValue.count)
                blocks.append(.para([.strong([.text(mark.rawValue)])] + (reference.isEmpty ? [] : [.text(String(reference))])))
                continue
            }
            var inlines = WordText.inlines(block, received: compilation.received, nextComment: &nextComment)
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
