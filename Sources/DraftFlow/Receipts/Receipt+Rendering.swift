import Foundation

extension Receipt {
    /// The receipt as JSON: sorted keys, pretty printed, ending with a newline.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0a)
        return data
    }

    /// The lines every form shows, in order: label and value, in `language`.
    func lines(_ language: Language = .en) -> [(String, String)] {
        let words = language.catalogue
        var lines: [(String, String)] = [
            (words.member, memberName.map { "\($0) (\(member))" } ?? member),
            (words.round, round + (version.map { words.onVersion($0) } ?? "")),
            (words.submission, "\(submission)"),
            (words.received, "\(received) (\(timeZone))"),
            (words.receivedUTC, receivedUTC),
            (words.onTime, onTime ? words.yes : words.recordedLate),
            (words.commit, commit),
        ]
        for file in files {
            lines.append((words.sha256(of: words.fileRole(file.role)), "\(file.sha256)  \(file.name) \(words.bytes(file.bytes))"))
        }
        return lines
    }

    /// The block `comment` and `intake` print after "Recorded …": plain text, one fact a line.
    public func terminalBlock() -> String {
        var text = "  Receipt \(name)\n"
        for (label, value) in lines() { text += "    \(label): \(value)\n" }
        for comment in comments { text += "    \(comment.id)  \(comment.reference)  \(comment.type)\n" }
        return text
    }

    /// The receipt in Markdown, with its JSON embedded in a comment for `verify --receipt`. The
    /// labels are in `language`; the values (and the embedded JSON) are the same in every language.
    public func markdown(_ language: Language = .en) throws -> String {
        let words = language.catalogue
        var text = "# \(words.receipt)\(words.colon)\(Self.markdownCell(title))\n\n"
        text += "| | |\n|---|---|\n"
        for (label, value) in lines(language) { text += "| \(label) | \(Self.markdownCell(value)) |\n" }
        text += "\n## \(words.receiptComments)\n\n| \(words.id) | \(words.paragraphColumn) | \(words.type) |\n|---|---|---|\n"
        for comment in comments {
            text += "| \(comment.id) | \(Self.markdownCell(comment.reference)) | \(Self.type(comment.type, words)) |\n"
        }
        text += "\n\(words.checkReceiptMarkdown)\n\n"
        text += try embedded()
        return text
    }

    /// The receipt as an HTML page, with its JSON embedded in a comment for `verify --receipt`.
    public func html(_ language: Language = .en) throws -> String {
        let e = HTMLEscaping.escape
        let words = language.catalogue
        var text = "<!DOCTYPE html>\n<html \(language.htmlAttributes)>\n<head>\n<meta charset=\"utf-8\">\n<title>\(e(words.receipt)) \(e(name))</title>\n</head>\n<body>\n"
        text += "<h1>\(e(words.receipt + words.colon + title))</h1>\n<table>\n"
        for (label, value) in lines(language) { text += "<tr><th>\(e(label))</th><td>\(e(value))</td></tr>\n" }
        text += "</table>\n<h2>\(e(words.receiptComments))</h2>\n<table>\n<tr><th>\(e(words.id))</th><th>\(e(words.paragraphColumn))</th><th>\(e(words.type))</th></tr>\n"
        for comment in comments {
            text += "<tr><td>\(e(comment.id))</td><td>\(e(comment.reference))</td><td>\(e(Self.type(comment.type, words)))</td></tr>\n"
        }
        text += "</table>\n<p>\(words.checkReceiptHTML)</p>\n"
        text += try embedded() + "</body>\n</html>\n"
        return text
    }

    /// A comment's type in `words`' language (a type DraftFlow does not know stays as recorded).
    private static func type(_ raw: String, _ words: any Catalogue) -> String {
        CommentType(rawValue: raw).map(words.commentType) ?? raw
    }

    static let embeddedStart = "<!-- draftflow-receipt\n"
    static let embeddedEnd = "-->\n"

    /// The JSON inside an HTML/Markdown comment. `>` and `<` are written as JSON escapes, so no
    /// value can end the comment; the JSON decodes to the same receipt.
    func embedded() throws -> String {
        let json = String(decoding: try json(), as: UTF8.self)
            .replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "<", with: "\\u003c")
        return Self.embeddedStart + json + Self.embeddedEnd
    }

    /// A receipt read back from any of its forms: JSON, or Markdown or HTML with the JSON embedded.
    public static func read(_ data: Data) throws -> Receipt {
        var json = data
        let text = String(decoding: data, as: UTF8.self)
        if let start = text.range(of: embeddedStart), let end = text.range(of: embeddedEnd, range: start.upperBound..<text.endIndex) {
            json = Data(text[start.upperBound..<end.lowerBound].utf8)
        }
        let receipt: Receipt
        do {
            receipt = try JSONDecoder().decode(Receipt.self, from: json)
        } catch {
            throw DraftFlowError(.invalidInput, "the file is not a DraftFlow receipt: neither its JSON nor a Markdown or HTML receipt with the JSON embedded",
                                 fix: "pass the file `draftflow receipt` wrote (`--format json`, `md` or `html`)")
        }
        guard receipt.format == formatName else {
            throw DraftFlowError(.invalidInput, "the receipt's format is \(TerminalText.escaped(receipt.format)), not \(formatName)",
                                 fix: "pass a receipt written by this version of DraftFlow")
        }
        return receipt
    }

    /// A value in a Markdown table cell: `|` and line breaks cannot split the table.
    static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
