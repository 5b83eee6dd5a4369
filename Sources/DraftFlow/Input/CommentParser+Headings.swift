import Foundation

/// Section headings of Markdown comment files: what they name (read by `CommentHeading`) and the
/// errors for those that name nothing.
extension CommentParser {
    static let headingFix =
        "write the heading as '## 2.3 (technical)' or '## general (editorial)': general, or what the comment is on "
        + "(2.3, 3.3 b) 4), 4.2.2.5-4.2.2.6, 4.2.2.5, 4.2.2.6, after 4.2.2.6 for a new paragraph; also as "
        + "Paragraph 2.3, § 2.3, 第2.3段, paragraphe 2.3, párrafo 2.3, пункт 2.3, الفقرة 2.3), then optionally the type "
        + "in parentheses (general, technical, editorial, or ge, te, ed, in any of the six UN languages)"

    static func parseHeading(_ line: String, line number: Int, fileName: String) throws -> (CommentReference, CommentType) {
        var content = Substring(trimmed(line.drop { $0 == " " }.dropFirst(2)))
        // Optional closing hashes of an ATX heading: "## 2.3 (te) ##".
        while content.hasSuffix("#") { content = content.dropLast() }
        let parsed = CommentHeading.parse(String(content))
        if case .success(let parsed) = parsed { return (parsed.reference, parsed.type ?? .general) }
        // Where the heading is and how errors show it, made only for them.
        let place = "\(fileName), line \(number)"
        let shown = SafeName.display(trimmed(line))
        switch parsed {
        case .success(let parsed):
            return (parsed.reference, parsed.type ?? .general)
        case .failure(.empty):
            throw DraftFlowError(.invalidInput, "\(place): the heading '\(shown)' names no paragraph", fix: headingFix)
        case .failure(.unknownType(let word)):
            throw DraftFlowError(
                .invalidInput,
                "\(place): the heading '\(shown)' gives the type '\(SafeName.display(word))', which is not general, technical or editorial (ge, te, ed)",
                fix: headingFix)
        case .failure(.notAReference(let rest)):
            throw DraftFlowError(
                .invalidInput,
                "\(place): the heading '\(shown)' does not name a paragraph: '\(SafeName.display(rest))' is neither 'general' nor a paragraph number",
                fix: headingFix)
        case .failure(.listAndRange(let rest)):
            throw DraftFlowError(
                .invalidInput,
                "\(place): the heading '\(shown)' mixes a list and a range of paragraphs ('\(SafeName.display(rest))')",
                fix: "name a list (## 4.2.2.5, 4.2.2.6) or one range (## 4.2.2.5-4.2.2.6), or write one comment for each")
        case .failure(.newWithoutPlace(let rest)):
            throw DraftFlowError(
                .invalidInput,
                "\(place): the heading '\(shown)' proposes a new paragraph but does not say where it goes ('\(SafeName.display(rest))')",
                fix: "name the paragraph it follows: '## after 4.2.2.6' (or '## 在4.2.2.6段之后')")
        }
    }
}
