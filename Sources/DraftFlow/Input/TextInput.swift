import Foundation
import LineSplitting

/// Checks on text that users hand to DraftFlow (drafts, comments, proposals).
public enum TextInput {
    /// The largest file DraftFlow accepts: 10 MiB.
    public static let maximumSize = 10 * 1024 * 1024

    /// The UTF-8 byte order mark, which editors on Windows put at the start of a file.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Whether `data` starts with a byte order mark.
    public static func hasByteOrderMark(_ data: Data) -> Bool {
        data.starts(with: byteOrderMark)
    }

    /// `data` without a leading byte order mark: a BOM is never part of the text (kept, it would be
    /// an invisible edit of the first paragraph in a merge).
    public static func withoutByteOrderMark(_ data: Data) -> Data {
        hasByteOrderMark(data) ? Data(data.dropFirst(byteOrderMark.count)) : data
    }

    /// Returns the text of `data` without a leading byte order mark, or throws naming what is
    /// wrong with it: too large, not UTF-8, or holding NUL bytes.
    ///
    /// Every text DraftFlow reads from users goes through here (documents, edited copies, member
    /// lists, the secretariat's texts; comment files through `CommentParser`, which strips the BOM
    /// the same way).
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
        return text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
    }
}

extension TextInput {
    /// A text that edited copies are expected to resemble (the draft), split into lines once.
    public struct Reference: Sendable {
        let data: Data
        let lines: [Range<Int>]

        /// Nil when `data` is not valid UTF-8 itself (then copies are checked whole).
        public init?(_ data: Data) {
            guard (try? TextInput.validate(data, what: "")) != nil else { return nil }
            self.data = data
            lines = data.withUnsafeBytes { LineSplitter.ranges(in: $0.bindMemory(to: UInt8.self)) }
        }
    }

    /// `validate(data, what:)` for an edited copy of `reference`: the lines it shares with the
    /// reference, at the place expected, are the reference's own valid bytes; only the others are
    /// decoded. UTF-8 never has a line feed inside a character, so the copy is valid exactly when
    /// every line is.
    public static func validate(_ data: Data, what: String, like reference: Reference) throws {
        if data.count > maximumSize || data.isEmpty {
            try validate(data, what: what)
            return
        }
        let valid = data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            if memchr(raw.baseAddress!, 0, raw.count) != nil { return false }
            return reference.data.withUnsafeBytes { referenceRaw -> Bool in
                var expected = 0
                for line in LineSplitter.ranges(in: bytes) {
                    if expected < reference.lines.count {
                        let known = reference.lines[expected]
                        expected += 1
                        if known.count == line.count,
                           memcmp(referenceRaw.baseAddress! + known.lowerBound, raw.baseAddress! + line.lowerBound, line.count) == 0 {
                            continue
                        }
                    }
                    if String(validating: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self) == nil { return false }
                }
                return true
            }
        }
        // Anything wrong: the whole check names the problem.
        if !valid { try validate(data, what: what) }
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
