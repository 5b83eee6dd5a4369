import Foundation
import TestSupport

/// The languages of the draft's paragraphs.
enum Language: Int, CaseIterable {
    case english, french, russian, arabic, chinese

    /// 60% English, 10% each of the others.
    static func draw(_ random: inout SeededGenerator) -> Language {
        switch random.below(10) {
        case 0: return .french
        case 1: return .russian
        case 2: return .arabic
        case 3: return .chinese
        default: return .english
        }
    }

    var words: [String] {
        switch self {
        case .english: return Vocabulary.english
        case .french: return Vocabulary.french
        case .russian: return Vocabulary.russian
        case .arabic: return Vocabulary.arabic
        case .chinese: return Vocabulary.chinese
        }
    }
}

enum Vocabulary {
    static let english = """
    member states recognize importance sustainable development digital economy international cooperation information \
    communication technologies infrastructure universal affordable access education health environment gender equality \
    human rights peace security partnerships financing investment data statistics capacity building national regional \
    policies governments private sector civil society united nations general assembly council resolution implementation \
    progress review strengthen promote support ensure achieve targets resilient inclusive meaningful connectivity skills \
    women girls youth rural areas developing countries least developed small island landlocked broadband spectrum \
    standards cybersecurity trust innovation research transfer knowledge
    """.split(separator: " ").map(String.init)

    static let french = """
    les États membres reconnaissent l'importance du développement durable de la coopération internationale et des \
    technologies l'information communication pour accès universel abordable infrastructure numérique éducation santé \
    environnement égalité entre femmes hommes droits l'homme paix sécurité partenariats financement investissement \
    données statistiques renforcement capacités politiques nationales régionales gouvernements secteur privé société \
    civile Nations Unies assemblée générale conseil résolution mise œuvre progrès examen
    """.split(separator: " ").map(String.init)

    static let russian = """
    государства члены признают важность устойчивого развития цифровой экономики международного сотрудничества в и на \
    для с по Организации Объединённых Наций инфраструктуры доступа к информации технологий связи образования \
    здравоохранения окружающей среды равенства прав человека мира безопасности партнёрства финансирования инвестиций \
    данных статистики потенциала укрепления национальных региональных политики правительства частного сектора \
    гражданского общества резолюции осуществления прогресса обзора
    """.split(separator: " ").map(String.init)

    static let arabic = """
    الدول الأعضاء التنمية المستدامة التكنولوجيا المعلومات الاتصالات تعزيز التعاون الدولي في من على إلى الأمم المتحدة \
    الاتحاد البنية التحتية الرقمية الشمول المالي الحكومات القطاع الخاص المجتمع المدني السياسات الوطنية الإقليمية \
    التعليم الصحة البيئة المياه الطاقة الفقر المساواة بين الجنسين حقوق الإنسان السلام الأمن الشراكات التمويل \
    الاستثمار البيانات الإحصاءات القدرات بناء القرار التنفيذ التقدم الاستعراض
    """.split(separator: " ").map(String.init)

    /// French words that are not English words, to tell the two apart when reading a version back.
    static let frenchOnly: Set<String> = Set(french.map { $0.lowercased() }).subtracting(english)

    static let chinese: [String] = {
        var seen = Set<Character>()
        var characters: [String] = []
        for character in "会员国认识到可持续发展数字经济国际合作信息通信技术基础设施普遍可负担接入教育卫生环境性别平等人权和平安全伙伴关系融资投资数据统计能力建设区域政策政府私营部门民间社会联合大会理事决议执行进展评估加强促进支持确保实现目标妇女青年农村地区创新研究知识转让标准频谱宽带" where seen.insert(character).inserted {
            characters.append(String(character))
        }
        return characters
    }()

    static let titles = ["Introduction", "Principles", "Digital infrastructure", "Financing", "Capacity building",
                         "Data and statistics", "Partnerships", "Follow-up and review", "Gender equality", "Education",
                         "Health", "Environment", "Security and trust", "Innovation", "Means of implementation"]
}

/// One line of the draft: a heading, or a numbered paragraph split into tokens that edits replace.
struct DraftLine {
    var number: String?        // "12.3" for a paragraph
    var text: String           // the whole line as written
    var language: Language?
    var tokens: [String]       // words, or characters for Chinese

