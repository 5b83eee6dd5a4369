import CLibXML2
import Foundation

/// An HTML body reduced to text by libxml2's HTML parser (lenient, as mail clients' HTML needs):
/// paragraphs and line breaks become lines, `<h1>`/`<h2>` become `#`/`##` headings (so a comment
/// file written in HTML reads as one in Markdown), list items start with `- `, a `<blockquote>`'s
/// lines start with `> ` (a quoted reply), and scripts, styles and the head are left out.
public enum HTMLText {
    /// libxml2 set up once before its first parse: bodies are reduced on every core, and libxml2
    /// wants `xmlInitParser` called before it is used from several threads.
    private static let ready: Bool = {
        xmlInitParser()
        return true
    }()

    public static func text(_ html: String) -> String {
        precondition(ready)
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return "" }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return "" }
        defer { xmlFreeDoc(document) }
        var writer = Writer()
        if let root = xmlDocGetRootElement(document) { writer.walk(root, quoteDepth: 0, preformatted: false) }
        return writer.finished()
    }

    private struct Writer {
        var lines: [String] = [""]
        var prefix = ""

        static let blocks: Set<String> = ["p", "div", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "section", "article", "header", "footer", "dl", "dt", "dd", "hr"]
        static let skipped: Set<String> = ["script", "style", "head", "title", "template"]

        mutating func breakLine() {
            if lines.last != prefix { lines.append(prefix) }
        }

        mutating func blankLine() {
            breakLine()
            if lines.count >= 2, lines[lines.count - 2].trimmingCharacters(in: .whitespaces) == prefix.trimmingCharacters(in: .whitespaces) { return }
            lines.append(prefix)
        }

        mutating func append(_ text: String, preformatted: Bool) {
            if preformatted {
                for (index, piece) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { lines.append(prefix) }
                    lines[lines.count - 1] += piece
                }
                return
            }
            var collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            if let first = text.unicodeScalars.first, first == " " || first == "\n" || first == "\t" { collapsed = " " + collapsed }
            if let last = text.unicodeScalars.last, last == " " || last == "\n" || last == "\t", !collapsed.hasSuffix(" ") { collapsed += " " }
            if lines[lines.count - 1] == prefix { collapsed = String(collapsed.drop { $0 == " " }) }
            lines[lines.count - 1] += collapsed
        }

        mutating func walk(_ node: UnsafeMutablePointer<xmlNode>, quoteDepth: Int, preformatted: Bool) {
            var child: UnsafeMutablePointer<xmlNode>? = node
            while let current = child {
                defer { child = current.pointee.next }
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { append(String(cString: content), preformatted: preformatted) }
                case XML_ELEMENT_NODE:
                    let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                    if Self.skipped.contains(name) { continue }
                    if name == "br" { breakLine(); continue }
                    let block = Self.blocks.contains(name)
                    let savedPrefix = prefix
                    if name == "blockquote" { blankLine(); prefix += "> "; breakLine() } else if name == "li" { breakLine() } else if block { blankLine() }
                    switch name {
                    case "h1": append("# ", preformatted: true)
                    case "h2": append("## ", preformatted: true)
                    case "h3": append("### ", preformatted: true)
                    case "li": breakLine(); append("- ", preformatted: true)
                    default: break
                    }
                    if let children = current.pointee.children {
                        walk(children, quoteDepth: quoteDepth + (name == "blockquote" ? 1 : 0), preformatted: preformatted || name == "pre")
                    }
                    prefix = savedPrefix
                    if block { name == "li" || name == "tr" ? breakLine() : blankLine() }
                default:
                    continue
                }
            }
        }

        func finished() -> String {
            // A line with nothing but quote marks is a blank line inside a quote.
            func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == ">" || $0 == " " } }
            var result: [String] = []
            for line in lines {
                var trimmed = line
                while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
                if isBlank(trimmed) && (result.last.map(isBlank) ?? true) { continue }
                result.append(trimmed)
            }
            while result.last.map(isBlank) == true { result.removeLast() }
            return result.joined(separator: "\n")
        }
    }
}
