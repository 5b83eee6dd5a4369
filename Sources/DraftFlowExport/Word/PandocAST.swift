import Foundation

/// The few parts of pandoc's document model (its JSON AST, API 1.22) that DraftFlow's Word documents
/// are made of. Pandoc's DOCX writer turns a span of class `insertion` or `deletion` with an
/// `author` and a `date` into a tracked change (`w:ins`, `w:del`), a `comment-start` span (its
/// content the comment's text) and a `comment-end` span of the same id into a Word comment on what
/// lies between, a `custom-style` attribute into a Word style, and an `openxml` raw block into
/// WordprocessingML as it is (a section break).
public struct PandocAttributes: Sendable, Equatable {
    public var id = ""
    public var classes: [String] = []
    public var pairs: [[String]] = []

    public init(id: String = "", classes: [String] = [], pairs: [(String, String)] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs.map { [$0.0, $0.1] }
    }

    /// `custom-style="NAME"`: a Word paragraph style (on a Div) or character style (on a Span).
    public static func style(_ name: String) -> PandocAttributes {
        PandocAttributes(pairs: [("custom-style", name)])
    }
}

public indirect enum PandocInline: Sendable, Equatable {
    /// Text; a line end in it becomes a line break.
    case text(String)
    case strong([PandocInline])
    case emph([PandocInline])
    case span(PandocAttributes, [PandocInline])

    /// A tracked insertion of `text` by `author` at `date` (ISO 8601, UTC).
    public static func insertion(_ text: String, author: String, date: String) -> PandocInline {
        .span(PandocAttributes(classes: ["insertion"], pairs: [("author", author), ("date", date)]), [.text(text)])
    }

    /// A tracked deletion of `text` by `author` at `date`.
    public static func deletion(_ text: String, author: String, date: String) -> PandocInline {
        .span(PandocAttributes(classes: ["deletion"], pairs: [("author", author), ("date", date)]), [.text(text)])
    }

    /// Where comment `id` starts; `text` is the comment itself.
    public static func commentStart(id: String, author: String, date: String, text: [PandocInline]) -> PandocInline {
        .span(PandocAttributes(id: id, classes: ["comment-start"], pairs: [("author", author), ("date", date)]), text)
    }

    public static func commentEnd(id: String) -> PandocInline {
        .span(PandocAttributes(id: id, classes: ["comment-end"]), [])
    }
}

public indirect enum PandocBlock: Sendable, Equatable {
    case para([PandocInline])
    case plain([PandocInline])
    case header(Int, [PandocInline])
    case div(PandocAttributes, [PandocBlock])
    /// WordprocessingML put in the body as it is.
    case openXML(String)
    case table(PandocTable)

    /// A paragraph in the Word style `style`.
    public static func styled(_ style: String, _ inlines: [PandocInline]) -> PandocBlock {
        .div(.style(style), [.para(inlines)])
    }
}

/// A table: each column's share of the text width, one heading row (or none), the body rows; a cell is blocks.
public struct PandocTable: Sendable, Equatable {
    public var widths: [Double]
    public var head: [[PandocBlock]]
    public var rows: [[[PandocBlock]]]

    public init(widths: [Double], head: [[PandocBlock]], rows: [[[PandocBlock]]]) {
        self.widths = widths
        self.head = head
        self.rows = rows
    }
}

/// A whole document in pandoc's JSON.
public struct PandocDocument: Sendable, Equatable {
    public var blocks: [PandocBlock]
    /// Document properties (title, subject), as plain strings.
    public var meta: [String: String]

    public init(blocks: [PandocBlock], meta: [String: String] = [:]) {
        self.blocks = blocks
        self.meta = meta
    }

    /// The document as pandoc reads it with `-f json`.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONDocument(document: self))
    }
}

// MARK: - Encoding

private struct JSONDocument: Encodable {
    let document: PandocDocument

