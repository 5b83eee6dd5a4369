import Foundation
import Testing
import TestSupport

@Suite struct CommentCommandTests {
    let canada = """
    # Comments of Canada

    ## 2.2 (technical)
    Mention meaningful connectivity.
    Proposed change: 2.2 Meaningful connectivity remains a challenge.

    ## general
    We welcome the draft.
    """

    @Test func deadlineEdgesInGenevaTime() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let file = try scratch.write("c.md", "A general comment.\n")
        // The last second of 1 March in Geneva is on time.
        let onTime = try cli.run(["comment", "CAN", file.path], now: "2020-03-05T09:00:00+01:00" , in: nil)
        #expect(onTime.status == 3, "with no --received, the comment arrives now, after the close")
        let lastSecond = try cli.run(["comment", "CAN", file.path, "--received", "2020-03-01T23:59:59+01:00"], now: "2020-03-05T09:00:00+01:00")
        #expect(lastSecond.status == 0, "\(lastSecond.error)")
        for late in ["2020-03-02T00:00:00+01:00", "2020-03-01T23:00:00Z"] {
            let result = try cli.run(["comment", "USA", file.path, "--received", late], now: "2020-03-05T09:00:00+01:00")
            #expect(result.status == 3)
            #expect(result.error.contains("1 March 2020, 23:59:59 CET (Europe/Zurich)"))
            #expect(result.error.contains("1 March 2020, 22:59:59 UTC"))
            #expect(result.error.contains("--late"))
        }
        let recordedLate = try cli.run(["comment", "USA", file.path, "--received", "2020-03-02T00:00:00+01:00", "--late"], now: "2020-03-05T09:00:00+01:00")
        #expect(recordedLate.status == 0, "\(recordedLate.error)")

