import Foundation
import LineSplitting

/// A list of members to register at once, as a spreadsheet or a text editor writes it.
///
/// CSV read by `CSVReader` with `,` as separator: one member per line, `code,name[,email]`, fields
/// trimmed of spaces and tabs. A name that holds a comma is quoted: `KOR,"Korea, Republic of"`.
/// - Blank lines are skipped; a first line whose first field is `code` (any case) is a header.
/// - The code must pass `SafeName.memberCode`, the name must not be empty, the e-mail (optional)
///   must look like one, and no code may appear twice.
/// - Every line is checked before anything is returned: one bad line and the list is refused,
///   naming that line.
enum MemberList {
    /// The members listed in `csv`, in order.
    /// - Throws: `DraftFlowError(.invalidInput)` naming the first bad line and what is wrong.
    static func parse(csv: String) throws -> [Member] {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(csv, separator: ",")
        } catch {
            throw DraftFlowError(.invalidInput, "line \(error.line): \(error.problem)", fix: error.fix)
        }
        // The lines as written, for messages; CSVReader numbers lines the same way.
        let lines = LineSplitter.lines(of: csv)
        var members: [Member] = []
        var seen = Set<String>()
        for record in records {
            let line = lines[record.line - 1].trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if record.line == 1, fields.first?.lowercased() == "code" { continue }
            guard (2...3).contains(fields.count) else {
                throw DraftFlowError(.invalidInput, "line \(record.line): expected `code,name[,email]`, found '\(line)'",
                                     fix: "write one member per line, e.g. CAN,Canada,mission@example.ca")
            }
            let code: String
            do {
                code = try SafeName.memberCode(fields[0])
            } catch let error as DraftFlowError {
                throw DraftFlowError(error.kind, "line \(record.line): \(error.message)", fix: error.fix)
            }
            let email = fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil
            if let email, !looksLikeEmail(email) {
                throw DraftFlowError(.invalidInput, "line \(record.line): '\(email)' is not an e-mail address",
                                     fix: "correct it, or leave the third field empty")
            }
            let name = fields[1]
            guard !name.isEmpty, seen.insert(code).inserted else {
                throw DraftFlowError(.invalidInput, "line \(record.line): \(name.isEmpty ? "\(code) has no name" : "\(code) appears twice")",
                                     fix: "one line per member, each with a name")
            }
            // Only a quoted field can hold a line break.
            if name.contains(where: \.isNewline) {
                throw DraftFlowError(.invalidInput, "line \(record.line): the name of \(code) runs over several lines",
                                     fix: "write the name on one line")
            }
            // The same rule as `member add`: no control or direction character in a name or address.
            for (index, field) in fields.enumerated().dropFirst() where !field.isEmpty {
                do {
                    try SafeName.personName(field, what: index == 1 ? "the name of \(code)" : "the e-mail address of \(code)",
                                            fix: "remove the control characters from line \(record.line) (a name is one line of text)")
                } catch let error as DraftFlowError {
                    throw DraftFlowError(error.kind, "line \(record.line): \(error.message)", fix: error.fix)
                }
            }
            members.append(Member(code: code, name: name, email: email))
        }
        guard !members.isEmpty else {
            throw DraftFlowError(.invalidInput, "the file lists no member", fix: "write one member per line: code,name[,email]")
        }
        return members
    }

    /// One `@` with text before it and a dot after it, no blanks, angle brackets or control
    /// characters: enough to catch a name or a phone number in the e-mail field.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0.asciiValue.map { $0 < 32 } == true })
    }
}
