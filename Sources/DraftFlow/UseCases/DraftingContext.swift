import Foundation

/// What every use case works on: the workspace's store and the instant the action happens.
///
/// `now` is injected: the domain never reads the clock.
public struct DraftingContext {
    public let store: any WorkspaceStore
    public let now: Date
    /// Set when the versions published now are signed (`publish --sign`, `finalize --sign`).
    public var signing: VersionSigning?

    public init(store: any WorkspaceStore, now: Date) {
        self.store = store
        self.now = now
    }

    /// The workflow at the tip of the branch.
    public func workflow() throws -> Workflow {
        try RecordReader.workflow(in: store.snapshot())
    }

    /// `value` as JSON the way DraftFlow writes its records: keys sorted, dates as ISO 8601 in the
    /// workspace's time zone.
    public func json<T: Encodable>(_ value: T) throws -> Data {
        try RecordCoding.encoder(timeZone: workflow().zone()).encode(value)
    }

    /// The secretariat as author and committer of what it records now.
    package func secretariat(_ workflow: Workflow) throws -> Person {
        Person(name: workflow.secretariat.name, email: workflow.secretariat.email, time: now, timeZone: try workflow.zone())
    }

    /// A change made by the secretariat now: it is both author and committer.
    /// With a tag and `signing` set, the tag is signed, and the secretariat's SSH key is added to
    /// `Signers/allowed_signers` of `snapshot` when it is not there yet.
    func secretariatChange(_ workflow: Workflow, writes: [String: Data], removals: [String] = [], message: CommitMessage,
                           tag: ((Person) -> VersionTag)? = nil, in snapshot: (any WorkspaceSnapshot)? = nil) throws -> WorkspaceChange {
        let person = try secretariat(workflow)
        var writes = writes
        var versionTag = tag?(person)
        if versionTag != nil, let signing {
            versionTag?.signed = true
            if let snapshot, let signers = signing.allowedSigners(adding: person.email, to: try snapshot.file(VersionSigning.allowedSignersPath)) {
                writes[VersionSigning.allowedSignersPath] = signers
            }
        }
        return WorkspaceChange(writes: writes, removals: removals, author: person, committer: person, message: message.text, tag: versionTag)
    }

    /// Refuses to go on while `Drafts/` holds edits that are not committed: merging, deciding or
    /// finalizing would write over them.
    func refuseUnpublishedEdits() throws {
        let edits = try store.workTreeChanges(under: "Drafts")
        if !edits.isEmpty {
            throw DraftFlowError(.refused, "Drafts/ has edits that are not published: \(edits.keys.sorted().joined(separator: ", "))",
                                 fix: "publish them with `draftflow publish LABEL`, or undo them with `git checkout -- Drafts`")
        }
    }
}
