import Foundation

/// A draft as DraftFlow stores it: Markdown made of `#`/`##`/`###` headings and paragraphs
/// separated by blank lines. List items such as `(a) text` are ordinary paragraphs.
public struct DraftDocument: Sendable, Equatable {

    /// What a block is.
    public enum BlockKind: Sendable, Equatable, Hashable {
        case heading(level: Int)
        case paragraph
    }

    /// One heading or paragraph of a draft.
    public struct Block: Sendable, Equatable, Hashable {
        /// Heading (with its level) or paragraph.
        public var kind: BlockKind
        /// The exact source text of the block, its lines joined with "\n" (a heading keeps its `#`s).
        public var text: String
        /// The leading number, without a trailing dot: "2" for `## 2. Title`, "2.3" for `2.3 Text`.
        public var number: String?
        /// `number` when the block has one (and no earlier block has the same), else "¶n" for the n-th block.
        public var anchor: String
        /// Zero-based position of the block in its document.
        public var index: Int

        public init(kind: BlockKind, text: String, number: String?, anchor: String, index: Int) {
            self.kind = kind
            self.text = text
            self.number = number
            self.anchor = anchor
            self.index = index
        }

        /// The text without the heading marker (`## `) and without the leading number.
        public var body: String {
            var rest = Substring(text)
            if case .heading = kind {
                rest = rest.drop(while: { $0 == "#" }).drop(while: { $0 == " " || $0 == "\t" })
            }
            if let number {
                rest = rest.dropFirst(number.count)
                if rest.first == "." { rest = rest.dropFirst() }
                rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            }
            return String(rest)
        }
    }

    /// The blocks, in document order.
    public private(set) var blocks: [Block]
    private var indexByAnchor: [String: Int]

    /// Builds a document whose blocks are exactly `blockTexts` (each taken as one block, never split),
    /// classifying each one and assigning anchors.
    public init(blockTexts: [String]) {
        var blocks: [Block] = []
        blocks.reserveCapacity(blockTexts.count)
        var indexByAnchor: [String: Int] = [:]
        for (index, text) in blockTexts.enumerated() {
            let (kind, number) = DraftDocument.classify(text)
            var anchor = "¶\(index + 1)"
            if let number, indexByAnchor[number] == nil { anchor = number }
            indexByAnchor[anchor] = index
            blocks.append(Block(kind: kind, text: text, number: number, anchor: anchor, index: index))
        }
        self.blocks = blocks
        self.indexByAnchor = indexByAnchor
    }

    /// The texts of the blocks, in order.
    public var blockTexts: [String] { blocks.map(\.text) }

    /// Parses Markdown text. Blank (whitespace-only) lines separate blocks; a heading line is always
    /// a block of its own. Line ends "\r\n" are read as "\n".
    public static func parse(_ text: String) -> DraftDocument {
        DraftDocument(blockTexts: splitBlocks(text))
    }

    /// The text of the document: blocks joined by a blank line, with a final newline ("" when empty).
    public func render() -> String {
        DraftDocument.render(blockTexts: blocks.map(\.text))
    }

    /// Renders block texts the way `render()` does.
    public static func render(blockTexts: [String]) -> String {
        blockTexts.isEmpty ? "" : blockTexts.joined(separator: "\n\n") + "\n"
    }

    /// The block with this anchor, if any.
    public func block(anchor: String) -> Block? {
        indexByAnchor[anchor].map { blocks[$0] }
    }

    /// The index of the block with this anchor, if any.
    public func index(ofAnchor anchor: String) -> Int? {
        indexByAnchor[anchor]
    }

    // MARK: - Parsing

