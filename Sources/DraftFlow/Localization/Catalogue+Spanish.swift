import Foundation

/// Spanish (UN and ITU usage: "Aceptada", "Tratamiento de las observaciones", procedimiento de acuerdo tácito).
struct SpanishCatalogue: Catalogue {
    var language: Language { .es }

    func rounds(_ names: [String]) -> String {
        guard names.count > 1 else { return "ronda \(names.first ?? "")" }
        return "rondas " + names.dropLast().joined(separator: ", ") + " y " + names.last!
    }
    func comments(_ count: Int) -> String { "\(count) \(count == 1 ? "observación" : "observaciones")" }
    var late: String { "(tardía)" }
    var colon: String { ": " }
    var fullStop: String { "." }
    var comma: String { ", " }
    func decision(_ decision: Decision?) -> String {
        switch decision {
        case .accepted: return "Aceptada"
        case .modified: return "Aceptada con modificaciones"
        case .noted: return "Se toma nota"
        case .rejected: return "No aceptada"
        case .withdrawn: return "Retirada"
        case nil: return "Pendiente de decisión"
        }
    }
    func commentType(_ type: CommentType) -> String {
        switch type {
        case .general: return "general"
        case .technical: return "técnica"
        case .editorial: return "de redacción"
        case .unspecified: return "sin especificar"
        }
    }

    var version: String { "Versión" }
    var transmittedTo: String { "Transmitido a" }
    var status: String { "Estado" }
    func draftStatus(version: String, recipient: String) -> String {
        "Proyecto \(version), no es el texto final; no transmitido a \(recipient)"
    }
    var due: String { "Fecha límite" }
    var preparedBy: String { "Preparado por" }
    var preparedAt: String { "Preparado el" }
    var theChair: String { "la Presidencia" }

    var finalSections: [String] {
        ["1. Resumen de la transmisión", "2. Texto final", "3. Control de cambios", "4. Tratamiento de las observaciones", "5. Fuentes"]
    }
    func draftSections(version: String) -> [String] {
        ["1. Resumen", "2. Texto de \(version) (un proyecto, no el texto final)", "3. Control de cambios",
         "4. Tratamiento de las observaciones", "5. Fuentes"]
    }
    var timeline: String { "Cronología" }
    var noEvents: String { "No se ha registrado ningún acontecimiento." }
    var date: String { "Fecha" }
    var event: String { "Acontecimiento" }
    var commentsReceived: String { "Observaciones recibidas" }
    var noMemberCommented: String { "Ningún miembro formuló observaciones." }
    var member: String { "Miembro" }
    var received: String { "Recibido" }
    var commentsColumn: String { "Observaciones" }
    var silenceProcedure: String { "Procedimiento de acuerdo tácito" }
    var changes: String { "Cambios" }
    func changeSummary(modified: Int, inserted: Int, deleted: Int, moved: Int) -> String {
        "\(modified) \(modified == 1 ? "párrafo modificado" : "párrafos modificados"), \(inserted) \(inserted == 1 ? "insertado" : "insertados"), "
            + "\(deleted) \(deleted == 1 ? "suprimido" : "suprimidos")" + (moved > 0 ? ", \(moved) \(moved == 1 ? "desplazado" : "desplazados")" : "")
    }
    func changeLine(since first: String, _ summary: String) -> String { "Cambios desde \(first): \(summary)" }
    var textIsEmpty: String { "(El texto está vacío.)" }
    func redlineHeading(_ section: String, from: String, to: String) -> String { "\(section) de \(from) a \(to)" }
    var noText: String { "(Sin texto.)" }
    var redlineLegendMarkdown: String {
        "Las supresiones aparecen ~~tachadas~~ y las inserciones en **negrita**; se indican los párrafos desplazados."
    }
    var redlineLegendHTML: String {
        "Las supresiones aparecen <del>tachadas en rojo</del> y las inserciones <ins>subrayadas en verde</ins>; "
            + "los párrafos modificados se señalan en el margen y se indican los párrafos desplazados."
    }
    func moved(from: String, to: String) -> String { "(desplazado de \(from) a \(to))" }
    func movedFrom(_ from: String) -> String { " (desplazado desde \(from))" }
    var trackedChangesNote: String {
        "Los cambios son cambios controlados: Word enumera cada uno de ellos y el lector puede aceptarlo o rechazarlo."
    }
    var noCommentsReceived: String { "No se recibieron observaciones." }
    var tag: String { "Etiqueta" }
    var commit: String { "Commit" }
    var noSources: String { "No se ha registrado ninguna fuente." }
    var workspaceHead: String { "espacio de trabajo (HEAD)" }
    func documentSymbol(_ symbol: String) -> String { "Documento \(symbol)" }
    func original(_ language: String) -> String { "Original: \(language)" }
    var proposalsToOriginal: String { "Propuestas relativas al original:" }
    var english: String { "inglés" }
    func source(_ who: String) -> String { "Fuente: \(who)" }

