import DraftFlow
import Foundation
import Testing
@testable import DraftFlowExport

/// Issue 11, item 17: a document too large for pandoc or the PDF engine is refused before the
/// converter starts, saying which measure is over and what to do instead. No large conversion runs
/// here: the refusals come before any program does.
@Suite struct ExportLimitsTests {
    static let fix = "use --format html (it prints to PDF from a browser) or --format md, or split the text into smaller documents"

    @Test func sizeOfADocument() {
        let html = "<!DOCTYPE html>\n<html><head><style>p{}</style></head><body>\n<h1>Title</h1>\n<p>One <ins>two</ins> three</p>\n"
            + "<table><tr><td>a</td><td>bb</td></tr><tr><td>c</td></tr></table>\n<ul><li>x</li></ul><!-- note --></body></html>\n"
        let size = ExportSize(html: html)
        #expect(size.blocks == 5)  // h1, p, two tr, li
        #expect(size.longestBlock == "One <ins>two</ins> three".utf8.count)
        #expect(size.totalBytes == html.utf8.count)
        // Text after the last tag counts, and a document without tags is one block.
        #expect(ExportSize(html: "plain text").longestBlock == 10)
        #expect(ExportSize(html: "").blocks == 0)
    }

    @Test func eachMeasureOverItsLimitIsRefusedWithWhatToDo() throws {
        let limits = ExportLimits(blocks: 2, blockBytes: 10, totalBytes: 100)
        try ExportSize(html: "<p>0123456789</p><p>x</p>").check(limits, for: .docx)
        #expect(throws: DraftFlowError(
            .refused, "the document is too large to convert to DOCX: it has 3 paragraphs, headings and table rows; pandoc is given at most 2 (README.md, \"Export limits\")",
            fix: Self.fix)) {
            try ExportSize(html: "<p>a</p><p>b</p><h2>c</h2>").check(limits, for: .docx)
        }
        #expect(throws: DraftFlowError(
            .refused, "the document is too large to convert to PDF: its longest paragraph is 11 bytes; the PDF engine is given at most 10 (README.md, \"Export limits\")",
            fix: Self.fix)) {
            try ExportSize(html: "<p>0123456789a</p>").check(limits, for: .pdf)
        }
        #expect(throws: DraftFlowError(
            .refused, "the document is too large to convert to PDF: it is 108 bytes of HTML; the PDF engine is given at most 100 (README.md, \"Export limits\")",
            fix: Self.fix)) {
            try ExportSize(html: String(repeating: "<hr>", count: 27)).check(limits, for: .pdf)
        }
    }

    @Test func numbersAreGroupedAsTheReadmeWritesThem() {
        #expect(ExportSize.grouped(7) == "7")
        #expect(ExportSize.grouped(20_000) == "20,000")
        #expect(ExportSize.grouped(1_000_000) == "1,000,000")
    }

    @Test func theMeasuredLimits() {
        #expect(ExportLimits.docx == ExportLimits(blocks: 20_000, blockBytes: 50_000, totalBytes: 8_000_000))
        #expect(ExportLimits.pdf == ExportLimits(blocks: 10_000, blockBytes: 500_000, totalBytes: 8_000_000))
        #expect(ExportLimits.memoryBytes == 4 << 30)
    }

    /// The conversion refuses before it starts anything: the output is not written, and pandoc need
    /// not even be installed.
    @Test(arguments: Pandoc.OutputFormat.allCases)
    func convertRefusesBeforeRunningTheConverter(format: Pandoc.OutputFormat) async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("draftflow-limits-\(UUID().uuidString).\(format.rawValue)")
        let blocks = format == .docx ? 20_000 : 10_000
        let many = "<html><body>" + String(repeating: "<p>x</p>\n", count: blocks + 1) + "</body></html>"
        let converter = format == .docx ? "pandoc" : "the PDF engine"
        await #expect(throws: DraftFlowError(
            .refused, "the document is too large to convert to \(format.rawValue.uppercased()): it has \(ExportSize.grouped(blocks + 1)) paragraphs, headings and table rows; \(converter) is given at most \(ExportSize.grouped(blocks)) (README.md, \"Export limits\")",
            fix: Self.fix)) {
            try await Pandoc.convert(html: many, to: format, output: output)
        }
        let long = "<html><body><p>" + String(repeating: "a", count: format == .docx ? 50_001 : 500_001) + "</p></body></html>"
        let limit = format == .docx ? "50,000" : "500,000"
        let length = format == .docx ? "50,001" : "500,001"
        await #expect(throws: DraftFlowError(
            .refused, "the document is too large to convert to \(format.rawValue.uppercased()): its longest paragraph is \(length) bytes; \(converter) is given at most \(limit) (README.md, \"Export limits\")",
            fix: Self.fix)) {
            try await Pandoc.convert(html: long, to: format, output: output)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
