import DraftFlow
import Foundation

/// A member's Word copy of the draft (`.docx`), read in process: its tracked changes are the
/// member's edits (the edited copy is the document with every change accepted, in the version's
/// terms, see `WordAlignment`), each kept with its author and date, and its Word comments are
/// comments on the paragraph their range starts in, quoting the words they cover; a comment's
/// first word may give its type (`ed`, `te`, `general`, in any of the six languages).
///
/// A copy without tracked changes is an edited copy all the same: the merge compares it with
/// the version. The original `.docx` is what is stored, byte for byte.
public enum WordCopy {
    /// `file` with what its Word copy holds, compared with `version` (the text of the version the
    /// round is on; nil when there is none, then the copy is taken as Word has it).
    public static func read(_ file: IncomingFile, version: String?) throws -> IncomingFile {
        let display = SafeName.display(file.name)
        let package = try OOXMLPackage(file.data, name: file.name)
        guard let document = try package.part("word/document.xml") else {
            throw DraftFlowError(.invalidInput, "\(display) is not a Word document (it has no word/document.xml)",
                                 fix: "save it from Word or LibreOffice as a Word document (.docx)")
        }
        let body = try WordXMLReader.read(document, what: "\(display) (word/document.xml)").paragraphs
        let comments = try package.part("word/comments.xml").map { try WordXMLReader.read($0, what: "\(display) (word/comments.xml)").comments } ?? []
        let accepted = WordAcceptedText(body)
        let prepared = version.map(WordVersion.prepared)
        let convention = prepared?.convention ?? WordText.Convention(version: nil)
        let alignment = WordAlignment(copy: accepted.paragraphs, version: prepared)

        var revisions: [Revision] = []
        for (index, paragraph) in accepted.paragraphs.enumerated() {
            let anchor = Self.anchor(of: index, in: alignment.anchors)
            revisions += paragraph.revisions.map { revision in
                var revision = revision
                revision.paragraph = anchor
                return revision
            }
        }
        var parsed: [ParsedComment] = []
        let placed = comments.map { ($0, accepted.commentParagraph[$0.id] ?? Int.max) }.enumerated()
            .sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
        // A comment on the document's title is on the whole text, as `## general` is in Markdown
        // (and as the Word compilation writes one): general comments come after the others.
        let title = alignment.anchors.isEmpty ? nil : Self.anchor(of: 0, in: alignment.anchors)
        var general: [ParsedComment] = []
        for (comment, paragraph) in placed {
            var anchor = paragraph == Int.max ? nil : Self.anchor(of: paragraph, in: alignment.anchors)
            var quoted = convention.cleaned(accepted.quoted[comment.id] ?? "")
            // A comment on a whole paragraph is on that paragraph: its words are not quoted back.
            if paragraph < accepted.paragraphs.count,
               quoted.trimmingCharacters(in: .whitespaces) == convention.cleaned(accepted.paragraphs[paragraph].text).trimmingCharacters(in: .whitespaces) {
                quoted = ""
            }
            if anchor != nil && anchor == title {
                anchor = nil
                quoted = ""
            }
            guard let item = Self.comment(comment, anchor: anchor, quoted: quoted) else { continue }
            if anchor == nil { general.append(item) } else { parsed.append(item) }
        }
        parsed += general
        let editedCopy = DraftDocument.render(blockTexts: alignment.blocks)
        let authors = Array(Set(revisions.map(\.author))).sorted()
        var notes = ["\(display): \(revisions.count) tracked change\(revisions.count == 1 ? "" : "s")"
                     + (authors.isEmpty ? "" : " by \(authors.joined(separator: ", "))")
                     + ", \(parsed.count) Word comment\(parsed.count == 1 ? "" : "s"); read as an edited copy of the draft"]
        if let prepared, editedCopy == prepared.rendered {
            notes.append("\(display): once what Word changes on its own is set aside, the copy does not change the text")
        }
        var read = file
        read.read = ReadSubmission(comments: parsed, editedCopy: editedCopy, revisions: revisions, notes: notes)
        return read
    }

    /// The version's id of copy paragraph `index`, or of the nearest one before it (an empty
    /// paragraph belongs to the one it follows).
    static func anchor(of index: Int, in anchors: [String?]) -> String? {
        var index = min(index, anchors.count - 1)
        while index >= 0 {
            if let anchor = anchors[index] { return anchor }
            index -= 1
        }
        return nil
    }

    /// A Word comment as DraftFlow records it: on `anchor` (general when nil), typed by its first
    /// word when that names a type (general otherwise), its text after the quoted words.
    static func comment(_ comment: WordComment, anchor: String?, quoted: String) -> ParsedComment? {
        var text = comment.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var type = CommentType.general
        let separators: Set<Character> = [" ", "\t", "\n", ":", "\u{FF1A}", "\u{2013}", "\u{2014}", ",", "\u{FF0C}", "\u{3001}"]
        let first = text.prefix { !separators.contains($0) && !WordText.isSpace($0) }
        let word = first.trimmingCharacters(in: CharacterSet(charactersIn: "()[]（）【】"))
        if !word.isEmpty, let named = CommentType(word: word) {
            type = named
            text = String(text.dropFirst(first.count).drop { separators.contains($0) || WordText.isSpace($0) || $0 == "-" })
        }
        // Each paragraph of the comment a line of its own, its spaces cleaned.
        let body = text.split(separator: "\n").map { WordText.Convention(version: nil).cleaned($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
        guard !body.isEmpty || !quoted.isEmpty else { return nil }
        let full = quoted.isEmpty ? body : "On \u{201C}\(quoted)\u{201D}: \(body)"
        let reference: CommentReference
        if let anchor, anchor.hasPrefix("after ") {
            reference = .insertion(after: String(anchor.dropFirst("after ".count)))
        } else if let anchor {
            reference = .paragraphs([anchor])
        } else {
            reference = .general
        }
        return ParsedComment(reference: reference, type: type, text: full)
    }
}
