extension ProposedChangeKind {
    /// Whether a proposed change is replacement text or an instruction about the text.
    ///
    /// - Exact: the whole text (a final `.`, `。`, `;` or `!` aside) is one of
    ///   - English `replace "X" with "Y"` (or `by`), `change "X" to "Y"`, `delete "X"` (or
    ///     `remove`, `strike`, `strike out`), optionally `the word(s)`, `the phrase`, `the text`
    ///     before the quote;
    ///   - Chinese `将“X”改为“Y”` (`把`; `替换为`, `修改为`, `改成`, `换成`, `替换成`, `更改为`),
    ///     `用“Y”替换“X”`, `删除“X”` (`删去`, `删掉`, `去掉`), `将“X”删除`;
    ///   - French `remplacer « X » par « Y »`, `supprimer « X »`;
    ///   - Spanish `sustituir «X» por «Y»` (`reemplazar`, `sustitúyase`, `reemplácese`),
    ///     `suprimir «X»` (`eliminar`, `suprímase`, `elimínese`);
    ///   - Russian `заменить «X» на «Y»`, `исключить «X»` (`удалить`);
    ///   - Arabic `يستعاض عن "X" بـ "Y"` (`استبدال`, `يستبدل`; `ب`, `بعبارة`, `بكلمة`),
    ///     `تحذف "X"` (`يحذف`, `حذف`);
    ///   optionally "the word(s)" in each language before a quote (`les mots`, `la palabra`,
    ///   `слова`, `عبارة`…). Quotes: `"…"`, `“…”`, `„…“`, `'…'`, `‘…’`, `«…»`, `「…」`, `『…』`;
    ///   spaces just inside `« »` are not part of the text. X and Y are kept exactly otherwise.
    /// - Other instructions (`.instruction(nil)`): text that opens (after a leading paragraph
    ///   number, and `please`/`请`/`建议`…) with a verb that only instructions open with (delete,
    ///   insert, renumber, 删除, 删去, 插入, 替换, 移至, 改为, insérer, insertar, suprímase,
    ///   sustitúyase, вставить, يستعاض, تحذف, يدرج…), or with a verb that also opens ordinary
    ///   text (replace, remove, add, move, keep, 增加, 保留, supprimer, remplacer, ajouter, suprimir,
    ///   sustituir, eliminar, заменить, удалить, исключить, حذف, إضافة…) when the text also names a
    ///   part of the text (item, paragraph, sentence, word, title, after, 项, 第…段, 之后, alinéa,
    ///   phrase, párrafo, frase, пункт, абзац, الفقرة, الجملة…), a paragraph number such as
    ///   `4.2.2.3`, or quotes something; and Chinese `在…之后插入…` (`后增加`, `前插入`…).
    /// - Only the first 1000 characters are read for the verb and what it names, and text over
    ///   4000 characters is never an exact instruction.
    /// - Anything else is replacement text, including text that merely contains such a verb.
    public static func classify(_ text: String) -> ProposedChangeKind {
        var body = Substring(text).drop { $0.isWhitespace }
        while let last = body.last, last.isWhitespace { body = body.dropLast() }
        if let exact = InstructionGrammar.exact(String(body)) { return .instruction(exact) }
        return InstructionGrammar.opensWithInstruction(String(body)) ? .instruction(nil) : .replacement
    }
}

/// The forms of instructions `ProposedChangeKind.classify` knows.
enum InstructionGrammar {
    private enum Token: Sendable {
        /// One of these phrases (case-insensitive).
        case words(Phrases)
        /// Perhaps one of these phrases.
        case optional(Phrases)
        /// A quoted text, captured.
        case quote
    }

    private struct Form: Sendable {
        var tokens: [Token]
        /// Which captured quote is the old text (the new one is the other, for a replacement).
        var oldIndex = 0
        var isDeletion: Bool

        func make(_ captures: [String]) -> ExactInstruction {
            isDeletion ? .delete(captures[0]) : .replace(old: captures[oldIndex], new: captures[1 - oldIndex])
        }
    }

    private static let englishObject: Phrases = ["the words", "the word", "the phrase", "the text"]
    private static let frenchObject: Phrases = ["les mots", "le mot", "l'expression", "les termes", "le terme"]
    private static let spanishObject: Phrases = ["las palabras", "la palabra", "la expresión", "la expresion", "el texto"]
    private static let russianObject: Phrases = ["слова", "слово", "выражение", "фразу", "текст"]
    private static let arabicObject: Phrases = ["عبارة", "كلمة"]

