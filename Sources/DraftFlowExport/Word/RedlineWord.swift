import DraftFlow
import Foundation

/// A redline between two versions as a Word document: every difference a tracked change, so a
/// reader can accept or reject it in Word.
public enum RedlineWord {
    /// The changes are `author`'s (the secretariat), made at `date` (when the newer version was
    /// published). The body is the text alone; the page header gives the title.
    public static func document(_ blocks: [RedlineBlock], author: String, date: Date) -> PandocDocument {
        let when = WordText.date(date)
        return PandocDocument(blocks: blocks.map { WordText.block($0, author: author, date: when) })
    }
}
