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
    public static func write(_ packet: FinalTextPacket, symbol: String? = nil, original: String? = nil, to output: URL) async throws {
        try await Pandoc.writeDocx(document(packet, symbol: symbol, original: original), header: header(packet, symbol: symbol), output: output)
    }

    /// The header of every page after the first: "C20/45 — title — final".
    public static func header(_ packet: FinalTextPacket, symbol: String?) -> String {
        ([symbol].compactMap { $0 } + [packet.title, packet.version]).joined(separator: " — ")
    }

    /// The packet as a Word document. `symbol` is the document's symbol ("C20/45"); without one the
    /// version's label stands for it. `original` is the language the text was negotiated in
    /// (default: English, named in the packet's language).
    public static func document(_ packet: FinalTextPacket, symbol: String?, original: String? = nil) -> PandocDocument {
        let words = packet.words
        var blocks: [PandocBlock] = []
        // Title block.
        blocks.append(.styled("Organisation", [.text(packet.preparedBy)]))
        blocks.append(.div(.style("Document Facts"), [
            .para([.text(words.documentSymbol(symbol ?? packet.version))]),
            .para([.text(InstantFormat.humanDay(packet.preparedAt, in: packet.timeZone, language: packet.language))]),
            .para([.text(words.original(original ?? words.english))]),
        ]))
        blocks.append(.styled("Document Source", [.text(words.source(packet.preparedBy))]))
        blocks.append(.styled("Document Title", [.text(packet.title)]))
        var facts: [[[PandocBlock]]] = [[cell(words.version), cell(packet.version)]]
        let status = packet.statusFact
        facts.append([cell(status.heading), cell(status.value)])
        if let due = packet.dueDay { facts.append([cell(words.due), cell(due)]) }
        facts.append([cell(words.preparedAt), cell(packet.human(packet.preparedAt))])
        blocks.append(.table(PandocTable(widths: [0.25, 0.75], head: [], rows: facts)))

        // 1. Summary.
        blocks.append(.header(1, [.text(packet.sectionTitles[0])]))
        blocks.append(.header(2, [.text(words.timeline)]))
        if packet.timeline.isEmpty {
            blocks.append(.para([.text(words.noEvents)]))
        } else {
            blocks.append(.table(PandocTable(widths: [0.3, 0.7], head: [cell(words.date, heading: true), cell(words.event, heading: true)],
                                             rows: packet.timeline.map { [cell(packet.human($0.at)), cell($0.what)] })))
        }
        blocks.append(.header(2, [.text(words.commentsReceived)]))
        if packet.commenters.isEmpty {
            blocks.append(.para([.text(words.noMemberCommented)]))
        } else {
            blocks.append(.table(PandocTable(
                widths: [0.45, 0.4, 0.15],
                head: [cell(words.member, heading: true), cell(words.received, heading: true), cell(words.commentsColumn, heading: true)],
                rows: packet.commenters.map {
                    [cell(FinalTextPacket.memberLabel($0)), cell(packet.human($0.received) + ($0.late ? " " + words.late : "")), cell(String($0.comments))]
                })))
        }
        blocks.append(.header(2, [.text(words.silenceProcedure)]))
        blocks.append(.para([.strong([.text(packet.silenceOutcome)])]))
        blocks.append(.header(2, [.text(words.changes)]))
        blocks.append(.para([.text(packet.changeLine + words.fullStop)]))

        // 2. The text.
        blocks.append(.header(1, [.text(packet.sectionTitles[1])]))
        let document = DraftDocument.parse(packet.cleanText)
        if document.blocks.isEmpty { blocks.append(.para([.text(words.textIsEmpty)])) }
        for block in document.blocks {
            if case .heading(let level) = block.kind {
                blocks.append(.header(min(level + 1, 6), WordText.marked(InlineMarkup.splitHeadingMarker(block.text).rest)))
            } else {
                blocks.append(.para(WordText.marked(block.text)))
            }
        }

        // 3. Redline, as the secretariat's tracked changes.
        blocks.append(.header(1, [.text(words.redlineHeading(packet.sectionTitles[2], from: packet.firstVersion, to: packet.version))]))
        blocks.append(.para([.emph([.text(words.trackedChangesNote)])]))
        let when = WordText.date(packet.preparedAt)
        blocks += packet.redline.map { WordText.block($0, author: packet.preparedBy, date: when, headingOffset: 1) }

        // 4. Disposition of comments, on landscape pages.
        blocks.append(sectionBreak(portrait, titlePage: true))
        blocks.append(.header(1, [.text(packet.sectionTitles[3])]))
        if packet.dispositions.isEmpty {
            blocks.append(.para([.text(words.noCommentsReceived)]))
        } else {
            blocks.append(.table(dispositions(packet.dispositions, language: packet.language)))
        }
        blocks.append(sectionBreak(landscape))

        // 5. Sources.
        blocks.append(.header(1, [.text(packet.sectionTitles[4])]))
        if packet.sources.isEmpty {
            blocks.append(.para([.text(words.noSources)]))
        } else {
            blocks.append(.table(PandocTable(
                widths: [0.2, 0.4, 0.4], head: [cell(words.version, heading: true), cell(words.tag, heading: true), cell(words.commit, heading: true)],
                rows: packet.sources.map { [cell($0.label), cell($0.tag ?? "—"), cell($0.commit)] })))
        }
        var meta = ["subject": symbol ?? packet.version]
        // pandoc writes `lang` as the document's language, and `dir: rtl` as right-to-left paragraphs.
        if packet.language != .en { meta["lang"] = packet.language.rawValue }
        if packet.language.isRightToLeft { meta["dir"] = "rtl" }
        return PandocDocument(blocks: blocks, meta: meta)
    }

    /// The ISO template's columns; the comment, the proposed change and the observations get the room.
    static let dispositionWidths = [0.05, 0.075, 0.05, 0.065, 0.075, 0.08, 0.175, 0.17, 0.085, 0.175]

    static func dispositions(_ rows: [DispositionRow], language: Language = .en) -> PandocTable {
        PandocTable(widths: dispositionWidths, head: DispositionTable.columns(language).map { cell($0, heading: true) },
                    rows: rows.map { DispositionTable.cells($0, language: language).map { cell($0) } })
    }

    /// A table cell in the small table style; each line of `text` a paragraph.
    static func cell(_ text: String, heading: Bool = false) -> [PandocBlock] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return [.div(.style(heading ? "Table Heading" : "Table Text"), lines.map { .para($0.isEmpty ? [] : [.text($0)]) })]
    }
}
