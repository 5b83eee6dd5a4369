import ArgumentParser
import DraftFlow
import Foundation

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Register and list member delegations.",
        subcommands: [Add.self, Edit.self, Import.self, List.self, Invite.self, Revoke.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register a member delegation.",
            discussion: """
            The first --email is the contact (the author e-mail of the member's commits); repeat it for \
            every address the member's mail may come from (`intake --mail`).
            Example: draftflow member add CAN --name Canada --email mission.geneva@example.ca --email ottawa@example.ca
            """
        )

        @OptionGroup var options: WorkspaceOptions

        @Argument(help: "The member's code: ISO 3166 alpha-3, uppercase (CAN, USA).")
        var code: String

        @Option(help: "The delegation's name, as it appears in the compilation text.")
        var name: String

        @Option(help: "An address of the delegation; the first becomes the author e-mail of its comments. Repeat for several.")
        var email: [String] = []

        func run() throws {
            try withErrorHandling {
                let member = try Membership(options.workspaceContext()).add(code: code, name: name, emails: email)
                print("Registered \(member.code): \(member.name)" + member.emails.map { " <\($0)>" }.joined(separator: ","))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a registered member's name or addresses.",
            discussion: """
            --email replaces all its addresses (the first is the contact); repeat it for several. What \
            the member has sent stays as it was recorded.
            Example: draftflow member edit CAN --email mission.geneva@example.ca --email ottawa@example.ca
            """
        )

        @OptionGroup var options: WorkspaceOptions

        @Argument(help: "The member's code.")
        var code: String

        @Option(help: "The delegation's new name.")
        var name: String?

        @Option(help: "An address of the delegation; the first is the contact. Repeat for several.")
        var email: [String] = []

        func run() throws {
            try withErrorHandling {
                let member = try Membership(options.workspaceContext()).edit(code: code, name: name, emails: email.isEmpty ? nil : email)
                print("Changed \(member.code): \(member.name)" + member.emails.map { " <\($0)>" }.joined(separator: ","))
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Register many members at once from a CSV file: code,name[,email] per line.",
            discussion: "One commit for all; one bad line registers nobody. Example: draftflow member import members.csv"
        )

        @OptionGroup var options: WorkspaceOptions

        @Argument(help: "A CSV file: `code,name,email` lines, with an optional header line.")
        var file: String

        func run() throws {
            try withErrorHandling {
                let text = try TextInput.validate(try readUserFile(file, what: "the member list"), what: "the member list \(file)")
                let members = try Membership(options.workspaceContext()).importMembers(csv: text)
                print("Registered \(members.count) members: \(members.prefix(10).map(\.code).joined(separator: ", "))\(members.count > 10 ? ", ..." : "")")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the registered members.")

        @OptionGroup var options: WorkspaceOptions

        @Flag(help: "Print the members as JSON.")
        var json = false

        func run() throws {
            try withErrorHandling {
                let members = try Membership(options.workspaceContext()).members()
                if json {
                    try printJSON(members)
                } else if members.isEmpty {
                    print("No member is registered. Add one with `draftflow member add CODE --name NAME`.")
                } else {
                    for member in members {
                        print("\(member.code)\t\(member.name)" + (member.emails.isEmpty ? "" : "\t" + member.emails.map { "<\($0)>" }.joined(separator: ", ")))
                    }
                }
            }
        }
    }
}
