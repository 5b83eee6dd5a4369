import DraftFlow
import Foundation

/// The final text packet as a Word document laid out as an ITU document: A4, a title block (the
/// organisation, the document symbol, the date, "Original: English", the source, the title), the
/// summary, the text and the redline (tracked changes) in portrait, the disposition of comments on
/// landscape pages with all the ISO template's columns, and the sources.
public enum PacketWord {

    /// The relationship ids `reference.docx` gives its header and footer, which pandoc keeps: a
    /// section break names them (a test checks them in a written packet).
    static let headerRelationship = "rId9"
    static let footerRelationship = "rId10"

    /// A4 in twentieths of a point, and the margins of `reference.docx`.
    static let portrait = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:bottom=\"1417\" w:left=\"1134\" w:right=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
    static let landscape = "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:right=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"

    /// A paragraph that ends a section laid out as `page`; `titlePage` leaves the header off its first page.
    static func sectionBreak(_ page: String, titlePage: Bool = false) -> PandocBlock {
        .openXML("<w:p><w:pPr><w:sectPr><w:headerReference w:type=\"default\" r:id=\"\(headerRelationship)\"/>"
                 + "<w:footerReference w:type=\"default\" r:id=\"\(footerRelationship)\"/>"
                 + (titlePage ? "<w:footerReference w:type=\"first\" r:id=\"\(footerRelationship)\"/>" : "")
                 + "<w:type w:val=\"nextPage\"/>" + page + (titlePage ? "<w:titlePg/>" : "") + "</w:sectPr></w:pPr></w:p>")
    }

    /// Writes `packet` as a Word document at `output` (see `document`), with its header.
    public static func write(_ packet: FinalTextPacket, symbol: String? = nil, original: String = "English", to output: URL) async throws {
        try await Pandoc.writeDocx(document(packet, symbol: symbol, original: original), header: header(packet, symbol: symbol), output: output)
    }

    /// The header of every page after the first: "C20/45 — title — final".
    public static func header(_ packet: FinalTextPacket, symbol: String?) -> String {
        ([symbol].compactMap { $0 } + [packet.title, packet.version]).joined(separator: " — ")
    }

