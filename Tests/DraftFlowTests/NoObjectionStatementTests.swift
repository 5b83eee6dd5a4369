import DraftFlow
import Foundation
import Testing

@Suite struct NoObjectionStatementTests {
    @Test(arguments: ["No objection.", "Pas d'objection.", "Sin objeciones.", "Возражений нет.", "无异议。", "لا اعتراض.",
                      "  NO OBJECTION \n", "Pas d\u{2019}objection", "\u{200F}لا اعتراض.\u{200F}", "We have no objections!"])
    func statements(_ text: String) {
        #expect(NoObjectionStatement.matches(Data(text.utf8)))
    }

    @Test(arguments: ["No objection, but paragraph 2 should say 2021.", "We object.", "Objection.", "", "no", "异议"])
    func notStatements(_ text: String) {
        #expect(!NoObjectionStatement.matches(Data(text.utf8)))
    }
}
