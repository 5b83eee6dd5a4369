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

    /// `text.trimmingCharacters(in: set)` for the sets of the Basic Multilingual Plane used here
    /// (blanks, line breaks), found on the Unicode scalars: Foundation bridges the text to an
    /// NSString, trims its UTF-16 code units and makes a new String of what is left (a fifth of
    /// the comment parser's time at intake). Scalars outside the plane are never in these sets, so
    /// trimming whole scalars removes what trimming their code units would.
    public static func trimmed(_ text: some StringProtocol, in set: CharacterSet) -> String {
        let string = String(text)
        let scalars = string.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { scalars.formIndex(after: &start) }
        while start < end {
            let before = scalars.index(before: end)
            guard set.contains(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return string }
        return String(scalars[start..<end])
    }
}
