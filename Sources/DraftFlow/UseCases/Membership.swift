import Foundation

/// Registering the member delegations of a workspace.
public struct Membership {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    public func members() throws -> [Member] {
        try context.workflow().members
    }

    @discardableResult
    public func add(code rawCode: String, name rawName: String, email: String?) throws -> Member {
        try add(code: rawCode, name: rawName, emails: email.map { [$0] } ?? [])
    }

    /// Registers a member with its addresses: the first is its contact (the author e-mail of its
    /// commits), the others further addresses its mail may come from.
    @discardableResult
    public func add(code rawCode: String, name rawName: String, emails rawEmails: [String]) throws -> Member {
        let code = try SafeName.memberCode(rawCode)
        let name = try SafeName.personName(rawName, what: "the name of \(code)", fix: "pass the name on one line, e.g. --name \"Canada\"")
        let emails = try Self.checked(rawEmails, of: code)
        let member = Member(code: code, name: name, email: emails.first, otherEmails: emails.count > 1 ? Array(emails.dropFirst()) : nil)
        try context.store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            if workflow.member(code) != nil {
                throw DraftFlowError(.conflict, "member \(code) is registered already", fix: "see `draftflow member list`; change it with `draftflow member edit \(code)`")
            }
            try Self.refuseShared(emails, of: code, in: workflow)
            workflow.members.append(member)
            var message = CommitMessage("Register member \(code): \(name)", event: .memberAdd)
            message.trailer(.member, code)
            return try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message)
        }
        return member
    }

    /// Changes a registered member's name or addresses (`emails`, when given, replaces them all,
    /// the first being the contact). Its code, and what it has sent, stay as they are.
    @discardableResult
    public func edit(code rawCode: String, name rawName: String?, emails rawEmails: [String]?) throws -> Member {
        let code = try SafeName.memberCode(rawCode)
        guard rawName != nil || rawEmails != nil else {
            throw DraftFlowError(.invalidInput, "nothing to change for \(code)", fix: "pass --name NAME or --email ADDRESS (repeat --email for several addresses)")
        }
        let name = try rawName.map { try SafeName.personName($0, what: "the name of \(code)", fix: "pass the name on one line, e.g. --name \"Canada\"") }
        let emails = try rawEmails.map { try Self.checked($0, of: code) }
        return try context.store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            guard let index = workflow.members.firstIndex(where: { $0.code == code }) else {
                throw DraftFlowError(.invalidInput, "\(code) is not a registered member", fix: "see `draftflow member list`")
            }
            var member = workflow.members[index]
            if let name { member.name = name }
            if let emails {
                try Self.refuseShared(emails, of: code, in: workflow)
                member.email = emails.first
                member.otherEmails = emails.count > 1 ? Array(emails.dropFirst()) : nil
            }
            guard member != workflow.members[index] else {
                throw DraftFlowError(.refused, "\(code) is registered so already", fix: "see `draftflow member list`")
            }
            var message = CommitMessage("Change member \(code): \(member.name)", event: .memberEdit)
            if let name, name != workflow.members[index].name { message.line("Name: \(workflow.members[index].name) -> \(name)") }
            if emails != nil { message.line("Addresses: " + (member.emails.isEmpty ? "none" : member.emails.joined(separator: ", "))) }
            message.blankLine()
            message.trailer(.member, code)
            workflow.members[index] = member
            return Staged(try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message), member)
        }.value
    }

    /// The addresses checked: one line each, no control character, looking like an address, none twice.
    static func checked(_ raw: [String], of code: String) throws -> [String] {
        var seen = Set<String>()
        return try raw.map { raw in
            let fix = "pass --email delegation@example.org, or leave it out"
            let email = try SafeName.personName(raw, what: "the e-mail address of \(code)", fix: fix)
            if !MemberList.looksLikeEmail(email) {
                throw DraftFlowError(.invalidInput, "'\(SafeName.display(email))' is not an e-mail address", fix: fix)
            }
            if !seen.insert(email.lowercased()).inserted {
                throw DraftFlowError(.invalidInput, "the address \(email) is given twice", fix: "give each address once")
            }
            return email
        }
    }

    /// Refuses an address another member has: mail from it could not be attributed.
    static func refuseShared(_ emails: [String], of code: String, in workflow: Workflow) throws {
        for email in emails {
            if let other = workflow.members.first(where: { $0.code != code && $0.sends(from: email) }) {
                throw DraftFlowError(.conflict, "the address \(email) is registered for \(other.code) already: mail from it could not be attributed",
                                     fix: "give \(code) its own address, or change \(other.code)'s with `draftflow member edit \(other.code)`")
            }
        }
    }

    /// Registers many members in one commit, from CSV text: `code,name[,email]` per line, with an
    /// optional header line. Every line is checked first; one bad line registers nobody.
    @discardableResult
    public func importMembers(csv: String) throws -> [Member] {
        let members = try MemberList.parse(csv: csv)
        try context.store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            let existing = members.filter { workflow.member($0.code) != nil }.map(\.code)
            if !existing.isEmpty {
                throw DraftFlowError(.conflict, "already registered: \(existing.prefix(10).joined(separator: ", "))", fix: "leave them out of the file")
            }
            workflow.members += members
            let codes = members.prefix(8).map(\.code).joined(separator: ", ") + (members.count > 8 ? ", ..." : "")
            var message = CommitMessage("Register \(members.count) members: \(codes)", event: .memberAdd)
            for member in members { message.line("- \(member.code): \(member.name)") }
            message.blankLine()
            return try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message)
        }
        return members
    }
}
