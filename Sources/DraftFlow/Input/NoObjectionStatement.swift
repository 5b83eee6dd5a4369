import Foundation

/// A reply whose whole text says "no objection", in any of the six UN languages: in a silence
/// round it is recorded as a confirmation, which does not break silence.
///
/// The whole text must be the statement (after trimming spaces, final punctuation, case and
/// invisible formatting marks): "No objection." is one, "No objection, but paragraph 3 …" is not.
public enum NoObjectionStatement {
    /// The statements, normalised as `normalised` gives them.
    static let statements: Set<String> = [
        // English
        "no objection", "no objections", "we have no objection", "we have no objections", "no objection to the text",
        // French
        "pas d'objection", "pas d'objections", "aucune objection", "nous n'avons pas d'objection", "nous n'avons aucune objection",
        // Spanish
        "sin objeciones", "sin objeción", "sin objecion", "ninguna objeción", "ninguna objecion", "no hay objeciones",
        "no tenemos objeciones", "no tenemos ninguna objeción",
        // Russian
        "возражений нет", "нет возражений", "без возражений", "у нас нет возражений",
        // Chinese
        "无异议", "没有异议", "我们无异议", "我们没有异议", "無異議", "沒有異議",
        // Arabic
        "لا اعتراض", "لا اعتراض لدينا", "لا توجد اعتراضات", "ليس لدينا اعتراض", "ليس لدينا أي اعتراض",
    ]

    /// Whether the whole of `data` (UTF-8, a byte order mark allowed) is a no-objection statement.
    public static func matches(_ data: Data) -> Bool {
        guard data.count <= 1_024, let text = String(data: TextInput.withoutByteOrderMark(data), encoding: .utf8) else { return false }
        return statements.contains(normalised(text))
    }

    /// Lower case, compatibility-normalised, typographic apostrophes as `'`, runs of spaces as one,
    /// without invisible formatting marks or the final punctuation.
    static func normalised(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{02BC}", with: "'")
        let visible = String(String.UnicodeScalarView(folded.unicodeScalars.filter { $0.properties.generalCategory != .format }))
        let words = visible.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let final: Set<Character> = [".", "。", "!", "！", ";", "؛", "،", ",", "，", "…", "۔"]
        var result = Substring(words)
        while let last = result.last, final.contains(last) || last.isWhitespace { result = result.dropLast() }
        return String(result)
    }
}
