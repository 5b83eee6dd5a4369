import Foundation

/// What the chair receives: the clean final text, a transmittal summary (timeline, who commented,
/// what changed, the silence outcome), the redline from the first version, the disposition of
/// comments, and the tags and commits it was built from.
public struct FinalTextPacket: Sendable, Equatable {

    /// One step of the timeline.
    public struct Event: Sendable, Equatable {
        /// ISO 8601 with its offset, e.g. "2020-02-14T10:00:00+01:00".
        public var at: String
        public var what: String

        public init(at: String, what: String) {
            self.at = at
            self.what = what
        }
    }

    /// A member that commented, when, and how much.
    public struct Commenter: Sendable, Equatable {
        public var code: String
        public var name: String
        /// ISO 8601 with its offset.
        public var received: String
        public var comments: Int
        public var late: Bool

        public init(code: String, name: String, received: String, comments: Int, late: Bool = false) {
            self.code = code
            self.name = name
            self.received = received
            self.comments = comments
            self.late = late
        }
    }

    /// A version the packet was built from: its label, its annotated tag object id, its commit id.
    public struct Source: Sendable, Equatable {
        public var label: String
        public var tag: String?
        public var commit: String

        public init(label: String, tag: String?, commit: String) {
            self.label = label
            self.tag = tag
            self.commit = commit
        }
    }

    /// How many paragraphs (headings included) a redline changes.
    public struct Changes: Sendable, Equatable {
        public var modified: Int
        public var inserted: Int
        public var deleted: Int
        public var moved: Int

        public init(modified: Int, inserted: Int, deleted: Int, moved: Int) {
            self.modified = modified
            self.inserted = inserted
            self.deleted = deleted
            self.moved = moved
        }

        public init(_ redline: [RedlineBlock]) {
            var changes = Changes(modified: 0, inserted: 0, deleted: 0, moved: 0)
            for block in redline {
                switch block.status {
                case .unchanged: break
                case .modified: changes.modified += 1
                case .inserted: changes.inserted += 1
                case .deleted: changes.deleted += 1
                case .moved: changes.moved += 1
                }
            }
            self = changes
        }

        /// "3 paragraphs modified, 1 inserted, 0 deleted" (", 1 moved" when any were moved).
        public var summary: String {
            var text = "\(modified) \(modified == 1 ? "paragraph" : "paragraphs") modified, \(inserted) inserted, \(deleted) deleted"
            if moved > 0 { text += ", \(moved) moved" }
            return text
        }
    }

    public var title: String
    /// The version transmitted, e.g. "final".
    public var version: String
    /// e.g. "President of ECOSOC".
    public var recipient: String
    /// e.g. "16 March 2020".
    public var dueDate: String?
    /// The secretariat's name.
    public var preparedBy: String
    /// ISO 8601 with its offset.
    public var preparedAt: String
    public var timeline: [Event]
    public var commenters: [Commenter]
    /// e.g. "Silence kept: no member objected to final-draft before 12 March 2020, 23:59:59 CET."
    public var silenceOutcome: String
    /// The final text, Markdown.
    public var cleanText: String
    /// The version the redline starts from, e.g. "draft-1".
    public var firstVersion: String
    /// From `firstVersion` to `version`.
    public var redline: [RedlineBlock]
    public var dispositions: [DispositionRow]
    public var sources: [Source]

    public init(title: String, version: String, recipient: String, dueDate: String?, preparedBy: String,
                preparedAt: String, timeline: [Event], commenters: [Commenter], silenceOutcome: String,
                cleanText: String, firstVersion: String, redline: [RedlineBlock], dispositions: [DispositionRow],
                sources: [Source]) {
        self.title = title
        self.version = version
        self.recipient = recipient
        self.dueDate = dueDate
        self.preparedBy = preparedBy
        self.preparedAt = preparedAt
        self.timeline = timeline
        self.commenters = commenters
        self.silenceOutcome = silenceOutcome
        self.cleanText = cleanText
        self.firstVersion = firstVersion
        self.redline = redline
        self.dispositions = dispositions
        self.sources = sources
    }

    /// The changes the redline makes.
    public var changes: Changes { Changes(redline) }

    /// "What changed since draft-1: 3 paragraphs modified, 1 inserted, 0 deleted".
    public var changeLine: String { "What changed since \(firstVersion): \(changes.summary)" }

    /// The section headings, in order.
    static let sectionTitles = ["1. Transmittal summary", "2. Final text", "3. Redline", "4. Disposition of comments",
                                "5. Sources"]

    // MARK: - Markdown

