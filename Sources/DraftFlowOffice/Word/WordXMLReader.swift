import DraftFlow
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads WordprocessingML with Foundation's XMLParser: the paragraphs of `word/document.xml`
/// (`body`) and the comments of `word/comments.xml` (`comments`).
///
/// Elements are matched by their `w:` names, the prefix Word, LibreOffice, pandoc and python-docx
/// all write. What is not text of the document is skipped: field instructions (`w:instrText`, the
/// part of a field before `separate`), text boxes (`w:txbxContent`) and the fallback copy of
/// alternate content, changes of formatting (`w:rPrChange`, `w:pPrChange`).
final class WordXMLReader: NSObject, XMLParserDelegate {
    private(set) var paragraphs: [WordParagraph] = []
    private(set) var comments: [WordComment] = []

    private var paragraph: WordParagraph?
    /// Depth inside the paragraph properties (`w:pPr`).
    private var propertiesDepth = 0
    /// Depth inside something skipped whole.
    private var skipDepth = 0
    /// The tracked changes enclosing the current run, outermost first.
    private var changes: [WordChange] = []
    /// Complex fields (`w:fldChar`): true while in a field's result, false in its instructions.
    private var fields: [Bool] = []
    private var capturing = false
    private var buffer = ""
    private var comment: WordComment?
    private var commentParagraphs: [String] = []
    private var failure: (any Error)?

    private static let skipped: Set<String> = ["w:txbxContent", "mc:Fallback", "w:rPrChange", "w:pPrChange", "w:sectPrChange",
                                               "w:tblPrChange", "w:trPrChange", "w:tcPrChange", "w:numberingChange"]

    /// Parses `data`; throws a DraftFlowError naming `what` when it is not well-formed XML.
    static func read(_ data: Data, what: String) throws -> WordXMLReader {
        let reader = WordXMLReader()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        // Foundation on Linux may report an error and still return true: either refuses the part.
        if !parser.parse() || reader.failure != nil || parser.parserError != nil {
            throw DraftFlowError(.invalidInput, "\(what) cannot be read: it is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber))",
                                 fix: "open it in Word or LibreOffice and save it again as .docx")
        }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if skipDepth > 0 || Self.skipped.contains(name) {
            skipDepth += 1
            return
        }
        switch name {
        case "w:p" where comment != nil:
            commentParagraphs.append("")
        case "w:p":
            paragraph = WordParagraph()
            propertiesDepth = 0
        case "w:pPr":
            propertiesDepth += 1
        case "w:pStyle" where propertiesDepth > 0:
            paragraph?.style = attributes["w:val"]
        case "w:numId" where propertiesDepth > 0:
            paragraph?.numbered = attributes["w:val"] != "0"
        case "w:ins", "w:del", "w:moveTo", "w:moveFrom":
            let change = WordChange(kind: name == "w:ins" || name == "w:moveTo" ? .insertion : .deletion,
                                    author: attributes["w:author"] ?? "", date: attributes["w:date"])
            if propertiesDepth > 0 {
                paragraph?.markChange = change
            } else {
                changes.append(change)
            }
        case "w:t", "w:delText":
            capturing = fields.last != false && propertiesDepth == 0
        case "w:tab" where propertiesDepth == 0:
            append("\t")
        case "w:br", "w:cr":
            if propertiesDepth == 0 { append("\n") }
        case "w:noBreakHyphen":
            append("\u{2011}")
        case "w:fldChar":
            switch attributes["w:fldCharType"] {
            case "begin": fields.append(false)
            case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
            case "end": _ = fields.popLast()
            default: break
            }
        case "w:commentRangeStart":
            if let id = attributes["w:id"] { paragraph?.pieces.append(.commentStart(id)) }
        case "w:commentRangeEnd":
            if let id = attributes["w:id"] { paragraph?.pieces.append(.commentEnd(id)) }
        case "w:commentReference":
            if let id = attributes["w:id"] { paragraph?.pieces.append(.commentReference(id)) }
        case "w:comment":
            comment = WordComment(id: attributes["w:id"] ?? "", author: attributes["w:author"] ?? "", date: attributes["w:date"], text: "")
            commentParagraphs = []
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        switch name {
        case "w:t", "w:delText":
            if capturing, !buffer.isEmpty {
                if comment != nil {
                    if !commentParagraphs.isEmpty { commentParagraphs[commentParagraphs.count - 1] += buffer }
                } else {
                    append(buffer)
                }
            }
            buffer = ""
            capturing = false
        case "w:p" where comment != nil:
            break
        case "w:p":
            if let paragraph { paragraphs.append(paragraph) }
            paragraph = nil
        case "w:pPr":
            propertiesDepth -= 1
        case "w:ins", "w:del", "w:moveTo", "w:moveFrom":
            if propertiesDepth == 0 { _ = changes.popLast() }
        case "w:comment":
            if var comment {
                comment.text = commentParagraphs.joined(separator: "\n")
                comments.append(comment)
            }
            comment = nil
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing, skipDepth == 0 { buffer += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil { failure = parseError }
    }

    /// Adds text to the current paragraph, with the tracked change it is in: a deletion wins
    /// over an insertion around it (inserted by one reviewer, deleted by another).
    private func append(_ text: String) {
        if comment != nil {
            if !commentParagraphs.isEmpty, text == "\t" || text == "\n" { commentParagraphs[commentParagraphs.count - 1] += " " }
            return
        }
        guard var current = paragraph else { return }
        paragraph = nil
        let change = changes.last(where: { $0.kind == .deletion }) ?? changes.last
        if case .text(let previous, let previousChange)? = current.pieces.last, previousChange == change {
            current.pieces[current.pieces.count - 1] = .text(previous + text, change: change)
        } else {
            current.pieces.append(.text(text, change: change))
        }
        paragraph = current
    }
}