    static func paragraph(number: String, language: Language, tokens: [String]) -> DraftLine {
        DraftLine(number: number, text: render(number: number, language: language, tokens: tokens), language: language, tokens: tokens)
    }

    static func render(number: String, language: Language, tokens: [String]) -> String {
        number + " " + (language == .chinese ? tokens.joined() : tokens.joined(separator: " "))
    }
}

/// The workload: the draft, the members and their submissions, all derived from a seed.
struct Workload {
    /// Every slot of a paragraph is a stretch of tokens that one edit touches:
    /// 10 words (or 15 Chinese characters); an edit replaces 2 words (3 characters) in its middle.
    static let slotsPerParagraph = 10

    let scale: Double
    let paragraphs: Int
    let members: [String]
    let commentsPerSubmission = 13
    let proposedChangesPerSubmission = 3

    /// Percentage of paragraphs where members collide.
    let collisionPercent: Double

    init(scale: Double, collisionPercent: Double, paragraphs fixed: Int? = nil) {
        self.scale = scale
        self.collisionPercent = collisionPercent
        paragraphs = fixed ?? max(20, Int((1000 * scale).rounded()))
        let count = max(2, Int((193 * scale).rounded()))
        var codes = Array(Workload.unMembers.prefix(count))
        var extra = 1
        while codes.count < count {
            codes.append(String(format: "X%04d", extra))
            extra += 1
        }
        members = codes
    }

    /// Paragraphs each member edits in its copy: about 5% of the draft.
    var editsPerMember: Int { max(2, Int((Double(paragraphs) * 0.05).rounded())) }
    /// Paragraphs where members collide: `collisionPercent` of the draft (at least one).
    var hotCount: Int { max(1, Int((Double(paragraphs) * collisionPercent / 100).rounded())) }

    // MARK: The first draft

    /// The zero draft: sections of 20 numbered paragraphs of ~100 words, in five languages.
    func firstDraft(title: String) -> String {
        var random = SeededGenerator(1, UInt64(paragraphs))
        var lines = ["# \(title)"]
        let perSection = 20
        var section = 0
        for index in 0..<paragraphs {
            if index % perSection == 0 {
                section += 1
                lines.append("## \(section) \(Vocabulary.titles[(section - 1) % Vocabulary.titles.count])")
            }
            let number = "\(section).\(index % perSection + 1)"
            let language = Language.draw(&random)
            lines.append(DraftLine.paragraph(number: number, language: language, tokens: Self.body(language, &random)).text)
        }
        return lines.joined(separator: "\n\n") + "\n"
    }

    /// ~100 words in sentences of 20, or 150 Chinese characters in clauses of 15.
    static func body(_ language: Language, _ random: inout SeededGenerator) -> [String] {
        let words = language.words
        if language == .chinese {
            var tokens: [String] = []
            for slot in 0..<slotsPerParagraph {
                for _ in 0..<14 { tokens.append(random.pick(words)) }
                tokens.append(slot == slotsPerParagraph - 1 ? "。" : "，")
            }
            return tokens
        }
        var tokens: [String] = []
        for position in 0..<(slotsPerParagraph * 10) {
            var word = random.pick(words)
            if position % 20 == 0, language != .arabic { word = word.prefix(1).uppercased() + word.dropFirst() }
            if position % 20 == 19 { word += "." }
            tokens.append(word)
        }
        return tokens
    }

