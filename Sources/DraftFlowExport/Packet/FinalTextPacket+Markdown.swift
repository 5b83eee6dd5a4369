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
        let words = packet.words
        func fact(_ label: String) -> String { MarkdownText.label(label, words) }
        out.append("# " + text(packet.title))
        let status = packet.statusFact
        var facts = [fact(words.version) + text(packet.version), fact(status.heading) + text(status.value)]
        if let due = packet.dueDay { facts.append(fact(words.due) + due) }
        facts.append(fact(words.preparedBy) + text(packet.preparedBy) + words.comma
                     + packet.human(packet.preparedAt))
        out.append(facts.joined(separator: "  \n"))

        out.append("## " + packet.sectionTitles[0])
        out.append("### " + words.timeline)
        if packet.timeline.isEmpty {
            out.append(words.noEvents)
        } else {
            var table = ["| \(words.date) | \(words.event) |", "|---|---|"]
            for event in packet.timeline {
                table.append("| \(cell(packet.human(event.at))) | \(cell(event.what)) |")
            }
            out.append(table.joined(separator: "\n"))
        }
        out.append("### " + words.commentsReceived)
        if packet.commenters.isEmpty {
            out.append(words.noMemberCommented)
        } else {
            var table = ["| \(words.member) | \(words.received) | \(words.commentsColumn) |", "|---|---|---|"]
            for commenter in packet.commenters {
                let received = packet.human(commenter.received) + (commenter.late ? " " + words.late : "")
                table.append("| \(cell(memberLabel(commenter))) | \(cell(received)) | \(commenter.comments) |")
            }
            out.append(table.joined(separator: "\n"))
        }
        out.append("### " + words.silenceProcedure)
        out.append(text(packet.silenceOutcome))
        out.append("### " + words.changes)
        out.append(text(packet.changeLine) + words.fullStop)

        out.append("## " + packet.sectionTitles[1])
        let blocks = DraftDocument.parse(packet.cleanText).blocks.map { block -> String in
            if case .heading = block.kind { return MarkdownText.escapedBlock(ExportSupport.demoteHeading(block.text, by: 2)) }
            return MarkdownText.escaped(block.text)
        }
        out.append(blocks.isEmpty ? words.textIsEmpty : blocks.joined(separator: "\n\n"))

        out.append("## " + words.redlineHeading(packet.sectionTitles[2], from: text(packet.firstVersion), to: text(packet.version)))
        out.append(words.redlineLegendMarkdown)
        let redline = MarkdownText.redline(packet.redline, language: packet.language)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                let text = String(line)
                guard DraftDocument.classify(text).kind != .paragraph else { return text }
                return ExportSupport.demoteHeading(text, by: 2)
            }
            .joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
        out.append(redline.isEmpty ? words.noText : redline)

        out.append("## " + packet.sectionTitles[3])
        out.append(packet.dispositions.isEmpty
                   ? words.noCommentsReceived
                   : DispositionTable.markdownTable(packet.dispositions, language: packet.language).trimmingCharacters(in: .newlines))

        out.append("## " + packet.sectionTitles[4])
        var sources = ["| \(words.version) | \(words.tag) | \(words.commit) |", "|---|---|---|"]
        for source in packet.sources {
            sources.append("| \(cell(source.label)) | \(source.tag.map { code($0) } ?? "—") | \(code(source.commit)) |")
        }
        out.append(packet.sources.isEmpty ? words.noSources : sources.joined(separator: "\n"))
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
