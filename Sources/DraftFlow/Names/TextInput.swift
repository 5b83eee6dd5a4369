import Foundation

/// Checks on text that users hand to DraftFlow (drafts, comments, proposals).
public enum TextInput {
    /// The largest file DraftFlow accepts: 10 MiB.
    public static let maximumSize = 10 * 1024 * 1024

    /// Returns the text of `data`, or throws naming what is wrong with it: too large, not UTF-8,
    /// or holding NUL bytes.
    @discardableResult
    public static func validate(_ data: Data, what: String) throws -> String {
        if data.count > maximumSize {
            throw DraftFlowError(.invalidInput, "\(what) is \(data.count) bytes, over the limit of \(maximumSize) bytes (10 MiB)",
                                 fix: "split it, or remove embedded images")
        }
        guard let text = String(validatingUTF8Data: data) else {
            throw DraftFlowError(.invalidInput, "\(what) is not valid UTF-8 text", fix: "save the file as UTF-8 (in Word: Save As, Plain Text, Unicode (UTF-8))")
        }
        if data.withUnsafeBytes({ $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil }) {
            throw DraftFlowError(.invalidInput, "\(what) contains NUL bytes: it is not a text file", fix: "send the text as Markdown, plain text or CSV")
        }
        return text
    }
}

extension String {
    /// Decodes UTF-8 strictly: nil for any invalid sequence (never replaces bytes).
    init?(validatingUTF8Data data: Data) {
        // Validate from the contiguous bytes: iterating `Data` byte by byte is many times slower.
        let decoded = data.withUnsafeBytes { raw -> String? in
            String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self)
        }
        guard let decoded else { return nil }
        self = decoded
    }
}

extension SafeName {
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
}
