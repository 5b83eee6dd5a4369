import Foundation
import Testing
import DraftFlow
@testable import DraftFlowExport

@Suite struct ExportTests {

    static let draft1 = """
    # ITU Council input to the 2020 HLPF

    ## 1 Introduction

    1.1 The Council welcomes the invitation to contribute.

    1.2 ICTs are key enablers of sustainable development.

    ## 2 ITU contribution

    2.1 ITU supports the implementation of the 2030 Agenda.

    2.2 This paragraph will be deleted.

    """

    static let final = """
    # ITU Council input to the 2020 HLPF

    ## 1 Introduction

    1.1 The Council welcomes the invitation to contribute.

    1.2 ICTs are *essential* enablers of sustainable development.

    ## 2 ITU contribution

    2.1 ITU actively supports the implementation of the 2030 Agenda.

    2.2 信息通信技术促进可持续发展。

    2.3 تدعم تكنولوجيا المعلومات والاتصالات التنمية المستدامة.

    2.4 Text with <script>alert(1)</script> in it.

    """

    static let zurich = TimeZone(identifier: "Europe/Zurich")!

    /// The instant of an ISO 8601 text.
    static func at(_ iso: String) -> Date {
        try! Deadline.parseInstant(iso, timeZone: zurich)
    }

    static func packet() -> FinalTextPacket {
        FinalTextPacket(
            title: "ITU Council input to the 2020 HLPF",
            version: "final",
            recipient: "President of ECOSOC",
            dueDate: try! Deadline.parse("2020-03-16", timeZone: zurich),
            preparedBy: "ITU secretariat",
            preparedAt: at("2020-03-13T09:30:00+01:00"),
            timeZone: zurich,
            timeline: [
                .init(at: at("2020-02-14T10:00:00+01:00"), what: "Published draft-1"),
                .init(at: at("2020-02-14T10:05:00+01:00"), what: "Opened round draft-1, closing 1 March 2020"),
                .init(at: at("2020-03-05T12:00:00+01:00"), what: "Published final-draft; silence until 12 March 2020"),
                .init(at: at("2020-03-13T09:00:00+01:00"), what: "Published final"),
            ],
            commenters: [
                .init(code: "CAN", name: "Canada", received: at("2020-02-27T17:42:00+01:00"), comments: 3),
                .init(code: "USA", name: "United States", received: at("2020-02-29T23:10:00+01:00"), comments: 2),
                .init(code: "SAU", name: "Saudi Arabia", received: at("2020-03-02T08:00:00+01:00"), comments: 1, late: true),
            ],
            silenceOutcome: "Silence kept: no member objected to final-draft before 12 March 2020, 23:59:59 CET.",
            cleanText: final,
            firstVersion: "draft-1",
            redline: Redline.compare(old: draft1, new: final),
            dispositions: DispositionTableTests.rows,
            sources: [
                .init(label: "draft-1", tag: "1111111111111111111111111111111111111111", commit: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                .init(label: "final", tag: "2222222222222222222222222222222222222222", commit: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"),
            ])
    }

    @Test func changeSummary() {
        let packet = Self.packet()
        // 1.2 and 2.1 modified; 2.2 replaced by other text (deleted, then inserted), 2.3 and 2.4 inserted.
        #expect(packet.changes == .init(modified: 2, inserted: 3, deleted: 1, moved: 0))
        #expect(packet.changeLine == "What changed since draft-1: 2 paragraphs modified, 3 inserted, 1 deleted")
        #expect(FinalTextPacket.Changes(modified: 1, inserted: 0, deleted: 2, moved: 1).summary
                == "1 paragraph modified, 0 inserted, 2 deleted, 1 moved")
    }

    @Test func markdown() {
        let md = FinalTextPacket.markdown(Self.packet())
        for needle in [
            "# ITU Council input to the 2020 HLPF\n",
            "**Transmitted to:** President of ECOSOC",
            "**Due:** 16 March 2020",
            "**Prepared by:** ITU secretariat, 13 March 2020, 09:30:00 CET (Europe/Zurich)",
            "| 14 February 2020, 10:00:00 CET (Europe/Zurich) | Published draft-1 |",
            "| 13 March 2020, 09:00:00 CET (Europe/Zurich) | Published final |",
            "| Canada (CAN) | 27 February 2020, 17:42:00 CET (Europe/Zurich) | 3 |",
            "| Saudi Arabia (SAU) | 2 March 2020, 08:00:00 CET (Europe/Zurich) (late) | 1 |",
            "Silence kept: no member objected to final-draft before 12 March 2020, 23:59:59 CET.",
            "What changed since draft-1: 2 paragraphs modified, 3 inserted, 1 deleted.",
            "### ITU Council input to the 2020 HLPF\n\n#### 1 Introduction",  // the text's headings, two levels down
            "2.1 ITU actively supports the implementation of the 2030 Agenda.",
            "2.2 信息通信技术促进可持续发展。",
            "2.3 تدعم تكنولوجيا المعلومات والاتصالات التنمية المستدامة.",
            "1.2 ICTs are ~~key~~***essential*** enablers",  // the redline
            "2.1 ITU **actively** supports",
            "| CAN-2 | Canada (CAN) |  |  | 2.1 (now 2.2) |",
            "| draft-1 | `1111111111111111111111111111111111111111` | `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` |",
            "| final | `2222222222222222222222222222222222222222` | `bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb` |",
        ] {
            #expect(md.contains(needle), "missing: \(needle)")
        }
        // Sections in order.
        let order = ["## 1. Transmittal summary", "## 2. Final text", "## 3. Redline from draft-1 to final",
                     "## 4. Disposition of comments", "## 5. Sources"].map { md.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test func html() {
        let html = FinalTextPacket.html(Self.packet())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.hasSuffix("</html>\n"))
        // Self-contained, and text never becomes markup.
        #expect(!html.contains("http"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("url("))
        #expect(html.contains("2.4 Text with &lt;script&gt;alert(1)&lt;/script&gt; in it."))
        for needle in [
            "<h1 dir=\"auto\">ITU Council input to the 2020 HLPF</h1>",
            "<th scope=\"row\">Transmitted to</th><td dir=\"auto\">President of ECOSOC</td>",
            "<td>16 March 2020</td>",
            "<time datetime=\"2020-02-14T10:00:00+01:00\">14 February 2020, 10:00:00 CET (Europe/Zurich)</time>",
            "<time datetime=\"2020-03-13T09:00:00+01:00\">13 March 2020, 09:00:00 CET (Europe/Zurich)</time>",
            "<tr><th scope=\"row\">Prepared at</th><td><time datetime=\"2020-03-13T09:30:00+01:00\">13 March 2020, 09:30:00 CET (Europe/Zurich)</time></td></tr>",
            "<td dir=\"auto\">Canada (CAN)</td><td class=\"date\"><time datetime=\"2020-02-27T17:42:00+01:00\">",
            "<span class=\"late\">(late)</span></td><td class=\"number\">1</td>",
            "Silence kept: no member objected to final-draft before 12 March 2020, 23:59:59 CET.",
            "What changed since draft-1: 2 paragraphs modified, 3 inserted, 1 deleted.",
            // The final text: headings two levels down, emphasis, direction.
            "<h3 dir=\"auto\">ITU Council input to the 2020 HLPF</h3>",
            "<h4 dir=\"auto\">1 Introduction</h4>",
            "<p dir=\"auto\">1.2 ICTs are <em>essential</em> enablers of sustainable development.</p>",
            "<p dir=\"auto\">2.1 ITU actively supports the implementation of the 2030 Agenda.</p>",
            "<p dir=\"auto\">2.2 信息通信技术促进可持续发展。</p>",
            "<p dir=\"rtl\">2.3 تدعم تكنولوجيا المعلومات والاتصالات التنمية المستدامة.</p>",
            // The redline.
            "<p class=\"rl modified\" dir=\"auto\">2.1 ITU <ins>actively </ins>supports",
            "<p class=\"rl deleted\" dir=\"auto\"><del>2.2 This paragraph will be deleted.</del></p>",
            "<del>key</del>",
            "<p class=\"rl inserted\" dir=\"rtl\"><ins>2.3 تدعم",
            // The disposition table and the sources.
            "<table class=\"dispositions\">",
            "<td class=\"id\" dir=\"auto\">CAN-2</td>",
            "<code>1111111111111111111111111111111111111111</code>",
            "<code>bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb</code>",
            // Print.
            "@page { size: A4;",
            "@page wide { size: A4 landscape;",
            "tr { break-inside: avoid",
            "section.major { break-before: page; page-break-before: always; }",
            "@top-center { content: \"ITU Council input to the 2020 HLPF — final\";",
        ] {
            #expect(html.contains(needle), "missing: \(needle)")
        }
        let order = ["class=\"titleblock\"", "1. Transmittal summary", "2. Final text", "3. Redline from draft-1 to final",
                     "4. Disposition of comments", "5. Sources"].map { html.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test func titleCannotBreakOutOfTheStyleSheet() {
        var packet = Self.packet()
        packet.title = "A </style><script>x</script> \"title\""
        let html = FinalTextPacket.html(packet)
        #expect(!html.contains("<script"))
        #expect(html.components(separatedBy: "</style>").count == 2)
    }

    @Test func inlineMarkdown() {
        #expect(ExportSupport.inlineHTML("a **b** *c* \\*d\\* <e> & 2 * 3 * 4") == "a <strong>b</strong> <em>c</em> *d* &lt;e&gt; &amp; 2 * 3 * 4")
        #expect(ExportSupport.direction("  123 نص") == "rtl")
        #expect(ExportSupport.direction("2.3 Text نص") == "auto")
    }

    @Test func inlineTextAndDirections() {
        // Plain text and marked text take different routes to the same rules.
        #expect(ExportSupport.inlineHTML("信息 <b> & \"c\"") == "信息 &lt;b&gt; &amp; &quot;c&quot;")
        #expect(ExportSupport.inlineHTML("**信息** \\<") == "<strong>信息</strong> &lt;")
        #expect(ExportSupport.firstStrongDirection("12 — 3") == nil)
        #expect(ExportSupport.firstStrongDirection("12 نص a") == "rtl")
        #expect(ExportSupport.firstStrongDirection("12 é نص") == "auto")
        #expect(TextTrimming.trimming("  Canada\t", in: .whitespaces) == "Canada")
        #expect(TextTrimming.trimming("\u{3000}Canada", in: .whitespaces) == "Canada")
        #expect(TextTrimming.trimming("Canada", in: .whitespaces) == "Canada")
        #expect(TextTrimming.trimming("", in: .whitespaces) == "")
    }

    @Test func htmlPiecesMatchTheWholePacket() {
        let packet = Self.packet()
        let html = FinalTextPacket.html(packet)
        #expect(html.contains(DispositionTable.htmlTable(packet.dispositions)))
        #expect(html.contains(FinalTextPacket.redlineHTML(packet.redline)))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"))
        #expect(html.hasSuffix("</section>\n</body>\n</html>\n"))
    }

    // MARK: - DOCX and PDF

    @Test func missingPandocError() {
        #expect(Pandoc.missingPandoc.kind == .workspace)
        #expect(Pandoc.missingPandoc.message == "pandoc is not installed: DOCX and PDF are made with pandoc")
        #expect(Pandoc.executable(named: "../pandoc") == nil)
        #expect(Pandoc.executable(named: "draftflow-no-such-program") == nil)
    }

    @Test(.enabled(if: Pandoc.locate() != nil)) func docx() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("packet.docx")
        try await Pandoc.convert(html: FinalTextPacket.html(Self.packet()), to: .docx, output: output)

        let xml = try Self.run("/usr/bin/unzip", ["-p", output.path, "word/document.xml"])
        for needle in [
            "2.1 ITU actively supports the implementation of the 2030 Agenda.",
            "2.2 信息通信技术促进可持续发展。",
            "2.3 تدعم تكنولوجيا المعلومات والاتصالات التنمية المستدامة.",
            "President of ECOSOC",
            "16 March 2020",
            "14 February 2020, 10:00:00 CET (Europe/Zurich)",
            "Canada (CAN)",
            "Silence kept: no member objected to final-draft before 12 March 2020, 23:59:59 CET.",
            "What changed since draft-1: 2 paragraphs modified, 3 inserted, 1 deleted.",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "CAN-2",
        ] {
            #expect(xml.contains(needle), "missing in DOCX: \(needle)")
        }
        #expect(xml.contains("&lt;script&gt;"))
        // On A4, in DraftFlow's Word style (reference.docx), not pandoc's US Letter default.
        #expect(xml.contains("<w:pgSz w:h=\"16838\" w:w=\"11906\" />"))
    }

    @Test(.enabled(if: Pandoc.locatePDFEngine() != nil)) func pdf() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("packet.pdf")
        try await Pandoc.convert(html: FinalTextPacket.html(Self.packet()), to: .pdf, output: output)
        let data = try Data(contentsOf: output)
        #expect(data.starts(with: Array("%PDF".utf8)))

        let table = directory.appendingPathComponent("table.pdf")
        try await Pandoc.convert(html: DispositionTable.render(DispositionTableTests.rows, title: "Dispositions", format: .html),
                           to: .pdf, output: table)
        #expect(try Data(contentsOf: table).starts(with: Array("%PDF".utf8)))

        // With poppler-utils, check the text itself.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            let text = try Self.run("/usr/bin/pdftotext", ["-layout", output.path, "-"])
            #expect(text.contains("President of ECOSOC"))
            #expect(text.contains("2030 Agenda"))
            #expect(text.contains("Silence kept"))
        }
    }

    @Test(.enabled(if: Pandoc.locate() != nil)) func failedConversionWritesNothing() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-none-\(UUID().uuidString)/packet.docx")
        await #expect(throws: DraftFlowError.self) {
            try await Pandoc.convert(html: "<p>x</p>", to: .docx, output: output)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// Runs a program and returns its standard output.
    static func run(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
