import Foundation

/// French (UN and ITU usage: « Acceptée », « Suite donnée aux observations », procédure d'approbation tacite).
struct FrenchCatalogue: Catalogue {
    var language: Language { .fr }

    func rounds(_ names: [String]) -> String {
        guard names.count > 1 else { return "cycle \(names.first ?? "")" }
        return "cycles " + names.dropLast().joined(separator: ", ") + " et " + names.last!
    }
    func comments(_ count: Int) -> String { "\(count) \(count <= 1 ? "observation" : "observations")" }
    var late: String { "(tardive)" }
    var colon: String { " : " }
    var fullStop: String { "." }
    var comma: String { ", " }
    func decision(_ decision: Decision?) -> String {
        switch decision {
        case .accepted: return "Acceptée"
        case .modified: return "Acceptée avec modification"
        case .noted: return "Prise en note"
        case .rejected: return "Non acceptée"
        case .withdrawn: return "Retirée"
        case nil: return "En attente de décision"
        }
    }
    func commentType(_ type: CommentType) -> String {
        switch type {
        case .general: return "générale"
        case .technical: return "technique"
        case .editorial: return "rédactionnelle"
        case .unspecified: return "non précisé"
        }
    }

    var version: String { "Version" }
    var transmittedTo: String { "Transmis à" }
    var status: String { "Statut" }
    func draftStatus(version: String, recipient: String) -> String {
        "Projet \(version), qui n'est pas le texte final ; non transmis à \(recipient)"
    }
    var due: String { "Date limite" }
    var preparedBy: String { "Établi par" }
    var preparedAt: String { "Établi le" }
    var theChair: String { "la présidence" }

    var finalSections: [String] {
        ["1. Résumé de la transmission", "2. Texte final", "3. Modifications apparentes", "4. Suite donnée aux observations", "5. Sources"]
    }
    func draftSections(version: String) -> [String] {
        ["1. Résumé", "2. Texte de \(version) (un projet, non le texte final)", "3. Modifications apparentes",
         "4. Suite donnée aux observations", "5. Sources"]
    }
    var timeline: String { "Chronologie" }
    var noEvents: String { "Aucun événement enregistré." }
    var date: String { "Date" }
    var event: String { "Événement" }
    var commentsReceived: String { "Observations reçues" }
    var noMemberCommented: String { "Aucun membre n'a formulé d'observations." }
    var member: String { "Membre" }
    var received: String { "Reçu le" }
    var commentsColumn: String { "Observations" }
    var silenceProcedure: String { "Procédure d'approbation tacite" }
    var changes: String { "Modifications" }
    func changeSummary(modified: Int, inserted: Int, deleted: Int, moved: Int) -> String {
        "\(modified) \(modified <= 1 ? "paragraphe modifié" : "paragraphes modifiés"), \(inserted) \(inserted <= 1 ? "inséré" : "insérés"), "
            + "\(deleted) \(deleted <= 1 ? "supprimé" : "supprimés")" + (moved > 0 ? ", \(moved) \(moved == 1 ? "déplacé" : "déplacés")" : "")
    }
    func changeLine(since first: String, _ summary: String) -> String { "Modifications depuis \(first) : \(summary)" }
    var textIsEmpty: String { "(Le texte est vide.)" }
    func redlineHeading(_ section: String, from: String, to: String) -> String { "\(section) de \(from) à \(to)" }
    var noText: String { "(Aucun texte.)" }
    var redlineLegendMarkdown: String {
        "Les suppressions sont ~~barrées~~, les insertions en **gras** ; les paragraphes déplacés sont signalés."
    }
    var redlineLegendHTML: String {
        "Les suppressions sont <del>barrées en rouge</del>, les insertions <ins>soulignées en vert</ins> ; "
            + "les paragraphes modifiés sont signalés dans la marge et les paragraphes déplacés sont indiqués."
    }
    func moved(from: String, to: String) -> String { "(déplacé de \(from) à \(to))" }
    func movedFrom(_ from: String) -> String { " (déplacé depuis \(from))" }
    var trackedChangesNote: String {
        "Les modifications sont des marques de révision : Word les énumère une à une, et le lecteur peut accepter ou refuser chacune d'elles."
    }
    var noCommentsReceived: String { "Aucune observation n'a été reçue." }
    var tag: String { "Étiquette" }
    var commit: String { "Commit" }
    var noSources: String { "Aucune source enregistrée." }
    var workspaceHead: String { "espace de travail (HEAD)" }
    func documentSymbol(_ symbol: String) -> String { "Document \(symbol)" }
    func original(_ language: String) -> String { "Original : \(language)" }
    var proposalsToOriginal: String { "Propositions relatives à l'original :" }
    var english: String { "anglais" }
    func source(_ who: String) -> String { "Source : \(who)" }

