import Foundation

/// Turns the lines of a draft (bookmarks already removed) into block texts, noting what it
/// changed. See `DocumentReader` for the rules.
struct LineReader {
    private(set) var blocks: [String] = []
    /// The source line (from 1) of each block's first line.
    private(set) var blockLines: [Int] = []
    private(set) var headings: [DocumentReport.Heading] = []
    private(set) var oddities: [DocumentReport.Oddity] = []
    var artefacts: ArtefactCounter

    init(artefacts: ArtefactCounter) {
        self.artefacts = artefacts
    }

    /// How a line opens.
    struct LineMarker {
        enum Kind { case number, label, bullet }
        var kind: Kind
        /// As written: `2.1.1.`, `(a)`, `ii)`, `•`.
        var printed: Substring
        /// The spaces and tabs after it (empty in `4)工作组`).
        var separator: Substring
        var rest: Substring
    }

    // MARK: Markdown

    mutating func readMarkdown(_ lines: [String]) {
        var current: [String] = []
        var first = 0
        func flush() {
            guard !current.isEmpty else { return }
            blocks.append(current.joined(separator: "\n"))
            blockLines.append(first + 1)
            current.removeAll()
        }
        for (index, line) in lines.enumerated() {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
                continue
            }
            let (kind, marker) = DraftDocument.marker(of: line)
            if case .heading = kind {
                flush()
                first = index
                current = [line]
                flush()
                continue
            }
            if !current.isEmpty && marker != .none {
                oddities.append(DocumentReport.Oddity(line: index + 1, kind: "no blank line", before: Self.excerpt(line[...]),
                                                      after: "a paragraph of its own"))
                flush()
            }
            if current.isEmpty { first = index }
            current.append(line)
        }
        flush()
    }

    // MARK: Word's plain-text export

    mutating func readWordText(_ lines: [String]) {
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if Self.isSeparator(trimmed) {
                artefacts.add("separator line", nil)
                continue
            }
            blocks.append(normalized(trimmed[...], line: index + 1))
            blockLines.append(index + 1)
        }
    }

    /// The line with its number, label or bullet written the way the document model reads it.
    private mutating func normalized(_ line: Substring, line number: Int) -> String {
        guard let marker = Self.marker(line) else { return String(line) }
        var rest = marker.rest
        switch marker.kind {
        case .number:
            let hadDot = marker.printed.hasSuffix(".")
            let value = hadDot ? marker.printed.dropLast() : marker.printed
            let depth = value.split(separator: ".").count
            if depth == 1 {
                if Self.isTitle(rest) {
                    let heading = String(repeating: "#", count: depth + 1) + " " + String(value) + " " + String(rest)
                    headings.append(DocumentReport.Heading(line: number, text: heading))
                    return heading
                }
                return String(value) + ". " + String(rest)
            }
            let result = String(value) + " " + String(rest)
            if hadDot { note(number, "trailing dot", line, result) }
            return result
        case .label:
            var fixed = false
            if rest.hasPrefix(marker.printed) {
                let after = rest.dropFirst(marker.printed.count)
                if after.first == " " || after.first == "\t" {
                    rest = after.drop(while: { $0 == " " || $0 == "\t" })
                    note(number, "repeated label", line, String(marker.printed + " " + rest))
                    fixed = true
                }
            }
            let result = String(marker.printed + " " + rest)
            if marker.separator.isEmpty && !rest.isEmpty && !fixed { note(number, "missing tab", line, result) }
            return result
        case .bullet:
            let result = String(marker.printed + " " + rest)
            if marker.separator.isEmpty && !rest.isEmpty { note(number, "missing tab", line, result) }
            return result
        }
    }

    private mutating func note(_ line: Int, _ kind: String, _ before: Substring, _ after: String) {
        oddities.append(DocumentReport.Oddity(line: line, kind: kind, before: Self.excerpt(before), after: Self.excerpt(after[...])))
    }

    /// A number (`2`, `2.1.1`, `2.1.1.`, 1 to 3 digits a component) followed by a space or tab;
    /// a label (`a)`, `(a)`, `a.`, `1)`, `(1)`, `ii)`) followed by a space, a tab or (for `)`)
    /// a non-ASCII character; a bullet (`•`, `–`, `-`, `*`, `·`) followed by a space or tab, or
    /// (`•`, `–`, `·`) by a non-ASCII character.
    static func marker(_ line: Substring) -> LineMarker? {
        func split(_ end: Substring.Index, kind: LineMarker.Kind) -> LineMarker {
            let after = line[end...]
            let separator = after.prefix { $0 == " " || $0 == "\t" }
            return LineMarker(kind: kind, printed: line[..<end], separator: separator, rest: after[separator.endIndex...])
        }
        let head = line.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        if !head.isEmpty, head.first != ".", let next = line[head.endIndex...].first, next == " " || next == "\t" {
            let body = head.hasSuffix(".") ? head.dropLast() : head
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            if parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 }) { return split(head.endIndex, kind: .number) }
        }
        let open = line.first == "("
        let nameStart = open ? line.index(after: line.startIndex) : line.startIndex
        let name = line[nameStart...].prefix { $0.isASCII && ($0.isNumber || $0.isLowercase) }
        if !name.isEmpty, isLabelName(name), let close = line[name.endIndex...].first {
            let end = line.index(after: name.endIndex)
            let next = line[end...].first
            if close == ")" && (next == nil || next == " " || next == "\t" || next?.isASCII == false) {
                return split(end, kind: .label)
            }
            if close == "." && !open && !(name.first?.isNumber ?? false) && (next == " " || next == "\t") {
                return split(end, kind: .label)
            }
        }
        if let first = line.first, "•–-*·".contains(first) {
            let end = line.index(after: line.startIndex)
            let next = line[end...].first
            if next == " " || next == "\t" || (first != "-" && first != "*" && next?.isASCII == false) {
                return split(end, kind: .bullet)
            }
        }
        return nil
    }

    /// 1 to 3 digits, one lowercase letter, or a lowercase roman numeral.
    static func isLabelName(_ name: Substring) -> Bool {
        if name.allSatisfy(\.isNumber) { return name.count <= 3 }
        guard name.allSatisfy(\.isLowercase) else { return false }
        return name.count == 1 || RomanNumeral.value(String(name)) != nil
    }

    /// A section line's text: not empty, at most 200 characters, not ending a sentence.
    static func isTitle(_ text: Substring) -> Bool {
        guard let last = text.last, text.count <= 200 else { return false }
        return !"。.；;！!？?".contains(last)
    }

    /// A line of 3 or more `_`, `-`, `=` or `*` only: a rule drawn in the document.
    static func isSeparator(_ line: String) -> Bool {
        guard line.count >= 3, let first = line.first, "_-=*".contains(first) else { return false }
        return line.allSatisfy { $0 == first }
    }

    /// The start of a line for a report: at most 24 characters, a TAB shown as `<TAB>`.
    static func excerpt(_ text: Substring) -> String {
        let shown = text.count > 24 ? text.prefix(24) + "…" : String(text)
        return shown.replacingOccurrences(of: "\t", with: "<TAB>")
    }
}
