import ArgumentParser
import DraftFlow
import DraftFlowPortal
import Foundation

extension MemberCommand {
    struct Invite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Issue a personal link to the member portal (`draftflow serve`).",
            discussion: """
            Prints the link once: only its SHA-256 is stored, in Portal/access.json. A new link ends the \
            holder's earlier ones. Example: draftflow member invite CAN --expires 2020-03-01 --url https://portal.example.org
            """
        )

        @OptionGroup var options: WorkspaceOptions

        @Argument(help: "The member's code (leave out with --secretariat).")
        var code: String?

        @Flag(help: "A link for the secretariat's dashboard instead of a member's page.")
        var secretariat = false

        @Option(help: ArgumentHelp("When the link stops working: a date (the end of that day in the workspace's zone) or an instant.", valueName: "WHEN"))
        var expires: String?

        @Option(help: ArgumentHelp("The portal's address as members reach it.", valueName: "URL"))
        var url = "http://127.0.0.1:8080"

        func run() throws {
            try withErrorHandling {
                if secretariat == (code != nil) {
                    throw DraftFlowError(.invalidInput, secretariat ? "give either a member's code or --secretariat, not both" : "name the member to invite",
                                         fix: "e.g. `draftflow member invite CAN`, or `draftflow member invite --secretariat`")
                }
                let context = try options.workspaceContext()
                let zone = try context.workflow().zone()
                let until = try expires.map { try Deadline.parse($0, timeZone: zone) }
                let invitation = try PortalAccess(context).invite(code: code, expires: until)
                let base = url.hasSuffix("/") ? String(url.dropLast()) : url
                print("\(base)/signin/\(invitation.secret)")
                let expiry = invitation.token.expires.map { "until \(InstantFormat.human($0, in: zone))" } ?? "with no expiry"
                var note = "Personal link for \(invitation.token.holder), \(expiry); it is shown only now (the workspace keeps its hash)."
                if invitation.ended > 0 { note += " The earlier link was ended." }
                var standardError = StandardError()
                print(note, to: &standardError)
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "End a member's personal links to the portal (or the secretariat's, with --secretariat).",
            discussion: "Example: draftflow member revoke CAN"
        )

        @OptionGroup var options: WorkspaceOptions

        @Argument(help: "The member's code (leave out with --secretariat).")
        var code: String?

        @Flag(help: "End the secretariat's links.")
        var secretariat = false

        func run() throws {
            try withErrorHandling {
                if secretariat == (code != nil) {
                    throw DraftFlowError(.invalidInput, "name the member whose links to end, or give --secretariat", fix: "e.g. `draftflow member revoke CAN`")
                }
                let ended = try PortalAccess(options.workspaceContext()).revoke(code: code)
                print("Ended \(ended) portal link\(ended == 1 ? "" : "s") of \(code?.uppercased() ?? "the secretariat")")
            }
        }
    }
}
