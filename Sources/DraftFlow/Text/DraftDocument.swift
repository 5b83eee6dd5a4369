import Foundation

/// A draft as DraftFlow stores it: Markdown made of `#`/`##`/`###` headings and paragraphs
/// separated by blank lines.
///
/// Every block has an id (its `anchor`) that delegates cite and records store (README,
/// "Documents and paragraph references"):
/// - a numbered paragraph or section: its number, `4.2.2.3`;
/// - a sub-item `a)`, `(a)`, `a.`, `1)`, `i)`: its parent's id and its label, `3.3 b) 4)`;
/// - a bullet (`•`, `–`, `-`, `*`, `·`): its parent's id and its position, `2.1.1 •2`;
/// - a paragraph with no number: its parent's id and its position, `4.2.2.3 ¶1` (`¶1` before
///   the first numbered block);
/// - a second block with a number already used: an id as if it had no number (`isDuplicate`).
/// Ids hang off the nearest numbered parent, so an insertion in one list renumbers nothing else.
public struct DraftDocument: Sendable, Equatable {

    /// What a block is.
    public enum BlockKind: Sendable, Equatable, Hashable {
        case heading(level: Int)
        case paragraph
    }

    /// How a block is numbered, which decides the form of its id.
    public enum Role: String, Sendable, Equatable, Hashable, Codable {
        /// `2.3 Text`, `## 2 Title`.
        case numbered
        /// `a) Text`, `(a) Text`, `a. Text`, `1) Text`, `i) Text`.
        case subItem = "sub-item"
        /// `• Text`, `– Text`, `- Text`, `* Text`, `· Text`.
        case bullet
        /// Anything else: a title, a quoted heading, text under a list.
        case unnumbered
    }

    /// One heading or paragraph of a draft.
    public struct Block: Sendable, Equatable, Hashable {
        /// Heading (with its level) or paragraph.
        public var kind: BlockKind
        /// The exact source text of the block, its lines joined with "\n" (a heading keeps its `#`s).
        public var text: String
        /// The printed number without a trailing dot ("2" for `## 2. Title`, "2.3" for `2.3 Text`),
        /// or a sub-item's label as printed ("b)", "(b)", "b."); nil for bullets and unnumbered blocks.
        public var number: String?
        /// The block's id (see the type's documentation): "2.3", "3.3 b) 4)", "2.1.1 •2", "4.2.2.3 ¶1", "¶1".
        public var anchor: String
        /// Zero-based position of the block in its document.
        public var index: Int
        /// How the block is numbered.
        public var role: Role
        /// Depth in the outline: a number's count of components (`2.1.1` is 3); a sub-item, bullet
        /// or unnumbered block one more than its parent; 1 for a block with no parent.
        public var level: Int
        /// The id of the block this one hangs off: for a number, the nearest earlier block whose
        /// number it extends (`2.1` for `2.1.1`); nil when there is none.
        public var parent: String?
        /// Whether an earlier block has the same number or label (this one's id is then `¶`-style).
        public var isDuplicate: Bool

        public init(kind: BlockKind, text: String, number: String?, anchor: String, index: Int,
                    role: Role = .unnumbered, level: Int = 1, parent: String? = nil, isDuplicate: Bool = false) {
            self.kind = kind
            self.text = text
            self.number = number
            self.anchor = anchor
            self.index = index
            self.role = role
            self.level = level
            self.parent = parent
            self.isDuplicate = isDuplicate
        }

        /// The text without the heading marker (`## `) and without the leading number or label.
        public var body: String {
            var rest = Substring(text)
            if case .heading = kind {
                rest = rest.drop(while: { $0 == "#" }).drop(while: { $0 == " " || $0 == "\t" })
            }
            if let number {
                rest = rest.dropFirst(number.count)
                if rest.first == "." { rest = rest.dropFirst() }
                rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            } else if role == .bullet {
                rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
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
        indexByAnchor.reserveCapacity(blockTexts.count)
        var assigner = AnchorAssigner()
        for (index, text) in blockTexts.enumerated() {
            let (kind, marker) = DraftDocument.marker(of: text)
            let id = assigner.assign(kind: kind, marker: marker, taken: indexByAnchor)
            indexByAnchor[id.anchor] = index
            blocks.append(Block(kind: kind, text: text, number: marker.printed, anchor: id.anchor, index: index,
                                role: marker.role, level: id.level, parent: id.parent, isDuplicate: id.isDuplicate))
        }
        self.blocks = blocks
        self.indexByAnchor = indexByAnchor
    }

    /// The texts of the blocks, in order.
    public var blockTexts: [String] { blocks.map(\.text) }

    /// The blocks whose number or label an earlier block has already.
    public var duplicates: [Block] { blocks.filter(\.isDuplicate) }

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

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        for i in line where bytes[i] != 0x20 && bytes[i] != 0x09 && bytes[i] != 0x0D { return false }
        return true
    }

    static func isHeadingLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound && bytes[i] == 0x23 { i += 1 }
        let level = i - line.lowerBound
        guard level >= 1 && level <= 6 else { return false }
        return i == line.upperBound || bytes[i] == 0x20 || bytes[i] == 0x09
    }
}
