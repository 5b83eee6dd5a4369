import Foundation
import Testing
@testable import DraftFlow

@Suite("CSVReader")
struct CSVReaderTests {
    typealias Record = CSVReader.Record

    func records(_ text: String, _ separator: Unicode.Scalar = ",") throws -> [Record] {
        try CSVReader.records(text, separator: separator)
    }

    func failure(_ text: String) -> CSVReader.Failure? {
        do {
            let records = try CSVReader.records(text, separator: ",")
            Issue.record("accepted: \(records)")
            return nil
        } catch {
            return error
        }
    }

    @Test func fieldsQuotesAndDoubledQuotes() throws {
        #expect(try records("a,b,c\n1,\"two, three\",\"say \"\"hi\"\"\"\n") == [
            Record(row: 1, line: 1, fields: ["a", "b", "c"]),
            Record(row: 2, line: 2, fields: ["1", "two, three", "say \"hi\""]),
        ])
        // A quote that does not open a field is an ordinary character; fields are not trimmed.
        #expect(try records(" a\"b\" , \"c\"") == [Record(row: 1, line: 1, fields: [" a\"b\" ", " \"c\""])])
        // Empty quoted fields and empty fields.
        #expect(try records("\"\",,\"\"") == [Record(row: 1, line: 1, fields: ["", "", ""])])
    }

    @Test func lineBreaksAndPositions() throws {
        // LF, CRLF and a lone CR each end a record; a line break inside quotes is read as LF and
        // moves the line on, not the row.
        let text = "h1,h2\r\n\"multi\r\nline\",x\rnext,\"a\rb\nc\"\n\nlast"
        #expect(try records(text) == [
            Record(row: 1, line: 1, fields: ["h1", "h2"]),
            Record(row: 2, line: 2, fields: ["multi\nline", "x"]),
            Record(row: 3, line: 4, fields: ["next", "a\nb\nc"]),
            Record(row: 4, line: 7, fields: [""]),
            Record(row: 5, line: 8, fields: ["last"]),
        ])
        #expect(try records(text).map(\.place) == ["row 1", "row 2", "row 3 (line 4)", "row 4 (line 7)", "row 5 (line 8)"])
        // A final line break starts no record; a final empty quoted field still counts.
        #expect(try records("a\n") == [Record(row: 1, line: 1, fields: ["a"])])
        #expect(try records("a,\"\"") == [Record(row: 1, line: 1, fields: ["a", ""])])
        #expect(try records("") == [])
    }

    @Test func otherSeparators() throws {
        #expect(try records("a;\"b;c\";d,e", ";") == [Record(row: 1, line: 1, fields: ["a", "b;c", "d,e"])])
        #expect(try records("a\t\"b\tc\"\t", "\t") == [Record(row: 1, line: 1, fields: ["a", "b\tc", ""])])
    }

    @Test func separatorOfTheHeaderRow() {
        #expect(CSVReader.separator(of: "a,b;c\n") == ",")
        #expect(CSVReader.separator(of: "a;b;c,d\n") == ";")
        #expect(CSVReader.separator(of: "a\tb\tc;d\n") == "\t")
        // Ties: semicolon over tab, comma over both.
        #expect(CSVReader.separator(of: "a;b\tc\n") == ";")
        #expect(CSVReader.separator(of: "a,b;c\td\n") == ",")
        // Lines of only separators and blanks come before the header; quoted text does not count.
        #expect(CSVReader.separator(of: "\r\n;;;\r\n\"x,y,z\";b\n") == ";")
        #expect(CSVReader.separator(of: "") == ",")
    }

    @Test func brokenQuotesNameTheirLine() {
        #expect(failure("a\n\"never\nclosed\n") == CSVReader.Failure(
            line: 2, problem: "a quoted field is never closed",
            fix: "add the closing quote (\"), and write quotes inside the field as two quotes (\"\")"))
        #expect(failure("a\r\n\"two\r\nlines\" junk,b\n") == CSVReader.Failure(
            line: 3, problem: "text follows the closing quote of a quoted field",
            fix: "inside a quoted field write a quote as two quotes (\"\"), and put the closing quote right before the separator"))
    }

    /// A quote followed by a combining mark is still a quote: the reader works on Unicode scalars,
    /// not on characters (grapheme clusters).
    @Test func combiningMarksAfterQuotes() throws {
        #expect(try records("FRA,\"\u{301}France\"") == [Record(row: 1, line: 1, fields: ["FRA", "\u{301}France"])])
        #expect(failure("FRA,\"France\"\u{301}")?.problem == "text follows the closing quote of a quoted field")
        #expect(try records("\"\u{301}\",\"a\u{301}\"\"\u{301}\"") == [Record(row: 1, line: 1, fields: ["\u{301}", "a\u{301}\"\u{301}"])])
    }
}
