import Foundation
import Testing
@testable import DraftFlow
import TestSupport

@Suite("MemberList")
struct MemberListTests {
    /// Issue 9: member import split lines and commas by hand, so a quoted name with a comma was
    /// refused and a quoted name without one was stored with its quotes.
    @Test func quotedNamesAreReadAsCSV() throws {
        #expect(try MemberList.parse(csv: "KOR,\"Korea, Republic of\"\nPRK,\"Korea (Republic of)\",mission@example.org\n") == [
            Member(code: "KOR", name: "Korea, Republic of"),
            Member(code: "PRK", name: "Korea (Republic of)", email: "mission@example.org"),
        ])
        #expect(try MemberList.parse(csv: "CIV,\"Côte d'Ivoire, \"\"the\"\" Republic\"\r\n") == [
            Member(code: "CIV", name: "Côte d'Ivoire, \"the\" Republic"),
        ])
    }

    @Test func headerBlankLinesSpacesAndLineEnds() throws {
        let csv = "Code , Name, E-mail\r\n\r\n  FRA , France , fra@example.org \r\nDEU,Germany,\n\t\nBRA,Brazil"
        #expect(try MemberList.parse(csv: csv) == [
            Member(code: "FRA", name: "France", email: "fra@example.org"),
            Member(code: "DEU", name: "Germany"),
            Member(code: "BRA", name: "Brazil"),
        ])
        // `code` is a header on the first line only.
        #expect(refusal { try MemberList.parse(csv: "CAN,Canada\ncode,name\n") }?.message == "line 2: member code 'code' contains lowercase letters")
    }

    @Test func everyRefusalNamesItsLine() {
        func expect(_ csv: String, _ message: String, _ fix: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let error = refusal { try MemberList.parse(csv: csv) }
            #expect(error?.kind == .invalidInput, sourceLocation: sourceLocation)
            #expect(error?.message == message, sourceLocation: sourceLocation)
            #expect(error?.fix == fix, sourceLocation: sourceLocation)
        }
        let shape = "write one member per line, e.g. CAN,Canada,mission@example.ca"
        expect("code,name,email\nFRA,France,\nDEU\n", "line 3: expected `code,name[,email]`, found 'DEU'", shape)
        expect("FRA,France,fra@example.org,extra\n", "line 1: expected `code,name[,email]`, found 'FRA,France,fra@example.org,extra'", shape)
        expect("FRA,France\nfra,France\n", "line 2: member code 'fra' contains lowercase letters", "member codes are uppercase: write 'FRA'")
        expect("X,Nowhere\n", "line 1: member code 'X' has 1 character; it must have 2 to 10",
               "use 2 to 10 uppercase letters A-Z or digits, starting with a letter, such as CAN, USA or EU (ISO 3166 alpha-3 codes are recommended)")
        expect("FRA,France,not an address\n", "line 1: 'not an address' is not an e-mail address", "correct it, or leave the third field empty")
        expect("FRA,\n", "line 1: FRA has no name", "one line per member, each with a name")
        expect("FRA,France\n\nFRA,Françe\n", "line 3: FRA appears twice", "one line per member, each with a name")
        expect("code,name\n\n  \n", "the file lists no member", "write one member per line: code,name[,email]")
        expect("", "the file lists no member", "write one member per line: code,name[,email]")
        expect("FRA,\"France\nRepublic\"\n", "line 1: the name of FRA runs over several lines", "write the name on one line")
        expect("FRA,France\nKOR,\"Korea, Republic of\n", "line 2: a quoted field is never closed",
               "add the closing quote (\"), and write quotes inside the field as two quotes (\"\")")
        expect("KOR,\"Korea\" Republic\n", "line 1: text follows the closing quote of a quoted field",
               "inside a quoted field write a quote as two quotes (\"\"), and put the closing quote right before the separator")
        // Line numbers after a quoted line break are the editor's lines.
        expect("KOR,\"Korea\",\"a\nb\"\nDEU\n", "line 1: 'a\nb' is not an e-mail address", "correct it, or leave the third field empty")
        expect("CAN,Canada,\"x@example.org\"\n\"US\nA\",United States\nDEU\n", "line 2: member code 'US\\u{A}A' contains a control character (U+000A)",
               "use 2 to 10 uppercase letters A-Z or digits, starting with a letter, such as CAN, USA or EU (ISO 3166 alpha-3 codes are recommended)")
    }

    @Test func emailShape() {
        #expect(MemberList.looksLikeEmail("mission@example.ca"))
        #expect(!MemberList.looksLikeEmail("mission@example"))
        #expect(!MemberList.looksLikeEmail("@example.ca"))
        #expect(!MemberList.looksLikeEmail("a@b@example.ca"))
        #expect(!MemberList.looksLikeEmail("Mission <mission@example.ca>"))
        #expect(!MemberList.looksLikeEmail("mission@exa\u{1}mple.ca"))
    }
}
