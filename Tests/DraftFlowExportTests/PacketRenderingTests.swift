import DraftFlow
import Foundation
import Testing
@testable import DraftFlowExport

/// Whole packets, written out in full, and the packet's dates.
@Suite struct PacketRenderingTests {

    /// A small packet in every part, in UTC, with no due date, no commenter and no comment.
    static let minimal = FinalTextPacket(
        title: "Council <input>", version: "final", recipient: "the Chair", dueDate: nil, preparedBy: "Secretariat",
        preparedAt: ExportTests.at("2020-03-13T09:30:15Z"), timeZone: TimeZone(identifier: "UTC")!,
        timeline: [.init(at: ExportTests.at("2020-02-14T09:00:00Z"), what: "Publish draft-1")], commenters: [],
        silenceOutcome: "No silence procedure was held.", cleanText: "# Council\n\n1.1 Text & more.\n", firstVersion: "draft-1",
        redline: Redline.compare(old: "# Council\n\n1.1 Text.\n", new: "# Council\n\n1.1 Text & more.\n"), dispositions: [],
        sources: [.init(label: "draft-1", tag: "1111111111111111111111111111111111111111", commit: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")])

    @Test func theWholeHTMLOfASmallPacket() throws {
        // The expected page, written out in full (its style sheet included) in Expected/minimal-packet.html.
        let url = try #require(Bundle.module.url(forResource: "minimal-packet", withExtension: "html", subdirectory: "Expected"))
        let expected = try #require(FileManager.default.contents(atPath: url.path))
        #expect(Data(FinalTextPacket.htmlData(Self.minimal)) == expected)
        #expect(FinalTextPacket.html(Self.minimal) == String(decoding: expected, as: UTF8.self))
    }

    @Test func theWholeMarkdownOfASmallPacket() {
        // The title's `<` and the text's `&` are escaped (issue 11, item 15: MarkdownPacketSafetyTests).
        #expect(FinalTextPacket.markdown(Self.minimal) == """
        # Council \\<input\\>

        **Version:** final  
        **Transmitted to:** the Chair  
        **Prepared by:** Secretariat, 13 March 2020, 09:30:15 UTC

        ## 1. Transmittal summary

        ### Timeline

        | Date | Event |
        |---|---|
        | 14 February 2020, 09:00:00 UTC | Publish draft-1 |

        ### Comments received

        No member commented.

        ### Silence procedure

        No silence procedure was held.

        ### Changes

        What changed since draft-1: 1 paragraph modified, 0 inserted, 0 deleted.

        ## 2. Final text

        ### Council

        1.1 Text \\& more.

        ## 3. Redline from draft-1 to final

        Deletions are ~~struck through~~, insertions are in **bold**; moved paragraphs are noted.

        ### Council

        1.1 Text **\\& more**.

        ## 4. Disposition of comments

        No comments were received.

        ## 5. Sources

        | Version | Tag | Commit |
        |---|---|---|
        | draft-1 | `1111111111111111111111111111111111111111` | `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` |

        """)
    }

    @Test func datesAreShownInTheWorkspaceZoneInTheOneHumanFormat() {
        var packet = ExportTests.packet()
        packet.timeline = [.init(at: ExportTests.at("2020-07-01T09:00:00+02:00"), what: "Summer"),
                           .init(at: ExportTests.at("2020-03-01T23:59:59.750+01:00"), what: "Fraction")]
        packet.commenters = [.init(code: "CAN", name: "Canada", received: ExportTests.at("2020-12-31T23:59:00+01:00"), comments: 1)]
        let md = FinalTextPacket.markdown(packet)
        #expect(md.contains("\n| 1 July 2020, 09:00:00 CEST (Europe/Zurich) | Summer |\n| 1 March 2020, 23:59:59 CET (Europe/Zurich) | Fraction |\n"))
        #expect(md.contains("\n| Canada (CAN) | 31 December 2020, 23:59:00 CET (Europe/Zurich) | 1 |\n"))
        #expect(md.contains("\n**Due:** 16 March 2020  \n"))
        let html = FinalTextPacket.html(packet)
        #expect(html.contains("<time datetime=\"2020-07-01T09:00:00+02:00\">1 July 2020, 09:00:00 CEST (Europe/Zurich)</time>"))
        #expect(html.contains("<time datetime=\"2020-03-01T23:59:59+01:00\">1 March 2020, 23:59:59 CET (Europe/Zurich)</time>"))
        #expect(html.contains("<tr><th scope=\"row\">Due</th><td>16 March 2020</td></tr>"))

        // In another zone the same instants read differently; the due day is the zone's day.
        packet.timeZone = TimeZone(identifier: "America/New_York")!
        packet.dueDate = ExportTests.at("2020-03-16T02:00:00+01:00")
        let newYork = FinalTextPacket.markdown(packet)
        #expect(newYork.contains("\n| 1 July 2020, 03:00:00 EDT (America/New_York) | Summer |\n"))
        #expect(newYork.contains("\n**Due:** 15 March 2020  \n"))
        #expect(FinalTextPacket.html(packet).contains("<time datetime=\"2020-07-01T03:00:00-04:00\">1 July 2020, 03:00:00 EDT (America/New_York)</time>"))
    }
}
