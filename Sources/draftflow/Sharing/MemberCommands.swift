import ArgumentParser
import DraftFlow
import DraftFlowGit
import Foundation

struct Clone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: "Make a member delegation's clone of a workspace shared on a git host.",
        discussion: """
        With --member, the clone reads the workspace (`draftflow status`, `outline`, the files themselves) \
        and sends the member's submissions on its own branch with `draftflow submit`; it never pushes \
        main. Without it, the clone is another secretariat officer's workspace: record, `pull`, `push`.
        Example: draftflow clone https://git.example.org/itu/hlpf-2020.git hlpf-canada --member CAN
        Example: draftflow clone ssh://git@git.example.org/itu/hlpf-2020.git hlpf-2020
        """
    )

    @Argument(help: "The URL of the shared workspace.")
    var url: String

    @Argument(help: "The folder to create.")
    var folder: String

    @Option(help: ArgumentHelp("The member's code, as registered by the secretariat (CAN); leave it out for a secretariat officer's clone.", valueName: "CODE"))
    var member: String?

    func run() throws {
        try withErrorHandling {
            let code = try member.map { try SafeName.memberCode($0) }
            let store = try MemberClone.clone(url, to: URL(fileURLWithPath: folder), member: code)
            let workflow = try DraftingContext(store: store, now: try Clock.now()).workflow()
            guard let code else {
                print("Cloned \(workflow.title) into \(folder), for the secretariat: record there, then `draftflow push`")
                return
            }
            guard let registered = workflow.member(code) else {
                try? FileManager.default.removeItem(at: URL(fileURLWithPath: folder))
                throw DraftFlowError(.refused, "\(code) is not a member of \(workflow.title)",
                                     fix: "use the code the secretariat registered (members: \(workflow.members.map(\.code).joined(separator: ", ")))")
            }
            print("Cloned \(workflow.title) into \(folder) for \(registered.name) (\(code))")
            print("Send a submission with: draftflow submit FILE [--proposal FILE]   (in \(folder))")
        }
    }
}

struct Submit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "In a member's clone: send a submission to the secretariat through the git host.",
        discussion: """
        The comment file (.md, .txt, .csv, .docx or .xlsx) and the edited copy of the draft go in one \
        commit on refs/heads/submissions/<round>/<CODE>, the only branch pushed. The secretariat's \
        `draftflow collect` records it, received when it collects. Submitting again before the \
        collect replaces the submission on the host.
        Example: draftflow submit canada.md --proposal draft-1-canada.md
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The comment file.")
    var file: String

    @Option(help: ArgumentHelp("The member's edited copy of the draft (Markdown).", valueName: "FILE"))
    var proposal: String?

    @Option(help: ArgumentHelp("The round (default: the one open now).", valueName: "NAME"))
    var round: String?

    @Option(help: ArgumentHelp("The remote to send it to.", valueName: "NAME"))
    var remote = "origin"

    func run() throws {
        try withErrorHandling {
            let store = try options.open()
            guard let code = try MemberClone.member(of: store) else {
                throw DraftFlowError(.refused, "this workspace is not a member's clone",
                                     fix: "the secretariat records submissions with `draftflow comment` or `intake`; a member makes its clone with `draftflow clone URL DIR --member CODE`")
            }
            // The round of the document --document names (the only one without it); a round
            // named with --round is found in whichever document holds it.
            let whole = try RecordReader.workflow(in: store.snapshot())
            let document = try round.map { try SafeName.label($0) }.flatMap(whole.document(owningRound:))
            let scoped = try document.map { DocumentScopedStore.scoping(store, to: $0, in: whole) } ?? options.scoped(store)
            let context = DraftingContext(store: scoped, now: try Clock.now())
            let workflow = try context.workflow()
            guard let member = workflow.member(code) else {
                throw DraftFlowError(.refused, "\(code) is not a registered member of this workspace", fix: "ask the secretariat")
            }
            let target = try round.map { try SafeName.label($0) }.flatMap(workflow.round(named:)) ?? workflow.openRound(at: context.now)
            guard let target else {
                throw DraftFlowError(.refused, round.map { "there is no round \(TerminalText.escaped($0))" } ?? "no round is open now",
                                     fix: "see `draftflow status`")
            }
            let branch = SubmissionBranch(round: target.name, member: code)
            let data = try readUserFile(file, what: "the comment file")
            let fileExtension = SafeName.fileExtension(ofFileName: file)
            guard SubmissionBranch.commentExtensions.contains(fileExtension) else {
                throw DraftFlowError(.invalidInput, "\(file) is a .\(fileExtension) file: a submission is .md, .txt, .csv, .docx or .xlsx", fix: "save the comments in one of those")
            }
            var files = [branch.commentPath(extension: fileExtension): data]
            if let proposal {
                let copy = try readUserFile(proposal, what: "the proposal")
                _ = try TextInput.validate(copy, what: "the proposal \(proposal)")
                files[branch.proposalPath] = copy
            }
            if fileExtension == "md" || fileExtension == "txt" || fileExtension == "csv" { _ = try TextInput.validate(data, what: "the comment file \(file)") }
            let author = Person(name: member.name, email: member.email ?? "\(code.lowercased())@members.invalid", time: context.now, timeZone: try workflow.zone())
            let sent = try MemberClone.submit(files, on: branch, author: author, store: store, remote: remote)
            print("Sent \(code)'s submission for round \(target.name) on \(sent.reference) (commit \(sent.commit.prefix(7)))"
                  + (sent.replaced ? "; it replaces the one sent earlier, not collected yet" : ""))
            print("The secretariat records it when it collects; it is received then, not before.")
        }
    }
}
