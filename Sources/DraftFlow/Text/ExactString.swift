import Foundation

/// A string compared and hashed by its exact UTF-8 bytes. `String`'s own equality and hashing
/// follow Unicode canonical equivalence, which costs a normalization check for every non-ASCII
/// string: too slow where many long texts or many thousand words are grouped, and not needed
/// where two spellings of one text may count as two.
struct ExactString: Hashable {
    var text: String

    init(_ text: String) { self.text = text }

    static func == (first: ExactString, second: ExactString) -> Bool {
        first.text.utf8.elementsEqual(second.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
