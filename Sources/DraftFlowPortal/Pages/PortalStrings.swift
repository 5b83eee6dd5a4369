import Foundation

/// The language of the portal's interface: English or French so far. The text under comment, the
/// members' comments and the use cases' messages stay as written.
enum PortalLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case french = "fr"

    /// The language of a request: `?lang=` when it names one the portal has, else the first of
    /// `Accept-Language` (by quality, then order) that it has, else English.
    static func chosen(query: String?, acceptLanguage: String?) -> PortalLanguage {
        if let query, let language = Self(tag: query) { return language }
        guard let acceptLanguage else { return .english }
        var ranges: [(tag: String, quality: Double, order: Int)] = []
        for (order, item) in acceptLanguage.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > 0 { ranges.append((tag, quality, order)) }
        }
        ranges.sort { $0.quality != $1.quality ? $0.quality > $1.quality : $0.order < $1.order }
        return ranges.lazy.compactMap { Self(tag: $0.tag) }.first ?? .english
    }

    /// `fr`, `fr-CH`, `FR`: French; an unknown tag: nil.
    init?(tag: String) {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        guard let language = Self(rawValue: primary) else { return nil }
        self = language
    }

    var strings: [String: String] { self == .french ? PortalStrings.french : PortalStrings.english }
}

/// The interface strings of the member's pages, by key, for templates as `{{t.key}}`. A string
/// that surrounds a value is split in two (`…Before`, `…After`) so each language orders it.
enum PortalStrings {
    static let english: [String: String] = [
        "skip": "Skip to the content",
        "signOut": "Sign out",
        "round": "Round",
        "on": "on",
        "silenceProcedure": " (silence procedure)",
        "closes": "Closes",
        "closed": "Closed",
        "genevaTime": "Geneva time",
        "inYourZone": "In your time zone:",
        "timeLeft": "Time left:",
        "roundClosed": "The round is closed.",
        "lateRule": "Nothing sent here now is recorded: the secretariat decides on late submissions, which it records marked late (write to it with the reason for the delay).",
        "noRound": "No round is open: there is nothing to comment on yet.",
        "yourSubmissions": "Your submissions",
        "nothingFromBefore": "Nothing from ",
        "nothingFromAfter": " is recorded yet.",
        "submission": "submission",
        "counts": " (the one that counts)",
        "received": "Received",
        "late": "late",
        "comments": "comment(s)",
        "withCopy": ", with an edited copy",
        "confirmingNoObjection": ", confirming no objection",
        "receipt": "Receipt",
        "onParagraph": "on",
        "proposed": "Proposed:",
        "disposition": "Disposition:",
        "everyoneHeading": "All members' submissions in round",
        "everyoneIntro": "This round was opened for all to see: every member's current submission is shown here as it arrives.",
        "nobodyYet": "No member has sent anything yet.",
        "silenceHeading": "Your reply to the silence procedure",
        "silenceIntro": "The text is adopted unless a member objects before the close.",
        "confirmNoObjection": "Confirm no objection…",
        "yourObjection": "Your objection",
        "object": "Object…",
        "generalHeading": "A comment on the whole text",
        "type": "Type",
        "typeGeneral": "General",
        "typeTechnical": "Technical",
        "typeEditorial": "Editorial",
        "comment": "Comment",
        "sendGeneral": "Send the comment on the whole text",
        "uploadHeading": "Send a file",
        "fileIs": "The file is",
        "fileCopy": "your edited copy of the draft (Markdown or text, or Word)",
        "fileComments": "a comment file (Markdown, or the ISO template as CSV)",
        "fileLimit": "File (at most 10 MiB)",
        "sendFile": "Send the file",
        "textHeading": "The text under comment:",
        "commentOn": "Comment on",
        "proposedFor": "Proposed text for",
        "proposedHint": "(leave as it is to propose no change)",
        "sendOn": "Send the comment on",
        "recordedBefore": "Recorded: submission ",
        "recordedAfter": ". Its receipt is listed below.",
        "same": "This is what your current submission holds already: nothing new was recorded.",
    ]

    static let french: [String: String] = [
        "skip": "Aller au contenu",
        "signOut": "Se déconnecter",
        "round": "Tour",
        "on": "sur",
        "silenceProcedure": " (procédure d’approbation tacite)",
        "closes": "Clôture le",
        "closed": "Clos le",
        "genevaTime": "heure de Genève",
        "inYourZone": "Dans votre fuseau horaire :",
        "timeLeft": "Temps restant :",
        "roundClosed": "Le tour est clos.",
        "lateRule": "Rien de ce qui est envoyé ici n’est plus enregistré : le secrétariat décide des envois tardifs, qu’il enregistre comme tardifs (écrivez-lui en indiquant la raison du retard).",
        "noRound": "Aucun tour n’est ouvert : il n’y a encore rien à commenter.",
        "yourSubmissions": "Vos envois",
        "nothingFromBefore": "Rien de ",
        "nothingFromAfter": " n’est encore enregistré.",
        "submission": "envoi",
        "counts": " (celui qui compte)",
        "received": "Reçu le",
        "late": "tardif",
        "comments": "commentaire(s)",
        "withCopy": ", avec une copie modifiée",
        "confirmingNoObjection": ", confirmant l’absence d’objection",
        "receipt": "Accusé de réception",
        "onParagraph": "sur",
        "proposed": "Proposition :",
        "disposition": "Suite donnée :",
        "everyoneHeading": "Les envois de tous les membres, tour",
        "everyoneIntro": "Ce tour est ouvert à la vue de tous : l’envoi en vigueur de chaque membre s’affiche ici dès son arrivée.",
        "nobodyYet": "Aucun membre n’a encore rien envoyé.",
        "silenceHeading": "Votre réponse à la procédure d’approbation tacite",
        "silenceIntro": "Le texte est adopté sauf si un membre s’y oppose avant la clôture.",
        "confirmNoObjection": "Confirmer l’absence d’objection…",
        "yourObjection": "Votre objection",
        "object": "Faire objection…",
        "generalHeading": "Un commentaire sur l’ensemble du texte",
        "type": "Type",
        "typeGeneral": "Général",
        "typeTechnical": "Technique",
        "typeEditorial": "Rédactionnel",
        "comment": "Commentaire",
        "sendGeneral": "Envoyer le commentaire sur l’ensemble du texte",
        "uploadHeading": "Envoyer un fichier",
        "fileIs": "Le fichier est",
        "fileCopy": "votre copie modifiée du projet (Markdown ou texte, ou Word)",
        "fileComments": "un fichier de commentaires (Markdown, ou le modèle ISO en CSV)",
        "fileLimit": "Fichier (10 Mio au plus)",
        "sendFile": "Envoyer le fichier",
        "textHeading": "Le texte soumis aux commentaires :",
        "commentOn": "Commenter",
        "proposedFor": "Texte proposé pour",
        "proposedHint": "(laissez-le tel quel pour ne proposer aucun changement)",
        "sendOn": "Envoyer le commentaire sur",
        "recordedBefore": "Enregistré : envoi ",
        "recordedAfter": ". Son accusé de réception figure ci-dessous.",
        "same": "Votre envoi en vigueur contient déjà ceci : rien de nouveau n’a été enregistré.",
    ]
}
