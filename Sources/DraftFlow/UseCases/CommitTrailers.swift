import Foundation

/// Reading back the trailers `CommitMessage` writes.
public enum CommitTrailers {
    /// The DraftFlow trailers of the last paragraph of a commit message.
    public static func parse(_ message: String) -> [Trailer: String] {
        var result: [Trailer: String] = [:]
        guard let last = lastParagraph(of: message) else { return result }
        if containsCarriageReturn(message) {
            for line in last.split(separator: "\n") { read(line, into: &result) }
            return result
        }
        // Without a carriage return, every "\n" byte is a line break of its own (a line feed is
        // always a grapheme by itself), so the lines are found in the bytes; an ASCII line is read
        // in its bytes too (its characters are its bytes), any other as characters.
        let bytes = last.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            if start < end {
                let line = last[start..<end]
                if line.utf8.allSatisfy({ $0 < 0x80 }) { readASCII(line, into: &result) } else { read(line, into: &result) }
            }
            start = end == bytes.endIndex ? end : bytes.index(after: end)
        }
        return result
    }

    /// One line `Key: value`, read as characters.
    static func read(_ line: Substring, into result: inout [Trailer: String]) {
        guard let colon = line.firstIndex(of: ":"),
              let key = Trailer(rawValue: trimmed(line[..<colon])) else { return }
        result[key] = trimmed(line[line.index(after: colon)...])
    }

    /// `read(_:into:)` for a line of ASCII, in its bytes: the only blanks `trimmed` removes there are
    /// the space and the tab.
    static func readASCII(_ line: Substring, into result: inout [Trailer: String]) {
        let bytes = line.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return }
        func trimmedASCII(_ part: Substring.UTF8View.SubSequence) -> String {
            let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            guard let first = part.firstIndex(where: { !blank($0) }), let last = part.lastIndex(where: { !blank($0) }) else { return "" }
            return String(Substring(part[first...last]))
        }
        guard let key = Trailer(rawValue: trimmedASCII(bytes[..<colon])) else { return }
        result[key] = trimmedASCII(bytes[bytes.index(after: colon)...])
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation's bridging: `log` trims
    /// every trailer of every commit.
    static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        let blank = CharacterSet.whitespaces
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, blank.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, blank.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(Substring(scalars[start..<end]))
    }

    /// `message.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n").last`,
    /// found from the end: a comment commit's message lists every comment, and only its last
    /// paragraph holds trailers. Messages with a carriage return take the general route.
    static func lastParagraph(of message: String) -> Substring? {
        let bytes = message.utf8
        guard !containsCarriageReturn(message) else {
            return message.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n").last.map { Substring($0) }
        }
        let scalars = message.unicodeScalars
        let blank = CharacterSet.whitespacesAndNewlines
        var end = scalars.endIndex
        while end > scalars.startIndex, blank.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        var start = scalars.startIndex
        while start < end, blank.contains(scalars[start]) { start = scalars.index(after: start) }
        // After the last "\n\n" of the trimmed text. Where a run of newlines is odd, the paragraph
        // found by splitting from the start would begin with one "\n" more, which no caller sees:
        // they split the paragraph into lines, dropping empty ones.
        var index = end
        while index > start {
            let before = bytes.index(before: index)
            if bytes[before] == UInt8(ascii: "\n"), before > start, bytes[bytes.index(before: before)] == UInt8(ascii: "\n") {
                return message[index..<end]
            }
            index = before
        }
        return message[start..<end]
    }

    /// Whether the message holds a carriage return, read through its contiguous bytes (`log` asks
    /// of every commit, and an intake's message is hundreds of kilobytes).
    static func containsCarriageReturn(_ message: String) -> Bool {
        message.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) != nil
        } ?? message.utf8.contains(UInt8(ascii: "\r"))
    }
}
