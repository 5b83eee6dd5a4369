import DraftFlow
import Foundation
import LineSplitting

extension FinalTextPacket {
    /// The packet as one Markdown document. The final text's and the redline's headings are moved
    /// down two levels so that they sit under the packet's sections. Every text the packet quotes is
    /// escaped (`MarkdownText`): raw HTML in a member's text stays text.
    public static func markdown(_ packet: FinalTextPacket) -> String {
        var out: [String] = []
        let cell = DispositionTable.markdownCell
        out.append("# " + text(packet.title))
        let status = packet.statusFact
        var facts = ["**Version:** " + text(packet.version), "**\(status.heading):** " + text(status.value)]
        if let due = packet.dueDay { facts.append("**Due:** " + due) }
        facts.append("**Prepared by:** " + text(packet.preparedBy) + ", " + packet.human(packet.preparedAt))
        out.append(facts.joined(separator: "  \n"))

        out.append("## " + packet.sectionTitles[0])
        out.append("### Timeline")
        if packet.timeline.isEmpty {
            out.append("No events recorded.")
        } else {
            var table = ["| Date | Event |", "|---|---|"]
            for event in packet.timeline {
                table.append("| \(cell(packet.human(event.at))) | \(cell(event.what)) |")
            }
            out.append(table.joined(separator: "\n"))
        }
        out.append("### Comments received")
        if packet.commenters.isEmpty {
            out.append("No member commented.")
        } else {
            var table = ["| Member | Received | Comments |", "|---|---|---|"]
            for commenter in packet.commenters {
                let received = packet.human(commenter.received) + (commenter.late ? " (late)" : "")
                table.append("| \(cell(memberLabel(commenter))) | \(cell(received)) | \(commenter.comments) |")
            }
            out.append(table.joined(separator: "\n"))
        }
        out.append("### Silence procedure")
        out.append(text(packet.silenceOutcome))
        out.append("### Changes")
        out.append(text(packet.changeLine) + ".")

        out.append("## " + packet.sectionTitles[1])
        let blocks = DraftDocument.parse(packet.cleanText).blocks.map { block -> String in
            if case .heading = block.kind { return MarkdownText.escapedBlock(ExportSupport.demoteHeading(block.text, by: 2)) }
            return MarkdownText.escaped(block.text)
        }
        out.append(blocks.isEmpty ? "(The text is empty.)" : blocks.joined(separator: "\n\n"))

        out.append("## " + packet.sectionTitles[2] + " from " + text(packet.firstVersion) + " to " + text(packet.version))
        out.append("Deletions are ~~struck through~~, insertions are in **bold**; moved paragraphs are noted.")
        let redline = MarkdownText.redline(packet.redline)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                let text = String(line)
                guard DraftDocument.classify(text).kind != .paragraph else { return text }
                return ExportSupport.demoteHeading(text, by: 2)
            }
            .joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
        out.append(redline.isEmpty ? "(No text.)" : redline)

        out.append("## " + packet.sectionTitles[3])
        out.append(packet.dispositions.isEmpty
                   ? "No comments were received."
                   : DispositionTable.markdownTable(packet.dispositions).trimmingCharacters(in: .newlines))

        out.append("## " + packet.sectionTitles[4])
        var sources = ["| Version | Tag | Commit |", "|---|---|---|"]
        for source in packet.sources {
            sources.append("| \(cell(source.label)) | \(source.tag.map { code($0) } ?? "—") | \(code(source.commit)) |")
        }
        out.append(packet.sources.isEmpty ? "No sources recorded." : sources.joined(separator: "\n"))
        return out.joined(separator: "\n\n") + "\n"
    }

    private static func oneLine(_ text: String) -> String {
        LineSplitter.lines(of: text).joined(separator: " ")
    }

    /// A text on one line, escaped.
    private static func text(_ text: String) -> String {
        MarkdownText.escaped(oneLine(text))
    }

    private static func code(_ text: String) -> String {
        "`" + oneLine(text).replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|") + "`"
    }
}
