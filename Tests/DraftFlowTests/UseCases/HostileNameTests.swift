import DraftFlow
import Foundation
import Testing
import TestSupport

/// Control and direction characters are refused in every name, whichever way it comes in.
@Suite struct HostileNameTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!
    let store: MemoryWorkspaceStore

    init() throws {
        let first = try WorkspaceSetup.initialChange(
            title: "Input", documentName: "input.md", document: Data("# Input\n\n1.1 Text.\n".utf8), timezone: "Europe/Zurich",
            secretariat: Secretariat(name: "Secretariat", email: "s@example.org"),
            now: try Deadline.parseInstant("2020-02-07T17:00:00+01:00", timeZone: zone))
        store = try MemoryWorkspaceStore(first: first)
    }

    var context: DraftingContext { DraftingContext(store: store, now: Date(timeIntervalSince1970: 1_581_670_800)) }

    @Test(arguments: ["Can\u{1B}[31mada", "Canada\r", "Can\u{2028}ada", "Can\u{85}ada", "Can\u{202E}ada", "\u{7}Canada"])
    func memberAddAndImportRefuseTheSameNames(name: String) throws {
        let added = refusal { try Membership(context).add(code: "CAN", name: name, email: nil) }
        #expect(added?.message.hasPrefix("the name of CAN '") == true)
        #expect(added?.message.hasSuffix(", a control or direction character") == true)
        #expect(added.map { TerminalText.firstUnsafe(in: $0.message) } == .some(nil))
        let imported = refusal { try Membership(context).importMembers(csv: "CAN,\"\(name)\",can@example.org\n") }
        if name.contains(where: \.isNewline) {
            #expect(imported?.message == "line 1: the name of CAN runs over several lines")
        } else {
            #expect(imported?.message.hasPrefix("line 1: the name of CAN '") == true, "\(String(describing: imported))")
        }
        #expect(try Membership(context).members().isEmpty)
    }

    @Test func theExactRefusal() throws {
        let error = refusal { try Membership(context).importMembers(csv: "code,name,email\nCAN,Canada,mission@example.ca\nUSA,\"United\u{1B}]0;x\u{7}States\",\n") }
        #expect(error?.message == "line 3: the name of USA 'United\\u{1B}]0;x\\u{7}States' contains U+001B, a control or direction character")
        #expect(error?.fix == "remove the control characters from line 3 (a name is one line of text)")
        let email = refusal { try Membership(context).add(code: "USA", name: "United States", email: "us\u{202E}@example.org") }
        #expect(email?.message == "the e-mail address of USA 'us\\u{202E}@example.org' contains U+202E, a control or direction character")
    }

    @Test func initRefusesThemInTheSecretariatAndTheTitle() throws {
        let now = Date(timeIntervalSince1970: 1_581_670_800)
        let secretariat = refusal {
            try WorkspaceSetup.initialChange(title: "Input", documentName: "input.md", document: Data("1.1 Text.\n".utf8), timezone: "UTC",
                                             secretariat: Secretariat(name: "ITU\u{1B}[2J", email: "s@example.org"), now: now)
        }
        #expect(secretariat?.message == "the secretariat's name 'ITU\\u{1B}[2J' contains U+001B, a control or direction character")
        let title = refusal {
            try WorkspaceSetup.initialChange(title: "Input \u{202E}txt", documentName: "input.md", document: Data("1.1 Text.\n".utf8), timezone: "UTC",
                                             secretariat: Secretariat(name: "ITU", email: "s@example.org"), now: now)
        }
        #expect(title?.message == "the title 'Input \\u{202E}txt' contains U+202E, a control or direction character")
    }
}