    private static let forms: [Form] = {
        func replace(_ verbs: Phrases, _ object: Phrases, _ joiners: Phrases) -> Form {
            Form(tokens: [.words(verbs), .optional(object), .quote, .words(joiners), .optional(object), .quote], isDeletion: false)
        }
        func delete(_ verbs: Phrases, _ object: Phrases) -> Form {
            Form(tokens: [.words(verbs), .optional(object), .quote], isDeletion: true)
        }
        let chineseTo: Phrases = ["改为", "替换为", "修改为", "改成", "换成", "替换成", "更改为"]
        let chineseDelete: Phrases = ["删除", "删去", "删掉", "去掉"]
        return [
            replace(["replace"], englishObject, ["with", "by"]),
            replace(["change"], englishObject, ["to"]),
            delete(["delete", "remove", "strike out", "strike"], englishObject),
            Form(tokens: [.words(["将", "把"]), .quote, .words(chineseTo), .quote], isDeletion: false),
            Form(tokens: [.words(["用"]), .quote, .words(["替换", "取代", "代替"]), .quote], oldIndex: 1, isDeletion: false),
            Form(tokens: [.words(chineseDelete), .quote], isDeletion: true),
            Form(tokens: [.words(["将", "把"]), .quote, .words(chineseDelete)], isDeletion: true),
            replace(["remplacer"], frenchObject, ["par"]),
            delete(["supprimer"], frenchObject),
            replace(["sustituir", "reemplazar", "sustitúyase", "reemplácese"], spanishObject, ["por"]),
            delete(["suprimir", "eliminar", "suprímase", "elimínese"], spanishObject),
            replace(["заменить"], russianObject, ["на"]),
            delete(["исключить", "удалить"], russianObject),
            replace(["يستعاض عن", "يُستعاض عن", "استبدال", "يستبدل"], arabicObject, ["بعبارة", "بكلمة", "بـ", "ب"]),
            delete(["تحذف", "تُحذف", "يحذف", "يُحذف", "حذف"], arabicObject),
        ]
    }()

    /// An exact instruction is short: longer text is not read as one.
    static let exactLimit = 4000
    /// An instruction shows itself at its start: only this much is read for its verb and what it names.
    static let openingLimit = 1000

    /// The exact instruction the whole text is, if any.
    static func exact(_ text: String) -> ExactInstruction? {
        let scanner = ReferenceScanner(text, normalizing: false, limit: exactLimit + 1)
        guard scanner.scalars.count <= exactLimit else { return nil }
        for form in forms {
            if let captures = match(form.tokens[...], scanner, captures: []) { return form.make(captures) }
        }
        return nil
    }

    private static let closingQuotes: [Unicode.Scalar: Unicode.Scalar] = [
        "\"": "\"", "“": "”", "„": "“", "”": "”", "'": "'", "‘": "’", "«": "»", "「": "」", "『": "』",
    ]

    /// Matches the tokens from the scanner's position to the end of the text (a final
    /// punctuation mark allowed).
    private static func match(_ tokens: ArraySlice<Token>, _ scanner: ReferenceScanner, captures: [String]) -> [String]? {
        var scanner = scanner
        scanner.skipSpaces()
        guard let token = tokens.first else {
            for mark in [".", "。", ";", "；", "!", "！"] where scanner.skip(mark) { break }
            scanner.skipSpaces()
            return scanner.atEnd ? captures : nil
        }
        switch token {
        case .words(let phrases):
            guard scanner.skipPhrase(phrases) != nil else { return nil }
            return match(tokens.dropFirst(), scanner, captures: captures)
        case .optional(let phrases):
            var skipped = scanner
            if skipped.skipPhrase(phrases) != nil, let found = match(tokens.dropFirst(), skipped, captures: captures) { return found }
            return match(tokens.dropFirst(), scanner, captures: captures)
        case .quote:
            guard let open = scanner.next, let close = closingQuotes[open] else { return nil }
            let start = scanner.position + 1
            var end = start
            // The first closing quote ends the text: `delete "X" and "Y"` is not the deletion of `X" and "Y`.
            while end < scanner.scalars.count {
                if scanner.scalars[end] == close {
                    guard end > start else { return nil }
                    var content = Array(scanner.scalars[start..<end])
                    if open == "«" {
                        while let first = content.first, first.properties.isWhitespace { content.removeFirst() }
                        while let last = content.last, last.properties.isWhitespace { content.removeLast() }
                    }
                    var after = scanner
                    after.position = end + 1
                    guard !content.isEmpty else { return nil }
                    return match(tokens.dropFirst(), after, captures: captures + [String(String.UnicodeScalarView(content))])
                }
                end += 1
            }
            return nil
        }
    }

    // MARK: - Instructions without an exact form

    /// Verbs that open only instructions (imperatives no paragraph of a draft starts with, and
    /// the passive forms of amendments).
    private static let strongVerbs: Phrases = [
        "delete", "insert", "renumber",
        "删除", "删去", "删掉", "插入", "替换", "移至", "移到", "调换", "改为",
        "insérer", "inserer",
        "insertar", "suprímase", "sustitúyase", "reemplácese", "insértese", "elimínese",
        "вставить",
        "يستعاض", "يُستعاض", "تحذف", "تُحذف", "يحذف", "يُحذف", "يدرج", "يُدرج", "تدرج", "تُدرج",
    ]

