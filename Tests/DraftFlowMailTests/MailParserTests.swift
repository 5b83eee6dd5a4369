import Foundation
import MailCore
import Testing

/// The fixture mbox (Tests/Fixtures/mail/make-fixtures.py) as GMime reads it.
enum MailFixture {
    static let mbox = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mail/round.mbox")

    static func data() throws -> Data { try Data(contentsOf: mbox) }

    /// Each message's bytes, found without GMime: between a `From ` line that follows a blank line
    /// (or starts the file) and the blank line before the next.
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

@Suite struct MailParserTests {
    @Test func everyMessageOfTheMboxWithItsBytesAsTheyCame() throws {
        let data = try MailFixture.data()
        let messages = try MailParser.mbox(data)
        #expect(messages.map(\.messageID) == ["can-1@example.org", "usa-1@example.org", "chn-1@china-mission.example.cn", "fra-1@example.org",
                                              "rus-1@example.org", "gbr-1@example.org", "x-1@unknown.example", "can-1@example.org"])
        #expect(messages.map(\.raw) == MailFixture.slices(data))
        #expect(messages[0].raw.starts(with: Array("Received: from example.org".utf8)))
    }

    @Test func encodedWordsAreDecoded() throws {
        let rus = try MailParser.mbox(try MailFixture.data())[4]
        #expect(rus.from == [MailAddress(name: "Постоянное представительство России", address: "rus@example.org")])
        #expect(rus.subject == "Council input to HLPF 2020 — Российская Федерация")
    }

    @Test func theTopReceivedHeaderIsWhenTheSecretariatsServerReceivedIt() throws {
        let can = try MailParser.mbox(try MailFixture.data())[0]
        // The top one (mx.itu.int), not the sender's own server below it, nor Date: (16:10:41).
        #expect(can.topReceived == ISO8601DateFormatter().date(from: "2020-02-25T15:12:03Z"))
        #expect(can.date == ISO8601DateFormatter().date(from: "2020-02-25T15:10:41Z"))
    }

    @Test func partsAreDecodedFromQuotedPrintableAndBase64() throws {
        let fra = try MailParser.mbox(try MailFixture.data())[3]
        #expect(fra.parts.map(\.mediaType) == ["text/plain", "text/plain"])
        #expect(fra.parts.map(\.fileName) == [nil, "FRA.txt"])
        #expect(fra.parts[0].text == "Madame, Monsieur,\n\n## 1.2 (rédactionnel)\nPréciser « le groupe de travail du Conseil » — voir la décision adoptée à la session précédente, qui est très longue à citer.\n")
        #expect(fra.parts[1].data == Data("## 2.2 (général)\nCommentaire joint, encodé en base64.\n".utf8))
        #expect(fra.parts[1].isAttachment)
    }

    @Test func aMessageThatIsNotMailIsRefused() throws {
        #expect(throws: MailError.self) { try MailParser.message(Data()) }
    }

    @Test func htmlIsReducedToTextWithHeadingsQuotesAndLists() {
        let html = """
            <html><head><title>x</title><style>p{}</style></head><body><p>Dear  colleagues,<br>hello</p>
            <h2>1.1 (editorial)</h2><p>Say <b>which</b>   invitation.</p><ul><li>one</li><li>two</li></ul>
            <blockquote><p>Quoted text.</p></blockquote><script>alert(1)</script></body></html>
            """
        #expect(HTMLText.text(html) == "Dear colleagues,\nhello\n\n## 1.1 (editorial)\n\nSay which invitation.\n\n- one\n- two\n\n> Quoted text.")
    }
}
