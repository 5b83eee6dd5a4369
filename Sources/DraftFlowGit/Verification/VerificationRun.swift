import DraftFlow
import Foundation
import GitCore
import GitPack

/// A published version as found in the repository: its tag reference and what the tag says.
struct FoundTag {
    var name: String
    /// The object `refs/tags/<name>` points to.
    var id: ObjectID?
    /// The tag object's header, when it is an annotated tag that reads and re-hashes correctly.
    var header: RawTag?
    /// Why the tag could not be used as a version.
    var problem: String?

    var sortKey: (Date, String) { (header?.taggerTime ?? .distantPast, name) }
}

/// One verification: the repository, and every object already read (each is read and re-hashed
/// once, wherever it appears). Each of the three checks is an extension in a file of its own.
struct VerificationRun {
    let repository: Repository
    let inflateLooseObjectsFirst: Bool
    /// Trees, commits and tags read so far (blobs are only remembered as good).
    private var objects: [ObjectID: VerifiedObject] = [:]
    private var goodBlobs: Set<ObjectID> = []
    private var failures: [ObjectID: any GitLayerError] = [:]
    /// The commits, trees and blobs check 3 walked, so that check 4 reads only what is after them.
    var walkedCommits: Set<CommitID> = []
    var walkedObjects: Set<ObjectID> = []

    init(repository: Repository, inflateLooseObjectsFirst: Bool) {
        self.repository = repository
        self.inflateLooseObjectsFirst = inflateLooseObjectsFirst
    }

    // MARK: Reading objects

    /// The header of commit `id`, read through `object` (so re-hashed once); an object of another
    /// kind is damage.
    mutating func commit(_ id: CommitID) throws -> RawCommit {
        let object = try object(id.objectID)
        guard object.kind == .commit else { throw Self.wrongKind(id.objectID, object.kind, expected: .commit) }
        return try object.commitHeader()
    }

    /// Reads and re-hashes `id` once; later calls answer from memory.
    mutating func object(_ id: ObjectID) throws -> VerifiedObject {
        if let known = objects[id] { return known }
        if let failure = failures[id] { throw failure }
        do {
            let object = try repository.verifiedObject(id, inflateLooseObjectFirst: inflateLooseObjectsFirst)
            if object.kind == .blob {
                goodBlobs.insert(id)
            } else {
                objects[id] = object
            }
            return object
        } catch let error as any GitLayerError {
            failures[id] = error
            throw error
        }
    }

    /// Reads and re-hashes a blob without keeping its content.
    mutating func checkBlob(_ id: BlobID) throws {
        if goodBlobs.contains(id.objectID) { return }
        let object = try object(id.objectID)
        guard object.kind == .blob else { throw Self.wrongKind(id.objectID, object.kind, expected: .blob) }
    }

    mutating func tree(_ id: TreeID) throws -> [TreeEntry] {
        try object(id.objectID).treeEntries()
    }

    /// The entry at `path` in `tree`, reading (and re-hashing) each folder on the way.
    mutating func entry(at path: String, in tree: TreeID) throws -> TreeEntry? {
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.isEmpty else { return nil }
        var folder = tree
        for (index, part) in parts.enumerated() {
            guard let entry = try self.tree(folder).first(where: { $0.name == part }) else { return nil }
            if index == parts.count - 1 { return entry }
            guard let subfolder = entry.treeID else { return nil }
            folder = subfolder
        }
        return nil
    }

    static func wrongKind(_ id: ObjectID, _ kind: ObjectKind, expected: ObjectKind) -> DamagedObjectError {
        DamagedObjectError(id, operation: "verify", message: "object \(id.hex) is a \(kind.rawValue), not a \(expected.rawValue)")
    }

    /// A damaged or missing object, for people.
    static func describe(_ error: any Error, _ id: some CustomStringConvertible) -> String {
        if let error = error as? GitError, error.isNotFound && error.operation.hasPrefix("git_odb_read") {
            return "object \(id) is missing"
        }
        if let error = error as? any GitLayerError { return error.message }
        if let error = error as? DraftFlowError { return error.message }
        return "\(error)"
    }

    // MARK: The verification

