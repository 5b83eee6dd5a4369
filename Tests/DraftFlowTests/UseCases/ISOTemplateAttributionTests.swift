import DraftFlow
import Foundation
import Testing
import TestSupport

/// Each row of the ISO template is attributed by its MB/NC cell: a member's file holds only its
/// own rows, and the secretariat's consolidated template splits into one submission per member.
@Suite struct ISOTemplateAttributionTests {
    static let header = "MB/NC,Clause/Subclause,Paragraph/Figure/Table/Note,Type of comment,Comments,Proposed change\n"
    let round: OpenRoundFixture

    init() throws {
        round = try OpenRoundFixture(members: [("FRA", "France"), ("GBR", "United Kingdom of Great Britain and Northern Ireland"), ("DEU", "Germany")])
    }

    private func submit(_ code: String, _ csv: String, name: String = "comments.csv") throws -> Submission {
        try Submissions(try round.at("2020-02-20T10:00:00+01:00")).record(
            member: code, file: IncomingFile(name: name, data: Data((Self.header + csv).utf8)), proposal: nil, received: nil, late: false, roundName: nil)
    }

    @Test func rowsOfTheSenderByCodeAlpha2NameOrNoneAreRecorded() throws {
        let submission = try submit("FRA", "FRA,1,1.1,ed,One.,\nFR,1,1.2,te,Two.,\nFrance,,general,ge,Three.,\n,1,1.1,ge,Four.,\n")
        #expect(submission.comments.map(\.id) == ["FRA-1", "FRA-2", "FRA-3", "FRA-4"])
        #expect(submission.comments.map { $0.template?.memberBody } == ["FRA", "FR", "France", nil])
    }

    /// The case: an ISO file with rows from France and from the United Kingdom.
    @Test func rowsOfAnotherMemberAreRefusedNamingThemAndNothingIsRecorded() throws {
        let before = try round.store.snapshot()
        let error = refusal { try submit("FRA", "FR,1,1.1,ed,One.,\nGB,1,1.2,te,Two.,\nUnited Kingdom,,general,ge,Three.,\n", name: "FRA.csv") }
        #expect(error?.message == "FRA: FRA.csv holds rows of another member: United Kingdom of Great Britain and Northern Ireland (GBR) in rows 3, 4 "
            + "(MB/NC 'GB', 'United Kingdom'); only rows of France (FRA) may be in its file")
        #expect(error?.fix == "send each member's rows as its own submission, or take in the secretariat's consolidated template with "
            + "`draftflow intake --consolidated FILE`, which splits it by MB/NC")
        #expect(try round.store.snapshot().file("Comments/draft-1/index.json") == before.file("Comments/draft-1/index.json"))
        let two = refusal { try submit("FRA", "GB,1,1.1,ed,One.,\nDE,1,1.2,te,Two.,\n", name: "FRA.csv") }
        #expect(two?.message == "FRA: FRA.csv holds rows of other members: United Kingdom of Great Britain and Northern Ireland (GBR) in row 2 (MB/NC 'GB'); "
            + "Germany (DEU) in row 3 (MB/NC 'DE'); only rows of France (FRA) may be in its file")
    }

    @Test func aRowNamingNoRegisteredMemberIsRefusedWithItsRow() throws {
        let error = refusal { try submit("FRA", "FR,1,1.1,ed,One.,\nAFNOR,1,1.2,te,Two.,\nES,,general,ge,Three.,\n") }
        #expect(error?.message == "FRA: comments.csv, rows 3, 4: the MB/NC 'AFNOR', 'ES' names no registered member")
        #expect(error?.fix == "write the member's code (FRA), its ISO 3166 alpha-2 code or its name (France) in the MB/NC column, "
            + "or register the member with `draftflow member add CODE --name NAME`")
    }

    @Test func theConsolidatedTemplateSplitsByMemberKeepingTheWholeFile() throws {
        let data = Data((Self.header + "FR,1,1.1,ed,One.,\nGB,1,1.2,te,Two.,\nFrance,,general,ge,Three.,\nGermany,1,1.1,ge,Four.,\n").utf8)
        let parts = try ConsolidatedTemplate.split(IncomingFile(name: "all.csv", data: data), members: try Membership(try round.at("2020-02-20T10:00:00+01:00")).members())
        #expect(parts.map { "\($0.member.code): \($0.rows) \($0.file.read?.comments.map(\.text) ?? [])" } == [
            "FRA: [2, 4] [\"One.\", \"Three.\"]", "GBR: [3] [\"Two.\"]", "DEU: [5] [\"Four.\"]",
        ])
        #expect(parts.allSatisfy { $0.file.data == data && $0.file.name == "all.csv" })
        let items = parts.map { Submissions.BatchItem(member: $0.member.code, file: $0.file, proposal: nil, received: nil) }
        let recorded = try Submissions(try round.at("2020-02-20T10:00:00+01:00")).recordBatch(items, late: false, roundName: nil)
        #expect(recorded.map { "\($0.member) \($0.comments.map(\.id)) \($0.originalName)" } == [
            "FRA [\"FRA-1\", \"FRA-2\"] all.csv", "GBR [\"GBR-1\"] all.csv", "DEU [\"DEU-1\"] all.csv",
        ])
    }

    @Test func aConsolidatedRowWithoutAMemberIsRefusedWithItsRow() throws {
        let members = [Member(code: "FRA", name: "France")]
        let empty = refusal { try ConsolidatedTemplate.split(IncomingFile(name: "all.csv", data: Data((Self.header + "FR,1,1.1,ed,One.,\n,1,1.2,te,Two.,\n").utf8)), members: members) }
        #expect(empty?.message == "all.csv, row 3: the MB/NC cell is empty, so the row is no member's")
        let unknown = refusal { try ConsolidatedTemplate.split(IncomingFile(name: "all.csv", data: Data((Self.header + "XX,1,1.1,ed,One.,\nGB,1,1.2,te,Two.,\n").utf8)), members: members) }
        #expect(unknown?.message == "all.csv: the MB/NC of row 2 ('XX'), row 3 ('GB') names no registered member")
        let markdown = refusal { try ConsolidatedTemplate.split(IncomingFile(name: "all.md", data: Data("## 1.1\nText.\n".utf8)), members: members) }
        #expect(markdown?.message == "all.md is not the ISO commenting template")
    }
}
