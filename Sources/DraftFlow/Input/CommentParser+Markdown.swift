import Foundation

extension CommentParser {
    /// Reads a Markdown comment file (any extension but `.csv`), split into lines as a text editor
    /// shows them:
    ///
    /// ```
    /// # Comments of Canada on Draft 1
    /// ## 2.3 (technical)
    /// The comment text, any number of lines and paragraphs.
    /// Proposed change: the text proposed for paragraph 2.3,
    /// which may continue on the following lines until the next heading.
    ///
    /// ## general (editorial)
    /// A comment on the whole text.
    /// ```
    ///
    /// - Optional YAML front matter (`---` on the very first line, up to the next line that is `---`
    ///   or `...`) is skipped.
    /// - Before the first `##` heading, only `#` title lines and blank lines may appear; they are
    ///   ignored. Other text there is refused (it would belong to no comment).
    /// - Each `## ` heading starts one comment: `## <what> (<type>)` or `## <what> [<type>]`, read
    ///   by `CommentHeading` (full-width parentheses too):
    ///   - what: `general` (or `总体意见`, `observations générales`…), one reference (`2.3`,
    ///     `3.3 b) 4)`, `Paragraph 2.3`, `第4.2.2.2段`: `ParagraphReference`), a list
    ///     (`4.2.2.5, 4.2.2.6`) or range (`4.2.2.5-4.2.2.6`), or the place of a new paragraph
    ///     (`after 4.2.2.6`, `在4.2.2.6段之后`);
    ///   - type: `general`, `technical`, `editorial` or the ISO abbreviations `ge`, `te`, `ed`, or
    ///     the same in the other UN languages (case-insensitive); when left out, `general`.
    ///   A heading that is neither is refused, with its line number.
    ///   Headings with three or more `#` are ordinary text inside a comment.
    /// - The first line in a section that starts with `Proposed change:` (or `Proposed text:`,
    ///   `Proposal:`, `建议修改：`, `Modification proposée :`, `Cambio propuesto:`,
    ///   `Предлагаемое изменение:`, `التغيير المقترح:`…: `CommentVocabulary.proposalLabels`;
    ///   case-insensitive, leading spaces allowed, may be bold: `**Proposed change:**`) starts the
    ///   proposed change: the rest of that line and all following lines up to the next `## ` heading,
    ///   as written (a leading paragraph number and the tab after it are kept). Its kind (text or
    ///   instruction) is `ProposedChangeKind.classify`'s.
    /// - Lines before it are the comment text. Both are trimmed; lines are kept as written, and
    ///   paragraphs are separated by exactly one blank line (`"\n\n"`).
    /// - A section with neither comment text nor proposed change is refused, with its line number.
    /// - Fenced code blocks are text: from a line of three or more backticks or tildes (up to three
    ///   spaces before; after backticks no further backtick on the line) to the next line of at
    ///   least as many of the same character and nothing else, as in CommonMark. A `## ` heading or
    ///   a `Proposed change:` line inside one starts nothing, and the fences stay in the comment as
    ///   written. A fence that is never closed is ordinary text (the headings after it still start
    ///   comments): a forgotten fence must not silently merge the comments that follow it.
    /// - A file without any `##` heading is one comment on the whole text: anchor `general`, type
    ///   `general`, the whole text (after leading `#` title lines) as comment, no proposed change.
    static func parseMarkdown(lines: [String], fileName: String) throws -> [ParsedComment] {
        let name = SafeName.display(fileName)
        var start = 0
        // YAML front matter.
        if let first = lines.first, trimTrailing(first) == "---" {
            guard let close = lines.indices.dropFirst().first(where: {
                let line = trimTrailing(lines[$0])
                return line == "---" || line == "..."
            }) else {
                throw DraftFlowError(
                    .invalidInput,
                    "\(name): the front matter that starts with '---' on line 1 is never closed",
                    fix: "end the front matter with a line '---', or remove the '---' on line 1")
            }
            start = close + 1
        }

        let inCode = linesInsideFences(lines, from: start)
        let headingIndices = lines.indices.filter { $0 >= start && !inCode[$0] && isSectionHeading(lines[$0]) }

        guard let firstHeading = headingIndices.first else {
            // No structure: one general comment on the whole text.
            var body = Array(lines[start...])
            while let line = body.first, isBlank(line) || isTitleLine(line) || isNoteLine(line) { body.removeFirst() }
            let text = joinParagraphs(body)
            guard !text.isEmpty else {
                throw DraftFlowError(
                    .invalidInput, "\(name) has a title but no comment text",
                    fix: "write the comment below the title, or one '## <paragraph> (<type>)' section per comment")
            }
            return [ParsedComment(anchor: .general, type: .general, text: text, proposedChange: nil)]
        }

        for index in start..<firstHeading where !isBlank(lines[index]) && !isTitleLine(lines[index]) && !isNoteLine(lines[index]) {
            throw DraftFlowError(
                .invalidInput,
                "\(name), line \(index + 1): text before the first '##' heading belongs to no comment",
                fix: "put it under a heading such as '## general', or remove it")
        }

        var comments: [ParsedComment] = []
        for (n, headingIndex) in headingIndices.enumerated() {
            let end = n + 1 < headingIndices.count ? headingIndices[n + 1] : lines.count
            let heading = lines[headingIndex]
            let (reference, type) = try parseHeading(heading, line: headingIndex + 1, fileName: name)
            var textLines: [String] = []
            var proposalLines: [String]?
            for index in (headingIndex + 1)..<end {
                let line = lines[index]
                if proposalLines == nil, !inCode[index], let rest = proposalMarkerRest(line) {
                    proposalLines = [rest]
                } else if proposalLines != nil {
                    proposalLines?.append(line)
                } else {
                    textLines.append(line)
                }
            }
            let text = joinParagraphs(textLines)
            let proposal = proposalLines.map(joinParagraphs)
            let proposedChange = (proposal?.isEmpty ?? true) ? nil : proposal
            if text.isEmpty && proposedChange == nil {
                throw DraftFlowError(
                    .invalidInput,
                    "\(name), line \(headingIndex + 1): the section '\(SafeName.display(trimmed(heading)))' has neither comment text nor a proposed change",
                    fix: "write the comment below the heading (and 'Proposed change: ...' if you propose text), or remove the heading")
            }
            comments.append(ParsedComment(reference: reference, type: type, text: text, proposedChange: proposedChange,
                                          proposalKind: proposedChange.map(ProposedChangeKind.classify)))
        }
        return comments
    }

