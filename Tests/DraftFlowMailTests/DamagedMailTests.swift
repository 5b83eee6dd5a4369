import DraftFlowMail
import Foundation
import MailCore
import Testing
import TestSupport

/// Mail as it may come: cut short, bytes flipped, lines dropped. Each mailbox is either read (every
/// message then read into an item, held or not) or refused with a MailError: never a crash, never
/// a message silently lost (each message read keeps bytes of the mailbox).
@Suite struct DamagedMailTests {
    @Test func aDamagedMailboxIsReadOrRefusedNeverACrash() throws {
        let original = [UInt8](try MailFixture.data())
        var random = SeededGenerator(seed: 13)
        for round in 0..<300 {
            var bytes = original
            switch round % 3 {
            case 0:
                bytes = Array(bytes.prefix(random.below(bytes.count)))
            case 1:
                for _ in 0..<8 { bytes[random.below(bytes.count)] = UInt8(random.below(256)) }
            default:
                let start = random.below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + random.below(400)))
            }
            let data = Data(bytes)
            let messages: [MailMessage]
            do {
                messages = MailParser.looksLikeMbox(data) ? try MailParser.mbox(data) : [try MailParser.message(data)]
            } catch is MailError {
                continue
            }
            for (index, message) in messages.enumerated() {
                #expect(data.range(of: message.raw) != nil || message.raw.isEmpty, "round \(round), message \(index + 1)")
                let item = MailReader.item(message, position: index + 1, source: "damaged.mbox", storedName: "damaged.mbox-\(index + 1).eml")
                #expect(item.file.data == message.raw)
            }
        }
    }
}