        let status = try cli.run(["status", "--json"], now: "2020-03-05T09:00:00+01:00")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
        let round = try #require(json["round"] as? [String: Any])
        #expect(round["closesAt"] as? String == "2020-03-01T23:59:59+01:00")
        #expect(round["open"] as? Bool == false)
        #expect(round["name"] as? String == "draft-1")
        let members = try #require(json["members"] as? [[String: Any]])
        #expect(members.map { $0["state"] as? String } == ["received", "late", "none"])
        #expect(try git(["log", "-1", "--format=%(trailers:key=DraftFlow-Late,valueonly)"], in: cli.folder).output.trimmingCharacters(in: .whitespacesAndNewlines) == "yes")
    }

    @Test func aSubmissionIsAnAttributedCommitKeptByteForByte() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let file = try scratch.write("Canada comments.md", canada)
        let proposal = try scratch.write("edited.md", sampleDraft.replacingOccurrences(of: "Connectivity remains", with: "Meaningful connectivity remains"))
        let result = try cli.run(["comment", "CAN", file.path, "--proposal", proposal.path, "--received", "2020-02-27T17:42:00+01:00"], now: "2020-02-28T09:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("CAN-1  2.2  technical  (proposed text)"))
        #expect(result.output.contains("CAN-2  general  general"))

        let author = try git(["log", "-1", "--format=%an <%ae>|%aI|%cn|%cI"], in: cli.folder).output
        #expect(author == "Canada <can@example.org>|2020-02-27T17:42:00+01:00|Secretariat|2020-02-28T09:00:00+01:00\n")
        let stored = try git(["show", "HEAD:Comments/draft-1/CAN/submission-1.md"], in: cli.folder).output
        #expect(stored == canada)
        #expect(try Data(contentsOf: cli.folder.appendingPathComponent("Comments/draft-1/CAN/submission-1.proposal.md")) == Data(contentsOf: proposal))
        let record = try git(["show", "HEAD:Comments/draft-1/CAN/submission-1.json"], in: cli.folder).output
        #expect(record.contains("\"originalName\" : \"Canada comments.md\""))
        #expect(record.contains("\"received\" : \"2020-02-27T17:42:00+01:00\""))
        let hash = try git(["hash-object", file.path], in: cli.folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(record.contains("\"fileBlob\" : \"\(hash)\""))
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
    }

    @Test func aSecondSubmissionSupersedesTheFirstAndBothStayInHistory() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let first = try scratch.write("one.md", canada)
        let second = try scratch.write("two.md", "## 1.1 (editorial)\nReplace 'welcomes' by 'appreciates'.\n")
        #expect(try cli.run(["comment", "CAN", first.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        let again = try cli.run(["comment", "CAN", second.path], now: "2020-02-25T10:00:00+01:00")
        #expect(again.status == 0)
        #expect(again.output.contains("superseding submission 1"))
        #expect(again.output.contains("CAN-3  1.1  editorial"))
        let status = try cli.run(["status", "--json"], now: "2020-02-26T10:00:00+01:00")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
        let can = try #require((json["members"] as? [[String: Any]])?.first)
        #expect(can["comments"] as? Int == 1)
        #expect(can["submissions"] as? Int == 2)
        #expect(try git(["ls-files", "Comments/draft-1/CAN"], in: cli.folder).output
                == "Comments/draft-1/CAN/submission-1.json\nComments/draft-1/CAN/submission-1.md\nComments/draft-1/CAN/submission-2.json\nComments/draft-1/CAN/submission-2.md\n")
    }

    @Test func aCommentFileMayBeAPipe() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let head = try git(["rev-parse", "HEAD"], in: cli.folder).output
        // More than 10 MiB through a pipe is refused like a large file, and nothing is written.
        let huge = try cli.run(["comment", "CAN", "/dev/stdin"], now: "2020-02-20T10:00:00+01:00",
                               input: Data(repeating: 0x61, count: 10 * 1024 * 1024 + 100))
        #expect(huge.status == 2)
        #expect(huge.error.contains("the limit is 10485760 bytes"), "\(huge.error)")
        #expect(try git(["rev-parse", "HEAD"], in: cli.folder).output == head)
        let piped = try cli.run(["comment", "CAN", "/dev/stdin"], now: "2020-02-20T10:00:00+01:00",
                                input: Data("## 1.1 (editorial)\nSay \"warmly\".\n".utf8))
        #expect(piped.status == 0, "\(piped.error)")
        #expect(piped.output.contains("CAN-1  1.1  editorial"))
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
    }

    @Test func badSubmissionsWriteNothing() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let before = try git(["rev-parse", "HEAD"], in: cli.folder).output
        let good = try scratch.write("ok.md", "Fine.\n")
        let invalid = scratch.url.appendingPathComponent("latin1.md")
        try Data([0x43, 0x61, 0x66, 0xe9, 0x0a]).write(to: invalid)
        let huge = scratch.url.appendingPathComponent("huge.md")
        try Data(repeating: 0x61, count: 10 * 1024 * 1024 + 1).write(to: huge)
        let empty = try scratch.write("empty.md", "  \n")
        let cases: [([String], Int32, String)] = [
            (["comment", "XYZ", good.path], 2, "not a registered member"),
            (["comment", "CAN", invalid.path], 2, "UTF-8"),
            (["comment", "CAN", huge.path], 2, "10 MiB"),
            (["comment", "CAN", empty.path], 2, "empty"),
            (["comment", "CAN", scratch.url.appendingPathComponent("missing.md").path], 2, "does not exist"),
            (["comment", "CAN", good.path, "--proposal", invalid.path], 2, "UTF-8"),
            (["comment", "CAN", good.path, "--round", "nope"], 2, "no round nope"),
        ]
        for (arguments, status, message) in cases {
            let result = try cli.run(arguments, now: "2020-02-20T10:00:00+01:00")
            #expect(result.status == status, "\(arguments): \(result.error)")
            #expect(result.error.contains(message), "\(arguments): \(result.error)")
        }
        #expect(try git(["rev-parse", "HEAD"], in: cli.folder).output == before)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
    }

    @Test func eightMembersCommentingAtOnceLoseNothing() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let codes = ["AUS", "BRA", "DEU", "EGY", "IND", "JPN", "KEN", "MEX"]
        for code in codes {
            #expect(try cli.run(["member", "add", code, "--name", "Member \(code)"]).status == 0)
        }
        let file = try scratch.write("c.md", "## 2.1 (technical)\nStrengthen this.\nProposed change: 2.1 ITU contributes decisively to the SDGs.\n")
        let group = DispatchGroup()
        let statuses = StatusBox()
        for code in codes {
            group.enter()
            DispatchQueue.global().async {
                let result = try? cli.run(["comment", code, file.path], now: "2020-02-20T10:00:00+01:00")
                statuses.append(result?.status ?? -1)
                group.leave()
            }
        }
        group.wait()
        #expect(statuses.values == Array(repeating: 0, count: 8))
        let log = try git(["log", "--format=%an"], in: cli.folder).output
        for code in codes { #expect(log.contains("Member \(code)\n")) }
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
        let status = try cli.run(["status", "--json"], now: "2020-02-21T10:00:00+01:00")
        let members = try #require((try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])?["members"] as? [[String: Any]])
        #expect(members.filter { $0["state"] as? String == "received" }.count == 8)
    }

    @Test func logShowsTheTimeline() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let file = try scratch.write("c.md", canada)
        #expect(try cli.run(["comment", "CAN", file.path, "--received", "2020-02-27T17:42:00+01:00"], now: "2020-02-28T09:00:00+01:00").status == 0)
        let log = try cli.run(["log", "--json"], now: "2020-03-02T09:00:00+01:00")
        let events = try #require(try JSONSerialization.jsonObject(with: Data(log.output.utf8)) as? [[String: Any]])
        #expect(events.map { $0["event"] as? String } == ["init", "member-add", "member-add", "member-add", "publish", "round-open", "comment", "round-closed"])
        let comment = events[6]
        #expect(comment["member"] as? String == "CAN")
        #expect(comment["at"] as? String == "2020-02-27T17:42:00+01:00")
        #expect(events[7]["at"] as? String == "2020-03-01T23:59:59+01:00")
    }
}

