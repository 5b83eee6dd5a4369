import DraftFlow
import Foundation
import Testing
import TestSupport

/// What an ISO template's MB/NC cell names: codes, alpha-2 codes and names of registered members.
@Suite struct MemberBodiesTests {
    static let members = [Member(code: "FRA", name: "France"), Member(code: "GBR", name: "United Kingdom of Great Britain and Northern Ireland"),
                          Member(code: "CIV", name: "Côte d'Ivoire"), Member(code: "EU", name: "European Union"),
                          Member(code: "USA", name: "United States")]

    @Test(arguments: [
        ("FRA", "FRA"), ("fra", "FRA"), ("FR", "FRA"), ("fr ", "FRA"), ("France", "FRA"), ("FRANCE", "FRA"), ("French Republic", "FRA"),
        ("GB", "GBR"), ("GBR", "GBR"), ("United Kingdom", "GBR"), ("united kingdom of great britain and northern ireland", "GBR"),
        ("Cote d’Ivoire", "CIV"), ("CI", "CIV"), ("EU", "EU"), ("European Union", "EU"),
        ("US", "USA"), ("United States of America", "USA"), ("The United States", "USA"), ("US*", "USA"), ("FR¹", "FRA"),
    ])
    func aCellNamesTheMember(cell: String, code: String) {
        #expect(MemberBodies.member(named: cell, among: Self.members)?.code == code)
    }

    @Test(arguments: ["DE", "DEU", "Germany", "AFNOR", "", "  ", "F", "Fr ance", "中国"])
    func aCellNamingNoRegisteredMemberNamesNone(cell: String) {
        #expect(MemberBodies.member(named: cell, among: Self.members) == nil)
    }

    /// A member registered by another code is found by its name's country.
    @Test(arguments: ["GB", "GBR", "gb", "United Kingdom", "UK", "United Kingdom of Great Britain and Northern Ireland"])
    func aMemberRegisteredByAnotherCodeIsFoundByItsNamesCountry(cell: String) {
        let members = [Member(code: "FRA", name: "France"), Member(code: "UK", name: "United Kingdom")]
        #expect(MemberBodies.member(named: cell, among: members)?.code == "UK")
    }

    /// The alpha-2 code maps only to a registered alpha-3 code: `CA` is not Canada when Canada
    /// is not registered, even with another member registered as `CAN`-like names.
    @Test func anAlpha2CodeNeedsItsMemberRegistered() {
        #expect(MemberBodies.member(named: "CA", among: [Member(code: "CHN", name: "China")]) == nil)
        #expect(MemberBodies.member(named: "CA", among: [Member(code: "CAN", name: "Canada")])?.code == "CAN")
    }
}

/// The template's title rows above its header, as the .xlsx and Word forms carry them.
@Suite struct TemplateTitleRowTests {
    @Test func titleRowsAboveTheHeaderAreNotRead() throws {
        let csv = "Template for comments and secretariat observations,,\nDate:,2020-02-28,\nDocument:,Draft 1 with many comments,\n\n"
            + "MB/NC,Type of comment,Comments\nCA,ed,One.\n"
        let comments = try CommentParser.parse(data: Data(csv.utf8), fileName: "CAN.csv")
        #expect(comments == [ParsedComment(reference: .general, type: .editorial, text: "One.", template: TemplateFields(memberBody: "CA", row: 6))])
    }

    @Test func aCellOfMoreThanSixWordsIsTextNotATitle() throws {
        let table = TemplateTable(rows: [
            .init(number: 1, place: "row 1", cells: ["Write your comments in the sheet below, please", "MB/NC"]),
            .init(number: 2, place: "row 2", cells: ["Comments", "MB/NC"]),
        ])
        #expect(table.header?.number == 2)
    }

    @Test func aHeaderWithOnlyACommentsColumnIsNoHeader() {
        let error = refusal { try CommentParser.parse(data: Data("Comments\nOne.\n".utf8), fileName: "CAN.csv") }
        #expect(error?.message == "CAN.csv: the header (row 1) has a 'Comments' column but no other column of the template; it has 'Comments'")
    }
}