    /// Reads a version of the draft back into lines (the generator's own format, as merged).
    static func parse(_ text: String) -> [DraftLine] {
        text.components(separatedBy: "\n\n").compactMap { block -> DraftLine? in
            let line = block.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { return nil }
            guard let first = line.unicodeScalars.first, ("0"..."9").contains(first),
                  let space = line.firstIndex(of: " ") else {
                return DraftLine(number: nil, text: line, language: nil, tokens: [])
            }
            let number = String(line[..<space])
            let body = String(line[line.index(after: space)...])
            let isChinese = body.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            if isChinese {
                return DraftLine(number: number, text: line, language: .chinese, tokens: body.map(String.init))
            }
            let tokens = body.split(separator: " ").map(String.init)
            let language: Language = body.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } ? .arabic
                : body.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } ? .russian
                : tokens.filter { Vocabulary.frenchOnly.contains($0.lowercased()) }.count > tokens.count / 4 ? .french : .english
            return DraftLine(number: number, text: line, language: language, tokens: tokens)
        }
    }

    // MARK: One round's submissions

    /// What a member sends in one round: its comments and its edited copy.
    struct Submission {
        var member: String
        var comments: String
        var proposal: String
        var commentCount: Int
    }

    /// A round's plan: which paragraphs are hot (collisions by design) and, for the others,
    /// which member edits which slot. Edits to the same slot of a non-hot paragraph carry the
    /// same words (members agreeing); edits to a hot paragraph carry each member's own words.
    func submissions(round: Int, label: String, version text: String) -> [Submission] {
        let lines = Self.parse(text)
        let paragraphIndexes = lines.indices.filter { lines[$0].number != nil }
        var planner = SeededGenerator(2, UInt64(round), UInt64(paragraphs))
        let order = planner.shuffled(paragraphIndexes)
        let hot = Array(order.prefix(hotCount))
        let cold = Array(order.dropFirst(hotCount))
        let perMember = editsPerMember - 1   // one hot edit, the rest on cold paragraphs

        var result: [Submission] = []
        result.reserveCapacity(members.count)
        for (m, member) in members.enumerated() {
            var random = SeededGenerator(3, UInt64(round), UInt64(m))
            var copy = lines
            var edited: [Int] = []
            // A hot paragraph, slot 0, the member's own words: a collision with the others there.
            let hotIndex = hot[(m + round) % hot.count]
            copy[hotIndex] = Self.edit(copy[hotIndex], slot: 0, random: &random)
            // Cold paragraphs: consecutive in a shuffled order, so each member's are distinct,
            // and slots handed out in turn, so members touch different words of a paragraph.
            for j in 0..<perMember where !cold.isEmpty {
                let e = m * perMember + j
                let index = cold[e % cold.count]
                let slot = 1 + (e / cold.count) % (Self.slotsPerParagraph - 1)
                var shared = SeededGenerator(4, UInt64(round), UInt64(index), UInt64(slot))
                copy[index] = Self.edit(copy[index], slot: slot, random: &shared)
                edited.append(index)
            }
            let proposal = copy.map(\.text).joined(separator: "\n\n") + "\n"

            // The comments: a few describe edits of the copy with their full text, the rest are remarks.
            var sections = ["# Comments of \(member) on \(label)", ""]
            var count = 0
            for index in edited.prefix(proposedChangesPerSubmission) {
                let line = copy[index]
                sections += ["## \(line.number!) (technical)",
                             Self.sentence(&random, words: 14),
                             "Proposed change: \(line.text)", ""]
                count += 1
            }
            let types = ["technical", "editorial", "general"]
            while count < commentsPerSubmission {
                if count == commentsPerSubmission - 1 {
                    sections += ["## general", Self.sentence(&random, words: 18), ""]
                } else {
                    let anchor = lines[random.pick(paragraphIndexes)].number!
                    sections += ["## \(anchor) (\(random.pick(types)))", Self.sentence(&random, words: 16), ""]
                }
                count += 1
            }
            result.append(Submission(member: member, comments: sections.joined(separator: "\n"), proposal: proposal, commentCount: count))
        }
        return result
    }

    /// Replaces two words (three Chinese characters) in the middle of a slot.
    static func edit(_ line: DraftLine, slot: Int, random: inout SeededGenerator) -> DraftLine {
        guard let number = line.number, let language = line.language else { return line }
        var tokens = line.tokens
        let width = language == .chinese ? 15 : 10
        let positions = language == .chinese ? [5, 6, 7] : [4, 5]
        let words = language.words
        for offset in positions {
            let position = slot * width + offset
            guard position < tokens.count else { continue }
            let old = tokens[position]
            var word = random.pick(words)
            if word == old { word = words[(words.firstIndex(of: word)! + 1) % words.count] }
            tokens[position] = word
        }
        return DraftLine.paragraph(number: number, language: language, tokens: tokens)
    }

    static func sentence(_ random: inout SeededGenerator, words count: Int) -> String {
        var words = (0..<count).map { _ in random.pick(Vocabulary.english) }
        words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
        return words.joined(separator: " ") + "."
    }

    /// ISO 3166 alpha-3 codes of the 193 member states of the United Nations.
    static let unMembers = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM \
    CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI \
    FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR \
    KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU \
    NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP \
    SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA \
    UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
    """.split(separator: " ").map(String.init)
}
