import Foundation
import Testing
import TestSupport

/// `intake --mail` on the fixture mailbox (Tests/Fixtures/mail/make-fixtures.py), `member add`
/// with several addresses, `member edit`, `round open --subject`.
@Suite struct MailIntakeCommandTests {
    static let mbox = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mail/round.mbox")

    /// `sampleDraft` published as draft-1, six members (China with a second address), a round
    /// closing 1 March 2020 whose mail subject is "Council input to HLPF 2020".
    static func workspace(_ scratch: ScratchDirectory) throws -> CLI {
        let draft = try scratch.write("outline.md", sampleDraft)
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        let created = try CLI.run(["init", "ws", "--title", "Council input to the 2020 HLPF", "--document", draft.path], now: cli.now, in: scratch.url)
        precondition(created.status == 0, created.error)
        for (code, name) in [("CAN", "Canada"), ("USA", "United States"), ("FRA", "France"), ("RUS", "Russian Federation"), ("GBR", "United Kingdom")] {
            let added = try cli.run(["member", "add", code, "--name", name, "--email", "\(code.lowercased())@example.org"])
            precondition(added.status == 0, added.error)
        }
        let china = try cli.run(["member", "add", "CHN", "--name", "China", "--email", "chn@example.org", "--email", "geneva@china-mission.example.cn"])
        precondition(china.status == 0, china.error)
        let published = try cli.run(["publish", "draft-1"])
        precondition(published.status == 0, published.error)
        let opened = try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-01", "--name", "draft-1", "--subject", "Council input to HLPF 2020"])
        precondition(opened.status == 0, opened.error)
        return CLI(folder: cli.folder, now: "2020-03-02T10:00:00+01:00")
    }

    static func record(_ arguments: [String], in folder: URL) throws -> Data {
        Data(try gitOutput(arguments, in: folder).utf8)
    }

    static func head(_ cli: CLI) throws -> String {
        try git(["rev-parse", "HEAD"], in: cli.folder).output
    }

    @Test func theMailboxOfARoundBecomesOneSubmissionPerMemberReceivedWhenTheServerReceivedIt() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let path = Self.mbox.path
        let result = try cli.run(["intake", "--mail", path])
        #expect(result.status == 0, "\(result.error)")
        // What was recorded, then a receipt for each (ReceiptCommandTests checks a receipt itself).
        #expect(result.output.components(separatedBy: "  Receipt ").first == """
            Read 8 messages from \(path)
            Recorded 6 submissions (8 comments, 0 edited copies) in round draft-1
              CAN  submission 1  1 comment  received 25 February 2020, 16:12:03 CET (Europe/Zurich)  message 1 from Jane Roe <can@example.org>
              USA  submission 1  1 comment  received 26 February 2020, 15:31:10 CET (Europe/Zurich)  message 2 from usa@example.org
              CHN  submission 1  2 comments  received 27 February 2020, 03:00:05 CET (Europe/Zurich)  message 3 from Li Wei <geneva@china-mission.example.cn>
              FRA  submission 1  2 comments  received 27 February 2020, 11:00:30 CET (Europe/Zurich)  message 4 from Mission de la France <fra@example.org>
              RUS  submission 1  1 comment  received 28 February 2020, 10:00:44 CET (Europe/Zurich)  message 5 from Постоянное представительство России <rus@example.org>
              GBR  submission 1  1 comment  received 28 February 2020, 15:00:12 CET (Europe/Zurich)  message 6 from GBR Mission <gbr@example.org>
            Held 1 message: see `draftflow intake --mail \(path) --held`

            """)
        #expect(result.output.components(separatedBy: "  Receipt ").count - 1 == 6)
        #expect(result.error == """
            note: message 3 (geneva@china-mission.example.cn): its body has no comment heading: read as a covering note, not as a comment
            note: message 8 (can@example.org) is message 1 again (the same Message-ID): skipped

            """)
        #expect(try git(["log", "-6", "--format=%an <%ae>|%aI|%s"], in: cli.folder).output == """
            United Kingdom <gbr@example.org>|2020-02-28T15:00:12+01:00|Comments of United Kingdom (GBR) on draft-1: 1 comment
            Russian Federation <rus@example.org>|2020-02-28T10:00:44+01:00|Comments of Russian Federation (RUS) on draft-1: 1 comment
            France <fra@example.org>|2020-02-27T11:00:30+01:00|Comments of France (FRA) on draft-1: 2 comments
            China <chn@example.org>|2020-02-27T03:00:05+01:00|Comments of China (CHN) on draft-1: 2 comments
            United States <usa@example.org>|2020-02-26T15:31:10+01:00|Comments of United States (USA) on draft-1: 1 comment
            Canada <can@example.org>|2020-02-25T16:12:03+01:00|Comments of Canada (CAN) on draft-1: 1 comment

