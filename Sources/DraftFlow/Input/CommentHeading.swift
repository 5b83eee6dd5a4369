/// What a comment heading (or a cell of the ISO template) names: the whole text, paragraphs, a
/// range of paragraphs or the place of a new paragraph, and the comment's type.
///
/// The words are those of `CommentVocabulary`; one reference is read by `ParagraphReference`.
enum CommentHeading {
    struct Parsed: Equatable {
        var reference: CommentReference
        /// The type given in parentheses, if any.
        var type: CommentType?
    }

    enum Problem: Error, Equatable {
        /// Nothing but (perhaps) a type.
        case empty
        /// A parenthesised word after a valid reference that is not a type.
        case unknownType(String)
        /// Neither general nor references (the text after the type is given).
        case notAReference(String)
        /// A list mixed with a range, or a range with more than two ends.
        case listAndRange(String)
        /// `(new)` after something that is not an insertion point.
        case newWithoutPlace(String)
    }

    /// Reads the text of a heading after `##` (closing hashes removed).
    static func parse(_ content: String) -> Result<Parsed, Problem> {
        var text = trimmed(ParagraphReference.normalized(content))
        var type: CommentType?
        var isNew = false
        var unknownGroup: (inner: String, before: String)?
        // Trailing groups: "(te)", "[ed]", "（编辑性）", "(new)"; a group that is neither may be a label: "3.3(b)(4)".
        while let (open, inner) = lastGroup(text) {
            let before = trimmed(text[..<open])
            if type == nil, let found = commentType(inner) {
                type = found
            } else if !isNew, CommentVocabulary.newMarkers.contains(collapsed(inner)) {
                isNew = true
            } else {
                unknownGroup = (inner, before)
                break
            }
            text = before
        }
        while text.hasSuffix(":") { text = trimmed(text.dropLast()) }
        guard !text.isEmpty else { return .failure(.empty) }
        switch reference(text) {
        case .success(let reference):
            if isNew {
                guard case .insertion = reference else { return .failure(.newWithoutPlace(text)) }
            }
            return .success(Parsed(reference: reference, type: type))
        case .failure(let problem):
            if let unknownGroup, case .success = reference(unknownGroup.before) {
                return .failure(.unknownType(unknownGroup.inner))
            }
            return .failure(problem)
        }
    }

    /// What a text without a type names: `general` (and its translations), `after X`, or
    /// references. Not normalised yet is fine.
    static func reference(_ raw: String) -> Result<CommentReference, Problem> {
        let text = trimmed(ParagraphReference.normalized(raw))
        var general = collapsed(text)
        while general.hasSuffix(".") || general.hasSuffix(":") { general.removeLast() }
        if CommentVocabulary.generalAnchors.contains(general) { return .success(.general) }
        if let after = insertionPoint(text) { return .success(.insertion(after: after)) }
        return references(text)
    }

    /// The type a word names: `te`, `technical`, `技术性`, `technique`, `técnico`, `технический`,
    /// `تقني`… (a trailing `.` is ignored); nil for anything else.
    static func commentType(_ raw: String) -> CommentType? {
        var word = collapsed(ParagraphReference.normalized(raw))
        if word.hasSuffix(".") { word.removeLast() }
        return CommentVocabulary.types[word]
    }

    // MARK: - Insertion points

    /// `after 4.2.2.6`, `new paragraph after 4.2.2.6`, `après le paragraphe 4.2.2.6`,
    /// `在第4.2.2.6段之后`…: the id of the paragraph after which the new one goes.
    static func insertionPoint(_ text: String) -> String? {
        var scanner = ReferenceScanner(text)
        var sawWord = false
        var sawNumber = false
        while true {
            scanner.skipSpaces()
            if scanner.skipPhrase(CommentVocabulary.insertionWords) != nil {
                sawWord = true
            } else if sawWord, !sawNumber, scanner.reference() != nil {
                sawNumber = true  // "new paragraph 4.2.2.7 after 4.2.2.6": the text carries the new number
            } else {
                break
            }
        }
        _ = scanner.skip(":")
        scanner.skipSpaces()
        if scanner.skipPhrase(CommentVocabulary.afterWords) != nil {
            scanner.skipSpaces()
            if let id = scanner.reference() {
                scanner.skipSpaces()
                if scanner.atEnd { return id }
            }
        }
        return chineseInsertionPoint(text)
    }

