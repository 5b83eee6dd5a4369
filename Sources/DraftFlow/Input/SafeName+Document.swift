import Foundation

extension SafeName {
    /// Checks the name of a document (`document add NAME`): it names the draft's file
    /// (`Drafts/<name>.md`), its language versions (`Drafts/<name>.fr.md`) and its versions' tags
    /// (`<name>/draft-1`), so it is 1 to 64 lowercase ASCII letters, digits or '-', starting with a
    /// letter or digit. Returns it unchanged.
    @discardableResult
    public static func documentName(_ name: String) throws -> String {
        let fix = "use 1 to 64 lowercase ASCII letters, digits or '-', starting with a letter or digit, such as council-report"
        let shown = TerminalText.escaped(name)
        if name.isEmpty { throw DraftFlowError(.invalidInput, "the document name is empty", fix: fix) }
        let scalars = Array(name.unicodeScalars)
        if scalars.count > 64 {
            throw DraftFlowError(.invalidInput, "the document name '\(String(shown.prefix(70)))…' has \(scalars.count) characters; at most 64 are allowed", fix: fix)
        }
        if let bad = scalars.first(where: { !(("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-") }) {
            let what = bad == "." ? "'.' (a language version is named <document>.<language>)"
                : bad == "/" ? "'/'" : ("A"..."Z").contains(bad) ? "the capital '\(bad)'" : "U+\(String(format: "%04X", bad.value))"
            throw DraftFlowError(.invalidInput, "the document name '\(shown)' contains \(what)", fix: fix)
        }
        if scalars.first == "-" {
            throw DraftFlowError(.invalidInput, "the document name '\(shown)' starts with '-'", fix: fix)
        }
        return name
    }
}
