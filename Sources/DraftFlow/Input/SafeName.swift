import Foundation

/// Validators for names that come from users and later become git paths or refs.
///
/// Every validator either returns the name unchanged or throws a `DraftFlowError` of kind
/// `.invalidInput` whose message names the rule that failed and whose fix says what to write
/// instead. Nothing is silently rewritten (a lowercase member code is refused, not uppercased),
/// so what the user typed is exactly what ends up in the repository.
public enum SafeName {
    /// The longest accepted version label or round name.
    public static let maximumLabelLength = 64

    /// Validates a member delegation code in the style of ISO 3166 alpha-3 (`CAN`, `USA`),
    /// also allowing shorter or longer group codes (`EU`, `AU`, `G77`).
    ///
    /// Rules: 2 to 10 characters, only uppercase ASCII letters `A`-`Z` and digits `0`-`9`,
    /// the first one a letter.
    /// - Returns: the code, unchanged.
    /// - Throws: `DraftFlowError(.invalidInput)` naming the failed rule.
    @discardableResult
    public static func memberCode(_ code: String) throws -> String {
        let shown = display(code)
        let fix = "use 2 to 10 uppercase letters A-Z or digits, starting with a letter, such as CAN, USA or EU (ISO 3166 alpha-3 codes are recommended)"
        if code.isEmpty {
            throw DraftFlowError(.invalidInput, "member code is empty", fix: fix)
        }
        if let problem = unsafeScalarProblem(code, what: "member code") {
            throw DraftFlowError(.invalidInput, problem, fix: fix)
        }
        let scalars = Array(code.unicodeScalars)
        let allowed = scalars.allSatisfy { isUpperASCII($0) || isDigitASCII($0) }
        if !allowed {
            let upper = code.uppercased()
            let upperScalars = Array(upper.unicodeScalars)
            if scalars.contains(where: isLowerASCII),
               upperScalars.allSatisfy({ isUpperASCII($0) || isDigitASCII($0) }),
               (2...10).contains(upperScalars.count), let first = upperScalars.first, isUpperASCII(first) {
                throw DraftFlowError(.invalidInput,
                                     "member code '\(shown)' contains lowercase letters",
                                     fix: "member codes are uppercase: write '\(upper)'")
            }
            let bad = scalars.first { !(isUpperASCII($0) || isDigitASCII($0)) }.map { describe($0) } ?? "?"
            throw DraftFlowError(.invalidInput,
                                 "member code '\(shown)' contains \(bad), which is not an uppercase letter or digit",
                                 fix: fix)
        }
        if !(2...10).contains(scalars.count) {
            throw DraftFlowError(.invalidInput,
                                 "member code '\(shown)' has \(scalars.count) character\(scalars.count == 1 ? "" : "s"); it must have 2 to 10",
                                 fix: fix)
        }
        if let first = scalars.first, !isUpperASCII(first) {
            throw DraftFlowError(.invalidInput,
                                 "member code '\(shown)' does not start with a letter",
                                 fix: fix)
        }
        return code
    }

    /// Validates a version label (`draft-1`, `final-draft`, `v1.2`) or a round name (`comments-1`).
    ///
    /// Rules, each reported by name when broken: 1 to 64 characters; only ASCII letters, digits,
    /// `.`, `_` and `-`; the first character a letter or digit (so no leading `-` or `.`, hence
    /// no `.git`); no `..`; not ending with `.` or `.lock`; not `HEAD` (a name git reserves);
    /// no `/`, `\`, spaces, control characters or non-ASCII characters.
    /// - Returns: the label, unchanged.
    /// - Throws: `DraftFlowError(.invalidInput)` naming the failed rule.
    @discardableResult
    public static func label(_ label: String) throws -> String {
        let shown = display(label)
        let fix = "use 1 to 64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit, such as draft-1 or final-draft"
        func refuse(_ rule: String) -> DraftFlowError {
            DraftFlowError(.invalidInput, "label '\(shown)' \(rule)", fix: fix)
        }
        if label.isEmpty {
            throw DraftFlowError(.invalidInput, "label is empty", fix: fix)
        }
        if let problem = unsafeScalarProblem(label, what: "label") {
            throw DraftFlowError(.invalidInput, problem, fix: fix)
        }
        let scalars = Array(label.unicodeScalars)
        if scalars.contains("/") { throw refuse("contains '/'") }
        if scalars.contains("\\") { throw refuse("contains '\\'") }
        if scalars.contains(" ") { throw refuse("contains a space") }
        if let bad = scalars.first(where: { !isLabelScalar($0) }) {
            throw refuse("contains \(describe(bad)), which is not a letter, digit, '.', '_' or '-'")
        }
        if scalars.count > maximumLabelLength {
            throw refuse("has \(scalars.count) characters; at most \(maximumLabelLength) are allowed")
        }
        if label.lowercased() == ".git" { throw refuse("is '.git', which git reserves") }
        if let first = scalars.first, !(isUpperASCII(first) || isLowerASCII(first) || isDigitASCII(first)) {
            throw refuse("starts with '\(first)'; it must start with a letter or digit")
        }
        if label.contains("..") { throw refuse("contains '..'") }
        if label.lowercased().hasSuffix(".lock") { throw refuse("ends with '.lock', which git reserves") }
        if label.hasSuffix(".") { throw refuse("ends with '.'") }
        if label == "HEAD" { throw refuse("is 'HEAD', which git reserves") }
        if label == "main" { throw refuse("is 'main', the workspace's branch: a version tag of that name would make `main` ambiguous") }
        return label
    }

