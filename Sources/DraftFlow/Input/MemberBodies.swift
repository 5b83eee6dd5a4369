import Foundation

/// Which registered member an ISO template's MB/NC cell names.
///
/// A cell names a member when, ignoring case, surrounding spaces and a trailing footnote mark
/// (`*`, `¹`), it is
/// - the member's code (`FRA`, or `EU` for a member registered so);
/// - the ISO 3166 alpha-2 code of the member's code (`FR` for `FRA`, `GB` for `GBR`);
/// - the member's registered name, or an ISO 3166 name of its code (`France`, `French Republic`;
///   `United Kingdom` for a member registered as `United Kingdom of Great Britain and Northern
///   Ireland`), compared without regard to case, accents, a leading "the" or punctuation.
public enum MemberBodies {
    /// The member `cell` names among `members`, or nil when it names none of them.
    public static func member(named cell: String, among members: [Member]) -> Member? {
        let code = cleaned(cell).uppercased()
        guard !code.isEmpty else { return nil }
        if let member = members.first(where: { $0.code == code }) { return member }
        if code.count == 2, let alpha3 = CountryCodes.alpha3ByAlpha2[code], let member = members.first(where: { $0.code == alpha3 }) {
            return member
        }
        let name = folded(cell)
        if let member = members.first(where: { folded($0.name) == name }) { return member }
        if let alpha3 = CountryCodes.alpha3ByName[name], let member = members.first(where: { $0.code == alpha3 }) { return member }
        return nil
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
