import DraftFlow
import Foundation

extension FinalTextPacket {
    /// The packet as a self-contained HTML5 document: inline CSS, no scripts, no external resources,
    /// A4 pages when printed (the disposition table on landscape pages).
    public static func html(_ packet: FinalTextPacket) -> String {
        htmlOutput(packet).string
    }

    /// The UTF-8 bytes of `html(packet)`, for writing to a file without making a String of them.
    public static func htmlData(_ packet: FinalTextPacket) -> [UInt8] {
        htmlOutput(packet).bytes
    }

    private static func htmlOutput(_ packet: FinalTextPacket) -> HTMLOutput {
        // The table and the texts are most of the document: reserve about what they will take.
        var estimate = 64 * 1024 + 4 * packet.cleanText.utf8.count + 64 * packet.redline.count
        for row in packet.dispositions {
            estimate += 400 + row.comment.utf8.count + (row.proposedChange?.utf8.count ?? 0)
                + (row.observation?.utf8.count ?? 0) + (row.modifiedText?.utf8.count ?? 0)
        }
        var out = HTMLOutput(capacity: estimate)
        ExportResources.document(packet.language).write(to: &out) { slot, out in
            switch slot {
            case "title":
                out.escaped(packet.title)
                out.raw(" — ")
                out.escaped(packet.version)
            case "style":
                out.raw(css(runningHeader: packet.title + " — " + packet.version))
                out.raw(ExportResources.style(for: packet.language))
            case "body":
                writeBody(packet, to: &out)
            default:
                preconditionFailure("document.html has an unknown slot {{\(slot)}}")
            }
        }
        return out
    }

