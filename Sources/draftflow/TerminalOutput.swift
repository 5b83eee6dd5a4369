import DraftFlow
import Foundation

/// What the command line prints goes through `TerminalText`: a member's name, a comment or a file
/// name holding ESC, BEL, U+202E or U+2028 is shown escaped, never raw.
///
/// `print` in this module is this function: every listing, table and message a command prints
/// (status, log, member list, collisions, dispositions, outline...) is escaped, keeping newlines
/// and tabs. JSON goes through `printJSON`, which escapes the same characters as JSON does.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(TerminalText.escaped(text, keepingLines: true), terminator: terminator)
}

/// `print(…, to: &standardError)` escaped the same way: warnings and errors too (escaping twice
/// changes nothing, as an escaped text has nothing left to escape).
func print<Target: TextOutputStream>(_ items: Any..., separator: String = " ", terminator: String = "\n", to output: inout Target) {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(TerminalText.escaped(text, keepingLines: true), terminator: terminator, to: &output)
}

enum TerminalOutput {
    /// JSON with every character `TerminalText.isUnsafe` names written as a `\uXXXX` escape
    /// (inside strings, where alone they can be: the JSON stays valid and means the same).
    static func json(_ data: Data) -> Data {
        // The usual output has nothing to escape: found on the bytes, it is written as it is.
        guard data.withUnsafeBytes({ TerminalText.containsUnsafeFromDelete(utf8: $0) }) else { return data }
        let text = String(decoding: data, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { TerminalText.isUnsafe($0) && $0.value >= 0x7F }) else { return data }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TerminalText.isUnsafe(scalar) && scalar.value >= 0x7F {
                // Every unsafe scalar is in the Basic Multilingual Plane: one escape each.
                out.append(contentsOf: String(format: "\\u%04X", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return Data(String(out).utf8)
    }

    /// `json(_:)` for JSON in pieces: the pieces as they are when none holds a character to
    /// escape (the usual output, written without being put together), else the whole text escaped.
    static func json(_ pieces: JSONPieces) -> JSONPieces {
        guard pieces.contains(where: { TerminalText.containsUnsafeFromDelete(utf8: $0) }) else { return pieces }
        return JSONPieces([.bytes(json(pieces.data))])
    }
}
