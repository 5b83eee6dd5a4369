import DraftFlow

/// How large a document pandoc (DOCX) and the PDF engine may be given. Both slow down sharply with
/// size: pandoc's HTML reader takes about 80 KB of memory a block and becomes very slow on one
/// long paragraph; WeasyPrint lays a long paragraph out in time that grows faster than its length.
/// The limits are the sizes measured on the development machine with headroom (BENCHMARKS.md,
/// "Large exports"); a larger document is refused before the converter starts, with what to do
/// instead, rather than running until the time limit.
public struct ExportLimits: Sendable, Equatable {
    /// The most blocks (paragraphs, headings, list items and table rows).
    public var blocks: Int
    /// The longest block, in UTF-8 bytes of HTML.
    public var blockBytes: Int
    /// The whole HTML document, in bytes.
    public var totalBytes: Int

    public init(blocks: Int, blockBytes: Int, totalBytes: Int) {
        self.blocks = blocks
        self.blockBytes = blockBytes
        self.totalBytes = totalBytes
    }

    /// Pandoc, HTML to DOCX: a packet of 20,000 blocks (a 10,000-paragraph draft) took 30 s and 1 GB
    /// on the loaded development machine; one block of 50 KB took 3 s, one of 70 KB 28 s, one of
    /// 100 KB 60 to 80 s.
    public static let docx = ExportLimits(blocks: 20_000, blockBytes: 50_000, totalBytes: 8_000_000)
    /// A whole Word document, given to pandoc in pieces of at most `docx` each (`WordPieces`):
    /// pandoc's memory is then bounded by a piece, and its time grows with the pieces. The packet of
    /// a 100,000-paragraph draft has 201,630 blocks (BENCHMARKS.md, "Issue 17: new workloads");
    /// the longest block is still `docx`'s, since a piece cannot cut a paragraph.
    public static let docxDocument = ExportLimits(blocks: 250_000, blockBytes: 50_000, totalBytes: Int.max)
    /// WeasyPrint, HTML to PDF: a packet of 20,000 blocks took 155 s on the loaded machine, too close
    /// to the time limit, so half that; one block of 1 MB took 16 s, one of 2 MB over three minutes,
    /// one of 5 MB did not finish in 180 s.
    public static let pdf = ExportLimits(blocks: 10_000, blockBytes: 500_000, totalBytes: 8_000_000)

    public static func limits(for format: Pandoc.OutputFormat) -> ExportLimits {
        format == .docx ? docx : pdf
    }

    /// The address space a converter may take (RLIMIT_AS, set with `prlimit`): 4 GiB, about twice
    /// what the largest accepted document was measured to need.
    public static let memoryBytes = 4 << 30
}

/// The size of an HTML document as a converter sees it.
public struct ExportSize: Sendable, Equatable {
    public var blocks = 0
    public var longestBlock = 0
    public var totalBytes = 0
    /// What `totalBytes` measures, for the refusal: "HTML", or "pandoc JSON" for a Word document.
    public var measure = "HTML"

    /// Elements that open a block counted by `blocks`.
    private static let counted: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr"]
    /// Elements inside a block: every other tag ends the block being measured.
    private static let inline: Set<String> = ["a", "b", "br", "code", "del", "em", "i", "ins", "mark", "s", "small",
                                              "span", "strong", "sub", "sup", "time", "u", "wbr"]

    init() {}

    /// Measures `html` in one pass over its bytes. DraftFlow's HTML escapes every `<` in text, so
    /// each `<` opens a tag (or a comment, which has no name and is skipped).
    public init(html: String) {
        totalBytes = html.utf8.count
        var blockStart = 0
        var offset = 0
        var tag: (start: Int, closing: Bool, name: [UInt8], named: Bool)?
        for byte in html.utf8 {
            if var current = tag {
                if byte == UInt8(ascii: ">") {
                    let name = String(decoding: current.name, as: UTF8.self)
                    if !name.isEmpty, !Self.inline.contains(name) {
                        longestBlock = max(longestBlock, current.start - blockStart)
                        blockStart = offset + 1
                        if !current.closing, Self.counted.contains(name) { blocks += 1 }
                    }
                    tag = nil
                } else {
                    if !current.named {
                        switch byte {
                        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.name.append(byte)
                        case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.name.append(byte | 0x20)
                        case UInt8(ascii: "/") where current.name.isEmpty: current.closing = true
                        default: current.named = true
                        }
                    }
                    tag = current
                }
            } else if byte == UInt8(ascii: "<") {
                tag = (offset, false, [], false)
            }
            offset += 1
        }
        longestBlock = max(longestBlock, offset - blockStart)
    }

    /// Refuses a document larger than `limits` for `format`, saying which measure is over and what to
    /// do instead.
    public func check(_ limits: ExportLimits, for format: Pandoc.OutputFormat) throws {
        let what = format.rawValue.uppercased()
        let converter = format == .docx ? "pandoc" : "the PDF engine"
        let found: String
        if blocks > limits.blocks {
            found = "it has \(Self.grouped(blocks)) paragraphs, headings and table rows; \(converter) is given at most \(Self.grouped(limits.blocks))"
        } else if longestBlock > limits.blockBytes {
            found = "its longest paragraph is \(Self.grouped(longestBlock)) bytes; \(converter) is given at most \(Self.grouped(limits.blockBytes))"
        } else if totalBytes > limits.totalBytes {
            found = "it is \(Self.grouped(totalBytes)) bytes of \(measure); \(converter) is given at most \(Self.grouped(limits.totalBytes))"
        } else {
            return
        }
        throw DraftFlowError(
            .refused, "the document is too large to convert to \(what): \(found) (README.md, \"Export limits\")",
            fix: ProcessRunner.tooLargeFix)
    }

    /// 20000 as "20,000", the way the README writes numbers.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