    func published(_ version: String) -> String { "Publicación de \(version)" }
    func roundOpened(silence: Bool, name: String, on version: String, closes: String) -> String {
        "Apertura \(silence ? "del procedimiento de acuerdo tácito" : "de la ronda de observaciones") \(name) sobre \(version), hasta el \(closes)"
    }
    func roundClosedEarly(_ name: String) -> String { "Cierre anticipado de la ronda \(name)" }
    func roundExtended(_ name: String, closes: String) -> String { "Prórroga de la ronda \(name) hasta el \(closes)" }
    func roundClosed(_ name: String, at: String, reopenedLater: Bool) -> String {
        reopenedLater ? "Ronda \(name) cerrada el \(at) (reabierta posteriormente)" : "Ronda \(name) cerrada en la fecha límite, el \(at)"
    }
    func submissionReceived(from member: String, round: String, late: Bool, noObjection: Bool) -> String {
        (noObjection ? "Sin objeciones de \(member) en \(round)" : "Contribución recibida de \(member) en \(round)") + (late ? " (tardía)" : "")
    }
    func merged(_ rounds: String) -> String { "Fusión de las propuestas \(Self.of(rounds)) en un proyecto de texto siguiente" }
    /// "de la ronda draft-1", "de las rondas draft-1 y draft-1b".
    static func of(_ rounds: String) -> String { (rounds.hasPrefix("rondas ") ? "de las " : "de la ") + rounds }
    func finalized(_ version: String) -> String { "Aprobación de \(version)" }
    func submitted(_ version: String, to recipient: String) -> String { "Transmisión de \(version) a \(recipient)" }
    func silenceKept(on version: String, before: String) -> String {
        "Acuerdo tácito obtenido: ningún miembro se opuso a \(version) antes del \(before)."
    }
    func silenceBroken(by codes: [String], in round: String) -> String {
        "Acuerdo tácito roto por \(codes.joined(separator: ", ")) en \(round)."
    }
    func silenceOpen(_ name: String, on version: String, until: String, brokenBy codes: [String]) -> String {
        "El procedimiento de acuerdo tácito \(name) sobre \(version) está abierto hasta el \(until)"
            + (codes.isEmpty ? "; hasta ahora no se ha roto." : "; roto por \(codes.joined(separator: ", ")).")
    }
    func noSilenceProcedure(on version: String?) -> String {
        version.map { "No se celebró ningún procedimiento de acuerdo tácito sobre \($0)." } ?? "No se celebró ningún procedimiento de acuerdo tácito."
    }
    func overObjection(_ codes: [String], note: String) -> String {
        "Acuerdo tácito roto por \(codes.joined(separator: ", ")); la secretaría aprobó el texto pese a la objeción: \(note)"
    }
    func confirmations(in round: String, _ entries: [(member: String, at: String)]) -> String {
        " Ausencia de objeciones confirmada en \(round) por " + entries.map { "\($0.member) el \($0.at)" }.joined(separator: "; ") + "."
    }
    func silenceReply(_ name: String, noObjection: Bool, round: String) -> String {
        "\(name) (\(noObjection ? "sin objeciones" : "objeción") en \(round))"
    }

