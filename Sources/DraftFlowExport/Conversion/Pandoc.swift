import DraftFlow
import Foundation

/// Turns the HTML exports into DOCX (with pandoc) and PDF (with an HTML-to-PDF engine), running the
/// programs found on `PATH` directly, never through a shell (`ProcessRunner`).
///
/// PDF is made by the engine from DraftFlow's own HTML rather than through `pandoc --pdf-engine`:
/// pandoc's HTML reader drops the `<style>` element, so its route loses the page size, the
/// landscape disposition table, the table borders and the colours of the redline.
public enum Pandoc {

    public enum OutputFormat: String, CaseIterable, Sendable {
        case docx, pdf
    }

    /// The programs that can print HTML to PDF, in order of preference.
    public enum PDFEngine: String, CaseIterable, Sendable {
        case weasyprint, wkhtmltopdf, chromium

        /// The executable names tried on `PATH`.
        var executableNames: [String] {
            switch self {
            case .weasyprint: return ["weasyprint"]
            case .wkhtmltopdf: return ["wkhtmltopdf"]
            case .chromium: return ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
            }
        }
    }

    /// How long a conversion may take before it is stopped. A document within `ExportLimits` was
    /// measured to take at most a fifth of it.
    public static let timeout: TimeInterval = 180

    /// The `pandoc` executable on `PATH`, if any.
    public static func locate() -> URL? {
        executable(named: "pandoc")
    }

    /// The first PDF engine found on `PATH`, with its executable.
    public static func locatePDFEngine() -> (engine: PDFEngine, executable: URL)? {
        for engine in PDFEngine.allCases {
            for name in engine.executableNames {
                if let url = executable(named: name) { return (engine, url) }
            }
        }
        return nil
    }

    /// Whether `format` can be made on this machine.
    public static func isAvailable(_ format: OutputFormat) -> Bool {
        switch format {
        case .docx: return locate() != nil
        case .pdf: return locatePDFEngine() != nil
        }
    }

    /// An executable file called `name` in one of the `PATH` directories.
    public static func executable(named name: String) -> URL? {
        guard !name.isEmpty, !name.contains("/") else { return nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let fileManager = FileManager.default
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = URL(fileURLWithPath: String(directory), isDirectory: true).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               fileManager.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    /// Converts a complete HTML document to `format` and writes it to `output` (replacing any file
    /// there). Nothing is written at `output` when the conversion fails. A document larger than
    /// `ExportLimits` is refused before the converter starts; the converter runs with `timeout` and
    /// at most `ExportLimits.memoryBytes` of address space.
    /// A DOCX is on A4 in `reference.docx`'s styles, `header` in its page header.
    public static func convert(html: String, to format: OutputFormat, output: URL, header: String = "") async throws {
        try ExportSize(html: html).check(ExportLimits.limits(for: format), for: format)
        try await inWorkFolder(format: format, output: output) { work, result in
            let input = work.appendingPathComponent("input.html")
            do {
                try Data(html.utf8).write(to: input)
            } catch {
                throw DraftFlowError(.storage, "cannot write the temporary HTML file: \(error.localizedDescription)")
            }
            switch format {
            case .docx:
                guard let pandoc = locate() else { throw missingPandoc }
                // A4 in DraftFlow's style, as the Word documents made from pandoc JSON (`writeDocx`).
                let reference = work.appendingPathComponent("reference.docx")
                do {
                    try referenceDocument(header: header).write(to: reference)
                } catch let error as DraftFlowError {
                    throw error
                } catch {
                    throw DraftFlowError(.storage, "cannot write the temporary reference document: \(error.localizedDescription)")
                }
                try await run(pandoc, ["-f", "html", "-t", "docx", "--reference-doc", reference.path, "-o", result.path, input.path],
                              name: "pandoc", in: work, boundedMemory: true)
            case .pdf:
                try await printPDF(input, to: result, in: work)
            }
        }
    }

    /// Runs `convert(work, result)` in a new temporary folder, then checks that it made a `format`
    /// file at `result` and writes that file to `output`. The folder is removed afterwards.
    static func inWorkFolder(format: OutputFormat, output: URL, _ convert: (URL, URL) async throws -> Void) async throws {
        let fileManager = FileManager.default
        let work = fileManager.temporaryDirectory.appendingPathComponent("draftflow-export-\(UUID().uuidString)", isDirectory: true)
        do {
            try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw DraftFlowError(.storage, "cannot create a temporary folder for the conversion: \(error.localizedDescription)")
        }
        defer { try? fileManager.removeItem(at: work) }
        let result = work.appendingPathComponent("output.\(format.rawValue)")
        try await convert(work, result)
        guard let data = try? Data(contentsOf: result), !data.isEmpty else {
            throw DraftFlowError(.storage, "the \(format.rawValue.uppercased()) conversion produced no file")
        }
        let magic: [UInt8] = format == .pdf ? Array("%PDF".utf8) : [0x50, 0x4B, 0x03, 0x04]
        guard Array(data.prefix(magic.count)) == magic else {
            throw DraftFlowError(.storage, "the \(format.rawValue.uppercased()) conversion produced a file that is not \(format.rawValue.uppercased())")
        }
        do {
            try data.write(to: output, options: .atomic)
        } catch {
            throw DraftFlowError(.storage, "cannot write \(output.path): \(error.localizedDescription)",
                                 fix: "check that the folder exists and can be written")
        }
    }

    /// Prints the HTML file `input` to the PDF file `result` with the first engine found.
    static func printPDF(_ input: URL, to result: URL, in work: URL) async throws {
        guard let found = locatePDFEngine() else { throw missingPDFEngine }
        let executable = found.executable
        switch found.engine {
        case .weasyprint:
            try await run(executable, ["--encoding", "utf-8", input.path, result.path], name: "weasyprint", in: work, boundedMemory: true)
        case .wkhtmltopdf:
            try await run(executable, ["--quiet", "--encoding", "utf-8", "--enable-local-file-access", "--page-size", "A4",
                                       "--print-media-type", input.path, result.path],
                          name: "wkhtmltopdf", in: work)
        case .chromium:
            let profile = work.appendingPathComponent("profile", isDirectory: true)
            try await run(executable, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions",
                                       "--no-first-run", "--user-data-dir=\(profile.path)", "--no-pdf-header-footer",
                                       "--print-to-pdf-no-header", "--print-to-pdf=\(result.path)",
                                       input.absoluteString],
                          name: executable.lastPathComponent, in: work)
        }
    }

    // MARK: - Errors

    static let missingPandoc = DraftFlowError(
        .workspace, "pandoc is not installed: DOCX and PDF are made with pandoc",
        fix: "install it with `sudo apt-get install -y pandoc` (and weasyprint for PDF), or use --format html or md")

    static let missingPDFEngine = DraftFlowError(
        .workspace, "no PDF engine is installed: PDF is made with weasyprint, wkhtmltopdf or chromium",
        fix: "install one with `sudo apt-get install -y weasyprint fonts-wqy-microhei` (the font covers Chinese), or use --format html, md or docx")

    /// Runs a converter with `timeout`, and with `ExportLimits.memoryBytes` when `boundedMemory`
    /// (pandoc and WeasyPrint; the browsers reserve more address space than they use).
    static func run(_ executable: URL, _ arguments: [String], name: String, in directory: URL,
                    boundedMemory: Bool = false) async throws {
        try await ProcessRunner.run(executable, arguments, name: name, in: directory, timeout: timeout,
                                    memoryLimit: boundedMemory ? ExportLimits.memoryBytes : nil)
    }
}
