import Foundation

/// Foundation's trimming, without its cost when there is nothing to trim.
enum TextTrimming {
    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`. Foundation bridges the text to an
    /// NSString and makes a new String of its UTF-16 code units even when neither end is a space or
    /// a line break; a text whose first and last scalars are neither is returned as it is. (Every
    /// member of the set is in the Basic Multilingual Plane, so a scalar outside it, whose first
    /// UTF-16 code unit is a surrogate, is never trimmed either way.)
    static func whitespacesAndNewlines(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        let set = CharacterSet.whitespacesAndNewlines
        guard set.contains(first) || set.contains(last) else { return text }
        return text.trimmingCharacters(in: set)
    }
}
