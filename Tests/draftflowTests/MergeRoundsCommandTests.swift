import Foundation
import Testing
import TestSupport

/// Several comment rounds on one version: a round reopened on draft-1 adds to the first.
@Suite struct MergeRoundsCommandTests {
    static let canada = "## 2.2 (technical)\nBe precise.\nProposed change: 2.2 Connectivity remains a serious challenge.\n"
    static let unitedStates = "## 1.2 (technical)\nSay who.\nProposed change: 1.2 This input was prepared by the ITU working group.\n"

    /// draft-1 with Canada's comment in round draft-1 (merged), and a second round draft-1b on
    /// draft-1, open 2 to 5 March, with the United States' comment in it.
    private func twoRounds(_ scratch: ScratchDirectory) throws -> CLI {
        let cli = try makeRoundWorkspace(scratch)
        let can = try scratch.write("can.md", Self.canada)
        let usa = try scratch.write("usa.md", Self.unitedStates)
        #expect(try cli.run(["comment", "CAN", can.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        let first = try cli.run(["merge"], now: "2020-03-02T09:00:00+01:00")
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.hasPrefix("Merged round draft-1 onto draft-1: 1 changes applied"))
        #expect(try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-05", "--name", "draft-1b"], now: "2020-03-02T10:00:00+01:00").status == 0)
        #expect(try cli.run(["comment", "USA", usa.path], now: "2020-03-03T10:00:00+01:00").status == 0)
        return cli
    }

    static let bothChanges = sampleDraft
        .replacingOccurrences(of: "prepared by the working group", with: "prepared by the ITU working group")
        .replacingOccurrences(of: "remains a challenge", with: "remains a serious challenge")

    @Test func aMergeTakesEveryRoundOnTheVersionSoAReopenedRoundAddsToTheFirst() throws {
        let scratch = try ScratchDirectory()
        let cli = try twoRounds(scratch)
        let merged = try cli.run(["merge"], now: "2020-03-06T10:00:00+01:00")
        #expect(merged.status == 0, "\(merged.error)")
        #expect(merged.error == "")
        #expect(merged.output.components(separatedBy: "\n").prefix(3) == [
            "Merged rounds draft-1 and draft-1b onto draft-1: 2 changes applied (commit \(try gitOutput(["rev-parse", "--short=7", "HEAD"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)))",
            "  1.2        modified (1 change) by United States",
            "  2.2        modified (1 change) by Canada",
        ])
        #expect(try String(contentsOf: cli.folder.appendingPathComponent("Drafts/outline.md"), encoding: .utf8) == Self.bothChanges)
        // Canada answered in the first round: in the second it has responded all the same.
        let status = try cli.run(["status"], now: "2020-03-06T10:00:30+01:00").output.split(separator: "\n")
        #expect(status.filter { $0.hasPrefix("  CAN ") || $0.hasPrefix("  USA ") || $0.hasPrefix("  CHN ") } == [
            "  CAN   Canada                   received 2020-02-20T10:00:00+01:00, 1 comment in round draft-1",
            "  USA   United States            received 2020-03-03T10:00:00+01:00, 1 comment",
            "  CHN   China                    no response",
        ])
        let table = try cli.run(["dispositions"], now: "2020-03-06T10:01:00+01:00")
        #expect(table.output == """
            # Council input to the 2020 HLPF: disposition of comments, rounds draft-1 and draft-1b

            | Id | Member | Line number | Clause/Subclause | Paragraph | Type of comment | Comments | Proposed change | Disposition | Observations of the secretariat |
            |---|---|---|---|---|---|---|---|---|---|
            | CAN-1 | Canada (CAN) |  |  | 2.2 | technical | Be precise. | 2.2 Connectivity remains a challenge. → 2.2 Connectivity remains a serious challenge. | Undecided |  |
            | USA-1 | United States (USA) |  |  | 1.2 | technical | Say who. | …prepared by the working group. → …prepared by the ITU working group. | Undecided |  |

            """)
        // Every comment of both rounds needs a decision before the next version.
        let refused = try cli.run(["publish", "draft-2"], now: "2020-03-06T10:02:00+01:00")
        #expect(refused.status == 3)
        #expect(refused.error.hasPrefix("error: round draft-1b has comments without a disposition: CAN-1, USA-1\n"))
        #expect(try gitOutput(["log", "-1", "--format=%s", "HEAD"], in: cli.folder) == "Merge the proposals of rounds draft-1 and draft-1b into a candidate next draft\n")
        // The packet has each comment once, from the merge of both (draft-1's own merge came first).
        #expect(try cli.run(["publish", "draft-2", "--allow-undecided"], now: "2020-03-06T10:03:00+01:00").status == 0)
        let packet = scratch.url.appendingPathComponent("draft-2.md")
        #expect(try cli.run(["export", "draft-2", "--format", "md", "-o", packet.path], now: "2020-03-06T10:04:00+01:00").status == 0)
        let rows = try String(contentsOf: packet, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("| CAN-") || $0.hasPrefix("| USA-") }
        #expect(rows.map { $0.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } == ["CAN-1", "USA-1"])
    }

    @Test func aMergeOfOneNamedRoundWarnsAndTheLastMergeIsTheOneThatCounts() throws {
        let scratch = try ScratchDirectory()
        let cli = try twoRounds(scratch)
        #expect(try cli.run(["merge"], now: "2020-03-06T10:00:00+01:00").status == 0)
        let named = try cli.run(["merge", "--round", "draft-1"], now: "2020-03-06T10:01:00+01:00")
        #expect(named.status == 0, "\(named.error)")
        #expect(named.error == "warning: round draft-1b on draft-1 also received submissions, which this merge of round draft-1 does not take"
                + " (run `draftflow merge` without --round to take every round on draft-1)\n")
        let canadaOnly = sampleDraft.replacingOccurrences(of: "remains a challenge", with: "remains a serious challenge")
        #expect(try String(contentsOf: cli.folder.appendingPathComponent("Drafts/outline.md"), encoding: .utf8) == canadaOnly)
        // The candidate is draft-1's alone now, and so are the decisions publish asks for.
        let refused = try cli.run(["publish", "draft-2"], now: "2020-03-06T10:02:00+01:00")
        #expect(refused.error.hasPrefix("error: round draft-1 has comments without a disposition: CAN-1\n"))
        // Merging again without --round takes both rounds again.
        #expect(try cli.run(["merge"], now: "2020-03-06T10:03:00+01:00").status == 0)
        #expect(try String(contentsOf: cli.folder.appendingPathComponent("Drafts/outline.md"), encoding: .utf8) == Self.bothChanges)
    }

    @Test func numbersGoOnAcrossRoundsAndDecisionsCarryIntoTheMergeOfBoth() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let usa = try scratch.write("usa.md", Self.unitedStates)
        #expect(try cli.run(["comment", "USA", usa.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try cli.run(["merge"], now: "2020-03-02T09:00:00+01:00").status == 0)
        #expect(try cli.run(["dispose", "USA-1", "accepted"], now: "2020-03-02T09:10:00+01:00").status == 0)
        #expect(try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-05", "--name", "draft-1b"], now: "2020-03-02T10:00:00+01:00").status == 0)
        // The same comment sent again keeps its id; a new one gets the next number on draft-1.
        let again = try scratch.write("usa2.md", Self.unitedStates + "\n## 2.1 (editorial)\nAll of them.\nProposed change: 2.1 ITU contributes to all the SDGs.\n")
        let recorded = try cli.run(["comment", "USA", again.path, "--json"], now: "2020-03-03T10:00:00+01:00")
        #expect(recorded.status == 0, "\(recorded.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(recorded.output.utf8)) as? [String: Any])
        let ids = (json["comments"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids == ["USA-1", "USA-2"])
        #expect(try cli.run(["merge"], now: "2020-03-06T10:00:00+01:00").status == 0)
        let rows = try cli.run(["dispositions", "--format", "json"], now: "2020-03-06T10:01:00+01:00")
        let table = try #require(try JSONSerialization.jsonObject(with: Data(rows.output.utf8)) as? [[String: Any]])
        #expect(table.map { "\($0["id"] ?? "")=\($0["disposition"] ?? "")" } == ["USA-1=accepted", "USA-2=undecided"])
    }
}
