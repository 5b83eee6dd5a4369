import Foundation

/// Reading back the trailers `CommitMessage` writes.
public enum CommitTrailers {
    /// The DraftFlow trailers of the last paragraph of a commit message.
    public static func parse(_ message: String) -> [Trailer: String] {
        var result: [Trailer: String] = [:]
        guard let last = lastParagraph(of: message) else { return result }
        for line in last.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"),
                  let key = Trailer(rawValue: trimmed(line[..<colon])) else { continue }
            result[key] = trimmed(line[line.index(after: colon)...])
        }
        return result
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
        guard !bytes.contains(UInt8(ascii: "\r")) else {
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
}
