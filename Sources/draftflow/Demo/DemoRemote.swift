import DraftFlow
import DraftFlowGit
import DraftFlowOffice
import Foundation

/// `demo --remote`: the demo's workspace shared through a local bare repository beside it
/// (`<out>-remote.git`), as on a git host. Each member's submission is sent from the member's own
/// clone (`<out>-members/<CODE>`) on its submission branch, then collected by the secretariat:
/// received at the instant of the collect, the member's commit date kept as sent.
struct DemoRemote {
    let bare: URL
    let members: URL

    init(output: URL) {
        let parent = output.deletingLastPathComponent()
        bare = parent.appendingPathComponent(output.lastPathComponent + "-remote.git")
        members = parent.appendingPathComponent(output.lastPathComponent + "-members")
    }

    /// Creates the bare repository, names it `origin` and pushes the new workspace there.
    func share(_ store: GitWorkspaceStore) throws {
        for folder in [bare, members] {
            if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
                throw DraftFlowError(.conflict, "\(folder.path) exists and is not empty", fix: "pass --out with a new folder")
            }
        }
        try RemoteSync.createBareRepository(at: bare)
        try RemoteSync.addRemote("origin", url: bare.path, store: store)
        _ = try RemoteSync(store: store, remote: "origin").push()
    }

    /// The secretariat pushes, the member sends its submission from its clone, the secretariat
    /// collects it: the submission as recorded.
    func submitAndCollect(member code: String, file: IncomingFile, proposal: IncomingFile?, context: DraftingContext,
                          store: GitWorkspaceStore, version: String?) throws -> Submission {
        let sync = try RemoteSync(store: store, remote: "origin")
        _ = try sync.push()
        let folder = members.appendingPathComponent(code)
        let clone = FileManager.default.fileExists(atPath: folder.path)
            ? try GitWorkspaceStore.open(containing: folder)
            : try MemberClone.clone(bare.path, to: folder, member: code)
        let workflow = try context.workflow()
        guard let member = workflow.member(code), let round = workflow.openRound(at: context.now) else {
            throw DraftFlowError(.invalidInput, "the example sends \(code)'s comments when no round is open", fix: "restore Workflow.md")
        }
        let branch = SubmissionBranch(round: round.name, member: code)
        var files = [branch.commentPath(extension: SafeName.fileExtension(ofFileName: file.name)): file.data]
        if let proposal { files[branch.proposalPath] = proposal.data }
        let author = Person(name: member.name, email: member.email ?? "\(code.lowercased())@members.invalid", time: context.now, timeZone: try workflow.zone())
        _ = try MemberClone.submit(files, on: branch, author: author, store: clone)
        let fetch = SubmissionFetch(sync)
        let report = try SubmissionCollection(context).collect(try fetch.candidates()) { try OfficeFiles.read($0, version: version) }
        guard report.refused.isEmpty, let collected = report.collected.first(where: { $0.reference == branch.reference }) else {
            throw DraftFlowError(.invalidInput, "the example's submission of \(code) was not collected: "
                                 + report.refused.map { "\($0.reference): \($0.reason)" }.joined(separator: "; "), fix: "restore Comments/")
        }
        _ = try sync.push()
        _ = try fetch.delete([(collected.reference, collected.commitID)])
        return collected.submission
    }

    /// The host ends with everything the secretariat did.
    func finish(_ store: GitWorkspaceStore) throws {
        _ = try RemoteSync(store: store, remote: "origin").push()
    }
}
