import Foundation

/// One document of a workspace that holds several, seen as a workspace of its own: what every
/// command works on once `--document NAME` has chosen it.
///
/// `Workflow.md` reads as that document's (`Workflow.scoped(to:)`): its file, title, versions,
/// rounds and schedule, with the workspace's members. A change to it is written back into the
/// workspace's file (`Workflow.absorbing`), so the other documents keep theirs. Its versions are
/// the tags named `<name>/<label>` (the first document's keep their bare labels), and the edits
/// `Drafts/` holds for the other documents are not its edits. Everything else is the
/// workspace's: rounds have names unique in the workspace, so `Comments/<round>/` is shared.
public struct DocumentScopedStore: WorkspaceStore {
    public let base: any WorkspaceStore
    public let document: String

    public init(_ base: any WorkspaceStore, document: String) {
        self.base = base
        self.document = document
    }

    /// `store` as document `name` of `workflow`: the store itself in a workspace of one
    /// document, that document's view in one of several.
    public static func scoping(_ store: any WorkspaceStore, to name: String, in workflow: Workflow) -> any WorkspaceStore {
        workflow.hasSeveralDocuments ? DocumentScopedStore(store, document: name) : store
    }

    public func snapshot() throws -> any WorkspaceSnapshot {
        try ScopedSnapshot(base: base.snapshot(), document: document)
    }

    @discardableResult
    public func commit(_ build: (any WorkspaceSnapshot) throws -> WorkspaceChange?) throws -> String? {
        try base.commit { snapshot in
            let scoped = try ScopedSnapshot(base: snapshot, document: document)
            guard let change = try build(scoped) else { return nil }
            return try scoped.unscoped(change)
        }
    }

    @discardableResult
    public func commitSeries(_ build: (any WorkspaceSnapshot) throws -> [WorkspaceChange]) throws -> [String] {
        try base.commitSeries { snapshot in
            let scoped = try ScopedSnapshot(base: snapshot, document: document)
            return try build(scoped).map(scoped.unscoped)
        }
    }

    public func workTreeChanges(under folder: String) throws -> [String: Data?] {
        let workflow = try RecordReader.workflow(in: base.snapshot())
        let others = Set(workflow.documentNames.filter { $0 != document })
        return try base.workTreeChanges(under: folder).filter { path, _ in
            guard path.hasPrefix("Drafts/"), let owner = Self.documentName(ofDraft: path) else { return true }
            return !others.contains(owner)
        }
    }

    public func workTreeFile(_ path: String) throws -> Data? { try base.workTreeFile(path) }

    /// Whether this is the workspace's first document, the one `init` made (its tags and round
    /// names carry no document name).
    public func isFirstDocument() throws -> Bool {
        try RecordReader.workflow(in: base.snapshot()).firstDocumentName == document
    }

    public func versions() throws -> [StoredVersion] {
        let workflow = try RecordReader.workflow(in: base.snapshot())
        return try base.versions().compactMap { version in
            guard let (name, label) = workflow.version(ofTag: version.label), name == document else { return nil }
            var scoped = version
            scoped.label = label
            return scoped
        }
    }

    public func file(_ path: String, atVersion label: String) throws -> Data? {
        guard let snapshot = try snapshot(atVersion: label) else { return nil }
        return try snapshot.file(path)
    }

    public func snapshot(atVersion label: String) throws -> (any WorkspaceSnapshot)? {
        let workflow = try RecordReader.workflow(in: base.snapshot())
        guard let snapshot = try base.snapshot(atVersion: workflow.tagName(of: label, document: document)) else { return nil }
        return try ScopedSnapshot(base: snapshot, document: document)
    }

    /// The commits of this document: those whose `DraftFlow-Document` trailer names it, those
    /// without one (made before the workspace had several documents) for the first document, and
    /// what the documents share (members) for every document.
    public func history() throws -> [HistoryEntry] {
        let first = try isFirstDocument()
        return try base.history().filter { belongs(CommitTrailers.parse($0.message), first: first) }
    }

    /// `history()`'s commits, as digests.
    public func historyDigests() throws -> [HistoryDigest] {
        let first = try isFirstDocument()
        return try base.historyDigests().filter { belongs($0.trailers, first: first) }
    }

