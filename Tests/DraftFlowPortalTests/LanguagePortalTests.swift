import DraftFlow
import DraftFlowPortal
import Foundation
import Testing
import TestSupport

/// The member page's interface in French: chosen by `?lang=fr` or by the browser's
/// Accept-Language, with `lang` and `dir` saying so; English otherwise.
@Suite(.serialized) struct LanguagePortalTests {
    @Test func theMemberPageIsInFrenchWithLangFrOrAcceptLanguage() async throws {
        let harness = try PortalHarness()
        let secret = try harness.invite("CAN")
        try await harness.start()
        defer { harness.stop() }
        let cookie = try await harness.signIn(secret)

        let byQuery = try await harness.http.get("/member/CAN?lang=fr", cookie: cookie)
        #expect(byQuery.status == 200)
        #expect(byQuery.body.contains("<html lang=\"fr\" dir=\"ltr\">"))
        #expect(byQuery.body.contains("<a class=\"skip\" href=\"#main\">Aller au contenu</a>"))
        #expect(byQuery.body.contains("<button type=\"submit\">Se déconnecter</button>"))
        #expect(byQuery.body.contains("<h2 id=\"deadline-heading\">Tour draft-1 sur draft-1</h2>"))
        #expect(byQuery.body.contains("<p>Clôture le <strong><bdi>1er mars 2020 à 23:59:59 CET (Europe/Zurich)</bdi></strong> (heure de Genève, <bdi>Europe/Zurich</bdi>).</p>"))
        #expect(byQuery.body.contains("<h2 id=\"mine-heading\">Vos envois</h2>"))
        #expect(byQuery.body.contains("<p>Rien de CAN n’est encore enregistré.</p>"))
        #expect(byQuery.body.contains("<option value=\"general\">Général</option><option value=\"technical\">Technique</option><option value=\"editorial\">Rédactionnel</option>"))
        #expect(byQuery.body.contains("<label for=\"proposed-b6\">Texte proposé pour 2.3 (laissez-le tel quel pour ne proposer aucun changement)</label>"))
        #expect(!byQuery.body.contains("Your submissions"))

        // The browser's preference, by quality: French before English here, and an unknown first choice skipped.
        let byHeader = try await harness.http.get("/member/CAN", cookie: cookie, headers: [("Accept-Language", "de-CH, en;q=0.5, fr-CH;q=0.8")])
        #expect(byHeader.body.contains("<html lang=\"fr\" dir=\"ltr\">"))
        #expect(byHeader.body.contains("<h2 id=\"general-heading\">Un commentaire sur l’ensemble du texte</h2>"))
        // A notice after a post is in the page's language too.
        let recorded = try await harness.http.get("/member/CAN?recorded=1", cookie: cookie, headers: [("Accept-Language", "fr")])
        #expect(recorded.body.contains("<p class=\"notice\" role=\"status\">Enregistré : envoi 1. Son accusé de réception figure ci-dessous.</p>"))

        // English when asked, when nothing is asked, and for a language that is not a UN language.
        for (path, header) in [("/member/CAN?lang=en", "fr"), ("/member/CAN", "en-GB, fr;q=0.9"), ("/member/CAN", "de-CH, it"), ("/member/CAN?lang=xx", "")] {
            let page = try await harness.http.get(path, cookie: cookie, headers: header.isEmpty ? [] : [("Accept-Language", header)])
            #expect(page.body.contains("<html lang=\"en\" dir=\"ltr\">"), "\(path) \(header)")
            #expect(page.body.contains("<h2 id=\"mine-heading\">Your submissions</h2>"), "\(path) \(header)")
        }
    }
}
