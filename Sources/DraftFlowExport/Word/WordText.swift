import DraftFlow
import Foundation

/// The pieces of Word text shared by the compilation, the redline and the packet.
enum WordText {
    /// A tracked change's date: ISO 8601 in UTC, to the second, as Word writes it.
    static func date(_ date: Date) -> String {
        date.formatted(dateStyle)
    }

    private static let dateStyle = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)

    /// A compilation block's pieces as text and tracked changes; a heading loses its `#` marker.
    /// A collision's alternatives are Word comments numbered from `nextComment`.
    static func inlines(_ block: CompilationDocument.Block, received: [String: Date], nextComment: inout Int) -> [PandocInline] {
        var pieces = block.pieces
        if case .heading = block.kind, case .plain(let first)? = pieces.first {
            pieces[0] = .plain(InlineMarkup.splitHeadingMarker(first).rest)
        }
        var out: [PandocInline] = []
        for piece in pieces {
            switch piece {
            case .plain(let text):
                // The draft's `*emphasis*` as Word italics (a mark a change cuts through stays as written).
                if !text.isEmpty { out += marked(text) }
            case .change(let deleted, let inserted, let by):
                let when = date(received[by] ?? Date(timeIntervalSince1970: 0))
                if !deleted.isEmpty { out.append(.deletion(deleted, author: by, date: when)) }
                if !inserted.isEmpty { out.append(.insertion(inserted, author: by, date: when)) }
            case .alternatives(let alternatives, let base):
                // The version's wording is deleted by all the proposers, and each alternative is its
                // proposers' insertion under a comment naming it: accepting one alternative and the
                // deletion and rejecting the others gives that wording; rejecting all, the version's.
                let dates = alternatives.compactMap { received[$0.by] }
                if !base.isEmpty {
                    out.append(.deletion(base, author: alternatives.map(\.by).joined(separator: ", "),
                                         date: date(dates.max() ?? Date(timeIntervalSince1970: 0))))
                }
                for alternative in alternatives {
                    let when = date(received[alternative.by] ?? Date(timeIntervalSince1970: 0))
                    let id = String(nextComment)
                    nextComment += 1
                    let label = "\(alternative.label), one of \(alternatives.count) alternatives: accept one, reject the others"
                    out.append(.commentStart(id: id, author: alternative.by, date: when,
                                             text: [.text(alternative.text == nil ? label + " (this one deletes the passage)" : label)]))
                    if let text = alternative.text { out.append(.insertion(text, author: alternative.by, date: when)) }
                    out.append(.commentEnd(id: id))
                }
            }
        }
        return out
    }

    /// A redline block as text and tracked changes by `author` at `date`.
    static func inlines(_ block: RedlineBlock, author: String, date when: String) -> [PandocInline] {
        var out: [PandocInline] = []
        for (index, segment) in block.segments.enumerated() {
            switch segment {
            case .equal(let text):
                let shown = index == 0 && block.kind != .paragraph ? InlineMarkup.splitHeadingMarker(text).rest : text
                if !shown.isEmpty { out += marked(shown) }
            case .deleted(let text):
                let shown = index == 0 && block.kind != .paragraph ? InlineMarkup.splitHeadingMarker(text).rest : text
                if !shown.isEmpty { out.append(.deletion(shown, author: author, date: when)) }
            case .inserted(let text):
                let shown = index == 0 && block.kind != .paragraph ? InlineMarkup.splitHeadingMarker(text).rest : text
                if !shown.isEmpty { out.append(.insertion(shown, author: author, date: when)) }
            }
        }
        if case .moved(let from, let to) = block.status {
            out.append(.emph([.text(" (moved from \(from) to \(to))")]))
        }
        return out
    }

    /// A redline block as a Word heading (one level below `offset`) or paragraph.
    static func block(_ block: RedlineBlock, author: String, date: String, headingOffset: Int = 0) -> PandocBlock {
        let inlines = inlines(block, author: author, date: date)
        if case .heading(let level) = block.kind { return .header(min(level + headingOffset, 6), inlines) }
        return .para(inlines)
    }
}

extension WordText {
    /// A text's `**strong**` and `*emphasis*` (and backslash escapes) as Word runs, read as the HTML
    /// export reads them (`ExportSupport.markedInlineHTML`).
    static func marked(_ text: String) -> [PandocInline] {
        guard text.contains(where: { $0 == "*" || $0 == "\\" }) else { return [.text(text)] }
        var out: [PandocInline] = []
        var plain = ""
        var rest = Substring(text)
        func flush() {
            if !plain.isEmpty { out.append(.text(plain)) }
            plain = ""
        }
        while let first = rest.first {
            if first == "\\", let next = rest.dropFirst().first, next.isASCII, next.isPunctuation || next.isSymbol {
                plain.append(next)
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("**"), let (inner, after) = ExportSupport.delimited(rest.dropFirst(2), by: "**") {
                flush()
                out.append(.strong(marked(String(inner))))
                rest = after
            } else if first == "*", !rest.hasPrefix("**"), let (inner, after) = ExportSupport.delimited(rest.dropFirst(), by: "*") {
                flush()
                out.append(.emph(marked(String(inner))))
                rest = after
            } else {
                plain.append(first)
                rest = rest.dropFirst()
            }
        }
        flush()
        return out
    }
}