    /// For each line, whether it lies between an opening code fence and the fence that closes it.
    ///
    /// Linear in the number of lines, whatever the file: the longest closing fence after each line
    /// is known before the scan, so a fence that is never closed is seen as such at once.
    static func linesInsideFences(_ lines: [String], from start: Int) -> [Bool] {
        var inside = [Bool](repeating: false, count: lines.count)
        let runs = lines.map(fenceRun)
        // longestClose[i][m]: the longest closing fence of marker m (0 backtick, 1 tilde) after line i.
        var longestClose = [[Int]](repeating: [0, 0], count: lines.count + 1)
        for index in lines.indices.reversed() {
            longestClose[index] = longestClose[index + 1]
            if let run = runs[index], run.closes { longestClose[index][run.marker] = max(longestClose[index][run.marker], run.length) }
        }
        var index = start
        while index < lines.count {
            guard let open = runs[index], open.opens, longestClose[index + 1][open.marker] >= open.length else {
                index += 1
                continue
            }
            var close = index + 1
            while !(runs[close].map { $0.closes && $0.marker == open.marker && $0.length >= open.length } ?? false) { close += 1 }
            for inner in (index + 1)..<close { inside[inner] = true }
            index = close + 1
        }
        return inside
    }

    /// A run of three or more backticks (marker 0) or tildes (marker 1) after at most three spaces:
    /// whether it can open a fence (no backtick after backticks) and close one (only blanks after).
    static func fenceRun(_ line: String) -> (marker: Int, length: Int, opens: Bool, closes: Bool)? {
        let bytes = line.utf8
        var index = bytes.startIndex
        var spaces = 0
        while index != bytes.endIndex, bytes[index] == UInt8(ascii: " ") {
            spaces += 1
            index = bytes.index(after: index)
        }
        guard spaces <= 3, index != bytes.endIndex else { return nil }
        let character = bytes[index]
        guard character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else { return nil }
        var length = 0
        while index != bytes.endIndex, bytes[index] == character {
            length += 1
            index = bytes.index(after: index)
        }
        guard length >= 3 else { return nil }
        let rest = bytes[index...]
        let opens = character == UInt8(ascii: "~") || !rest.contains(UInt8(ascii: "`"))
        let closes = rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return (character == UInt8(ascii: "`") ? 0 : 1, length, opens, closes)
    }

    /// `## ...` but not `### ...`; up to three leading spaces, as in Markdown.
    static func isSectionHeading(_ line: String) -> Bool {
        let body = line.drop { $0 == " " }
        guard line.count - body.count <= 3, body.hasPrefix("##") else { return false }
        let after = body.dropFirst(2)
        guard let next = after.first else { return true }
        return next == " " || next == "\t"
    }

    /// A `# Title` line (exactly one `#`).
    static func isTitleLine(_ line: String) -> Bool {
        let body = line.drop { $0 == " " }
        guard line.count - body.count <= 3, body.hasPrefix("#") else { return false }
        let after = body.dropFirst()
        guard let next = after.first else { return true }
        return next == " " || next == "\t"
    }

    /// If the line starts the proposed change, the rest of the line after the label and its colon
    /// (`:` or `：`, spaces allowed before it).
    static func proposalMarkerRest(_ line: String) -> String? {
        var s = Substring(line).drop { $0 == " " || $0 == "\t" }
        var emphasis = ""
        for mark in ["**", "__"] where s.hasPrefix(mark) {
            emphasis = mark
            s = s.dropFirst(2)
            break
        }
        guard let label = proposalLabels.first(where: { String(s.prefix($0.count)).lowercased() == $0 }) else { return nil }
        s = s.dropFirst(label.count)
        if !emphasis.isEmpty, s.hasPrefix(emphasis) { s = s.dropFirst(emphasis.count) }
        s = s.drop { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" }
        guard s.hasPrefix(":") || s.hasPrefix("：") else { return nil }
        s = s.dropFirst()
        if !emphasis.isEmpty, s.hasPrefix(emphasis) { s = s.dropFirst(emphasis.count) }
        return String(s)
    }

    /// `CommentVocabulary.proposalLabels`, longest first.
    static let proposalLabels = CommentVocabulary.proposalLabels.sorted { $0.count > $1.count }

    /// A one-line HTML comment (`<!-- ... -->`): a note for people, not a comment on the draft.
    static func isNoteLine(_ line: String) -> Bool {
        let trimmed = TextTrimming.trimmed(line, in: .whitespaces)
        return trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->")
    }
}