    mutating func verify(_ requested: String?) throws -> VerificationReport {
        let tags = try findTags()
        let label: String
        if let requested {
            label = try SafeName.label(requested)
            guard tags.contains(where: { $0.name == label }) else {
                let known = tags.filter { $0.header != nil }.map(\.name)
                throw DraftFlowError(.invalidInput, "there is no version \(label) in this workspace",
                                     fix: known.isEmpty ? "publish one with `draftflow publish LABEL`" : "published versions: \(known.joined(separator: ", "))")
            }
        } else {
            guard let newest = newest(tags) else {
                throw DraftFlowError(.workspace, "no version has been published in this workspace, so there is nothing to verify",
                                     fix: "publish one with `draftflow publish LABEL`")
            }
            label = newest.name
        }
        let target = tags.first { $0.name == label }!

        var versionCheck = VerificationCheck(name: WorkspaceVerifier.versionTextCheck, title: "The version's text is what its tag points to")
        let commit = versionText(target, into: &versionCheck)

        var commentCheck = VerificationCheck(name: WorkspaceVerifier.commentFilesCheck, title: "Every comment's original file is byte-identical to what was received")
        if let commit {
            commentFiles(commit: commit, into: &commentCheck)
        } else {
            commentCheck.problems.append("cannot check the comments: the version's commit cannot be read (see the first check)")
        }

        var historyCheck = VerificationCheck(name: WorkspaceVerifier.historyCheck, title: "The history from the first version is intact")
        if let commit {
            history(from: commit, version: target, tags: tags, into: &historyCheck)
        } else {
            historyCheck.problems.append("cannot walk the history: the version's commit cannot be read (see the first check)")
        }

        var headCheck = VerificationCheck(name: WorkspaceVerifier.headCheck, title: "HEAD is on a branch and the history up to it is intact")
        head(version: target, commit: commit, into: &headCheck)

        var keptCheck = VerificationCheck(name: WorkspaceVerifier.submissionsKeptCheck,
                                          title: "Every submission stays as received at every commit from the first version to the tip")
        var foreignCheck = VerificationCheck(name: WorkspaceVerifier.foreignCommitsCheck,
                                             title: "Only DraftFlow changed Comments/ and Workflow.md since the first version")
        if let first = tags.first(where: { $0.header != nil })?.header.map({ CommitID($0.target) }),
           let branch = try? repository.headBranch(), let tip = try? repository.resolveCommit(branch) {
            submissionHistory(firstVersion: first, tip: tip, kept: &keptCheck, foreign: &foreignCheck)
        } else {
            keptCheck.problems.append("cannot walk from the first version to the tip (see the checks above)")
        }

        var signatureCheck = VerificationCheck(name: WorkspaceVerifier.signaturesCheck, title: "Every signed version's signature holds")
        signatures(tags, into: &signatureCheck)

        let checks = [versionCheck, commentCheck, historyCheck, headCheck, keptCheck, foreignCheck, signatureCheck].map {
            VerificationCheck(name: $0.name, title: $0.title, details: $0.details, problems: $0.problems)
        }
        return VerificationReport(workspace: repository.workTree?.path ?? repository.gitDirectory.path, version: label,
                                  tag: target.id?.hex, commit: commit?.hex, checks: checks)
    }

    /// Every tag reference, with its tag object read and re-hashed.
    mutating func findTags() throws -> [FoundTag] {
        let names: [String]
        do {
            names = try repository.tagNames()
        } catch let error as GitError {
            throw DraftFlowError(.storage, "cannot list the tags: \(error)", fix: "check the workspace with `git fsck`")
        }
        var found: [FoundTag] = []
        for name in names {
            var tag = FoundTag(name: name)
            do {
                guard let id = try repository.resolve("refs/tags/" + name) else {
                    tag.problem = "the reference refs/tags/\(name) points nowhere"
                    found.append(tag)
                    continue
                }
                tag.id = id
                let object = try object(id)
                if object.kind == .tag {
                    tag.header = try object.tagHeader()
                } else {
                    tag.problem = "refs/tags/\(name) points to a \(object.kind.rawValue) (\(id.short)), not to an annotated tag"
                }
            } catch {
                tag.problem = "the tag \(name) cannot be read: \(Self.describe(error, tag.id ?? ObjectID(hex: String(repeating: "0", count: 40))!))"
            }
            found.append(tag)
        }
        return found.sorted { $0.sortKey < $1.sortKey }
    }

    /// The newest published version: the latest tag time, and among versions tagged in the same
    /// second, the one whose commit has the others' in its history.
    mutating func newest(_ tags: [FoundTag]) -> FoundTag? {
        let usable = tags.filter { $0.header != nil }
        guard let latest = usable.max(by: { $0.sortKey < $1.sortKey }) else { return tags.last }
        let time = latest.header?.taggerTime
        var best = latest
        for tag in usable where tag.name != best.name && tag.header?.taggerTime == time {
            guard let candidate = tag.header.map({ CommitID($0.target) }), let current = best.header.map({ CommitID($0.target) }) else { continue }
            if candidate != current && isInHistory(current, of: candidate) { best = tag }
        }
        return best
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
