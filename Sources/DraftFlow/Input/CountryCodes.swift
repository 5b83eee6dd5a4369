import Foundation

/// ISO 3166-1 as the ISO commenting template's MB/NC column uses it: a delegation may be written
/// by its alpha-2 code (`FR`), its alpha-3 code (`FRA`) or its English name (`France`,
/// `French Republic`). The table is Debian's iso-codes, generated into CountryCodes+Table.swift.
enum CountryCodes {
    struct Country: Sendable {
        var alpha2: String
        var alpha3: String
        /// Short name first, then the official and common names when they differ.
        var names: [String]
    }

    static let countries: [Country] = table.split(separator: "\n").map { line in
        let fields = line.split(separator: "|").map(String.init)
        return Country(alpha2: fields[0], alpha3: fields[1], names: Array(fields.dropFirst(2)))
    }

    /// Alpha-3 code by alpha-2 code.
    static let alpha3ByAlpha2: [String: String] = Dictionary(uniqueKeysWithValues: countries.map { ($0.alpha2, $0.alpha3) })

    /// Every alpha-3 code.
    static let alpha3s = Set(countries.map(\.alpha3))

    /// Alpha-3 code by folded name (`MemberBodies.folded`), every name of every country.
    static let alpha3ByName: [String: String] = Dictionary(
        countries.flatMap { country in country.names.map { (MemberBodies.folded($0), country.alpha3) } },
        uniquingKeysWith: { first, _ in first })
}
