import Foundation
import Testing
import TestSupport

@Suite struct MergeCommandTests {
    /// A closed round where CAN and USA rewrite 2.2 differently and CHN edits 1.1.
    func makeMergedRound(_ scratch: ScratchDirectory) throws -> CLI {
        let cli = try makeRoundWorkspace(scratch)
        let can = try scratch.write("can.md", "## 2.2 (technical)\nBe precise.\nProposed change: 2.2 Connectivity remains a serious challenge.\n")
        let usa = try scratch.write("usa.csv", "MB/NC,Clause/Subclause,Paragraph/Figure/Table/Note,Type of comment,Comments,Proposed change\nUS,2,2.2,te,Name investment.,\"2.2 Connectivity remains a grave challenge.\"\n")
        let chn = try scratch.write("chn.md", "We support it.\n")
        let chnDraft = try scratch.write("chn-draft.md", sampleDraft.replacingOccurrences(of: "The Council welcomes", with: "The Council warmly welcomes"))
        #expect(try cli.run(["comment", "CAN", can.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try cli.run(["comment", "USA", usa.path], now: "2020-02-21T10:00:00+01:00").status == 0)
        #expect(try cli.run(["comment", "CHN", chn.path, "--proposal", chnDraft.path], now: "2020-02-22T10:00:00+01:00").status == 0)
        return cli
    }

    @Test func mergeExitsOneWhileCollisionsWaitAndZeroOnceResolved() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeMergedRound(scratch)
        let early = try cli.run(["merge"], now: "2020-02-25T10:00:00+01:00")
        #expect(early.status == 3)
        #expect(early.error.contains("is open until"))

