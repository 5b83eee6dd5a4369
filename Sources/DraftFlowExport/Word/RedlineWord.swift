import DraftFlow
import Foundation

/// A redline between two versions as a Word document: every difference a tracked change, so a
/// reader can accept or reject it in Word.
public enum RedlineWord {
    /// `title` heads it; the changes are `author`'s (the secretariat), made at `date` (when the newer
    /// version was published).
    public static func document(_ blocks: [RedlineBlock], title: String, author: String, date: Date) -> PandocDocument {
        let when = WordText.date(date)
        return PandocDocument(blocks: [.styled("Title", [.text(title)])] + blocks.map { WordText.block($0, author: author, date: when) },
                              )
    }
}
