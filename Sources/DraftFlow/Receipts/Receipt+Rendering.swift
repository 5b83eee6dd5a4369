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

    /// The lines every form shows, in order: label and value.
    var lines: [(String, String)] {
        var lines: [(String, String)] = [
            ("Member", memberName.map { "\($0) (\(member))" } ?? member),
            ("Round", round + (version.map { " (on \($0))" } ?? "")),
            ("Submission", "\(submission)"),
            ("Received", "\(received) (\(timeZone))"),
            ("Received (UTC)", receivedUTC),
            ("On time", onTime ? "yes" : "no (recorded late)"),
            ("Commit", commit),
        ]
        for file in files {
            lines.append(("SHA-256 of \(file.role)", "\(file.sha256)  \(file.name) (\(file.bytes) bytes)"))
        }
        return lines
    }

    /// The block `comment` and `intake` print after "Recorded …": plain text, one fact a line.
    public func terminalBlock() -> String {
        var text = "  Receipt \(name)\n"
        for (label, value) in lines { text += "    \(label): \(value)\n" }
        for comment in comments { text += "    \(comment.id)  \(comment.reference)  \(comment.type)\n" }
        return text
    }

    /// The receipt in Markdown, with its JSON embedded in a comment for `verify --receipt`.
    public func markdown() throws -> String {
        var text = "# Receipt: \(Self.markdownCell(title))\n\n"
        text += "| | |\n|---|---|\n"
        for (label, value) in lines { text += "| \(label) | \(Self.markdownCell(value)) |\n" }
        text += "\n## Comments\n\n| Id | Paragraph | Type |\n|---|---|---|\n"
        for comment in comments {
            text += "| \(comment.id) | \(Self.markdownCell(comment.reference)) | \(comment.type) |\n"
        }
        text += "\nCheck it at any time: `draftflow verify --receipt FILE` in the workspace, or `sha256sum` on the original file.\n\n"
        text += try embedded()
        return text
    }

    /// The receipt as an HTML page, with its JSON embedded in a comment for `verify --receipt`.
    public func html() throws -> String {
        let e = HTMLEscaping.escape
        var text = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Receipt \(e(name))</title>\n</head>\n<body>\n"
        text += "<h1>Receipt: \(e(title))</h1>\n<table>\n"
        for (label, value) in lines { text += "<tr><th>\(e(label))</th><td>\(e(value))</td></tr>\n" }
        text += "</table>\n<h2>Comments</h2>\n<table>\n<tr><th>Id</th><th>Paragraph</th><th>Type</th></tr>\n"
        for comment in comments {
            text += "<tr><td>\(e(comment.id))</td><td>\(e(comment.reference))</td><td>\(e(comment.type))</td></tr>\n"
        }
        text += "</table>\n<p>Check it at any time: <code>draftflow verify --receipt FILE</code> in the workspace.</p>\n"
        text += try embedded() + "</body>\n</html>\n"
        return text
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
