import Foundation

/// CSV as RFC 4180 describes it, read with the place of every record so that messages can name
/// the row a spreadsheet shows and the line a text editor shows.
///
/// - Fields are separated by one separator: `,`, `;` or a tab (`separator(of:)` finds the one a
///   header row uses).
/// - A field that starts with `"` is quoted: it ends at the next single `"`, a doubled quote (`""`)
///   inside it is one `"`, and it may hold separators and line breaks. The closing quote must be
///   followed by the separator, a line break or the end of the text. A `"` anywhere else in a field
///   is an ordinary character.
/// - Records end at LF, CRLF or a lone CR outside quotes. A line break inside a quoted field is
///   read as LF, whatever the file uses.
/// - Fields come back as written, not trimmed. A line holding nothing is a record of one empty
///   field; a line break at the very end of the text does not start another record.
///
/// Why not SwiftCSV: version 0.10.0 was tried on every CSV of the test suite. It reads a field that
/// is never closed as if the text ended it (so `Comments\n"never closed\n` is accepted instead of
/// being refused with its line), reports a stray quote without any position, gives rows without
/// their row or line numbers, reads `Character`s (a quote followed by a combining mark is not a
/// quote to it, so `FRA,"\u{301}France"` fails), skips blanks before a field, and guesses the
/// separator from the first separator character it meets rather than from the most frequent
/// one. Positions in messages are the point of this reader, so it stays hand-written.
enum CSVReader {
    /// One record (row) and where it is.
    struct Record: Sendable, Equatable {
        /// 1-based record number, as a spreadsheet numbers rows.
        var row: Int
        /// 1-based line on which the record starts.
        var line: Int
        var fields: [String]

        init(row: Int, line: Int, fields: [String]) {
            self.row = row
            self.line = line
            self.fields = fields
        }

        /// `row 3`, or `row 3 (line 4)` when a line break inside a quoted field made the row and
        /// the line differ.
        var place: String { row == line ? "row \(row)" : "row \(row) (line \(line))" }

        /// Whether every field is empty or whitespace.
        var isBlank: Bool {
            fields.allSatisfy { field in field.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
        }
    }

    /// Text that is not CSV, with the line where the problem is.
    struct Failure: Error, Equatable {
        /// 1-based line.
        var line: Int
        var problem: String
        var fix: String
    }

    /// The records of `text`, fields separated by `separator`.
    /// - Throws: `Failure` for a quoted field that is never closed (at the line where it opens) or
    ///   text after a closing quote (at the line of that quote).
    static func records(_ text: String, separator: Unicode.Scalar) throws(Failure) -> [Record] {
        let scalars = Array(text.unicodeScalars)
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordStartLine = 1
        var i = 0
        var inQuotes = false
        var quoteStartLine = 0
        var fieldWasQuoted = false

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            records.append(Record(row: records.count + 1, line: recordStartLine, fields: fields))
            fields = []
        }
        /// The length of the line break at `index` (2 for CRLF), 0 when there is none.
        func lineBreak(at index: Int) -> Int {
            guard index < scalars.count else { return 0 }
            switch scalars[index] {
            case "\n": return 1
            case "\r": return index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
            default: return 0
            }
        }

        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        continue
                    }
                    inQuotes = false
                    i += 1
                    if i < scalars.count, scalars[i] != separator, lineBreak(at: i) == 0 {
                        throw Failure(
                            line: line, problem: "text follows the closing quote of a quoted field",
                            fix: "inside a quoted field write a quote as two quotes (\"\"), and put the closing quote right before the separator")
                    }
                    continue
                }
                let breakLength = lineBreak(at: i)
                if breakLength > 0 {
                    field.append("\n")
                    line += 1
                    i += breakLength
                    continue
                }
                field.append(c)
                i += 1
                continue
            }
            let breakLength = lineBreak(at: i)
            if c == "\"" && field.isEmpty && !fieldWasQuoted {
                inQuotes = true
                fieldWasQuoted = true
                quoteStartLine = line
            } else if c == separator {
                endField()
            } else if breakLength > 0 {
                endRecord()
                line += 1
                recordStartLine = line
                i += breakLength
                continue
            } else {
                field.append(c)
            }
            i += 1
        }
        if inQuotes {
            throw Failure(line: quoteStartLine, problem: "a quoted field is never closed",
                          fix: "add the closing quote (\"), and write quotes inside the field as two quotes (\"\")")
        }
        // The last record, unless the text ended with a line break.
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            endRecord()
        }
        return records
    }

    /// The separator of the first line that holds anything but separators and blanks (the header
    /// row): `,`, unless that line has more `;` or more tabs outside quotes than commas.
    static func separator(of text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        var sawContent = false
        for c in text.unicodeScalars {
            if c == "\"" { inQuotes.toggle(); sawContent = true; continue }
            if inQuotes { continue }
            if c == "\n" || c == "\r" {
                if sawContent { break }
                counts = [",": 0, ";": 0, "\t": 0]
                continue
            }
            if counts[c] != nil {
                counts[c, default: 0] += 1
            } else if !c.properties.isWhitespace {
                sawContent = true
            }
        }
        let comma = counts[",", default: 0], semicolon = counts[";", default: 0], tab = counts["\t", default: 0]
        if semicolon > comma && semicolon >= tab { return ";" }
        if tab > comma && tab > semicolon { return "\t" }
        return ","
    }
}
