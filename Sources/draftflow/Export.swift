import ArgumentParser
import DraftFlow
import DraftFlowExport
import Foundation

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the final text packet for the chair.",
        discussion: """
        The packet holds the clean text; a transmittal summary (title, recipient, due date, the \
        timeline, which members commented and when, the silence outcome); the redline from the first \
        version; the disposition table; and the commit and tag ids it was built from. HTML is \
        self-contained and prints well; DOCX and PDF are made by pandoc. A version that is not final is \
        never called final: its packet says it is a draft, and states only the silence procedure held on it.
        With --circulate, writes the draft as it is sent to members instead: how to comment and the deadline \
        of the last round opened on the version, the changes since the previous version, and the clean text.
        The DOCX packet is an ITU document on A4 paper: a title block (the document's symbol, \
        --symbol, the date, "Original: English", the source), the redline as tracked changes, and the \
        disposition of comments on landscape pages with all the ISO template's columns.
        Example: draftflow export final --format html -o final-packet.html
        Example: draftflow export final --format docx --symbol "C20/45" -o final-packet.docx
        Example: draftflow export final-draft --circulate --format html -o final-draft-circulated.html
        --lang zh (ar, zh, en, fr, ru, es) writes the packet's or the note's own words and dates in that language.
        Example: draftflow export final --lang zh --format html -o final-packet.zh.html
        With --format akn, writes the version's text alone as Akoma Ntoso 3.0 (OASIS LegalDocML, AKN4UN's \
        FRBR naming), each paragraph's id its eId (para_2.3).
        Example: draftflow export final --format akn -o final.akn.xml
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, docx, pdf, akn }

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The version to transmit (default: the last published one).")
    var version: String?

    @Option(help: "md, html, docx, pdf, or akn (the version's text alone, as Akoma Ntoso 3.0 XML).")
    var format: Format = .html

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "FILE"))
    var output: String

    @Flag(help: "Write the draft as circulated to members (how to comment, the deadline, the changes), not the packet.")
    var circulate = false

    @Option(help: ArgumentHelp("The document's symbol in the DOCX packet's title block and header, e.g. \"C20/45\" (default: the version).", valueName: "SYMBOL"))
    var symbol: String?

    @Option(help: ArgumentHelp("The language the text was negotiated in, for \"Original:\" in the DOCX packet's title block (default: English, in the packet's language).", valueName: "LANGUAGE"))
    var original: String?

    @OptionGroup var lang: LanguageOption

    func run() async throws {
        try await withErrorHandling {
            try ExportResources.check()
            // The symbol and the language go into the Word document's title block and header as they are.
            for (name, value) in [("--symbol", symbol), ("--original", original)] {
                guard let value else { continue }
                if value.trimmingCharacters(in: .whitespaces).isEmpty || value.contains(where: \.isNewline)
                    || value.unicodeScalars.contains(where: TerminalText.isUnsafe) {
                    throw DraftFlowError(.invalidInput, "\(name) \"\(TerminalText.escaped(value))\" must be one line of printable text",
                                         fix: "e.g. --symbol \"C20/45\" --original English")
                }
            }
            if circulate { return try await writeCirculation() }
            let context = try options.context()
            if format == .akn { return try writeAkomaNtoso(context) }
            let packet = try PacketBuilder(context).packet(version: version, language: lang.language)
            let url = URL(fileURLWithPath: output)
            switch format {
            case .md: try emit(FinalTextPacket.markdown(packet), to: output)
            case .html: try emit(bytes: FinalTextPacket.htmlData(packet), to: output)
            case .docx:
                try await PacketWord.write(packet, symbol: symbol, original: original, to: url)
            case .pdf: try await Pandoc.convert(html: FinalTextPacket.html(packet), to: .pdf, output: url)
            case .akn: return  // written above, without the packet
            }
            print("Wrote the \(packet.version) packet (\(format.rawValue)) to \(url.path)")
            warnIfPastDue(context)
        }
    }
}

extension Export {
    /// `--circulate`: the draft as it is sent to members.
    func writeCirculation() async throws {
        guard let version else {
            throw DraftFlowError(.invalidInput, "--circulate needs the version to circulate", fix: "e.g. draftflow export final-draft --circulate -o FILE")
        }
        let circulation = try Circulation.build(try options.context(), version: version, language: lang.language)
        let url = URL(fileURLWithPath: output)
        switch format {
        case .md: try emit(Circulation.markdown(circulation), to: output)
        case .html: try emit(Circulation.html(circulation), to: output)
        case .docx: try await Pandoc.convert(html: Circulation.html(circulation), to: .docx, output: url,
                                             header: "\(circulation.title) — \(circulation.version)")
        case .pdf: try await Pandoc.convert(html: Circulation.html(circulation), to: .pdf, output: url)
        case .akn:
            throw DraftFlowError(.invalidInput, "--circulate writes md, html, docx or pdf; akn is the version's text alone",
                                 fix: "draftflow export \(version) --format akn -o FILE (without --circulate)")
        }
        print("Wrote \(circulation.version) as circulated in round \(circulation.round) (\(format.rawValue)) to \(url.path)")
    }
}

/// Writes bytes to the file `output`, as `emit` writes text, without copying them first.
private func emit(bytes: [UInt8], to output: String) throws {
    do {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else {
                return try Data().write(to: URL(fileURLWithPath: output), options: .atomic)
            }
            // The Data only lends the array's storage for the write and does not outlive it.
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        }
    } catch {
        throw DraftFlowError(.invalidInput, "cannot write \(output): \(error.localizedDescription)", fix: "check the folder exists and is writable")
    }
}

extension Export {
    /// `--format akn`: the version's text as Akoma Ntoso.
    func writeAkomaNtoso(_ context: DraftingContext) throws {
        let workflow = try context.workflow()
        guard let label = try version.map({ try SafeName.label($0) }) ?? workflow.versions.last?.label else {
            throw DraftFlowError(.refused, "no version has been published yet", fix: "publish one with `draftflow publish LABEL`")
        }
        guard let entry = workflow.version(label) else {
            throw DraftFlowError(.invalidInput, "there is no version \(label) in this workspace",
                                 fix: "published versions: \(workflow.versions.map(\.label).joined(separator: ", "))")
        }
        let document = DraftDocument.parse(try Texts(context).documentText(label))
        let workName = (try? options.open().repository.workTree?.lastPathComponent) ?? nil
        let identity = AkomaNtosoDocument.Identity(title: workflow.title, workName: workName ?? "workspace", version: label,
                                                   published: entry.published, timeZone: try workflow.zone(), secretariat: workflow.secretariat.name)
        try emit(AkomaNtosoDocument.xml(document, identity: identity), to: output)
        print("Wrote \(label) (akn, \(document.blocks.count) blocks) to \(URL(fileURLWithPath: output).path)")
    }
}
