import DraftFlow
import Foundation
import LineSplitting

extension Circulation {
    /// The circulation as one Markdown document; every text it quotes is escaped.
    public static func markdown(_ circulation: Circulation) -> String {
        var out: [String] = []
        let words = circulation.language.catalogue
        let circulated = InstantFormat.human(circulation.circulatedAt, in: circulation.timeZone, language: circulation.language)
        out.append("# " + MarkdownText.escaped(circulation.title))
        out.append([MarkdownText.label(words.version, words) + MarkdownText.escaped(circulation.version) + words.draftForCommentNote,
                    MarkdownText.label(words.circulatedBy, words) + MarkdownText.escaped(circulation.secretariat) + words.comma + circulated]
            .joined(separator: "  \n"))
        out.append("## " + words.howToComment)
        out += circulation.instructions.map(MarkdownText.escaped)
        out.append("## " + words.changesSince(circulation.previous.map(MarkdownText.escaped)))
        if circulation.previous == nil {
            out.append(words.firstVersion)
        } else {
            out.append(circulation.changeSummary + words.fullStop + (words.language == .zh ? "" : " ") + words.redlineLegendMarkdown)
            let redline = MarkdownText.redline(circulation.redline, language: circulation.language)
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { line -> String in
                    let text = String(line)
                    return DraftDocument.classify(text).kind == .paragraph ? text : ExportSupport.demoteHeading(text, by: 2)
                }
                .joined(separator: "\n").trimmingCharacters(in: .newlines)
            out.append(redline.isEmpty ? words.noText : redline)
        }
        out.append("## " + words.textOf(MarkdownText.escaped(circulation.version)))
        let blocks = DraftDocument.parse(circulation.cleanText).blocks.map { block -> String in
            if case .heading = block.kind { return MarkdownText.escapedBlock(ExportSupport.demoteHeading(block.text, by: 2)) }
            return MarkdownText.escaped(block.text)
        }
        out.append(blocks.isEmpty ? words.textIsEmpty : blocks.joined(separator: "\n\n"))
        return out.joined(separator: "\n\n") + "\n"
    }

    /// The circulation as a self-contained HTML page.
    public static func html(_ circulation: Circulation) -> String {
        var out = HTMLOutput()
        let words = circulation.language.catalogue
        func strong(_ text: String) {
            out.raw("<strong>")
            out.escaped(text + (words.colon.hasPrefix(" ") ? " " : "") + words.colon.trimmingCharacters(in: .whitespaces))
            out.raw("</strong>", words.colon.hasSuffix(" ") ? " " : "")
        }
        // The page's template heads it with the title.
        out.raw("<p>")
        strong(words.version)
        out.escaped(circulation.version)
        out.escaped(words.draftForCommentNote)
        out.raw("<br>\n")
        strong(words.circulatedBy)
        out.escaped(circulation.secretariat + words.comma
                    + InstantFormat.human(circulation.circulatedAt, in: circulation.timeZone, language: circulation.language))
        out.raw("</p>\n<h2>")
        out.escaped(words.howToComment)
        out.raw("</h2>\n")
        for line in circulation.instructions {
            out.raw("<p>")
            out.escaped(line)
            out.raw("</p>\n")
        }
        out.raw("<h2>")
        out.escaped(words.changesSince(circulation.previous))
        out.raw("</h2>\n")
        if circulation.previous == nil {
            out.raw("<p>")
            out.escaped(words.firstVersion)
            out.raw("</p>\n")
        } else {
            out.raw("<p>")
            out.escaped(circulation.changeSummary + words.fullStop + (words.language == .zh ? "" : " ") + words.redlineLegendPlain)
            out.raw("</p>\n<div class=\"redline\">\n")
            FinalTextPacket.writeRedlineHTML(circulation.redline, to: &out, language: circulation.language)
            out.raw("</div>\n")
        }
        out.raw("<h2>")
        out.escaped(words.textOf(circulation.version))
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
        return HTMLPage.wrap(title: circulation.title + " — " + circulation.version + words.draftForComment, body: out.string,
                             language: circulation.language)
    }
}
