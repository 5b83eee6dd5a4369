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
    /// - Each `## ` heading starts one comment: `## <anchor> (<type>)` or `## <anchor> [<type>]`.
    ///   - anchor: `general`, or a paragraph or section number such as `2`, `2.3`, `2.3.1`
    ///     (a trailing `.` is dropped), optionally preceded by `Paragraph`, `Para`, `Para.`, `§`
    ///     or `¶` (case-insensitive);
    ///   - type: `general`, `technical`, `editorial` or the ISO abbreviations `ge`, `te`, `ed`
    ///     (case-insensitive); when left out, the type is `general`.
    ///   A heading that is neither is refused, with its line number.
    ///   Headings with three or more `#` are ordinary text inside a comment.
    /// - The first line in a section that starts with `Proposed change:` or `Proposed text:`
    ///   (case-insensitive, leading spaces allowed, may be bold: `**Proposed change:**`) starts the
    ///   proposed change: the rest of that line and all following lines up to the next `## ` heading.
    /// - Lines before it are the comment text. Both are trimmed; lines are kept as written, and
    ///   paragraphs are separated by exactly one blank line (`"\n\n"`).
    /// - A section with neither comment text nor proposed change is refused, with its line number.
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

        let headingIndices = lines.indices.filter { $0 >= start && isSectionHeading(lines[$0]) }

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
            let (anchor, type) = try parseHeading(heading, line: headingIndex + 1, fileName: name)
            var textLines: [String] = []
            var proposalLines: [String]?
            for line in lines[(headingIndex + 1)..<end] {
                if proposalLines == nil, let rest = proposalMarkerRest(line) {
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
            comments.append(ParsedComment(anchor: anchor, type: type, text: text, proposedChange: proposedChange))
        }
        return comments
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

    /// If the line starts the proposed change, the rest of the line after the marker.
    static func proposalMarkerRest(_ line: String) -> String? {
        var s = Substring(line).drop { $0 == " " || $0 == "\t" }
        var emphasis = ""
        for mark in ["**", "__"] where s.hasPrefix(mark) {
            emphasis = mark
            s = s.dropFirst(2)
            break
        }
        let lower = s.lowercased()
        guard let label = ["proposed change", "proposed text"].first(where: { lower.hasPrefix($0) }) else { return nil }
        s = s.dropFirst(label.count)
        if !emphasis.isEmpty, s.hasPrefix(emphasis) { s = s.dropFirst(emphasis.count) }
        s = s.drop { $0 == " " }
        guard s.hasPrefix(":") else { return nil }
        s = s.dropFirst()
        if !emphasis.isEmpty, s.hasPrefix(emphasis) { s = s.dropFirst(emphasis.count) }
        return String(s)
    }

    /// A one-line HTML comment (`<!-- ... -->`): a note for people, not a comment on the draft.
    static func isNoteLine(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->")
    }
}