    func published(_ version: String) -> String { "Publication de \(version)" }
    func roundOpened(silence: Bool, name: String, on version: String, closes: String) -> String {
        "Ouverture \(silence ? "de la procédure d'approbation tacite" : "du cycle d'observations") \(name) sur \(version), jusqu'au \(closes)"
    }
    func roundClosedEarly(_ name: String) -> String { "Clôture anticipée du cycle \(name)" }
    func roundExtended(_ name: String, closes: String) -> String { "Prolongation du cycle \(name) jusqu'au \(closes)" }
    func roundClosed(_ name: String, at: String, reopenedLater: Bool) -> String {
        reopenedLater ? "Cycle \(name) clos le \(at) (rouvert par la suite)" : "Cycle \(name) clos à la date limite, le \(at)"
    }
    func submissionReceived(from member: String, round: String, late: Bool, noObjection: Bool) -> String {
        (noObjection ? "Aucune objection de \(member) dans \(round)" : "Contribution reçue de \(member) dans \(round)") + (late ? " (tardive)" : "")
    }
    func merged(_ rounds: String) -> String { "Fusion des propositions \(Self.of(rounds)) en un projet de texte suivant" }
    /// "du cycle draft-1", "des cycles draft-1 et draft-1b".
    static func of(_ rounds: String) -> String { (rounds.hasPrefix("cycles ") ? "des " : "du ") + rounds }
    func finalized(_ version: String) -> String { "Adoption de \(version)" }
    func submitted(_ version: String, to recipient: String) -> String { "Transmission de \(version) à \(recipient)" }
    func silenceKept(on version: String, before: String) -> String {
        "Approbation tacite acquise : aucun membre ne s'est opposé à \(version) avant le \(before)."
    }
    func silenceBroken(by codes: [String], in round: String) -> String {
        "Approbation tacite rompue par \(codes.joined(separator: ", ")) dans \(round)."
    }
    func silenceOpen(_ name: String, on version: String, until: String, brokenBy codes: [String]) -> String {
        "La procédure d'approbation tacite \(name) sur \(version) est ouverte jusqu'au \(until)"
            + (codes.isEmpty ? " ; elle n'a pas été rompue à ce jour." : " ; rompue par \(codes.joined(separator: ", ")).")
    }
    func noSilenceProcedure(on version: String?) -> String {
        version.map { "Aucune procédure d'approbation tacite n'a eu lieu sur \($0)." } ?? "Aucune procédure d'approbation tacite n'a eu lieu."
    }
    func overObjection(_ codes: [String], note: String) -> String {
        "Approbation tacite rompue par \(codes.joined(separator: ", ")) ; le secrétariat a adopté le texte malgré l'objection : \(note)"
    }
    func confirmations(in round: String, _ entries: [(member: String, at: String)]) -> String {
        " Absence d'objection confirmée dans \(round) par " + entries.map { "\($0.member) le \($0.at)" }.joined(separator: " ; ") + "."
    }
    func silenceReply(_ name: String, noObjection: Bool, round: String) -> String {
        "\(name) (\(noObjection ? "aucune objection" : "objection") dans \(round))"
    }