            """)
        // Each message kept byte for byte, as the mbox holds it.
        let slices = MailBytes.slices(try Data(contentsOf: Self.mbox))
        for (code, index) in [("CAN", 0), ("USA", 1), ("CHN", 2), ("FRA", 3), ("RUS", 4), ("GBR", 5)] {
            let stored = try gitOutput(["show", "HEAD:Comments/draft-1/\(code)/submission-1.eml"], in: cli.folder)
            #expect(stored == String(decoding: slices[index], as: UTF8.self), "\(code)")
        }
        // What each member wrote, without signature, greeting or quoted reply; HTML as text.
        let record = try JSONSerialization.jsonObject(with: try Self.record(["show", "HEAD:Comments/draft-1/GBR/submission-1.json"], in: cli.folder)) as? [String: Any]
        #expect((record?["comments"] as? [[String: Any]])?.map { "\($0["anchor"]!): \($0["text"]!)" } == ["1.2: Say which working group."])
        var mail = try #require(record?["mail"] as? [String: String])
        #expect(mail.removeValue(forKey: "contentHash")?.count == 64)
        #expect(mail == ["messageID": "gbr-1@example.org", "from": "gbr@example.org", "subject": "Re: Council input to HLPF 2020", "receivedFrom": "received"])
        let usa = try JSONSerialization.jsonObject(with: try Self.record(["show", "HEAD:Comments/draft-1/USA/submission-1.json"], in: cli.folder)) as? [String: Any]
        #expect((usa?["comments"] as? [[String: Any]])?.map { "\($0["anchor"]!) \($0["type"]!): \($0["text"]!) | \($0["proposedChange"]!)" }
                == ["1.1 editorial: Say which invitation. | 1.1 The Council welcomes the invitation of the ECOSOC President to provide an input."])
        let can = try JSONSerialization.jsonObject(with: try Self.record(["show", "HEAD:Comments/draft-1/CAN/submission-1.json"], in: cli.folder)) as? [String: Any]
        #expect((can?["comments"] as? [[String: Any]])?.map { "\($0["anchor"]!): \($0["text"]!)" } == ["2.2: Sharper wording."])
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
    }

    @Test func theSameIntakeTwiceRecordsNothingNew() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let path = Self.mbox.path
        #expect(try cli.run(["intake", "--mail", path]).status == 0)
        let before = try Self.head(cli)
        let again = try cli.run(["intake", "--mail", path])
        #expect(again.status == 0)
        #expect(again.output == "Read 8 messages from \(path)\nRecorded nothing\nHeld 1 message: see `draftflow intake --mail \(path) --held`\n")
        #expect(again.error.hasPrefix("note: message 1 (can@example.org) is recorded already as CAN's submission 1 in round draft-1: skipped\n"))
        #expect(try Self.head(cli) == before)
        // The same message kept in another mailbox, without its Message-ID: known by its content.
        let message = MailBytes.slices(try Data(contentsOf: Self.mbox))[0]
        let withoutID = String(decoding: message, as: UTF8.self).replacingOccurrences(of: "Message-ID: <can-1@example.org>\n", with: "")
        let eml = try scratch.write("copy.eml", withoutID)
        let copy = try cli.run(["intake", "--mail", eml.path])
        #expect(copy.output == "Read 1 message from \(eml.path)\nRecorded nothing\n")
        #expect(copy.error == "note: message 1 (can@example.org) is recorded already as CAN's submission 1 in round draft-1: skipped\n")
        #expect(try Self.head(cli) == before)
    }

    @Test func heldMessagesAreListedAndOneIsRecordedAsTheSecretariatSays() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let path = Self.mbox.path
        #expect(try cli.run(["intake", "--mail", path]).status == 0)
        let held = try cli.run(["intake", "--mail", path, "--held"])
        #expect(held.output == """
            1 message of \(path) held:
              7  29 February 2020, 09:00:09 CET (Europe/Zurich)  Someone <someone@unknown.example>  "Council input to HLPF 2020"
                 its sender <someone@unknown.example> is not a registered address of any member
            Record one as a member's with `draftflow intake --mail \(path) --as CODE --message N`

