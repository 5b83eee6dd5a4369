import DraftFlow
import DraftFlowMail
import Foundation
import MailCore
import Testing

@Suite struct MailReaderTests {
    static func fixture(_ index: Int) throws -> MailMessage {
        try MailParser.mbox(try MailFixture.data())[index]
    }

    @Test func signaturesQuotedRepliesAndGreetingsAreNotComments() {
        let text = """
            Dear Secretariat,

            ## 1.2 (editorial)
            Say which working group.

            On Fri, 14 Feb 2020 at 10:00, WSIS Secretariat
            <wsis-info@itu.int> wrote:
            > ## 2.1 (technical)
            > Quoted.

            -- 
            Jane Roe
            """
        #expect(MailBody.own(text) == "## 1.2 (editorial)\nSay which working group.\n")
        #expect(MailBody.own("Dear Secretariat,\n\nNo objection.\n\n-- \nUS Mission\n") == "No objection.\n")
        #expect(MailBody.own("We support the text.\n\n-----Original Message-----\nFrom: x\n## 2.1\nOld.\n") == "We support the text.\n")
    }

    @Test func theBodyAndEachAttachmentAreReadAsComments() throws {
        let item = MailReader.item(try Self.fixture(3), position: 4, source: "round.mbox", storedName: "round.mbox-4.eml")
        #expect(item.problem == nil)
        #expect(item.sender == "Mission de la France <fra@example.org>")
        #expect(item.file.read?.comments.map { "\($0.anchor) \($0.type.rawValue): \($0.text)" } == [
            "1.2 editorial: Préciser « le groupe de travail du Conseil » — voir la décision adoptée à la session précédente, qui est très longue à citer.",
            "2.2 general: Commentaire joint, encodé en base64.",
        ])
        #expect(item.file.read?.mail?.attachments == ["FRA.txt"])
        #expect(item.file.data == (try Self.fixture(3)).raw)
    }

    @Test func aBodyWithoutHeadingBesideAttachmentsIsACoveringNote() throws {
        let item = MailReader.item(try Self.fixture(2), position: 3, source: "round.mbox", storedName: "round.mbox-3.eml")
        #expect(item.file.read?.comments.map { "\($0.anchor) \($0.type.rawValue): \($0.text)" } == ["2.1 technical: Name the SDGs.", "1.2 editorial: Add the date."])
        #expect(item.notes == ["its body has no comment heading: read as a covering note, not as a comment"])
    }

    @Test func theDemosUnitedStatesMessageCarriesItsISOTemplate() throws {
        let data = try Data(contentsOf: MailFixture.mbox.deletingLastPathComponent().appendingPathComponent("demo-usa.eml"))
        let item = try #require(try MailReader.items(in: [(name: "demo-usa.eml", data: data)]).first)
        #expect(item.problem == nil)
        #expect(item.received == ISO8601DateFormatter().date(from: "2020-02-29T22:10:00Z"))
        #expect(item.file.read?.comments.map { "\($0.anchor) \($0.type.rawValue)" } == ["1.3 editorial", "2.4 technical", "general general"])
        #expect(item.file.read?.mail?.attachments == ["USA.csv"])
        #expect(item.file.data == data)
    }

    @Test func anAttachmentDraftFlowCannotReadHoldsTheMessage() throws {
        let message = try MailParser.message(Data("""
            From: can@example.org
            Subject: Council input to HLPF 2020
            Date: Tue, 25 Feb 2020 16:10:41 +0100
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Please see the attached.
            --b
            Content-Type: application/pdf
            Content-Disposition: attachment; filename="comments.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --b--

            """.utf8))
        let item = MailReader.item(message, position: 1, source: "x.eml", storedName: "x.eml")
        #expect(item.problem == "comments.pdf is a PDF: DraftFlow does not take comments from a PDF, with or without annotations, because its text cannot be compared with the draft")
        #expect(item.receivedFrom == .date)
    }

    @Test func theContentHashIgnoresWhatServersAddOnTheWay() throws {
        let raw = "From: can@example.org\nSubject: S\nDate: Tue, 25 Feb 2020 16:10:41 +0100\n\n## general\nFine.\n"
        let once = try MailParser.message(Data(("Received: from a by mx.itu.int; Tue, 25 Feb 2020 16:12:03 +0100\n" + raw).utf8))
        let twice = try MailParser.message(Data(("Received: from b by mx2.itu.int; Tue, 25 Feb 2020 18:00:00 +0100\n" + raw).utf8))
        let other = try MailParser.message(Data(raw.replacingOccurrences(of: "Fine.", with: "Not fine.").utf8))
        #expect(MailReader.contentHash(once) == MailReader.contentHash(twice))
        #expect(MailReader.contentHash(once) != MailReader.contentHash(other))
    }

    @Test func aSubjectHoldsTheRoundsWhateverItsCaseAndReplyPrefix() {
        #expect(MailIntake.subject("Re: council  input to HLPF 2020 — China", holds: "Council input to HLPF 2020"))
        #expect(!MailIntake.subject("Council input to HLPF 2021", holds: "Council input to HLPF 2020"))
        #expect(!MailIntake.subject(nil, holds: "Council input to HLPF 2020"))
    }
}