        let merged = try cli.run(["merge"], now: "2020-03-02T10:00:00+01:00")
        #expect(merged.status == 1, "\(merged.error)")
        #expect(merged.output.contains("1.1        modified (1 change) by China"))
        #expect(merged.output.contains("C1  paragraph 2.2"))
        #expect(try git(["log", "-1", "--format=%B"], in: cli.folder).output
                .contains("Inputs: Canada (comments), China (comments and edited copy), United States (comments)."))

        let listed = try cli.run(["collisions", "--json"], now: "2020-03-02T10:05:00+01:00")
        let collisions = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        try #require(collisions.count == 1)
        #expect(collisions[0]["id"] as? String == "C1")
        #expect(collisions[0]["paragraph"] as? String == "2.2")
        #expect(collisions[0]["baseText"] as? String == "2.2 Connectivity remains a challenge.")
        let alternatives = try #require(collisions[0]["alternatives"] as? [[String: Any]])
        #expect(alternatives.map { $0["members"] as? [String] } == [["CAN"], ["USA"]])

        let refused = try cli.run(["publish", "final-draft"], now: "2020-03-02T10:06:00+01:00")
        #expect(refused.status == 3)
        #expect(refused.error.contains("C1 (paragraph 2.2)"))

        #expect(try cli.run(["resolve", "C1", "--take", "FRA"], now: "2020-03-02T10:07:00+01:00").status == 2)
        #expect(try cli.run(["resolve", "C9", "--take", "CAN"], now: "2020-03-02T10:07:00+01:00").status == 2)
        #expect(try cli.run(["resolve", "C1"], now: "2020-03-02T10:07:00+01:00").status == 64)
        let text = try scratch.write("2.2.md", "Connectivity remains a serious and grave challenge.\n")
        let resolved = try cli.run(["resolve", "C1", "--text", text.path, "--note", "Both points kept."], now: "2020-03-02T10:08:00+01:00")
        #expect(resolved.status == 0, "\(resolved.error)")
        let draft = try String(contentsOf: cli.folder.appendingPathComponent("Drafts/outline.md"), encoding: .utf8)
        #expect(draft.contains("2.2 Connectivity remains a serious and grave challenge."))
        #expect(draft.contains("1.1 The Council warmly welcomes the invitation to provide an input."))
        #expect(try cli.run(["collisions"], now: "2020-03-02T10:09:00+01:00").output == "No open collisions.\n")
        // A resolution applied to the candidate in place gives what a whole new merge gives.
        let remerged = try cli.run(["merge", "--json"], now: "2020-03-02T10:10:00+01:00")
        #expect(remerged.status == 0, "\(remerged.error)")
        // The JSON is the record as stored, dates in the workspace's zone.
        let record = try #require(try JSONSerialization.jsonObject(with: Data(remerged.output.utf8)) as? [String: Any])
        #expect(record["merged"] as? String == "2020-03-02T10:10:00+01:00")
        #expect((record["changes"] as? [[String: Any]])?.contains { $0["paragraph"] as? String == "1.1" && (($0["after"] as? String) ?? "").contains("warmly") } == true)
        let resolutions = try #require(record["resolutions"] as? [[String: Any]])
        #expect(resolutions.first?["decided"] as? String == "2020-03-02T10:08:00+01:00")
        #expect(try String(contentsOf: cli.folder.appendingPathComponent("Drafts/outline.md"), encoding: .utf8) == draft)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
    }

    /// `merge --json` is written in pieces, the changes and edits from their files: it is the
    /// stored record with them in it, pretty-printed one level in.
    @Test func mergeJSONIsTheStoredRecordWithItsChangesAndEdits() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeMergedRound(scratch)
        let merged = try cli.run(["merge", "--json"], now: "2020-03-02T10:00:00+01:00")
        #expect(merged.status == 1, "\(merged.error)")
        let folder = cli.folder.appendingPathComponent("Comments/draft-1")
        func stored(_ name: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) }
        var expected = try #require(try stored("merge.json") as? [String: Any])
        expected["changes"] = try stored("merge-changes.json")
        expected["edits"] = try stored("merge-edits.json")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(merged.output.utf8)) as? [String: Any])
        #expect(NSDictionary(dictionary: printed) == NSDictionary(dictionary: expected))
        #expect((printed["edits"] as? [Any])?.count == 1)
        #expect(merged.output.contains("""
          "changes" : [
            {
              "after" : "warmly ",
              "before" : "",
              "kind" : "modified",
              "members" : [
                "CHN"
              ],
              "paragraph" : "1.1"
            }
          ],
          "collisions" : [
        """))
        #expect(merged.output.hasSuffix("\n}\n"))
    }

    /// A character a terminal would act on, in an edited copy's change: `merge --json` escapes it,
    /// as JSON does, in the pieces it takes from the files too.
    @Test func mergeJSONEscapesWhatATerminalWouldRun() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let chn = try scratch.write("chn.md", "We support it.\n")
        let copy = try scratch.write("chn-draft.md", sampleDraft.replacingOccurrences(of: "The Council welcomes", with: "The Council \u{202E}welcomes"))
        #expect(try cli.run(["comment", "CHN", chn.path, "--proposal", copy.path], now: "2020-02-22T10:00:00+01:00").status == 0)
        let merged = try cli.run(["merge", "--json"], now: "2020-03-02T10:00:00+01:00")
        #expect(merged.status == 0, "\(merged.error)")
        #expect(!merged.output.unicodeScalars.contains("\u{202E}"))
        #expect(merged.output.contains("\"after\" : \"\\u202Ewelcomes\""))
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(merged.output.utf8)) as? [String: Any])
        let changes = try #require(printed["changes"] as? [[String: Any]])
        #expect(changes.map { $0["after"] as? String } == ["\u{202E}welcomes"])
    }

    @Test func dispositionsInEveryFormat() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeMergedRound(scratch)
        _ = try cli.run(["merge"], now: "2020-03-02T10:00:00+01:00")
        #expect(try cli.run(["dispose", "CAN-1", "rejected", "--note", "Not agreed."], now: "2020-03-02T11:00:00+01:00").status == 0)
        #expect(try cli.run(["dispose", "CAN-1", "modified"], now: "2020-03-02T11:00:00+01:00").status == 2)
        #expect(try cli.run(["dispose", "XYZ-1", "accepted"], now: "2020-03-02T11:00:00+01:00").status == 2)
        #expect(try cli.run(["dispose", "CHN-1", "approved"], now: "2020-03-02T11:00:00+01:00").status == 64)
        // Rejecting Canada's proposal removes it: no collision is left at 2.2.
        #expect(try cli.run(["collisions"], now: "2020-03-02T11:01:00+01:00").output == "No open collisions.\n")
        let draft = try String(contentsOf: cli.folder.appendingPathComponent("Drafts/outline.md"), encoding: .utf8)
        #expect(draft.contains("2.2 Connectivity remains a grave challenge."))

        let json = try cli.run(["dispositions", "--format", "json"], now: "2020-03-02T11:02:00+01:00")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["CAN-1", "CHN-1", "CHN-E1", "USA-1"])
        #expect(rows[0]["disposition"] as? String == "rejected")
        #expect(rows[0]["observation"] as? String == "Not agreed.")
        #expect(rows[1]["disposition"] as? String == "undecided")

        let csv = scratch.url.appendingPathComponent("d.csv")
        #expect(try cli.run(["dispositions", "--format", "csv", "-o", csv.path], now: "2020-03-02T11:02:00+01:00").status == 0)
        let csvText = try String(contentsOf: csv, encoding: .utf8)
        #expect(csvText.hasPrefix("Id,Member,Line number,Clause/Subclause,Paragraph,Type of comment,Comments,Proposed change,Disposition,Observations of the secretariat\r\n"))
        #expect(csvText.contains("CAN-1,Canada (CAN),,,2.2,technical,Be precise.,2.2 Connectivity remains a challenge. → 2.2 Connectivity remains a serious challenge.,Not accepted,Not agreed."))
        // The ISO template's Clause/Subclause cell of the United States' row is kept.
        #expect(csvText.contains("USA-1,United States (USA),,2,2.2,technical,Name investment.,2.2 Connectivity remains a challenge. → 2.2 Connectivity remains a grave challenge.,Undecided,"))
        #expect(csvText.contains("CHN-E1,China (CHN),,,1.1,unspecified,Changes paragraph 1.1 in the member's edited copy of the draft.,1.1 The Council welcomes the invitation… → 1.1 The Council warmly welcomes the invitation…,Undecided,"))
        let html = try cli.run(["dispositions", "--format", "html"], now: "2020-03-02T11:02:00+01:00")
        #expect(html.output.contains("<table"))
        #expect(html.output.contains("Not accepted"))
        let compile = try cli.run(["compile"], now: "2020-03-02T11:03:00+01:00")
        #expect(compile.output.contains("(China)"))
        #expect(try git(["log", "-1", "--format=%s"], in: cli.folder).output == "Dispose of CAN-1 (Canada, 2.2): Not accepted\n")
    }

    @Test func resolveAllAndDisposeAllUndecided() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeMergedRound(scratch)
        #expect(try cli.run(["merge"], now: "2020-03-02T10:00:00+01:00").status == 1)
        #expect(try cli.run(["resolve", "--all"], now: "2020-03-02T10:01:00+01:00").status == 64)
        #expect(try cli.run(["resolve", "C1", "--all", "--take", "base"], now: "2020-03-02T10:01:00+01:00").status == 64)
        let resolved = try cli.run(["resolve", "--all", "--take", "USA", "--note", "US wording."], now: "2020-03-02T10:02:00+01:00")
        #expect(resolved.status == 0, "\(resolved.error)")
        #expect(resolved.output.contains("Resolved 1 collision: C1"))
        let draft = try String(contentsOf: cli.folder.appendingPathComponent("Drafts/outline.md"), encoding: .utf8)
        #expect(draft.contains("2.2 Connectivity remains a grave challenge."))

        #expect(try cli.run(["dispose", "CAN-1", "rejected"], now: "2020-03-02T10:03:00+01:00").status == 0)
        #expect(try cli.run(["dispose", "--all-undecided", "modified"], now: "2020-03-02T10:04:00+01:00").status == 2)
        let all = try cli.run(["dispose", "--all-undecided", "accepted", "--note", "As proposed."], now: "2020-03-02T10:05:00+01:00")
        #expect(all.status == 0, "\(all.error)")
        #expect(all.output.contains("Accepted: 3 comments (CHN-1, CHN-E1, USA-1)"))
        let status = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["status", "--json"], now: "2020-03-02T10:06:00+01:00").output.utf8)) as? [String: Any])
        let merge = try #require(status["merge"] as? [String: Any])
        #expect(merge["undecided"] as? [String] == [])
        #expect(merge["openCollisions"] as? [String] == [])
        #expect(try cli.run(["dispose", "--all-undecided", "accepted"], now: "2020-03-02T10:07:00+01:00").status == 3)
        #expect(try git(["log", "-1", "--format=%s"], in: cli.folder).output == "Dispose of the 3 remaining comments of round draft-1: Accepted\n")
    }

    /// Canada's wording lost collision C1 to the United States': it is not in the text, so it is not
    /// recorded as accepted, and `--all-undecided accepted` leaves it for a decision of its own.
    @Test func aChangeTheResolutionDidNotTakeIsNotAccepted() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeMergedRound(scratch)
        #expect(try cli.run(["merge"], now: "2020-03-02T10:00:00+01:00").status == 1)
        #expect(try cli.run(["resolve", "C1", "--take", "USA"], now: "2020-03-02T10:01:00+01:00").status == 0)
        let status = try cli.run(["status"], now: "2020-03-02T10:02:00+01:00")
        #expect(status.output.contains("\n  superseded changes: CAN-1 (by the resolution of C1): each still needs a disposition\n"))

        let head = try git(["rev-parse", "HEAD"], in: cli.folder).output
        let refused = try cli.run(["dispose", "CAN-1", "accepted"], now: "2020-03-02T10:03:00+01:00")
        #expect(refused.status == 3)
        #expect(refused.output == "")
        #expect(refused.error == """
            error: CAN-1's proposed change to 2.2 is not in the candidate: collision C1 at 2.2 was resolved to take the text of United States; it cannot be accepted as proposed
              fix: dispose of it as noted or rejected (with --note saying why), or as modified with --text FILE; or take its wording with `draftflow resolve C1 --take CAN`

            """)
        #expect(try git(["rev-parse", "HEAD"], in: cli.folder).output == head)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")

        let all = try cli.run(["dispose", "--all-undecided", "accepted"], now: "2020-03-02T10:04:00+01:00")
        #expect(all.status == 0, "\(all.error)")
        #expect(all.output == """
            Accepted: 3 comments (CHN-1, CHN-E1, USA-1)
            Left undecided, their proposed changes not in the candidate: CAN-1 (by C1)
              dispose of each as noted, rejected or modified (`draftflow dispose ID rejected --note TEXT`, or `--all-undecided rejected`)

            """)
        #expect(try cli.run(["publish", "final-draft"], now: "2020-03-02T10:05:00+01:00").status == 3)
        let rest = try cli.run(["dispose", "--all-undecided", "rejected", "--note", "USA's wording taken at C1."], now: "2020-03-02T10:06:00+01:00")
        #expect(rest.output == "Not accepted: 1 comment (CAN-1)\n")
        #expect(try cli.run(["publish", "final-draft"], now: "2020-03-02T10:07:00+01:00").status == 0)
    }
}

/// Issue 11, finding 20: before anything is recorded, `dispositions` says so.
@Suite struct EmptyDispositionsTests {
    @Test func aRoundWithNothingInItSaysSo() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let result = try cli.run(["dispositions"], now: "2020-02-20T10:00:00+01:00")
        #expect(result.status == 0)
        #expect(result.output == "Round draft-1 has no comments yet: no member's submission is recorded in it, and nothing has been merged.\n")
        // A script still gets the (empty) table it asked for.
        #expect(try cli.run(["dispositions", "--format", "json"], now: "2020-02-20T10:00:00+01:00").output == "[\n\n]\n")
    }
}
