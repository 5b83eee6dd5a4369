/// The words of comment headings, template cells and proposal labels, in the six UN languages
/// (English, Chinese, French, Spanish, Russian, Arabic). All lower case: they are matched
/// case-insensitively against text normalised as `ParagraphReference` reads it. Words of a
/// phrase may be separated by any spaces.
///
/// These are the common forms, not a grammar of each language: see README "The comment format"
/// for what is covered.
enum CommentVocabulary {
    /// Before one reference: "paragraph 4.2", "§ 4.2" (the symbols are read separately).
    static let paragraphWords: Phrases = [
        "paragraph", "para.", "para", "par.", "subparagraph", "sub-paragraph", "section", "clause",
        "paragraphe", "alinéa",
        "párrafo", "parrafo", "apartado", "inciso", "sección", "seccion",
        "пункт", "пункта", "пункте", "подпункт", "подпункта", "п.", "раздел", "раздела",
        "الفقرة الفرعية", "الفقرة", "فقرة", "القسم",
        "段落",
    ]

    /// Before a list or range: "paragraphs 4.2.2.5 and 4.2.2.6".
    static let pluralParagraphWords: Phrases = [
        "paragraphs", "paras.", "paras", "sections", "clauses", "§§",
        "paragraphes", "alinéas",
        "párrafos", "parrafos", "apartados", "secciones",
        "пункты", "пунктов", "пп.", "разделы",
        "الفقرات", "الفقرتان", "الفقرتين",
    ]

    /// After a reference, in Chinese: `第4.2.2.2段`.
    static let chineseParagraphSuffixes: Phrases = ["段落", "段", "节", "条", "款", "项"]

    /// A heading (or template cell) that names the whole text.
    static let generalAnchors: Set<String> = [
        "general", "general comment", "general comments", "general remarks",
        "总体", "总体意见", "总体评论", "一般性意见", "一般意见", "一般性评论", "一般性",
        "général", "générale", "généralités", "observation générale", "observations générales",
        "commentaire général", "commentaires généraux",
        "observación general", "observaciones generales", "comentario general", "comentarios generales",
        "общий", "общее", "общие", "общее замечание", "общие замечания", "общий комментарий", "общие комментарии",
        "عام", "عامة", "ملاحظة عامة", "ملاحظات عامة", "تعليق عام", "تعليقات عامة",
    ]

    /// The type of a comment, in parentheses in a heading or in the template's Type column.
    static let types: [String: CommentType] = {
        var types: [String: CommentType] = [:]
        for word in ["ge", "gen", "general", "一般性", "一般", "总体", "总体性", "一般性意见", "总体意见",
                     "général", "générale", "общий", "общее", "общая", "общие", "عام", "عامة"] {
            types[word] = .general
        }
        for word in ["te", "tech", "technical", "技术性", "技术", "技术性意见", "technique",
                     "técnico", "técnica", "tecnico", "tecnica",
                     "технический", "техническое", "техническая", "технические", "تقني", "تقنية", "فني", "فنية"] {
            types[word] = .technical
        }
        for word in ["ed", "editorial", "编辑性", "编辑", "编辑性意见", "rédactionnel", "rédactionnelle",
                     "éditorial", "éditoriale", "de redacción", "de redaccion", "redaccional",
                     "редакционный", "редакционное", "редакционная", "редакционные", "تحريري", "تحريرية"] {
            types[word] = .editorial
        }
        return types
    }()

    /// Between the references of a list: "4.2.2.5, 4.2.2.6", "4.2.2.5 and 4.2.2.6", "4.2.2.5、4.2.2.6".
    /// (The Arabic `و`, "and", is read apart: it is written joined to the next word.)
    static let listPunctuation: Phrases = [",", ";", "、", "&"]
    static let listWords: Phrases = ["and", "et", "y", "и", "和", "以及", "及", "与"]

    /// Between the ends of a range: "4.2.2.5-4.2.2.6", "4.2.2.5 to 4.2.2.6", "第4.2.2.5至4.2.2.6段".
    static let rangeSeparators: Phrases = ["-", "–", "—", "‒", "~", "至", "到", "to", "through", "à", "au", "a", "al", "по", "إلى", "الى"]

    /// Before the first end of a range: "from 4.2.2.5 to 4.2.2.6", "del párrafo 4.2.2.5 al 4.2.2.6".
    static let rangeStarts: Phrases = ["from", "du", "des", "del", "desde", "de", "с", "со", "من", "从", "自"]

    /// Words that may come before "after" in an insertion heading: "new paragraph after 4.2.2.6".
    static let insertionWords: Phrases = [
        "new", "paragraph", "para.", "para", "a", "insert", "insertion", "add", "addition", "proposed", "of",
        "nouveau", "nouvel", "nouvelle", "paragraphe", "insérer", "inserer", "insertion", "ajouter", "ajout", "un",
        "nuevo", "nueva", "párrafo", "parrafo", "insertar", "inserción", "insercion", "añadir", "agregar",
        "новый", "пункт", "вставить", "добавить",
        "فقرة", "جديدة", "إدراج", "إضافة", "تدرج", "تضاف", "يدرج", "يضاف",
    ]

    /// "after" and what may follow it before the reference: "après le paragraphe 4.2.2.6".
    static let afterWords: Phrases = ["after", "après le", "après la", "après", "después del", "después de", "despues del",
                             "despues de", "tras el", "tras", "после", "بعد"]

    /// Chinese insertion headings: `在第4.2.2.6段之后`, `新段落：在4.2.2.6段后`, `4.2.2.6段之后插入新段落`.
    static let chineseInsertionPrefixes: Phrases = ["插入新段落", "新增段落", "新段落", "新增"]
    static let chineseAfter: Phrases = ["之后", "以后", "后"]
    static let chineseInsertionVerbs: Phrases = ["插入", "增加", "新增", "添加"]
    static let chineseInsertionObjects: Phrases = ["一个新段落", "一段新段落", "新的一段", "新段落", "一段", "段落"]

    /// A parenthesised word after an insertion heading that says the paragraph is new: `(new)`, `（新段落）`.
    static let newMarkers: Set<String> = [
        "new", "new paragraph", "新段落", "新增", "新增段落", "nouveau", "nouveau paragraphe",
        "nuevo", "nuevo párrafo", "новый", "новый пункт", "جديدة", "فقرة جديدة",
    ]

    /// The label of a proposed change in a Markdown comment, before `:` or `：`.
    static let proposalLabels = [
        "proposed change", "proposed changes", "proposed text", "proposed amendment", "proposal",
        "建议修改为", "建议修改", "拟议修改", "修改建议", "建议案文", "拟议案文", "建议改为",
        "modification proposée", "modifications proposées", "proposition de modification", "proposition", "texte proposé",
        "cambio propuesto", "cambios propuestos", "modificación propuesta", "propuesta de modificación", "propuesta",
        "texto propuesto",
        "предлагаемое изменение", "предлагаемые изменения", "предлагаемый текст", "предлагаемая поправка", "предложение",
        "التغيير المقترح", "التغييرات المقترحة", "التعديل المقترح", "النص المقترح",
    ]
}
