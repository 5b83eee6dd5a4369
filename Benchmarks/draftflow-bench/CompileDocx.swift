import Foundation

/// `compile --format docx` of the first round (every proposal a tracked change in its member's name,
/// every comment a Word comment), beside its peer: pandoc converting the same compilation as
/// Markdown (`compile -o compilation.md`) to DOCX, which is what a secretariat without DraftFlow's
/// Word writer would run. The peer's Word file has no tracked changes and no Word comments: it is
/// the conversion alone, a lower bound of the work.
struct CompileDocxResult {
    var docx: RunResult
    var docxBytes = 0
    var markdown: RunResult
    var markdownBytes = 0
    var pandoc: RunResult?
    var pandocBytes = 0
    /// Why DraftFlow wrote no DOCX (a refusal: exit status and its first line), if it did not.
    var refusal: String?
}

extension Bench {
    func compileDocx(round: String, at: Date) throws -> CompileDocxResult {
        let docxPath = "\(root)/out/compilation-\(round).docx"
        let markdownPath = "\(root)/out/compilation-\(round).md"
        let docx = try df(["compile", "--workspace", workspace, "--round", round, "--format", "docx", "-o", docxPath], at: at,
                          allowed: [0, 3], measureOnly: true)
        let markdown = try df(["compile", "--workspace", workspace, "--round", round, "-o", markdownPath], at: at, measureOnly: true)
        var result = CompileDocxResult(docx: docx, markdown: markdown)
        result.docxBytes = fileSize(docxPath)
        result.markdownBytes = fileSize(markdownPath)
        if docx.status != 0 {
            result.refusal = "exit \(docx.status): " + (runner.lastStandardError().split(separator: "\n").first.map(String.init) ?? "")
        }
        let pandocPath = "\(root)/out/compilation-\(round)-pandoc.docx"
        let pandoc = try runner.run("pandoc", ["-f", "markdown", "-t", "docx", markdownPath, "-o", pandocPath], allowed: Set(0...255))
        result.pandoc = pandoc
        result.pandocBytes = fileSize(pandocPath)
        note("    compile --format docx: draftflow \(seconds(docx.seconds)) [\(Int(docx.megabytes)) MB], "
             + "pandoc on the Markdown \(seconds(pandoc.seconds)) [\(Int(pandoc.megabytes)) MB]")
        return result
    }
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
}

/// The compile-DOCX rows of a scale's report.
func compileDocxReport(_ c: CompileDocxResult) -> [String] {
    let pandoc = c.pandoc ?? RunResult(status: -1, seconds: 0, maxRSSKB: 0)
    return [
        "Compile DOCX of the first round (`draftflow compile --round R --format docx`: proposals as tracked changes, comments as Word comments), "
            + "beside `pandoc -f markdown -t docx` of the same compilation as Markdown (no tracked changes, no Word comments: the conversion alone).",
        "",
        "| step | wall | CPU | peak memory | output |",
        "|---|---|---|---|---|",
        "| ratio DraftFlow DOCX / pandoc (wall) | \(ratioText(c.docx.seconds, pandoc.seconds)) | \(ratioText(c.docx.cpuSeconds, pandoc.cpuSeconds)) | "
            + "\(ratioText(Double(c.docx.maxRSSKB), Double(pandoc.maxRSSKB))) | |",
        "| `draftflow compile --format docx` | \(seconds(c.docx.seconds)) | \(seconds(c.docx.cpuSeconds)) | \(megabytes(c.docx.maxRSSKB)) | "
            + (c.refusal.map { "REFUSED (\($0))" } ?? "\(c.docxBytes / 1000) KB") + " |",
        "| `pandoc -f markdown -t docx compilation.md` | \(seconds(pandoc.seconds)) | \(seconds(pandoc.cpuSeconds)) | \(megabytes(pandoc.maxRSSKB)) | "
            + (pandoc.status == 0 ? "\(c.pandocBytes / 1000) KB" : "FAILED (exit \(pandoc.status))") + " |",
        "| `draftflow compile` (Markdown, the peer's input) | \(seconds(c.markdown.seconds)) | \(seconds(c.markdown.cpuSeconds)) | "
            + "\(megabytes(c.markdown.maxRSSKB)) | \(c.markdownBytes / 1000) KB |",
        "",
    ]
}