    var dispositionColumns: [String] {
        ["Id", "Membre", "Numéro de ligne", "Article/Paragraphe", "Paragraphe", "Type d'observation", "Observations", "Modification proposée",
         "Suite donnée", "Observations du secrétariat"]
    }
    func paragraph(_ paragraph: String, now: String) -> String { "\(paragraph) (désormais \(now))" }
    func orphaned(_ paragraph: String) -> String { "\(paragraph) (supprimé : observation orpheline)" }
    var modifiedText: String { "Texte modifié : " }
    func dispositionTitle(_ title: String, rounds: String, only member: String?) -> String {
        "\(title) : suite donnée aux observations, \(rounds)" + (member.map { ", \($0) uniquement" } ?? "")
    }

    var reportColumns: [String] { ["Id", "Paragraphe", "Type", "Observation", "Suite donnée", "Remarque", "Dans le nouveau texte"] }
    var generalWholeText: String { "générale (l'ensemble du texte)" }
    func deleted(_ paragraph: String) -> String { "\(paragraph) → supprimé" }
    func sameNumber(_ paragraph: String) -> String { "\(paragraph) (même numéro)" }
    func reportTitle(_ title: String, member: String, rounds: String) -> String { "\(title) : observations de \(member), \(rounds)" }
    func candidate(_ rounds: String) -> String { "la version candidate issue de la fusion \(Self.of(rounds))" }
    func reportCount(_ count: Int, newText: String) -> String {
        "\(comments(count)) ; les numéros de paragraphe du nouveau texte sont ceux de \(newText)."
    }

    var draftForCommentNote: String { " (un projet soumis pour observations, non le texte final)" }
    var circulatedBy: String { "Diffusé par" }
    var howToComment: String { "1. Comment formuler des observations" }
    func changesSince(_ previous: String?) -> String { "2. Modifications depuis " + (previous ?? "la version précédente") }
    var firstVersion: String { "Il s'agit de la première version." }
    var redlineLegendPlain: String { "Les suppressions sont barrées, les insertions soulignées ; les paragraphes déplacés sont signalés." }
    func textOf(_ version: String) -> String { "3. Texte de \(version)" }
    var draftForComment: String { " (projet soumis pour observations)" }
    func instructions(silence: Bool, round: String, version: String, deadline: String, to: String) -> [String] {
        silence ? [
            "Procédure d'approbation tacite \(round) sur \(version). À moins qu'un membre ne s'y oppose au plus tard le \(deadline), le texte est réputé adopté.",
            "Pour formuler une objection, l'adresser à \(to) avant la date limite. Une réponse « No objection. » (« Pas d'objection. ») "
                + "est enregistrée comme une confirmation et ne rompt pas l'approbation tacite.",
        ] : [
            "Cycle d'observations \(round) sur \(version). Les observations doivent parvenir au plus tard le \(deadline).",
            "Les adresser à \(to) : une section par observation, intitulée par le numéro du paragraphe et le type d'observation, "
                + "par exemple « ## 4.2.2.3 (editorial) », avec le cas échéant une ligne « Proposed change: » ; ou le modèle d'observations de l'ISO. "
                + "Une copie modifiée du projet peut être jointe.",
        ]
    }

    var receipt: String { "Accusé de réception" }
    var round: String { "Cycle" }
    var submission: String { "Contribution" }
    func onVersion(_ version: String) -> String { " (sur \(version))" }
    var receivedUTC: String { "Reçu le (UTC)" }
    var onTime: String { "Dans les délais" }
    var yes: String { "oui" }
    var recordedLate: String { "non (enregistré comme tardif)" }
    func sha256(of role: String) -> String { "SHA-256 de \(role)" }
    func fileRole(_ role: String) -> String { role == "original" ? "l'original" : role == "edited copy" ? "la copie modifiée" : role }
    func bytes(_ count: Int) -> String { "(\(count) octets)" }
    var receiptComments: String { "Observations" }
    var id: String { "Id" }
    var paragraphColumn: String { "Paragraphe" }
    var type: String { "Type" }
    var checkReceiptMarkdown: String {
        "Vérification possible à tout moment : `draftflow verify --receipt FILE` dans l'espace de travail, ou `sha256sum` sur le fichier original."
    }
    var checkReceiptHTML: String { "Vérification possible à tout moment : <code>draftflow verify --receipt FILE</code> dans l'espace de travail." }
}