    /// Verbs that also open ordinary sentences or list items ("Replace outdated equipment…",
    /// "Supprimer les obstacles…", "Eliminar la brecha…"): an instruction only with a part of the
    /// text named, a paragraph number or a quotation.
    private static let weakVerbs: Phrases = [
        "replace", "substitute", "remove", "add", "move", "keep", "retain", "strike", "merge", "swap", "amend", "reword", "change",
        "增加", "添加", "增补", "保留", "移动", "合并", "去掉", "修改",
        "supprimer", "remplacer", "ajouter", "déplacer", "deplacer", "conserver", "maintenir", "modifier",
        "suprimir", "sustituir", "reemplazar", "eliminar", "añadir", "agregar", "mantener", "mover", "trasladar", "modificar",
        "заменить", "удалить", "исключить", "добавить", "сохранить", "изменить", "перенести",
        "حذف", "إدراج", "إضافة", "يضاف", "تضاف", "الإبقاء", "يبقى", "تعديل", "ينقل", "تنقل", "استبدال",
    ]

    /// Words that may come before the verb.
    private static let politeness: Phrases = [
        "please", "we suggest to", "we suggest", "suggest", "we propose to", "propose to",
        "请", "建议", "拟",
        "veuillez", "prière de", "il est proposé de", "por favor", "se propone", "просьба", "прошу", "предлагается", "يرجى", "يقترح",
    ]

    /// Parts of a text an instruction names (matched as whole words, or anywhere for Chinese).
    private static let partWords: Set<String> = [
        "item", "items", "paragraph", "paragraphs", "para", "sentence", "sentences", "word", "words", "bullet",
        "subparagraph", "sub-paragraph", "sub-item", "phrase", "footnote", "point", "heading", "title", "after",
        "alinéa", "paragraphe", "mot", "mots", "puce", "après",
        "apartado", "párrafo", "inciso", "punto", "frase", "oración", "palabra", "palabras", "viñeta", "después",
        "пункт", "пункта", "подпункт", "подпункта", "абзац", "предложение", "слово", "слова", "после",
        "الفقرة", "البند", "الجملة", "كلمة", "عبارة", "بعد",
    ]
    private static let chineseInsertions = ["之后插入", "后插入", "之前插入", "前插入", "之后增加", "后增加", "之后添加", "后添加"]
    private static let chineseParts = ["之后", "以后", "这一句", "这句", "该句", "该段", "本段", "该项", "本项"]
    /// Opening quotation marks (not `'` or `’`, which are also apostrophes: "l'alinéa").
    private static let quoteMarks: Set<Unicode.Scalar> = ["\"", "“", "„", "‘", "«", "「", "『"]
    private static let chineseUnits: Set<Unicode.Scalar> = ["项", "段", "句", "条", "款", "点"]

    /// Whether the text opens with an instruction verb (see `ProposedChangeKind.classify`).
    static func opensWithInstruction(_ text: String) -> Bool {
        var scanner = ReferenceScanner(text, normalizing: false, limit: openingLimit)
        scanner.skipSpaces()
        for mark in ["**", "__", "*", "_"] where scanner.skip(mark) { break }
        // A leading paragraph number: "3.3 Delete item 4)".
        let start = scanner.position
        if scanner.reference() == nil || scanner.next.map({ !$0.properties.isWhitespace }) ?? true { scanner.position = start }
        scanner.skipSpaces()
        _ = scanner.skipPhrase(politeness)
        scanner.skipSpaces()
        if scanner.skipPhrase(strongVerbs) != nil { return true }
        // "在第4.2.2.6段之后插入新段落": where, then the verb.
        if scanner.skip("在"), chineseInsertions.contains(where: scanner.rest.contains) { return true }
        guard scanner.skipPhrase(weakVerbs) != nil else { return false }
        let rest = scanner.scalars[scanner.position...]
        if rest.contains(where: quoteMarks.contains) || namesNumberedPart(rest) { return true }
        let text = String(String.UnicodeScalarView(rest))
        if rest.contains(where: ReferenceScanner.isCJK), chineseParts.contains(where: text.contains) { return true }
        let words = text.lowercased().split { !($0.isLetter || $0 == "-") }
        return words.contains { partWords.contains(String($0)) }
    }

    /// `第4)项`, `第二段`, `第3句`, or a paragraph number such as `4.2.2.3`.
    private static func namesNumberedPart(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == "第", let unit = scalars[(index + 1)...].prefix(6).firstIndex(where: chineseUnits.contains), unit > index + 1 {
                return true
            }
            if ("0"..."9").contains(scalar), index + 2 < scalars.endIndex, scalars[index + 1] == ".", ("0"..."9").contains(scalars[index + 2]) {
                return true
            }
        }
        return false
    }
}
