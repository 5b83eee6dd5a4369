import DraftFlow
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A part of an Office file read as a stream of elements with Foundation's XMLParser (libxml2 on
/// Linux: no external entities, bounded entity expansion). Names come without their namespace
/// prefix (`w:tbl` is `tbl`), attributes too (`r:id` is `id`): the parts read here use one
/// vocabulary each.
enum XMLEvents {
    enum Event {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    /// Calls `handle` with every element start, end and run of text of `data`, in order.
    /// - Throws: `DraftFlowError(.invalidInput)` naming the file and the part when it is not XML.
    static func read(_ data: Data, part: String, of fileName: String, _ handle: (Event) -> Void) throws {
        try withoutActuallyEscaping(handle) { handle in
            let collector = Collector(handle)
            let parser = XMLParser(data: data)
            parser.shouldProcessNamespaces = false
            parser.shouldResolveExternalEntities = false
            parser.delegate = collector
            let parsed = parser.parse()
            guard parsed, collector.failure == nil else {
                let problem = collector.failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "it is not XML"
                throw DraftFlowError(.invalidInput, "\(SafeName.display(fileName)): its part \(SafeName.display(part)) is not well-formed XML "
                                         + "(line \(parser.lineNumber): \(problem))",
                                     fix: "save it again from Word or Excel; the file is damaged")
            }
        }
    }

    private static func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    private final class Collector: NSObject, XMLParserDelegate {
        let handle: (Event) -> Void
        var failure: String?

        init(_ handle: @escaping (Event) -> Void) {
            self.handle = handle
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            var plain: [String: String] = [:]
            for (key, value) in attributes { plain[XMLEvents.local(key)] = value }
            handle(.start(XMLEvents.local(elementName), plain))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            handle(.end(XMLEvents.local(elementName)))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            handle(.text(string))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            failure = failure ?? "\(parseError.localizedDescription)"
        }
    }
}