    /// The sections of the packet, each ending with a line end.
    private static func writeBody(_ packet: FinalTextPacket, to out: inout HTMLOutput) {
        let words = packet.words
        func dir(_ text: String) {
            out.raw("dir=\"", ExportSupport.direction(text), "\"")
        }
        func time(_ date: Date) {
            out.raw("<time datetime=\"")
            out.escaped(InstantFormat.iso(date, in: packet.timeZone))
            out.raw("\">")
            out.escaped(packet.human(date))
            out.raw("</time>")
        }
        /// `<section class="…">` and its `<h2>` title.
        func openSection(_ classes: String, _ title: String) {
            out.raw("<section class=\"", classes, "\">\n<h2>")
            out.escaped(title)
        }
        /// A paragraph of DraftFlow's own words.
        func paragraph(_ text: String) {
            out.raw("<p>")
            out.escaped(text)
            out.raw("</p>\n")
        }
        /// A grid table's opening, with its column headings (a `class` after a heading's `|`).
        func openGrid(_ classes: String, _ headings: [String]) {
            out.raw("<table class=\"grid ", classes, "\">\n<thead><tr>")
            for heading in headings {
                let parts = heading.split(separator: "|", maxSplits: 1)
                out.raw("<th scope=\"col\"", parts.count > 1 ? " class=\"\(parts[1])\"" : "", ">")
                out.escaped(String(parts[0]))
                out.raw("</th>")
            }
            out.raw("</tr></thead>\n<tbody>\n")
        }

        // Title block.
        out.raw("<header class=\"docheader\"><span ")
        dir(packet.title)
        out.raw(">")
        out.escaped(packet.title)
        out.raw("</span><span class=\"version\">")
        out.escaped(packet.version)
        out.raw("</span></header>\n<section class=\"titleblock\">\n<h1 ")
        dir(packet.title)
        out.raw(">")
        out.escaped(packet.title)
        out.raw("</h1>\n<table class=\"facts\">\n<tr><th scope=\"row\">")
        out.escaped(words.version)
        out.raw("</th><td>")
        out.escaped(packet.version)
        let status = packet.statusFact
        out.raw("</td></tr>\n<tr><th scope=\"row\">")
        out.escaped(status.heading)
        out.raw("</th><td ")
        dir(status.value)
        out.raw(">")
        out.escaped(status.value)
        out.raw("</td></tr>\n")
        if let due = packet.dueDay {
            out.raw("<tr><th scope=\"row\">")
            out.escaped(words.due)
            out.raw("</th><td>")
            out.escaped(due)
            out.raw("</td></tr>\n")
        }
        out.raw("<tr><th scope=\"row\">")
        out.escaped(words.preparedBy)
        out.raw("</th><td ")
        dir(packet.preparedBy)
        out.raw(">")
        out.escaped(packet.preparedBy)
        out.raw("</td></tr>\n<tr><th scope=\"row\">")
        out.escaped(words.preparedAt)
        out.raw("</th><td>")
        time(packet.preparedAt)
        out.raw("</td></tr>\n</table>\n</section>\n")

        // 1. Transmittal summary.
        openSection("transmittal", packet.sectionTitles[0])
        out.raw("</h2>\n<h3>")
        out.escaped(words.timeline)
        out.raw("</h3>\n")
        if packet.timeline.isEmpty {
            paragraph(words.noEvents)
        } else {
            openGrid("timeline", [words.date, words.event])
            for event in packet.timeline {
                out.raw("<tr><td class=\"date\">")
                time(event.at)
                out.raw("</td><td ")
                dir(event.what)
                out.raw(">")
                out.escapedMultiline(event.what)
                out.raw("</td></tr>\n")
            }
            out.raw("</tbody>\n</table>\n")
        }
        out.raw("<h3>")
        out.escaped(words.commentsReceived)
        out.raw("</h3>\n")
        if packet.commenters.isEmpty {
            paragraph(words.noMemberCommented)
        } else {
            openGrid("commenters", [words.member, words.received, words.commentsColumn + "|number"])
            for commenter in packet.commenters {
                let label = memberLabel(commenter)
                out.raw("<tr><td ")
                dir(label)
                out.raw(">")
                out.escaped(label)
                out.raw("</td><td class=\"date\">")
                time(commenter.received)
                if commenter.late {
                    out.raw(" <span class=\"late\">")
                    out.escaped(words.late)
                    out.raw("</span>")
                }
                out.raw("</td><td class=\"number\">")
                out.number(commenter.comments)
                out.raw("</td></tr>\n")
            }
            out.raw("</tbody>\n</table>\n")
        }
        out.raw("<h3>")
        out.escaped(words.silenceProcedure)
        out.raw("</h3>\n<p class=\"silence\" ")
        dir(packet.silenceOutcome)
        out.raw(">")
        out.escapedMultiline(packet.silenceOutcome)
        out.raw("</p>\n<h3>")
        out.escaped(words.changes)
        out.raw("</h3>\n<p class=\"changes\">")
        out.escaped(packet.changeLine + words.fullStop)
        out.raw("</p>\n</section>\n")

        // 2. Final text.
        openSection("finaltext major", packet.sectionTitles[1])
        out.raw("</h2>\n")
        let document = DraftDocument.parse(packet.cleanText)
        if document.blocks.isEmpty { paragraph(words.textIsEmpty) }
        for block in document.blocks {
            switch block.kind {
            case .heading(let level):
                let tag = headingTags[min(level + 2, 6)]
                let text = InlineMarkup.splitHeadingMarker(block.text).rest
                out.raw("<", tag, " ")
                dir(text)
                out.raw(">")
                out.inline(text)
                out.raw("</", tag, ">\n")
            case .paragraph:
                out.raw("<p ")
                dir(block.text)
                out.raw(">")
                out.inline(block.text)
                out.raw("</p>\n")
            }
        }
        out.raw("</section>\n")

        // 3. Redline.
        openSection("redline major", words.redlineHeading(packet.sectionTitles[2], from: packet.firstVersion, to: packet.version))
        out.raw("</h2>\n")
        out.raw("<p class=\"legend\">", words.redlineLegendHTML, "</p>\n")
        writeRedlineHTML(packet.redline, to: &out, language: packet.language)
        out.raw("</section>\n")

        // 4. Disposition of comments.
        openSection("dispositions major", packet.sectionTitles[3])
        out.raw("</h2>\n")
        if packet.dispositions.isEmpty {
            paragraph(words.noCommentsReceived)
        } else {
            DispositionTable.writeHTMLTable(packet.dispositions, to: &out, language: packet.language)
        }
        out.raw("</section>\n")

        // 5. Sources.
        openSection("sources", packet.sectionTitles[4])
        out.raw("</h2>\n")
        if packet.sources.isEmpty {
            paragraph(words.noSources)
        } else {
            openGrid("sources", [words.version, words.tag, words.commit])
            for source in packet.sources {
                out.raw("<tr><td>")
                out.escaped(source.label)
                out.raw("</td><td><code>")
                out.escaped(source.tag ?? "—")
                out.raw("</code></td><td><code>")
                out.escaped(source.commit)
                out.raw("</code></td></tr>\n")
            }
            out.raw("</tbody>\n</table>\n")
        }
        out.raw("</section>\n")
    }

    /// "h1" … "h6" by level (index 0 unused).
    static let headingTags = ["", "h1", "h2", "h3", "h4", "h5", "h6"]

    /// The packet's style sheet.
    static func css(runningHeader: String) -> String {
        ExportResources.packetStyle.filled(["running-header": ExportSupport.cssString(runningHeader)])
            + "\n" + ExportResources.dispositionsTableStyle
    }
}
