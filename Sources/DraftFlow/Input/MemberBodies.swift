import Foundation

/// Which registered member an ISO template's MB/NC cell names.
///
/// A cell names a member when, ignoring case, surrounding spaces and a trailing footnote mark
/// (`*`, `¹`), it is
/// - the member's code (`FRA`, or `EU` for a member registered so), or its registered name,
///   compared without regard to case, accents, a leading "the" or punctuation;
/// - else the same country in ISO 3166: the cell's alpha-2 code (`FR`), alpha-3 code (`FRA`) or
///   English name (`France`, `French Republic`; `United Kingdom` for a member registered as
///   `United Kingdom of Great Britain and Northern Ireland`) is the country of the member's code,
///   or of its registered name (`GB` for a member registered as `UK`, "United Kingdom").
public enum MemberBodies {
    /// The member `cell` names among `members`, or nil when it names none of them.
    public static func member(named cell: String, among members: [Member]) -> Member? {
        let code = cleaned(cell).uppercased()
        guard !code.isEmpty else { return nil }
        if let member = members.first(where: { $0.code == code }) { return member }
        let name = folded(cell)
        if let member = members.first(where: { folded($0.name) == name }) { return member }
        guard let country = country(code: code, name: name) else { return nil }
        return members.first { country == Self.country(code: $0.code, name: folded($0.name)) }
    }

    /// The ISO 3166 alpha-3 code of a country named by its alpha-2 or alpha-3 code, or else by
    /// one of its English names (folded).
    private static func country(code: String, name: String) -> String? {
        if code.count == 2, let alpha3 = CountryCodes.alpha3ByAlpha2[code] { return alpha3 }
        if code.count == 3, CountryCodes.alpha3s.contains(code) { return code }
        return CountryCodes.alpha3ByName[name]
    }

    /// The cell without surrounding blanks and trailing footnote marks.
    static func cleaned(_ cell: String) -> String {
        var text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = text.unicodeScalars.last, last == "*" || "¹²³⁴⁵⁶⁷⁸⁹⁰".unicodeScalars.contains(last) {
            text.unicodeScalars.removeLast()
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text
    }

    /// A name as compared: case, accents and width folded, punctuation dropped, blanks collapsed,
    /// no leading "the".
    static func folded(_ name: String) -> String {
        let plain = cleaned(name).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let words = plain.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        var parts = String(words).split(separator: " ").map(String.init)
        if parts.first == "the", parts.count > 1 { parts.removeFirst() }
        return parts.joined(separator: " ")
    }
}