    /// Splits text into block texts, working on UTF-8 bytes for speed.
    static func splitBlocks(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var blocks: [String] = []
            var joined: [UInt8] = []
            scanBlocks(bytes) { lines in
                guard let first = lines.first, let last = lines.last else { return }
                if lines.count == 1 || isContiguous(lines) {
                    blocks.append(String(decoding: bytes[first.lowerBound..<last.upperBound], as: UTF8.self))
                } else {
                    joined.removeAll(keepingCapacity: true)
                    appendJoined(lines, of: bytes, to: &joined)
                    blocks.append(String(decoding: joined, as: UTF8.self))
                }
            }
            return blocks
        }
    }

    /// Calls `body` with the line ranges (line ends and a trailing "\r" left out) of each block of
    /// `bytes`, in order: blank (whitespace-only) lines separate blocks, a heading line is a block
    /// of its own. A block's text is its lines joined with "\n".
    static func scanBlocks(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (ArraySlice<Range<Int>>) throws -> Void) rethrows {
        var current: [Range<Int>] = []  // line ranges of the block being read
        func flush() throws {
            guard !current.isEmpty else { return }
            try body(current[...])
            current.removeAll(keepingCapacity: true)
        }
        var lineStart = 0
        let count = bytes.count
        while lineStart <= count {
            var lineEnd = lineStart
            if let base = bytes.baseAddress, lineStart < count,
               let found = memchr(base + lineStart, 0x0A, count - lineStart) {
                lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                lineEnd = count
            }
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = lineStart..<contentEnd
            if isBlank(bytes, line) {
                try flush()
            } else if isHeadingLine(bytes, line) {
                try flush()
                current.append(line)
                try flush()
            } else {
                current.append(line)
            }
            if lineEnd >= count { break }
            lineStart = lineEnd + 1
        }
        try flush()
    }

    /// Whether the lines follow each other separated by a single "\n", so that their text joined
    /// with "\n" is the bytes from the first line's start to the last one's end.
    static func isContiguous(_ lines: ArraySlice<Range<Int>>) -> Bool {
        var previous: Range<Int>?
        for line in lines {
            if let previous, line.lowerBound != previous.upperBound + 1 { return false }
            previous = line
        }
        return true
    }

    /// Appends the lines' bytes joined with "\n".
    static func appendJoined(_ lines: ArraySlice<Range<Int>>, of bytes: UnsafeBufferPointer<UInt8>, to joined: inout [UInt8]) {
        for (i, line) in lines.enumerated() {
            if i > 0 { joined.append(0x0A) }
            joined.append(contentsOf: bytes[line])
        }
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        for i in line where bytes[i] != 0x20 && bytes[i] != 0x09 && bytes[i] != 0x0D { return false }
        return true
    }

    private static func isHeadingLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound && bytes[i] == 0x23 { i += 1 }
        let level = i - line.lowerBound
        guard level >= 1 && level <= 6 else { return false }
        return i == line.upperBound || bytes[i] == 0x20 || bytes[i] == 0x09
    }

    /// The kind and leading number of one block's text.
    public static func classify(_ text: String) -> (kind: BlockKind, number: String?) {
        let bytes = Array(text.utf8.prefix(64))
        var i = 0
        while i < bytes.count && bytes[i] == 0x23 { i += 1 }
        let isHeading = i >= 1 && i <= 6 && (i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x09)
        if isHeading {
            let level = i
            while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            return (.heading(level: level), leadingNumber(bytes, from: i, bareIntegerAllowed: true))
        }
        return (.paragraph, leadingNumber(bytes, from: 0, bareIntegerAllowed: false))
    }

    /// Reads `2`, `2.`, `2.3`, `2.3.` followed by a space or tab. Each component has 1 to 3 digits,
    /// so a year opening a sentence ("2020 was…") is not taken for a number. A paragraph needs a dot
    /// ("1." or "2.3") to count as numbered; a heading may carry a bare "2".
    private static func leadingNumber(_ bytes: [UInt8], from start: Int, bareIntegerAllowed: Bool) -> String? {
        var i = start
        var numberEnd = start
        var sawDot = false
        while true {
            let digitsStart = i
            while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            let digits = i - digitsStart
            if digits == 0 || digits > 3 { return nil }
            numberEnd = i
            if i < bytes.count && bytes[i] == 0x2E {  // "."
                sawDot = true
                i += 1
                if i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { continue }
            }
            break
        }
        guard i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 else { return nil }
        guard sawDot || bareIntegerAllowed else { return nil }
        return String(decoding: bytes[start..<numberEnd], as: UTF8.self)
    }
}