    /// Whether a commit with these trailers is this document's (see `history()`).
    func belongs(_ trailers: [Trailer: String], first: Bool) -> Bool {
        if let owner = trailers[.document] { return owner == document }
        if first { return true }
        let event = trailers[.event].flatMap(CommitEvent.init(rawValue:))
        return event == .memberAdd || event == .memberEdit
    }

    /// The document a file of `Drafts/` belongs to by its name: `<name>.md`, or a language version
    /// `<name>.<lang>.md`; nil for a file named otherwise.
    static func documentName(ofDraft path: String) -> String? {
        let file = String(path.dropFirst("Drafts/".count))
        guard !file.contains("/"), file.hasSuffix(".md") else { return nil }
        let stem = file.dropLast(3)
        if let dot = stem.lastIndex(of: "."), Language(rawValue: String(stem[stem.index(after: dot)...])) != nil {
            return String(stem[..<dot])
        }
        return String(stem)
    }
}

/// A snapshot of the workspace as one document's: `Workflow.md` is that document's view.
struct ScopedSnapshot: WorkspaceSnapshot {
    let base: any WorkspaceSnapshot
    let document: String
    /// The workspace's whole workflow at this snapshot.
    let workflow: Workflow
    /// `Workflow.md` as this document's view, rendered once.
    let scopedFile: Data

    init(base: any WorkspaceSnapshot, document: String) throws {
        self.base = base
        self.document = document
        workflow = try RecordReader.workflow(in: base)
        guard let scoped = workflow.scoped(to: document) else {
            throw DraftFlowError(.workspace, "this workspace has no document named \(TerminalText.escaped(document)) at commit \(base.commitID.map { String($0.prefix(7)) } ?? "none")",
                                 fix: "see its documents with `draftflow document list`")
        }
        scopedFile = try WorkflowFile.render(scoped)
    }

    var commitID: String? { base.commitID }

    func file(_ path: String) throws -> Data? {
        path == Workflow.fileName ? scopedFile : try base.file(path)
    }

    func list(_ path: String) throws -> [String] { try base.list(path) }

    func lastChange(of path: String) throws -> FileChange? { try base.lastChange(of: path) }

    func files(_ paths: [String]) throws -> [Data?] {
        guard paths.contains(Workflow.fileName) else { return try base.files(paths) }
        return try paths.map { try file($0) }
    }

    /// `change`, made on this document's view, as a change of the whole workspace: its
    /// `Workflow.md` written back into the workspace's, its tag named for the document.
    func unscoped(_ change: WorkspaceChange) throws -> WorkspaceChange {
        var change = change
        if let written = change.writes[Workflow.fileName] {
            let scoped = try WorkflowFile.parse(written)
            let whole = workflow.absorbing(scoped, as: document)
            let others = Set(workflow.allRounds.filter { $0.document != document }.map(\.round.name))
            if let taken = scoped.rounds.first(where: { others.contains($0.name) }) {
                let owner = workflow.document(owningRound: taken.name) ?? "another document"
                throw DraftFlowError(.conflict, "a round named \(taken.name) exists already, in document \(owner): round names are the workspace's, one folder of Comments/ each",
                                     fix: "pass --name with a new name, e.g. --name \(document)-\(taken.name)")
            }
            if let problem = WorkflowKeys.invalid(whole) {
                throw DraftFlowError(.conflict, "the change to document \(document) would leave Workflow.md inconsistent: it \(problem)",
                                     fix: "report this as a bug")
            }
            change.writes[Workflow.fileName] = try WorkflowFile.render(whole)
            change.blobIDs[Workflow.fileName] = nil
            change.similarTo[Workflow.fileName] = nil
        }
        if change.removals.contains(Workflow.fileName) {
            throw DraftFlowError(.refused, "a command of document \(document) would remove Workflow.md, which every document shares",
                                 fix: "report this as a bug")
        }
        let trailers = CommitTrailers.parse(change.message)
        if trailers[.event] != nil, trailers[.document] == nil {
            change.message += (change.message.hasSuffix("\n") ? "" : "\n") + "\(Trailer.document.rawValue): \(document)\n"
        }
        if var tag = change.tag {
            tag.label = workflow.tagName(of: tag.label, document: document)
            change.tag = tag
        }
        return change
    }
}