/// Collects results from concurrent work.
final class StatusBox: @unchecked Sendable {
    // Guarded by `lock`: appended to from several dispatch threads.
    private let lock = NSLock()
    private var stored: [Int32] = []
    func append(_ value: Int32) { lock.lock(); stored.append(value); lock.unlock() }
    var values: [Int32] { lock.lock(); defer { lock.unlock() }; return stored }
}

@Suite struct CommentRerunTests {
    @Test func theSameCommandRunTwiceRecordsOneSubmissionAndAnEarlierVersionSentBackIsNew() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let first = try scratch.write("first.md", "A general comment.\n")
        let second = try scratch.write("second.md", "Another general comment.\n")
        let now = "2020-02-28T09:00:00+01:00"
        #expect(try cli.run(["comment", "CAN", first.path, "--received", "2020-02-27T10:00:00+01:00"], now: now).status == 0)
        let head = try gitOutput(["rev-parse", "HEAD"], in: cli.folder)

        // Run again, as after a kill once it had committed: nothing new is recorded.
        let again = try cli.run(["comment", "CAN", first.path, "--received", "2020-02-27T10:00:00+01:00"], now: now)
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output == "")
        #expect(again.error == "note: CAN's submission 1 in round draft-1 holds these files already, byte for byte "
                + "(received 27 February 2020, 10:00:00 CET (Europe/Zurich)); nothing was recorded\n")
        #expect(try gitOutput(["rev-parse", "HEAD"], in: cli.folder) == head)

        // A new text, then the first one sent back: both are submissions of their own.
        #expect(try cli.run(["comment", "CAN", second.path, "--received", "2020-02-27T11:00:00+01:00"], now: now).status == 0)
        let back = try cli.run(["comment", "CAN", first.path, "--received", "2020-02-27T12:00:00+01:00"], now: now)
        #expect(back.status == 0, "\(back.error)")
        #expect(back.output.hasPrefix("Recorded 1 comment from CAN in round draft-1, superseding submission 2\n"))
        #expect(try gitOutput(["ls-tree", "--name-only", "HEAD", "Comments/draft-1/CAN/"], in: cli.folder)
                == "Comments/draft-1/CAN/submission-1.json\nComments/draft-1/CAN/submission-1.md\nComments/draft-1/CAN/submission-2.json\n"
                 + "Comments/draft-1/CAN/submission-2.md\nComments/draft-1/CAN/submission-3.json\nComments/draft-1/CAN/submission-3.md\n")
    }
}
