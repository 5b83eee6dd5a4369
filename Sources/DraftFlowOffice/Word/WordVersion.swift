import DraftFlow
import Foundation
import Synchronization

/// The version Word copies are compared with, prepared once: its paragraphs, what each is matched
/// by, and which of Word's characters it uses. An intake reads hundreds of copies of one version.
final class WordVersion: Sendable {
    let text: String
    let document: DraftDocument
    let keys: [[UInt8]]
    let convention: WordText.Convention
    /// The text as DraftFlow renders its paragraphs, to tell a copy that changes nothing.
    let rendered: String

    init(_ text: String) {
        self.text = text
        document = DraftDocument.parse(text)
        keys = document.blocks.map { WordText.key($0.body) }
        convention = WordText.Convention(version: text)
        rendered = document.render()
    }

    private static let last = Mutex<WordVersion?>(nil)

    /// `text` prepared, or the one prepared last when it is the same text.
    static func prepared(_ text: String) -> WordVersion {
        if let cached = last.withLock({ $0 }), cached.text == text { return cached }
        let made = WordVersion(text)
        last.withLock { $0 = made }
        return made
    }
}