    private static func chineseInsertionPoint(_ text: String) -> String? {
        var scanner = ReferenceScanner(text)
        if scanner.skipPhrase(CommentVocabulary.chineseInsertionPrefixes) != nil {
            scanner.skipSpaces()
            _ = scanner.skip(":") || scanner.skip(",")
            scanner.skipSpaces()
        }
        _ = scanner.skip("在")
        scanner.skipSpaces()
        guard let id = scanner.reference() else { return nil }
        scanner.skipSpaces()
        guard scanner.skipPhrase(CommentVocabulary.chineseAfter) != nil else { return nil }
        scanner.skipSpaces()
        _ = scanner.skipPhrase(CommentVocabulary.chineseInsertionVerbs)
        scanner.skipSpaces()
        _ = scanner.skipPhrase(CommentVocabulary.chineseInsertionObjects)
        scanner.skipSpaces()
        return scanner.atEnd ? id : nil
    }

    // MARK: - Lists and ranges

    private enum Part {
        case id(String)
        /// Labels only (`c)` in `3.3 b), c)`): under the previous part's parent.
        case labels([String])
    }

    /// One reference, a list (`4.2.2.5, 4.2.2.6`, `4.2.2.5 and 4.2.2.6`, `4.2.2.5、4.2.2.6`) or a
    /// range (`4.2.2.5-4.2.2.6`, `4.2.2.5 to 4.2.2.6`, `第4.2.2.5至4.2.2.6段`).
    static func references(_ text: String) -> Result<CommentReference, Problem> {
        var scanner = ReferenceScanner(text)
        scanner.skipSpaces()
        _ = scanner.skipPhrase(CommentVocabulary.pluralParagraphWords)
        scanner.skipSpaces()
        _ = scanner.skipPhrase(CommentVocabulary.rangeStarts)
        var parts: [Part] = []
        var listSeparators = 0
        var rangeSeparators = 0
        while true {
            scanner.skipSpaces()
            if let id = scanner.reference() {
                parts.append(.id(id))
            } else if case let labels = scanner.labels(), !labels.isEmpty, !parts.isEmpty {
                parts.append(.labels(labels))
            } else {
                return .failure(.notAReference(text))
            }
            scanner.skipSpaces()
            if scanner.atEnd { break }
            if scanner.skipPhrase(CommentVocabulary.listPunctuation) != nil {
                listSeparators += 1
                scanner.skipSpaces()
                _ = scanner.skipPhrase(CommentVocabulary.listWords) != nil || scanner.skip("و")  // ", and 4.2.2.6"
            } else if scanner.skipPhrase(CommentVocabulary.listWords) != nil || scanner.skip("و") {
                listSeparators += 1
            } else if scanner.skipPhrase(CommentVocabulary.rangeSeparators) != nil {
                rangeSeparators += 1
            } else {
                return .failure(.notAReference(text))
            }
        }
        var ids: [String] = []
        for part in parts {
            switch part {
            case .id(let id): ids.append(id)
            case .labels(let labels):
                guard let previous = ids.last.flatMap(ReferenceScanner.parts(of:)), previous.bullet == nil,
                      labels.count <= previous.labels.count else { return .failure(.notAReference(text)) }
                ids.append(([previous.number] + previous.labels.dropLast(labels.count) + labels).joined(separator: " "))
            }
        }
        if rangeSeparators > 0 {
            guard listSeparators == 0, rangeSeparators == 1, ids.count == 2 else { return .failure(.listAndRange(text)) }
            let to = sibling(of: ids[0], shortened: ids[1])
            return .success(ids[0] == to ? .paragraphs([to]) : .range(from: ids[0], to: to))
        }
        var unique: [String] = []
        for id in ids where !unique.contains(id) { unique.append(id) }
        return .success(.paragraphs(unique))
    }

    /// `4.2.2.5-6` means 4.2.2.5 to 4.2.2.6: a bare whole number after a dotted one replaces its last part.
    private static func sibling(of from: String, shortened to: String) -> String {
        guard let toNumber = Int(to), let parts = ReferenceScanner.parts(of: from), parts.labels.isEmpty, parts.bullet == nil else { return to }
        let components = parts.number.split(separator: ".")
        guard components.count > 1, let last = Int(components[components.count - 1]), toNumber > last else { return to }
        return (components.dropLast().map(String.init) + [to]).joined(separator: ".")
    }

    // MARK: - Text helpers

    /// The last parenthesised or bracketed group at the end of `text`: where it opens, and its inside.
    private static func lastGroup(_ text: String) -> (String.Index, String)? {
        guard let close = text.last, close == ")" || close == "]" else { return nil }
        let open: Character = close == ")" ? "(" : "["
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == close { depth += 1 }
            if text[index] == open {
                depth -= 1
                if depth == 0 {
                    return (index, trimmed(text[text.index(after: index)..<text.index(before: text.endIndex)]))
                }
            }
        }
        return nil
    }

    static func trimmed(_ text: some StringProtocol) -> String {
        CommentParser.trimmed(text)
    }

    /// Lower case, spaces collapsed, trimmed: the form phrases are looked up in.
    static func collapsed(_ text: some StringProtocol) -> String {
        trimmed(text).lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
