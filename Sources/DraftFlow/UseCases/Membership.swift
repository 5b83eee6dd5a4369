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
        let code = try SafeName.memberCode(rawCode)
        let name = try SafeName.personName(rawName, what: "the name of \(code)", fix: "pass the name on one line, e.g. --name \"Canada\"")
        if let email {
            try SafeName.personName(email, what: "the e-mail address of \(code)", fix: "pass --email delegation@example.org, or leave it out")
        }
        if let email, !MemberList.looksLikeEmail(email) {
            throw DraftFlowError(.invalidInput, "'\(email)' is not an e-mail address", fix: "pass --email delegation@example.org, or leave it out")
        }
        let member = Member(code: code, name: name, email: email)
        try context.store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            if workflow.member(code) != nil {
                throw DraftFlowError(.conflict, "member \(code) is registered already", fix: "see `draftflow member list`")
            }
            workflow.members.append(member)
            var message = CommitMessage("Register member \(code): \(name)", event: .memberAdd)
            message.trailer(.member, code)
            return try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message)
        }
        return member
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