    /// The packet as one Markdown document. The final text's and the redline's headings are moved
    /// down two levels so that they sit under the packet's sections.
    public static func markdown(_ packet: FinalTextPacket) -> String {
        var out: [String] = []
        let cell = DispositionTable.markdownCell
        out.append("# " + oneLine(packet.title))
        var facts = ["**Version:** " + oneLine(packet.version), "**Transmitted to:** " + oneLine(packet.recipient)]
        if let due = packet.dueDate, !due.isEmpty { facts.append("**Due:** " + oneLine(due)) }
        facts.append("**Prepared by:** " + oneLine(packet.preparedBy) + ", " + ExportSupport.humanDate(packet.preparedAt))
        out.append(facts.joined(separator: "  \n"))

        out.append("## " + sectionTitles[0])
        out.append("### Timeline")
        if packet.timeline.isEmpty {
            out.append("No events recorded.")
        } else {
            var table = ["| Date | Event |", "|---|---|"]
            for event in packet.timeline {
                table.append("| \(cell(ExportSupport.humanDate(event.at))) | \(cell(event.what)) |")
            }
            out.append(table.joined(separator: "\n"))
        }
        out.append("### Comments received")
        if packet.commenters.isEmpty {
            out.append("No member commented.")
        } else {
            var table = ["| Member | Received | Comments |", "|---|---|---|"]
            for commenter in packet.commenters {
                let received = ExportSupport.humanDate(commenter.received) + (commenter.late ? " (late)" : "")
                table.append("| \(cell(memberLabel(commenter))) | \(cell(received)) | \(commenter.comments) |")
            }
            out.append(table.joined(separator: "\n"))
        }
        out.append("### Silence procedure")
        out.append(oneLine(packet.silenceOutcome))
        out.append("### Changes")
        out.append(packet.changeLine + ".")

        out.append("## " + sectionTitles[1])
        let text = DraftDocument.parse(packet.cleanText).blocks.map { block -> String in
            if case .heading = block.kind { return ExportSupport.demoteHeading(block.text, by: 2) }
            return block.text
        }
        out.append(text.isEmpty ? "(The text is empty.)" : text.joined(separator: "\n\n"))

        out.append("## " + sectionTitles[2] + " from " + oneLine(packet.firstVersion) + " to " + oneLine(packet.version))
        out.append("Deletions are ~~struck through~~, insertions are in **bold**; moved paragraphs are noted.")
        let redline = Redline.markdown(packet.redline)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                let text = String(line)
                guard DraftDocument.classify(text).kind != .paragraph else { return text }
                return ExportSupport.demoteHeading(text, by: 2)
            }
            .joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
        out.append(redline.isEmpty ? "(No text.)" : redline)

        out.append("## " + sectionTitles[3])
        out.append(packet.dispositions.isEmpty
                   ? "No comments were received."
                   : DispositionTable.markdownTable(packet.dispositions).trimmingCharacters(in: .newlines))