            """)
        let before = try Self.head(cli)
        let notHeld = try cli.run(["intake", "--mail", path, "--as", "USA", "--message", "2"])
        #expect(notHeld.status == 3)
        #expect(notHeld.error == "error: message 2 of \(path) is not held\n  fix: see `draftflow intake --mail \(path) --held`\n")
        #expect(try Self.head(cli) == before)
        let recorded = try cli.run(["intake", "--mail", path, "--as", "USA"])
        #expect(recorded.status == 0, "\(recorded.error)")
        // What was recorded, then a receipt for each (ReceiptCommandTests checks a receipt itself).
        #expect(recorded.output.components(separatedBy: "  Receipt ").first == """
            Read 8 messages from \(path)
            Recorded 1 submission (1 comment, 0 edited copies) in round draft-1
              USA  submission 2  1 comment  received 29 February 2020, 09:00:09 CET (Europe/Zurich)  message 7 from Someone <someone@unknown.example>

            """)
        #expect(recorded.output.components(separatedBy: "  Receipt ").count - 1 == 1)
        #expect(try git(["log", "-1", "--format=%B"], in: cli.folder).output.contains(
            "By e-mail from someone@unknown.example, Message-ID <x-1@unknown.example>; held, and recorded as this member's by the secretariat\n"))
        #expect(try cli.run(["intake", "--mail", path, "--held"]).output == "No message of \(path) is held\n")
    }

    @Test func anotherSubjectIsHeldAndDateIsUsedWithAWarningWhenNoServerSaidWhen() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let message = "From: Jane Roe <CAN@example.org>\nSubject: Lunch\nDate: Sat, 29 Feb 2020 08:00:00 +0000\nMessage-ID: <lunch@example.org>\n\n## general\nLunch?\n"
        try scratch.write("maildir/new/1582963200.M1.mx", message)
        try scratch.write("maildir/cur/1582963300.M2.mx:2,S", message.replacingOccurrences(of: "Subject: Lunch", with: "Subject: Council input to HLPF 2020")
            .replacingOccurrences(of: "lunch@", with: "input@").replacingOccurrences(of: "Lunch?", with: "Fine."))
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("maildir/tmp"), withIntermediateDirectories: true)
        let path = scratch.url.appendingPathComponent("maildir").path
        let result = try cli.run(["intake", "--mail", path])
        #expect(result.status == 0, "\(result.error)")
        // What was recorded, then a receipt for each (ReceiptCommandTests checks a receipt itself).
        #expect(result.output.components(separatedBy: "  Receipt ").first == """
            Read 2 messages from \(path)
            Recorded 1 submission (1 comment, 0 edited copies) in round draft-1
              CAN  submission 1  1 comment  received 29 February 2020, 09:00:00 CET (Europe/Zurich)  message 2 from Jane Roe <CAN@example.org>
            Held 1 message: see `draftflow intake --mail \(path) --held`

            """)
        #expect(result.output.components(separatedBy: "  Receipt ").count - 1 == 1)
        #expect(result.error == "warning: message 2 (CAN@example.org) has no Received: header DraftFlow can read: its received instant is its Date: header, as the sender's client wrote it\n")
        #expect(try cli.run(["intake", "--mail", path, "--held"]).output.contains("""
                 its subject "Lunch" is not the round's ("Council input to HLPF 2020")
            """))
        let given = try cli.run(["intake", "--mail", path, "--received", "2020-02-28"])
        #expect(given.status == 2)
        #expect(given.error.hasPrefix("error: --received does not apply to e-mail"))
    }

    @Test func aNoObjectionByMailKeepsSilence() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeSilenceWorkspace(scratch)
        let eml = try scratch.write("reply.eml", """
            Received: from mail.example.org by mx.itu.int; Tue, 10 Mar 2020 11:00:00 +0100
            From: US Mission <usa@example.org>
            Subject: Re: Silence procedure on the final draft
            Date: Tue, 10 Mar 2020 10:59:00 +0100
            Message-ID: <usa-silence@example.org>

            Dear Secretariat,

            No objection.

            -- 
            US Mission Geneva

            """)
        let result = try cli.run(["intake", "--mail", eml.path], now: "2020-03-11T09:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        #expect(try git(["log", "-1", "--format=%an|%aI|%s"], in: cli.folder).output
                == "United States|2020-03-10T11:00:00+01:00|No objection from United States (USA) to final-draft\n")
    }

    @Test func hostileTextInAMessageIsShownEscaped() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let subject = Data("Hi \u{1B}[31m red \u{202E}".utf8).base64EncodedString()
        let eml = try scratch.write("evil.eml", "From: x@evil.example\nSubject: =?utf-8?b?\(subject)?=\nMessage-ID: <e@evil.example>\n\n## general\nHello.\n")
        let held = try cli.run(["intake", "--mail", eml.path, "--held"])
        #expect(held.output == """
            1 message of \(eml.path) held:
              1  -  x@evil.example  "Hi \\u{1B}[31m red \\u{202E}"
                 it has neither a Received: nor a Date: header: when it arrived is not known
            Record one as a member's with `draftflow intake --mail \(eml.path) --as CODE --message N`