    /// The packet as a Word document. `symbol` is the document's symbol ("C20/45"); without one the
    /// version's label stands for it. `original` is the language the text was negotiated in.
    public static func document(_ packet: FinalTextPacket, symbol: String?, original: String = "English") -> PandocDocument {
        var blocks: [PandocBlock] = []
        // Title block.
        blocks.append(.styled("Organisation", [.text(packet.preparedBy)]))
        blocks.append(.div(.style("Document Facts"), [
            .para([.text("Document \(symbol ?? packet.version)")]),
            .para([.text(InstantFormat.humanDay(packet.preparedAt, in: packet.timeZone))]),
            .para([.text("Original: \(original)")]),
        ]))
        blocks.append(.styled("Document Source", [.text("Source: \(packet.preparedBy)")]))
        blocks.append(.styled("Document Title", [.text(packet.title)]))
        var facts: [[[PandocBlock]]] = [[cell("Version"), cell(packet.version)]]
        let status = packet.statusFact
        facts.append([cell(status.heading), cell(status.value)])
        if let due = packet.dueDay { facts.append([cell("Due"), cell(due)]) }
        facts.append([cell("Prepared at"), cell(packet.human(packet.preparedAt))])
        blocks.append(.table(PandocTable(widths: [0.25, 0.75], head: [], rows: facts)))

        // 1. Summary.
        blocks.append(.header(1, [.text(packet.sectionTitles[0])]))
        blocks.append(.header(2, [.text("Timeline")]))
        if packet.timeline.isEmpty {
            blocks.append(.para([.text("No events recorded.")]))
        } else {
            blocks.append(.table(PandocTable(widths: [0.3, 0.7], head: [cell("Date", heading: true), cell("Event", heading: true)],
                                             rows: packet.timeline.map { [cell(packet.human($0.at)), cell($0.what)] })))
        }
        blocks.append(.header(2, [.text("Comments received")]))
        if packet.commenters.isEmpty {
            blocks.append(.para([.text("No member commented.")]))
        } else {
            blocks.append(.table(PandocTable(
                widths: [0.45, 0.4, 0.15], head: [cell("Member", heading: true), cell("Received", heading: true), cell("Comments", heading: true)],
                rows: packet.commenters.map {
                    [cell(FinalTextPacket.memberLabel($0)), cell(packet.human($0.received) + ($0.late ? " (late)" : "")), cell(String($0.comments))]
                })))
        }
        blocks.append(.header(2, [.text("Silence procedure")]))
        blocks.append(.para([.strong([.text(packet.silenceOutcome)])]))
        blocks.append(.header(2, [.text("Changes")]))
        blocks.append(.para([.text(packet.changeLine + ".")]))

        // 2. The text.
        blocks.append(.header(1, [.text(packet.sectionTitles[1])]))
        let document = DraftDocument.parse(packet.cleanText)
        if document.blocks.isEmpty { blocks.append(.para([.text("(The text is empty.)")])) }
        for block in document.blocks {
            if case .heading(let level) = block.kind {
                blocks.append(.header(min(level + 1, 6), WordText.marked(InlineMarkup.splitHeadingMarker(block.text).rest)))
            } else {
                blocks.append(.para(WordText.marked(block.text)))
            }
        }

        // 3. Redline, as the secretariat's tracked changes.
        blocks.append(.header(1, [.text("\(packet.sectionTitles[2]) from \(packet.firstVersion) to \(packet.version)")]))
        blocks.append(.para([.emph([.text("The changes are tracked changes: Word lists each one, and a reader may accept or reject it.")])]))
        let when = WordText.date(packet.preparedAt)
        blocks += packet.redline.map { WordText.block($0, author: packet.preparedBy, date: when, headingOffset: 1) }

        // 4. Disposition of comments, on landscape pages.
        blocks.append(sectionBreak(portrait, titlePage: true))
        blocks.append(.header(1, [.text(packet.sectionTitles[3])]))
        if packet.dispositions.isEmpty {
            blocks.append(.para([.text("No comments were received.")]))
        } else {
            blocks.append(.table(dispositions(packet.dispositions)))
        }
        blocks.append(sectionBreak(landscape))

        // 5. Sources.
        blocks.append(.header(1, [.text(packet.sectionTitles[4])]))
        if packet.sources.isEmpty {
            blocks.append(.para([.text("No sources recorded.")]))
        } else {
            blocks.append(.table(PandocTable(
                widths: [0.2, 0.4, 0.4], head: [cell("Version", heading: true), cell("Tag", heading: true), cell("Commit", heading: true)],
                rows: packet.sources.map { [cell($0.label), cell($0.tag ?? "—"), cell($0.commit)] })))
        }
        return PandocDocument(blocks: blocks, meta: ["subject": symbol ?? packet.version])
    }

    /// The ISO template's columns; the comment, the proposed change and the observations get the room.
    static let dispositionWidths = [0.05, 0.075, 0.05, 0.065, 0.075, 0.08, 0.175, 0.17, 0.085, 0.175]

    static func dispositions(_ rows: [DispositionRow]) -> PandocTable {
        PandocTable(widths: dispositionWidths, head: DispositionTable.columns.map { cell($0, heading: true) },
                    rows: rows.map { DispositionTable.cells($0).map { cell($0) } })
    }

    /// A table cell in the small table style; each line of `text` a paragraph.
    static func cell(_ text: String, heading: Bool = false) -> [PandocBlock] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return [.div(.style(heading ? "Table Heading" : "Table Text"), lines.map { .para($0.isEmpty ? [] : [.text($0)]) })]
    }
}
