import DraftFlow
import Foundation

/// A workspace on the in-memory store with `draft-1` published and its comment round open until
/// 1 March 2020 (Geneva time), for use-case tests.
struct OpenRoundFixture {
    static let draft = "# Input\n\n## 1 Introduction\n\n1.1 The Council welcomes the invitation.\n\n1.2 Connectivity remains a challenge.\n"
    let zone = TimeZone(identifier: "Europe/Zurich")!
    let store: MemoryWorkspaceStore

    init(members: [(code: String, name: String)]) throws {
        let first = try WorkspaceSetup.initialChange(
            title: "Input", documentName: "input.md", document: Data(Self.draft.utf8), timezone: "Europe/Zurich",
            secretariat: Secretariat(name: "Secretariat", email: "s@example.org"),
            now: try Deadline.parseInstant("2020-02-07T17:00:00+01:00", timeZone: zone))
        store = try MemoryWorkspaceStore(first: first)
        let setUp = try at("2020-02-14T10:00:00+01:00")
        for member in members { try Membership(setUp).add(code: member.code, name: member.name, email: nil) }
        _ = try Publishing(setUp).publish(label: "draft-1", note: nil)
        _ = try Rounds(setUp).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: "draft-1")
    }

    /// The context of a command run at `text` (an ISO 8601 instant).
    func at(_ text: String) throws -> DraftingContext {
        DraftingContext(store: store, now: try Deadline.parseInstant(text, timeZone: zone))
    }
}