        out.append("## " + sectionTitles[4])
        var sources = ["| Version | Tag | Commit |", "|---|---|---|"]
        for source in packet.sources {
            sources.append("| \(cell(source.label)) | \(source.tag.map { code($0) } ?? "—") | \(code(source.commit)) |")
        }
        out.append(packet.sources.isEmpty ? "No sources recorded." : sources.joined(separator: "\n"))
        return out.joined(separator: "\n\n") + "\n"
    }

    private static func oneLine(_ text: String) -> String {
        ExportSupport.lines(text).joined(separator: " ")
    }

    private static func code(_ text: String) -> String {
        "`" + oneLine(text).replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|") + "`"
    }

    private static func memberLabel(_ commenter: Commenter) -> String {
        let name = commenter.name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty || name == commenter.code ? commenter.code : "\(name) (\(commenter.code))"
    }

    // MARK: - HTML

    /// The packet as a self-contained HTML5 document: inline CSS, no scripts, no external resources,
    /// A4 pages when printed (the disposition table on landscape pages).
    public static func html(_ packet: FinalTextPacket) -> String {
        let e = ExportSupport.escape
        func dir(_ text: String) -> String { "dir=\"\(ExportSupport.direction(text))\"" }
        func time(_ iso: String) -> String {
            "<time datetime=\"\(e(iso))\">\(e(ExportSupport.humanDate(iso)))</time>"
        }
        let title = e(packet.title)
        var body = ""

        // Title block.
        body += "<header class=\"docheader\"><span \(dir(packet.title))>\(title)</span>"
        body += "<span class=\"version\">\(e(packet.version))</span></header>\n"
        body += "<section class=\"titleblock\">\n"
        body += "<h1 \(dir(packet.title))>\(title)</h1>\n"
        body += "<table class=\"facts\">\n"
        body += "<tr><th scope=\"row\">Version</th><td>\(e(packet.version))</td></tr>\n"
        body += "<tr><th scope=\"row\">Transmitted to</th><td \(dir(packet.recipient))>\(e(packet.recipient))</td></tr>\n"
        if let due = packet.dueDate, !due.isEmpty {
            body += "<tr><th scope=\"row\">Due</th><td>\(e(due))</td></tr>\n"
        }
        body += "<tr><th scope=\"row\">Prepared by</th><td \(dir(packet.preparedBy))>\(e(packet.preparedBy))</td></tr>\n"
        body += "<tr><th scope=\"row\">Prepared at</th><td>\(time(packet.preparedAt))</td></tr>\n"
        body += "</table>\n</section>\n"

        // 1. Transmittal summary.
        body += "<section class=\"transmittal\">\n<h2>\(e(sectionTitles[0]))</h2>\n"
        body += "<h3>Timeline</h3>\n"
        if packet.timeline.isEmpty {
            body += "<p>No events recorded.</p>\n"
        } else {
            body += "<table class=\"grid timeline\">\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Event</th></tr></thead>\n<tbody>\n"
            for event in packet.timeline {
                body += "<tr><td class=\"date\">\(time(event.at))</td><td \(dir(event.what))>\(ExportSupport.escapeMultiline(event.what))</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        body += "<h3>Comments received</h3>\n"
        if packet.commenters.isEmpty {
            body += "<p>No member commented.</p>\n"
        } else {
            body += "<table class=\"grid commenters\">\n<thead><tr><th scope=\"col\">Member</th><th scope=\"col\">Received</th><th scope=\"col\" class=\"number\">Comments</th></tr></thead>\n<tbody>\n"
            for commenter in packet.commenters {
                let label = memberLabel(commenter)
                body += "<tr><td \(dir(label))>\(e(label))</td><td class=\"date\">\(time(commenter.received))"
                body += commenter.late ? " <span class=\"late\">(late)</span>" : ""
                body += "</td><td class=\"number\">\(commenter.comments)</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        body += "<h3>Silence procedure</h3>\n<p class=\"silence\" \(dir(packet.silenceOutcome))>\(ExportSupport.escapeMultiline(packet.silenceOutcome))</p>\n"
        body += "<h3>Changes</h3>\n<p class=\"changes\">\(e(packet.changeLine)).</p>\n"
        body += "</section>\n"

        // 2. Final text.
        body += "<section class=\"finaltext major\">\n<h2>\(e(sectionTitles[1]))</h2>\n"
        let document = DraftDocument.parse(packet.cleanText)
        if document.blocks.isEmpty { body += "<p>(The text is empty.)</p>\n" }
        for block in document.blocks {
            switch block.kind {
            case .heading(let level):
                let tag = "h\(min(level + 2, 6))"
                let text = InlineMarkup.splitHeadingMarker(block.text).rest
                body += "<\(tag) \(dir(text))>\(ExportSupport.inlineHTML(text))</\(tag)>\n"
            case .paragraph:
                body += "<p \(dir(block.text))>\(ExportSupport.inlineHTML(block.text))</p>\n"
            }
        }
        body += "</section>\n"

        // 3. Redline.
        body += "<section class=\"redline major\">\n<h2>\(e(sectionTitles[2])) from \(e(packet.firstVersion)) to \(e(packet.version))</h2>\n"
        body += "<p class=\"legend\">Deletions are shown <del>struck through in red</del>, insertions <ins>underlined in green</ins>; "
        body += "changed paragraphs are marked in the margin and moved paragraphs are noted.</p>\n"
        body += redlineHTML(packet.redline)
        body += "</section>\n"

        // 4. Disposition of comments.
        body += "<section class=\"dispositions major\">\n<h2>\(e(sectionTitles[3]))</h2>\n"
        body += packet.dispositions.isEmpty ? "<p>No comments were received.</p>\n" : DispositionTable.htmlTable(packet.dispositions)
        body += "</section>\n"

        // 5. Sources.
        body += "<section class=\"sources\">\n<h2>\(e(sectionTitles[4]))</h2>\n"
        if packet.sources.isEmpty {
            body += "<p>No sources recorded.</p>\n"
        } else {
            body += "<table class=\"grid sources\">\n<thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Tag</th><th scope=\"col\">Commit</th></tr></thead>\n<tbody>\n"
            for source in packet.sources {
                body += "<tr><td>\(e(source.label))</td><td><code>\(e(source.tag ?? "—"))</code></td><td><code>\(e(source.commit))</code></td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        body += "</section>\n"

        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) — \(e(packet.version))</title>
        <style>
        \(css(runningHeader: packet.title + " — " + packet.version))
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// The redline blocks as HTML: headings moved down two levels, `<del>` and `<ins>`, a class per
    /// status, the direction of each paragraph from its text.
    static func redlineHTML(_ blocks: [RedlineBlock]) -> String {
        var out = ""
        for block in blocks {
            var segments = block.segments
            var tag = "p"
            if case .heading(let level) = block.kind {
                tag = "h\(min(level + 2, 6))"
                if let first = segments.first {
                    switch first {
                    case .equal(let s): segments[0] = .equal(InlineMarkup.splitHeadingMarker(s).rest)
                    case .deleted(let s): segments[0] = .deleted(InlineMarkup.splitHeadingMarker(s).rest)
                    case .inserted(let s): segments[0] = .inserted(InlineMarkup.splitHeadingMarker(s).rest)
                    }
                }
            }
            var plain = ""
            var inner = ""
            for segment in segments {
                switch segment {
                case .equal(let s):
                    plain += s
                    inner += ExportSupport.escape(s)
                case .deleted(let s):
                    plain += s
                    inner += "<del>\(ExportSupport.escape(s))</del>"
                case .inserted(let s):
                    plain += s
                    inner += "<ins>\(ExportSupport.escape(s))</ins>"
                }
            }
            var status: String
            switch block.status {
            case .unchanged: status = "unchanged"
            case .modified: status = "modified"
            case .inserted: status = "inserted"
            case .deleted: status = "deleted"
            case .moved(let from, let to):
                status = "moved"
                inner += " <span class=\"note\">(moved from \(ExportSupport.escape(from)) to \(ExportSupport.escape(to)))</span>"
            }
            out += "<\(tag) class=\"rl \(status)\" dir=\"\(ExportSupport.direction(plain))\">\(inner)</\(tag)>\n"
        }
        return out
    }

    /// The packet's style sheet.
    static func css(runningHeader: String) -> String {
        """
        @page { size: A4; margin: 22mm 20mm 20mm 20mm;
          @top-center { content: \(ExportSupport.cssString(runningHeader)); font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 8pt; color: #555; }
          @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
        @page :first { @top-center { content: none; } }
        @page wide { size: A4 landscape; margin: 18mm 14mm 16mm 14mm; }
        html { font-size: 11pt; }
        body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", "Noto Serif", "Noto Naskh Arabic", "Amiri", "Noto Serif CJK SC", "AR PL UMing CN", "WenQuanYi Micro Hei", serif;
          color: #111; line-height: 1.4; max-width: 60em; margin: 1.5em auto; padding: 0 1.5em; }
        @media print { body { max-width: none; margin: 0; padding: 0; } }
        header.docheader { display: flex; justify-content: space-between; border-bottom: 0.6pt solid #888; font-size: 8pt; color: #555; padding-bottom: 2pt; margin-bottom: 18pt; }
        header.docheader .version { text-transform: uppercase; letter-spacing: 0.05em; }
        h1 { font-size: 18pt; margin: 0.4em 0 0.6em 0; line-height: 1.2; }
        h2 { font-size: 14pt; border-bottom: 0.8pt solid #1f3a5f; color: #1f3a5f; padding-bottom: 2pt; margin: 1.4em 0 0.6em 0; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 12pt; margin: 1.1em 0 0.4em 0; break-after: avoid; page-break-after: avoid; }
        h4, h5, h6 { font-size: 11pt; margin: 1em 0 0.4em 0; break-after: avoid; page-break-after: avoid; }
        p { margin: 0 0 0.6em 0; text-align: start; orphans: 2; widows: 2; }
        section.major { break-before: page; page-break-before: always; }
        section.dispositions { page: wide; }
        table { border-collapse: collapse; margin: 0.3em 0 0.8em 0; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        thead { display: table-header-group; }
        table.facts th { text-align: start; padding: 2pt 12pt 2pt 0; font-weight: bold; vertical-align: top; }
        table.facts td { padding: 2pt 0; }
        table.grid { width: 100%; font-size: 10pt; }
        table.grid th, table.grid td { border: 0.6pt solid #555; padding: 3pt 5pt; vertical-align: top; text-align: start; }
        table.grid th { background: #e8ecf2; }
        td.date { white-space: nowrap; }
        .number { text-align: end; }
        span.late { color: #8a4b00; font-style: italic; }
        p.silence, p.changes { font-weight: bold; }
        code { font-family: "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace; font-size: 9pt; word-break: break-all; }
        ins { color: #0a6b1f; text-decoration: underline; background: #e7f5ea; }
        del { color: #b0001e; text-decoration: line-through; background: #fdecee; }
        .rl.modified, .rl.inserted, .rl.deleted, .rl.moved { border-left: 2.5pt solid #9aa7b8; padding-left: 5pt; }
        .rl.inserted { border-left-color: #0a6b1f; }
        .rl.deleted { border-left-color: #b0001e; }
        .rl.moved { border-left-color: #6a3d9a; }
        .note { color: #6a3d9a; font-style: italic; font-size: 9pt; }
        p.legend { font-size: 9pt; color: #444; }
        \(DispositionTable.tableCSS)
        """
    }
}