    enum Keys: String, CodingKey { case apiVersion = "pandoc-api-version", meta, blocks }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode([1, 22, 2, 1], forKey: .apiVersion)
        var meta: [String: Node] = [:]
        for (key, value) in document.meta {
            meta[key] = Node(tag: "MetaInlines", content: Node.inlines([.text(value)]))
        }
        try container.encode(meta, forKey: .meta)
        try container.encode(document.blocks.map(Node.block), forKey: .blocks)
    }
}

/// One JSON value of the AST.
private indirect enum Value: Encodable {
    case string(String)
    case int(Int)
    case double(Double)
    case null
    case node(Node)
    case list([Value])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .int(let i): var c = encoder.singleValueContainer(); try c.encode(i)
        case .double(let d): var c = encoder.singleValueContainer(); try c.encode(d)
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .node(let n): try n.encode(to: encoder)
        case .list(let values):
            var c = encoder.unkeyedContainer()
            for value in values { try c.encode(value) }
        }
    }
}

/// `{"t": tag, "c": content}`, or `{"t": tag}` without content.
private struct Node: Encodable {
    let tag: String
    let content: Value?

    enum Keys: String, CodingKey { case t, c }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(tag, forKey: .t)
        if let content { try container.encode(content, forKey: .c) }
    }

    static func attributes(_ a: PandocAttributes) -> Value {
        .list([.string(a.id), .list(a.classes.map(Value.string)), .list(a.pairs.map { .list($0.map(Value.string)) })])
    }

    static let noAttributes = attributes(PandocAttributes())

    static func inlines(_ inlines: [PandocInline]) -> Value {
        var out: [Value] = []
        for inline in inlines {
            switch inline {
            case .text(let text):
                var first = true
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    if !first { out.append(.node(Node(tag: "LineBreak", content: nil))) }
                    first = false
                    if !line.isEmpty { out.append(.node(Node(tag: "Str", content: .string(String(line))))) }
                }
            case .strong(let inner): out.append(.node(Node(tag: "Strong", content: Node.inlines(inner))))
            case .emph(let inner): out.append(.node(Node(tag: "Emph", content: Node.inlines(inner))))
            case .span(let a, let inner): out.append(.node(Node(tag: "Span", content: .list([attributes(a), Node.inlines(inner)]))))
            }
        }
        return .list(out)
    }

    static func block(_ block: PandocBlock) -> Value {
        switch block {
        case .para(let inlines): return .node(Node(tag: "Para", content: Node.inlines(inlines)))
        case .plain(let inlines): return .node(Node(tag: "Plain", content: Node.inlines(inlines)))
        case .header(let level, let inlines): return .node(Node(tag: "Header", content: .list([.int(level), noAttributes, Node.inlines(inlines)])))
        case .div(let a, let blocks): return .node(Node(tag: "Div", content: .list([attributes(a), .list(blocks.map(Node.block))])))
        case .openXML(let xml): return .node(Node(tag: "RawBlock", content: .list([.string("openxml"), .string(xml)])))
        case .table(let table): return Node.table(table)
        }
    }

    static func cell(_ blocks: [PandocBlock]) -> Value {
        .list([noAttributes, .node(Node(tag: "AlignDefault", content: nil)), .int(1), .int(1), .list(blocks.map(Node.block))])
    }

    static func row(_ cells: [[PandocBlock]]) -> Value {
        .list([noAttributes, .list(cells.map(cell))])
    }

    static func table(_ table: PandocTable) -> Value {
        let specs = Value.list(table.widths.map { .list([.node(Node(tag: "AlignDefault", content: nil)), .node(Node(tag: "ColWidth", content: .double($0)))]) })
        let head = Value.list([noAttributes, .list(table.head.isEmpty ? [] : [row(table.head)])])
        let body = Value.list([noAttributes, .int(0), .list([]), .list(table.rows.map(row))])
        let foot = Value.list([noAttributes, .list([])])
        return .node(Node(tag: "Table", content: .list([noAttributes, .list([.null, .list([])]), specs, head, .list([body]), foot])))
    }
}
