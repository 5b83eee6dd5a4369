import Foundation

/// A document added to a workspace after its first (`document add`): its own file, title,
/// versions, rounds and schedule, as `Workflow.md` lists it under `documents:`.
///
/// The first document stays where it always was, at the top level of `Workflow.md`
/// (`document:`, `versions:`, `rounds:`), so a workspace of one document reads as before. Members,
/// the secretariat and the time zone are the workspace's, shared by every document.
public struct DocumentEntry: Codable, Equatable, Sendable {
    /// The name commands take with `--document` and versions carry in their tags
    /// (`council-report/draft-1`).
    public var name: String
    /// The draft's path, `Drafts/<name>.md`.
    public var file: String
    public var title: String
    public var versions: [VersionEntry]
    public var rounds: [Round]
    public var recipient: String?
    public var due: String?
    public var submitted: Transmission?

    public init(name: String, file: String, title: String, versions: [VersionEntry] = [], rounds: [Round] = [],
                recipient: String? = nil, due: String? = nil, submitted: Transmission? = nil) {
        self.name = name
        self.file = file
        self.title = title
        self.versions = versions
        self.rounds = rounds
        self.recipient = recipient
        self.due = due
        self.submitted = submitted
    }

    enum CodingKeys: String, CodingKey {
        case name, file, title, recipient, due, submitted, versions, rounds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        file = try container.decode(String.self, forKey: .file)
        title = try container.decode(String.self, forKey: .title)
        versions = try container.decodeIfPresent([VersionEntry].self, forKey: .versions) ?? []
        rounds = try container.decodeIfPresent([Round].self, forKey: .rounds) ?? []
        recipient = try container.decodeIfPresent(String.self, forKey: .recipient)
        due = try container.decodeIfPresent(String.self, forKey: .due)
        submitted = try container.decodeIfPresent(Transmission.self, forKey: .submitted)
    }
}

extension Workflow {
    /// The name of a document whose draft is at `path`: its file name without `.md`
    /// (`Drafts/hlpf-2020-input.md` → `hlpf-2020-input`).
    public static func documentName(ofFile path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    /// The first document's name.
    public var firstDocumentName: String { Self.documentName(ofFile: document) }

    /// Every document's name, the first first, then in the order they were added.
    public var documentNames: [String] { [firstDocumentName] + (documents ?? []).map(\.name) }

    /// Whether the workspace holds more than one document.
    public var hasSeveralDocuments: Bool { !(documents ?? []).isEmpty }

    /// The document named `name` as a workspace of its own: its file, title, versions, rounds and
    /// schedule at the top level, the workspace's members, secretariat and time zone, and no other
    /// document. Nil when there is no such document.
    public func scoped(to name: String) -> Workflow? {
        if name == firstDocumentName {
            var first = self
            first.documents = nil
            return first
        }
        guard let entry = documents?.first(where: { $0.name == name }) else { return nil }
        var scoped = Workflow(title: entry.title, document: entry.file, timezone: timezone, secretariat: secretariat,
                              members: members, versions: entry.versions, rounds: entry.rounds)
        scoped.recipient = entry.recipient
        scoped.due = entry.due
        scoped.submitted = entry.submitted
        return scoped
    }

    /// This workflow with `scoped`, a document's view that a command changed, written back as
    /// document `name`: its versions, rounds and schedule into that document, and the members,
    /// secretariat and time zone into the workspace's.
    public func absorbing(_ scoped: Workflow, as name: String) -> Workflow {
        var result = self
        result.members = scoped.members
        result.secretariat = scoped.secretariat
        result.timezone = scoped.timezone
        if name == firstDocumentName {
            result.title = scoped.title
            result.document = scoped.document
            result.versions = scoped.versions
            result.rounds = scoped.rounds
            result.recipient = scoped.recipient
            result.due = scoped.due
            result.submitted = scoped.submitted
        } else if let index = documents?.firstIndex(where: { $0.name == name }) {
            result.documents?[index] = DocumentEntry(name: name, file: scoped.document, title: scoped.title, versions: scoped.versions,
                                                     rounds: scoped.rounds, recipient: scoped.recipient, due: scoped.due,
                                                     submitted: scoped.submitted)
        }
        return result
    }

    /// The name of the document that holds round `round`, or nil.
    public func document(owningRound round: String) -> String? {
        if rounds.contains(where: { $0.name == round }) { return firstDocumentName }
        return documents?.first { entry in entry.rounds.contains { $0.name == round } }?.name
    }

    /// Every round of every document, with the document it belongs to.
    public var allRounds: [(document: String, round: Round)] {
        rounds.map { (firstDocumentName, $0) } + (documents ?? []).flatMap { entry in entry.rounds.map { (entry.name, $0) } }
    }

    /// The tag of version `label` of document `name`: the label itself for the first document, so
    /// that a workspace's first tags stay as they were, and `name/label` for the others.
    public func tagName(of label: String, document name: String) -> String {
        name == firstDocumentName ? label : "\(name)/\(label)"
    }

    /// The document and version label a tag names (`council-report/draft-1`; `draft-1` is the
    /// first document's), or nil when the tag names no document of this workspace.
    public func version(ofTag tag: String) -> (document: String, label: String)? {
        guard let slash = tag.firstIndex(of: "/") else { return (firstDocumentName, tag) }
        let name = String(tag[..<slash])
        guard name != firstDocumentName, documents?.contains(where: { $0.name == name }) == true else { return nil }
        return (name, String(tag[tag.index(after: slash)...]))
    }

    /// The draft's path of the document a version tag belongs to (the first document's for a
    /// tag without a document name).
    public func documentFile(forTag tag: String) -> String {
        guard let (name, _) = version(ofTag: tag), name != firstDocumentName else { return document }
        return documents?.first { $0.name == name }?.file ?? document
    }
}