            """)
    }

    @Test func aMessageGivenToCommentIsSentToIntakeMail() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let eml = try scratch.write("message.eml", "From: can@example.org\nSubject: x\n\n## general\nFine.\n")
        let before = try Self.head(cli)
        let result = try cli.run(["comment", "CAN", eml.path])
        #expect(result.status == 2)
        #expect(result.error == "error: message.eml is an e-mail message, not a comment file\n"
                + "  fix: take it in with `draftflow intake --mail \(eml.path)` (its sender's address must be CAN's; or add --as CAN for a held message)\n")
        #expect(try Self.head(cli) == before)
    }

    @Test func aMessageReceivedAfterTheCloseIsHeldUnlessLateIsGiven() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        let eml = try scratch.write("late.eml", """
            Received: from mail.example.org by mx.itu.int; Mon, 02 Mar 2020 08:00:00 +0100
            From: usa@example.org
            Subject: Council input to HLPF 2020
            Message-ID: <usa-late@example.org>

            ## 2.1 (editorial)
            Late but useful.

            """)
        let held = try cli.run(["intake", "--mail", eml.path, "--held"])
        #expect(held.output.contains("""
                 it was received 2 March 2020, 08:00:00 CET (Europe/Zurich), after round draft-1 closed (1 March 2020, 23:59:59 CET (Europe/Zurich)): record it marked late with --late
            """))
        let late = try cli.run(["intake", "--mail", eml.path, "--late"])
        #expect(late.status == 0, "\(late.error)")
        #expect(try git(["log", "-1", "--format=%an|%aI|%s"], in: cli.folder).output
                == "United States|2020-03-02T08:00:00+01:00|Comments of United States (USA) on draft-1: 1 comment, late\n")
    }

    @Test func aMemberHasSeveralAddressesAndEditChangesThem() throws {
        let scratch = try ScratchDirectory()
        let cli = try Self.workspace(scratch)
        #expect(try cli.run(["member", "list"]).output.contains("CHN\tChina\t<chn@example.org>, <geneva@china-mission.example.cn>\n"))
        let edited = try cli.run(["member", "edit", "CAN", "--email", "can@example.org", "--email", "ottawa@example.org"])
        #expect(edited.output == "Changed CAN: Canada <can@example.org>, <ottawa@example.org>\n")
        #expect(try git(["log", "-1", "--format=%s"], in: cli.folder).output == "Change member CAN: Canada\n")
        let workflow = try git(["show", "HEAD:Workflow.md"], in: cli.folder).output
        #expect(workflow.contains("- CAN: Canada <can@example.org>, <ottawa@example.org>\n"))
        #expect(workflow.contains("  otherEmails:\n  - ottawa@example.org\n"))
        let before = try Self.head(cli)
        let shared = try cli.run(["member", "edit", "USA", "--email", "OTTAWA@example.org"])
        #expect(shared.status == 5)
        #expect(shared.error == "error: the address OTTAWA@example.org is registered for CAN already: mail from it could not be attributed\n"
                + "  fix: give USA its own address, or change CAN's with `draftflow member edit CAN`\n")
        let renamed = try cli.run(["member", "edit", "GBR", "--name", "United Kingdom of Great Britain and Northern Ireland"])
        #expect(renamed.output == "Changed GBR: United Kingdom of Great Britain and Northern Ireland <gbr@example.org>\n")
        #expect(try cli.run(["member", "edit", "GBR"]).status == 2)
        #expect(try git(["rev-parse", "HEAD~1"], in: cli.folder).output == before)
    }
}

/// Each message of an mbox as its bytes, found without GMime.
enum MailBytes {
    static func slices(_ data: Data) -> [Data] {
        let bytes = [UInt8](data)
        var starts: [Int] = []
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: Array("From ".utf8)) && (index == 0 || (index >= 2 && bytes[index - 1] == 0x0A && bytes[index - 2] == 0x0A)) {
                starts.append(index)
            }
            guard let end = bytes[index...].firstIndex(of: 0x0A) else { break }
            index = end + 1
        }
        return starts.enumerated().map { number, start in
            let body = bytes[start...].firstIndex(of: 0x0A)! + 1
            let end = number + 1 < starts.count ? starts[number + 1] - 1 : bytes.count - 1
            return Data(bytes[body..<end])
        }
    }
}