    var dispositionColumns: [String] {
        ["Id", "Miembro", "Número de línea", "Cláusula/Subcláusula", "Párrafo", "Tipo de observación", "Observaciones", "Cambio propuesto",
         "Decisión", "Observaciones de la secretaría"]
    }
    func paragraph(_ paragraph: String, now: String) -> String { "\(paragraph) (ahora \(now))" }
    func orphaned(_ paragraph: String) -> String { "\(paragraph) (suprimido: observación huérfana)" }
    var modifiedText: String { "Texto modificado: " }
    func dispositionTitle(_ title: String, rounds: String, only member: String?) -> String {
        "\(title): tratamiento de las observaciones, \(rounds)" + (member.map { ", solo \($0)" } ?? "")
    }

    var reportColumns: [String] { ["Id", "Párrafo", "Tipo", "Observación", "Decisión", "Comentario", "En el nuevo texto"] }
    var generalWholeText: String { "general (todo el texto)" }
    func deleted(_ paragraph: String) -> String { "\(paragraph) → suprimido" }
    func sameNumber(_ paragraph: String) -> String { "\(paragraph) (mismo número)" }
    func reportTitle(_ title: String, member: String, rounds: String) -> String { "\(title): observaciones de \(member), \(rounds)" }
    func candidate(_ rounds: String) -> String { "la versión candidata resultante de la fusión \(Self.of(rounds))" }
    func reportCount(_ count: Int, newText: String) -> String {
        "\(comments(count)); los números de párrafo del nuevo texto son los de \(newText)."
    }

    var draftForCommentNote: String { " (un proyecto para observaciones, no el texto final)" }
    var circulatedBy: String { "Distribuido por" }
    var howToComment: String { "1. Cómo formular observaciones" }
    func changesSince(_ previous: String?) -> String { "2. Cambios desde " + (previous ?? "la versión anterior") }
    var firstVersion: String { "Esta es la primera versión." }
    var redlineLegendPlain: String { "Las supresiones aparecen tachadas y las inserciones subrayadas; se indican los párrafos desplazados." }
    func textOf(_ version: String) -> String { "3. Texto de \(version)" }
    var draftForComment: String { " (proyecto para observaciones)" }
    func instructions(silence: Bool, round: String, version: String, deadline: String, to: String) -> [String] {
        silence ? [
            "Procedimiento de acuerdo tácito \(round) sobre \(version). Salvo que un miembro se oponga a más tardar el \(deadline), el texto se considerará aprobado.",
            "Para formular una objeción, envíela a \(to) antes de la fecha límite. Una respuesta \"No objection.\" (\"Sin objeciones.\") "
                + "se registra como confirmación y no rompe el acuerdo tácito.",
        ] : [
            "Ronda de observaciones \(round) sobre \(version). Las observaciones deben recibirse a más tardar el \(deadline).",
            "Envíelas a \(to): una sección por observación, encabezada por el número del párrafo y el tipo de observación, "
                + "por ejemplo \"## 4.2.2.3 (editorial)\", con una línea \"Proposed change:\" optativa; o la plantilla de observaciones de la ISO. "
                + "Puede adjuntarse una copia modificada del proyecto.",
        ]
    }

    var receipt: String { "Acuse de recibo" }
    var round: String { "Ronda" }
    var submission: String { "Contribución" }
    func onVersion(_ version: String) -> String { " (sobre \(version))" }
    var receivedUTC: String { "Recibido (UTC)" }
    var onTime: String { "Dentro del plazo" }
    var yes: String { "sí" }
    var recordedLate: String { "no (registrada como tardía)" }
    func sha256(of role: String) -> String { "SHA-256 \(role)" }
    func fileRole(_ role: String) -> String { role == "original" ? "del original" : role == "edited copy" ? "de la copia modificada" : "de \(role)" }
    func bytes(_ count: Int) -> String { "(\(count) bytes)" }
    var receiptComments: String { "Observaciones" }
    var id: String { "Id" }
    var paragraphColumn: String { "Párrafo" }
    var type: String { "Tipo" }
    var checkReceiptMarkdown: String {
        "Puede verificarse en cualquier momento: `draftflow verify --receipt FILE` en el espacio de trabajo, o `sha256sum` sobre el archivo original."
    }
    var checkReceiptHTML: String { "Puede verificarse en cualquier momento: <code>draftflow verify --receipt FILE</code> en el espacio de trabajo." }
}
