import Testing
@testable import DraftFlow

/// The six catalogues: complete (the compiler sees to that), translated, with each language's plurals.
@Suite("Catalogue")
struct CatalogueTests {
    @Test func everyLanguageHasTheTablesColumnsAndItsOwnWords() {
        let english = Language.en.catalogue
        for language in Language.allCases {
            let words = language.catalogue
            #expect(words.language == language)
            #expect(words.dispositionColumns.count == 10)
            #expect(words.reportColumns.count == 7)
            #expect(words.finalSections.count == 5)
            #expect(words.draftSections(version: "draft-1").count == 5)
            guard language != .en else { continue }
            // Nothing left in English: headings, decisions and the silence procedure are translated
            // ("5. Sources" is French as well as English).
            #expect(Set(words.finalSections.prefix(4)).isDisjoint(with: english.finalSections), "\(language)")
            #expect(words.decision(.accepted) != english.decision(.accepted), "\(language)")
            #expect(words.silenceProcedure != english.silenceProcedure, "\(language)")
            #expect(words.dispositionColumns[8] != english.dispositionColumns[8], "\(language)")
        }
    }

    @Test func theUNsChineseFrenchAndSpanishDecisions() {
        let decisions: [Decision?] = [.accepted, .modified, .noted, .rejected, nil]
        #expect(decisions.map(Language.zh.catalogue.decision) == ["已接受", "部分接受", "已注意到", "未接受", "尚未决定"])
        #expect(decisions.map(Language.fr.catalogue.decision) == ["Acceptée", "Acceptée avec modification", "Prise en note", "Non acceptée",
                                                                  "En attente de décision"])
        #expect(decisions.map(Language.es.catalogue.decision) == ["Aceptada", "Aceptada con modificaciones", "Se toma nota", "No aceptada",
                                                                  "Pendiente de decisión"])
        #expect(decisions.map(Language.en.catalogue.decision) == ["Accepted", "Accepted with modification", "Noted", "Not accepted", "Undecided"])
    }

    @Test func russianAndArabicCountsTakeTheirPluralForms() {
        let russian = [1, 2, 5, 11, 12, 21, 22, 25, 101, 111].map(Language.ru.catalogue.comments)
        #expect(russian == ["1 замечание", "2 замечания", "5 замечаний", "11 замечаний", "12 замечаний", "21 замечание", "22 замечания",
                            "25 замечаний", "101 замечание", "111 замечаний"])
        let arabic = [1, 2, 3, 10, 11, 99, 100, 103].map(Language.ar.catalogue.comments)
        #expect(arabic == ["تعليق واحد", "تعليقان", "3 تعليقات", "10 تعليقات", "11 تعليقاً", "99 تعليقاً", "100 تعليق", "103 تعليقات"])
        #expect([1, 2].map(Language.fr.catalogue.comments) == ["1 observation", "2 observations"])
        #expect([1, 3].map(Language.zh.catalogue.comments) == ["1条意见", "3条意见"])
    }
}

extension CatalogueTests {
    @Test func severalRoundsTakeThePluralAndItsArticle() {
        #expect(Language.en.catalogue.rounds(["draft-1", "draft-1b"]) == "rounds draft-1 and draft-1b")
        #expect(Language.fr.catalogue.candidate(Language.fr.catalogue.rounds(["draft-1", "draft-1b"]))
            == "la version candidate issue de la fusion des cycles draft-1 et draft-1b")
        #expect(Language.fr.catalogue.candidate(Language.fr.catalogue.rounds(["draft-1"])) == "la version candidate issue de la fusion du cycle draft-1")
        #expect(Language.es.catalogue.merged(Language.es.catalogue.rounds(["a", "b", "c"]))
            == "Fusión de las propuestas de las rondas a, b y c en un proyecto de texto siguiente")
        #expect(Language.zh.catalogue.rounds(["a", "b", "c"]) == "轮次a、b和c")
    }
}