    /// The extension of a user's file name, made safe for use in a stored path.
    ///
    /// Only the last path component counts (after any `/` or `\`). The extension is what follows
    /// the last `.` of a name that does not start with that `.`; it is lowercased (ASCII only)
    /// and accepted when it is 1 to 8 characters of `a-z0-9`. Otherwise the result is `txt`.
    ///
    /// `"Comments CAN.MD"` gives `md`, `"report.tar.gz"` gives `gz`, `"notes"`, `".bashrc"`,
    /// `"x.é"` and `"x."` give `txt`.
    public static func fileExtension(ofFileName fileName: String) -> String {
        let lastComponent = fileName.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.last
            .map(String.init) ?? fileName
        guard let dot = lastComponent.lastIndex(of: "."), dot != lastComponent.startIndex else { return "txt" }
        let raw = lastComponent[lastComponent.index(after: dot)...]
        var result = ""
        for scalar in raw.unicodeScalars {
            if isUpperASCII(scalar) {
                result.unicodeScalars.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
            } else if isLowerASCII(scalar) || isDigitASCII(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                return "txt"
            }
        }
        return (1...8).contains(result.unicodeScalars.count) ? result : "txt"
    }

    /// A file name from a user that will become a path inside the workspace: one path component
    /// of letters, digits, '.', '_' and '-', not starting with '.' or '-'.
    public static func fileName(_ name: String) throws -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard !base.isEmpty, base.count <= 100 else {
            throw DraftFlowError(.invalidInput, "the file name '\(base)' is empty or too long", fix: "use a short name such as outline.md")
        }
        let allowed = base.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_" || scalar == "-")
        }
        guard allowed, base.first != ".", base.first != "-", !base.contains(".."), base.lowercased() != ".git" else {
            throw DraftFlowError(.invalidInput, "the file name '\(base)' is not safe to store: use ASCII letters, digits, '.', '_' and '-'",
                                 fix: "rename the file, e.g. to outline.md")
        }
        return base
    }

    /// Validates a name or a one-line text a person gave (a member's name, an e-mail address, the
    /// secretariat's name, the title): trimmed, not empty, and free of every character
    /// `TerminalText.isUnsafe` names (control characters such as ESC or CR, U+0085, the line and
    /// paragraph separators, bidirectional controls, a BOM), which could rewrite a terminal or a
    /// commit's author line.
    /// - Parameters:
    ///   - what: the name as messages call it, e.g. "the name of CAN".
    /// - Returns: the name, trimmed.
    @discardableResult
    public static func personName(_ raw: String, what: String, fix: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespaces)
        if let bad = TerminalText.firstUnsafe(in: name) {
            throw DraftFlowError(.invalidInput, "\(what) '\(display(name))' contains \(describe(bad)), a control or direction character", fix: fix)
        }
        if name.isEmpty {
            throw DraftFlowError(.invalidInput, "\(what) is empty", fix: fix)
        }
        return name
    }

    // MARK: - Helpers

    static func isUpperASCII(_ s: Unicode.Scalar) -> Bool { s.value >= 0x41 && s.value <= 0x5A }
    static func isLowerASCII(_ s: Unicode.Scalar) -> Bool { s.value >= 0x61 && s.value <= 0x7A }
    static func isDigitASCII(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    private static func isLabelScalar(_ s: Unicode.Scalar) -> Bool {
        isUpperASCII(s) || isLowerASCII(s) || isDigitASCII(s) || s == "." || s == "_" || s == "-"
    }

    /// Control characters and non-ASCII characters, reported before any other rule.
    private static func unsafeScalarProblem(_ name: String, what: String) -> String? {
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                return "\(what) '\(display(name))' contains a control character (\(describe(scalar)))"
            }
            if scalar.value > 0x7F {
                return "\(what) '\(display(name))' contains the non-ASCII character \(describe(scalar))"
            }
        }
        return nil
    }

    /// A readable form of one character for messages: `'é' (U+00E9)`, `U+0000`.
    private static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + String(format: "%04X", scalar.value)
        if TerminalText.isUnsafe(scalar) {
            return code
        }
        return "'\(scalar)' (\(code))"
    }

    /// The name as shown inside messages: unsafe characters replaced by `\u{…}` escapes so that
    /// a hostile name cannot alter the terminal.
    public static func display(_ name: String) -> String {
        TerminalText.escaped(name)
    }
}
