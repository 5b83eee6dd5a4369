import DraftFlow
import Foundation

/// A tracked change as Word records it on a run or a paragraph mark (`w:ins`, `w:del`,
/// `w:moveTo`, `w:moveFrom`).
struct WordChange: Equatable, Sendable {
    var kind: Revision.Kind
    var author: String
    /// `w:date` as written (ISO 8601, usually UTC).
    var date: String?
}

/// What `word/document.xml` holds, in document order: each paragraph's text with its tracked
/// changes and the places Word comments start and end.
struct WordParagraph: Sendable {
    enum Piece: Sendable, Equatable {
        /// Text of runs (`w:t`, `w:delText`, a tab, a soft line break as "\n"); `change` when it
        /// is inside a tracked insertion or deletion.
        case text(String, change: WordChange?)
        case commentStart(String)
        case commentEnd(String)
        /// `w:commentReference`: where Word shows the comment's mark.
        case commentReference(String)
    }

    /// The paragraph style's id (`Heading2`, `Title`), when one is set.
    var style: String?
    /// Numbered by Word (`w:numPr`): its number is not in the text.
    var numbered = false
    /// The paragraph mark's own tracked change: inserted (the paragraph was split or added) or
    /// deleted (accepting joins it to the next).
    var markChange: WordChange?
    var pieces: [Piece] = []

    /// The heading level its style gives (`Title` and `Heading1` 1, `Heading2` 2…), nil for body text.
    var headingLevel: Int? {
        guard let style else { return nil }
        let id = style.lowercased().filter { $0.isLetter || $0.isNumber }
        if id == "title" { return 1 }
        guard id.hasPrefix("heading"), let level = Int(id.dropFirst("heading".count)), (1...6).contains(level) else { return nil }
        return level
    }
}

/// A Word comment of `word/comments.xml`.
struct WordComment: Sendable, Equatable {
    var id: String
    var author: String
    var date: String?
    /// Its paragraphs, joined by a line feed.
    var text: String
}
