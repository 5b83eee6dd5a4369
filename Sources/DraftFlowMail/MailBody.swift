import Foundation
import MailCore

/// The part of a message's text that is the member's own: without its signature, the message it
/// replies to, or the greeting before the first comment heading.
public enum MailBody {
    /// The text of the body: the first plain-text part that is not an attachment, else the first
    /// HTML part reduced to text; nil when the message has neither.
    public static func text(of message: MailMessage) -> String? {
        let bodies = message.parts.filter { !$0.isAttachment }
        if let plain = bodies.first(where: { $0.mediaType == "text/plain" }) {
            return plain.text ?? String(decoding: plain.data, as: UTF8.self)
        }
        if let html = bodies.first(where: { $0.mediaType == "text/html" }) {
            return HTMLText.text(html.text ?? String(decoding: html.data, as: UTF8.self))
        }
        return nil
    }

    /// `text` without what is not the member's comment:
    /// - everything from the signature separator on (a line `-- ` or `--`);
    /// - everything from an Outlook `-----Original Message-----` line on;
    /// - quoted lines (starting with `>`) and the attribution line before them ("On … wrote:",
    ///   "Le … a écrit :", also when the client wrapped it over two lines);
    /// - when the text has a `## ` comment heading, what comes before the first one (a greeting);
    ///   without one, a salutation alone on the first line ("Dear Secretariat,") and the blank
    ///   line after it (so that "Dear Secretariat, / No objection." is a no-objection statement).
    public static func own(_ text: String) -> String {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let signature = lines.firstIndex(where: { $0 == "-- " || $0 == "--" }) { lines.removeSubrange(signature...) }
        if let original = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("-----original message-----") }) {
            lines.removeSubrange(original...)
        }
        var kept: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix(">") { index += 1; continue }
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            if isAttribution(line) && (next.hasPrefix(">") || next.trimmingCharacters(in: .whitespaces).isEmpty) { index += 1; continue }
            if startsAttribution(line), isAttribution(line + " " + next) { index += 2; continue }
            kept.append(line)
            index += 1
        }
        if let heading = kept.firstIndex(where: { $0.hasPrefix("## ") }) { kept.removeSubrange(..<heading) }
        while kept.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { kept.removeLast() }
        while kept.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { kept.removeFirst() }
        // A salutation alone on its first line ("Dear Secretariat,", "Madame, Monsieur,"), then a blank line.
        if kept.count > 2, isSalutation(kept[0]), kept[1].trimmingCharacters(in: .whitespaces).isEmpty {
            kept.removeFirst(2)
            while kept.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { kept.removeFirst() }
        }
        return kept.isEmpty ? "" : kept.joined(separator: "\n") + "\n"
    }

    /// Whether the text holds a `## ` comment heading.
    public static func hasHeading(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix("## ") }
    }

    private static func isSalutation(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count <= 60 && !trimmed.hasPrefix("#") && (trimmed.hasSuffix(",") || trimmed.hasSuffix("，") || trimmed.hasSuffix("："))
    }

    private static func startsAttribution(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("On ") || trimmed.hasPrefix("Le ") || trimmed.hasPrefix("El ") || trimmed.hasPrefix("Am ")
    }

    private static func isAttribution(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard startsAttribution(trimmed) else { return false }
        return trimmed.hasSuffix("wrote:") || trimmed.hasSuffix("a écrit :") || trimmed.hasSuffix("a écrit:")
            || trimmed.hasSuffix("escribió:") || trimmed.hasSuffix("schrieb:")
    }
}
