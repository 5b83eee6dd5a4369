import DraftFlow
import Foundation
import LineSplitting

extension Circulation {
    /// The circulation as one Markdown document; every text it quotes is escaped.
    public static func markdown(_ circulation: Circulation) -> String {
        var out: [String] = []
        out.append("# " + MarkdownText.escaped(circulation.title))
        out.append(["**Version:** " + MarkdownText.escaped(circulation.version) + " (a draft for comment, not the final text)",
                    "**Circulated by:** " + MarkdownText.escaped(circulation.secretariat) + ", "
                        + InstantFormat.human(circulation.circulatedAt, in: circulation.timeZone)].joined(separator: "  \n"))
        out.append("## 1. How to comment")
        out += circulation.instructions.map(MarkdownText.escaped)
        out.append("## 2. Changes since " + (circulation.previous.map(MarkdownText.escaped) ?? "the previous version"))
        if circulation.previous == nil {
            out.append("This is the first version.")
        } else {
            out.append(circulation.changeSummary + ". Deletions are ~~struck through~~, insertions are in **bold**; moved paragraphs are noted.")
            let redline = MarkdownText.redline(circulation.redline)
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { line -> String in
                    let text = String(line)
                    return DraftDocument.classify(text).kind == .paragraph ? text : ExportSupport.demoteHeading(text, by: 2)
                }
                .joined(separator: "\n").trimmingCharacters(in: .newlines)
            out.append(redline.isEmpty ? "(No text.)" : redline)
        }
        out.append("## 3. Text of " + MarkdownText.escaped(circulation.version))
        let blocks = DraftDocument.parse(circulation.cleanText).blocks.map { block -> String in
            if case .heading = block.kind { return MarkdownText.escapedBlock(ExportSupport.demoteHeading(block.text, by: 2)) }
            return MarkdownText.escaped(block.text)
        }
        out.append(blocks.isEmpty ? "(The text is empty.)" : blocks.joined(separator: "\n\n"))
        return out.joined(separator: "\n\n") + "\n"
    }

    /// The circulation as a self-contained HTML page.
    public static func html(_ circulation: Circulation) -> String {
        var out = HTMLOutput()
        // The page's template heads it with the title.
        out.raw("<p><strong>Version:</strong> ")
        out.escaped(circulation.version)
        out.raw(" (a draft for comment, not the final text)<br>\n<strong>Circulated by:</strong> ")
        out.escaped(circulation.secretariat + ", " + InstantFormat.human(circulation.circulatedAt, in: circulation.timeZone))
        out.raw("</p>\n<h2>1. How to comment</h2>\n")
        for line in circulation.instructions {
            out.raw("<p>")
            out.escaped(line)
            out.raw("</p>\n")
        }
        out.raw("<h2>2. Changes since ")
        out.escaped(circulation.previous ?? "the previous version")
        out.raw("</h2>\n")
        if circulation.previous == nil {
            out.raw("<p>This is the first version.</p>\n")
        } else {
            out.raw("<p>")
            out.escaped(circulation.changeSummary + ". Deletions are struck through, insertions are underlined; moved paragraphs are noted.")
            out.raw("</p>\n<div class=\"redline\">\n")
            FinalTextPacket.writeRedlineHTML(circulation.redline, to: &out)
            out.raw("</div>\n")
        }
        out.raw("<h2>3. Text of ")
        out.escaped(circulation.version)
        out.raw("</h2>\n")
        for block in DraftDocument.parse(circulation.cleanText).blocks {
            switch block.kind {
            case .heading(let level):
                let tag = "h\(min(level + 2, 6))"
                out.raw("<", tag, ">")
                out.inline(InlineMarkup.splitHeadingMarker(block.text).rest)
                out.raw("</", tag, ">\n")
            case .paragraph:
                out.raw("<p>")
                out.inline(block.text)
                out.raw("</p>\n")
            }
        }
        return HTMLPage.wrap(title: circulation.title + " — " + circulation.version + " (draft for comment)", body: out.string)
    }
}
