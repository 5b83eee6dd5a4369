import Foundation
import LineSplitting

/// Reads a member's comment file into comments.
///
/// ## Any file
///
/// - At most 10 MiB (10 485 760 bytes).
/// - UTF-8 text. A UTF-8 byte order mark at the start is allowed and ignored. Files saved as
///   UTF-16 or in a legacy code page are refused: save the file as UTF-8.
/// - No NUL bytes; not empty or only whitespace.
/// - Line endings: LF, CRLF or CR.
/// - The format follows the file name's extension: `.csv` (any case) is the ISO commenting
///   template, anything else is Markdown. (A spreadsheet or a Word document is read before, by
///   DraftFlowOffice: its template goes to `parseISOTemplate(_:fileName:)` as a `TemplateTable`.)
/// - Line and row numbers in errors start at 1 and count lines as a text editor shows them.
///
/// The two formats are described where they are read: `parseMarkdown(lines:fileName:)`
/// (CommentParser+Markdown.swift) and `parseISOTemplate(text:fileName:)`
/// (CommentParser+ISOTemplate.swift). What a heading or template cell names: CommentHeading.swift,
/// with one reference read by ParagraphReference.swift and the words of the six UN languages in
/// CommentVocabulary.swift; whether a proposed change is text or an instruction:
/// ProposedChangeKind+Classify.swift.
public enum CommentParser {
    /// The largest file accepted, in bytes.
    public static let maximumSize = 10 * 1024 * 1024

    /// Parses a comment file; `fileName` (or at least its extension) selects the format.
    /// - Throws: `DraftFlowError(.invalidInput)` describing what is wrong and where.
    public static func parse(data: Data, fileName: String) throws -> [ParsedComment] {
        let text = try decode(data: data, fileName: fileName)
        if SafeName.fileExtension(ofFileName: fileName) == "csv" {
            return try parseISOTemplate(text: text, fileName: fileName)
        }
        return try parseMarkdown(lines: LineSplitter.lines(of: text), fileName: fileName)
    }

    // MARK: - Decoding

    private static func decode(data: Data, fileName: String) throws -> String {
        let name = SafeName.display(fileName)
        if data.count > maximumSize {
            let mib = String(format: "%.1f", Double(data.count) / 1_048_576)
            throw DraftFlowError(
                .invalidInput,
                "comment file '\(name)' is \(data.count) bytes (\(mib) MiB); the limit is \(maximumSize) bytes (10 MiB)",
                fix: "split the comments into several files, or remove embedded images and other large content")
        }
        let bytes = [UInt8](data)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw DraftFlowError(
                .invalidInput,
                "comment file '\(name)' is encoded as UTF-16, not UTF-8",
                fix: "save the file as UTF-8 (in Word or Excel: Save As, then choose UTF-8 text or CSV UTF-8)")
        }
        if let found = data.range(of: Data([0]))?.lowerBound {
            let nul = found - data.startIndex
            throw DraftFlowError(
                .invalidInput,
                "comment file '\(name)' contains a NUL byte at line \(lineNumber(bytes, at: nul)) (byte offset \(nul)); it is not a text file",
                fix: "export the comments as plain text: save the file as UTF-8 Markdown (.md) or as CSV UTF-8 (.csv)")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // Foundation validates quickly; the scalar-by-scalar parser only runs to locate an error
        // (or when Foundation's result differs in length, e.g. after dropping a second BOM).
        let text: String
        if let validated = String(data: Data(body), encoding: .utf8), validated.utf8.count == body.count {
            text = validated
        } else if let bad = firstInvalidUTF8(body) {
            throw DraftFlowError(
                .invalidInput,
                "comment file '\(name)' is not valid UTF-8 text (invalid byte at line \(lineNumber(bytes, at: bad)), byte offset \(bad))",
                fix: "save the file as UTF-8 (in Word or Excel: Save As, then choose UTF-8 text or CSV UTF-8)")
        } else {
            text = String(decoding: body, as: UTF8.self)
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw DraftFlowError(.invalidInput, "comment file '\(name)' is empty",
                                 fix: "write the comments into the file, or check that the right file was given")
        }
        return text
    }

    /// The absolute offset of the first byte that is not part of valid UTF-8, if any.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func lineNumber(_ bytes: [UInt8], at offset: Int) -> Int {
        var line = 1
        var i = 0
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
            } else if bytes[i] == 0x0D, i + 1 >= bytes.count || bytes[i + 1] != 0x0A {
                line += 1
            }
            i += 1
        }
        return line
    }

    // MARK: - Shared helpers

    /// `s.trimmingCharacters(in: .whitespacesAndNewlines)`, without the bridge to NSString.
    static func trimmed(_ s: some StringProtocol) -> String {
        TextTrimming.trimmed(s, in: .whitespacesAndNewlines)
    }

    static func isBlank(_ s: some StringProtocol) -> Bool {
        s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// Joins lines into text: trailing spaces removed, runs of blank lines become one paragraph
    /// break, leading and trailing blank lines dropped.
    static func joinParagraphs(_ lines: [String]) -> String {
        var out: [String] = []
        var pendingBreak = false
        for line in lines {
            if isBlank(line) {
                pendingBreak = !out.isEmpty
                continue
            }
            if pendingBreak { out.append("") }
            pendingBreak = false
            out.append(trimTrailing(line))
        }
        return trimmed(out.joined(separator: "\n"))
    }

    static func trimTrailing(_ line: String) -> String {
        let scalars = line.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        return end == scalars.endIndex ? line : String(scalars[..<end])
    }
}
