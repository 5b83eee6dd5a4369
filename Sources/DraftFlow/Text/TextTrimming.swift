import Foundation

/// Foundation's trimming, without its cost when there is nothing to trim.
public enum TextTrimming {
    /// Whether the first or the last scalar of `text` is in `set`: whether
    /// `trimmingCharacters(in: set)` would remove anything. (The sets used here, blanks and line
    /// breaks, are in the Basic Multilingual Plane, so a scalar outside it, whose first UTF-16 code
    /// unit is a surrogate, is never trimmed either way.)
    public static func hasEnd(_ text: String, in set: CharacterSet) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        return set.contains(first) || set.contains(last)
    }

    /// `text.trimmingCharacters(in: set)`. Foundation bridges the text to an NSString and makes a
    /// new String of its UTF-16 code units even when neither end is in the set; such a text is
    /// returned as it is.
    public static func trimming(_ text: String, in set: CharacterSet) -> String {
        hasEnd(text, in: set) ? text.trimmingCharacters(in: set) : text
    }
}
