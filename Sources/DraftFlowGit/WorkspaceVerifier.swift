import DraftFlow
import Foundation
import GitCore
import GitPack

/// One check of `verify`: whether it holds, what was checked, and what is wrong.
public struct VerificationCheck: Codable, Sendable, Equatable {
    /// "version-text", "comment-files" or "history".
    public var name: String
    /// What the check establishes, in one sentence.
    public var title: String
    public var ok: Bool
    /// What was checked, for people.
    public var details: [String]
    /// What is wrong: which object, which file, which record. Empty when `ok`.
    public var problems: [String]

    public init(name: String, title: String, details: [String] = [], problems: [String] = []) {
        self.name = name
        self.title = title
        self.ok = problems.isEmpty
        self.details = details
        self.problems = problems
    }
}

/// What `verify` found for one version.
public struct VerificationReport: Codable, Sendable, Equatable {
    public var workspace: String
    public var version: String
    /// The id of the version's annotated tag object, when its reference could be read.
    public var tag: String?
    /// The id of the commit the tag points to, when it could be read.
    public var commit: String?
    /// Whether every check holds.
    public var ok: Bool
    public var checks: [VerificationCheck]

    public init(workspace: String, version: String, tag: String?, commit: String?, checks: [VerificationCheck]) {
        self.workspace = workspace
        self.version = version
        self.tag = tag
        self.commit = commit
        self.ok = checks.allSatisfy(\.ok)
        self.checks = checks
    }
}

/// How a verification guarded by a timeout ended.
public enum VerificationOutcome: Sendable, Equatable {
    case finished(VerificationReport)
    /// The verification did not finish in time; its thread may still be running (a truncated
    /// object can make libgit2 1.5.1 loop forever), so the process should end soon.
    case timedOut(seconds: Double)
}

/// Checks that a published version, the original files of every comment in it, and the history
/// leading to it are intact: every object is read raw from git's object database and re-hashed.
public enum WorkspaceVerifier {
    public static let versionTextCheck = "version-text"
    public static let commentFilesCheck = "comment-files"
    public static let historyCheck = "history"

    /// Verifies `version` (default: the newest published version) of the workspace containing
    /// `folder`, on the calling thread. Problems with the repository's content are in the report;
    /// throws a `DraftFlowError` only when there is nothing to verify (no workspace, no such
    /// version, no version published).
    ///
    /// On a damaged repository this may never return (docs/LIBGIT2.md, item 10): prefer
    /// `verify(containing:version:timeout:)`.
    public static func verify(containing folder: URL, version: String?, inflateLooseObjectsFirst: Bool = true) throws -> VerificationReport {
        let store = try GitWorkspaceStore.open(containing: folder)
        var run = VerificationRun(repository: store.repository, inflateLooseObjectsFirst: inflateLooseObjectsFirst)
        return try run.verify(version)
    }

    /// Verifies on a thread of its own, which opens its own repository, and waits at most
    /// `timeout` seconds. On timeout that thread cannot be stopped: it is left running, and the
    /// caller should end the process.
    ///
    /// `inflateLooseObjectsFirst: false` turns off the check of loose object files outside
    /// libgit2, leaving only the timeout as a guard (for tests of that guard).
    public static func verify(containing folder: URL, version: String?, timeout: TimeInterval,
                              inflateLooseObjectsFirst: Bool = true) throws -> VerificationOutcome {
        let box = OutcomeBox()
        let thread = Thread {
            let result: Result<VerificationReport, DraftFlowError>
            do {
                result = .success(try verify(containing: folder, version: version, inflateLooseObjectsFirst: inflateLooseObjectsFirst))
            } catch let error as DraftFlowError {
                result = .failure(error)
            } catch {
                result = .failure(DraftFlowError(.storage, "verification failed: \(error)", fix: "check the workspace with `git fsck`"))
            }
            box.finish(result)
        }
        thread.name = "draftflow-verify"
        thread.stackSize = 8 << 20
        thread.start()
        guard let result = box.wait(seconds: timeout) else { return .timedOut(seconds: timeout) }
        return .finished(try result.get())
    }
}

/// Hands the verification thread's result to the waiting thread.
///
/// `@unchecked Sendable`: `result` is written once by the verification thread and read by the
/// waiting thread only under `lock`; the semaphore only signals that it was written.
private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<VerificationReport, DraftFlowError>?

    func finish(_ value: Result<VerificationReport, DraftFlowError>) {
        lock.lock()
        result = value
        lock.unlock()
        done.signal()
    }

    /// The result, or nil when it did not come within `seconds`.
    func wait(seconds: TimeInterval) -> Result<VerificationReport, DraftFlowError>? {
        let deadline = DispatchTime.now() + .nanoseconds(Int(min(seconds, 86_400 * 365) * 1_000_000_000))
        guard done.wait(timeout: deadline) == .success else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return result
    }
}

/// A published version as found in the repository: its tag reference and what the tag says.
private struct FoundTag {
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
/// once, wherever it appears).
private struct VerificationRun {
    let repository: Repository
    let inflateLooseObjectsFirst: Bool
    /// Trees, commits and tags read so far (blobs are only remembered as good).
    private var objects: [ObjectID: VerifiedObject] = [:]
    private var goodBlobs: Set<ObjectID> = []
    private var failures: [ObjectID: GitError] = [:]

    init(repository: Repository, inflateLooseObjectsFirst: Bool) {
        self.repository = repository
        self.inflateLooseObjectsFirst = inflateLooseObjectsFirst
    }

    // MARK: Reading objects

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
        } catch let error as GitError {
            failures[id] = error
            throw error
        }
    }

    /// Reads and re-hashes a blob without keeping its content.
    mutating func checkBlob(_ id: ObjectID) throws {
        if goodBlobs.contains(id) { return }
        let object = try object(id)
        guard object.kind == .blob else { throw Self.wrongKind(id, object.kind, expected: .blob) }
    }

    mutating func tree(_ id: ObjectID) throws -> [TreeEntry] {
        try object(id).treeEntries()
    }

    /// The entry at `path` in `tree`, reading (and re-hashing) each folder on the way.
    mutating func entry(at path: String, in tree: ObjectID) throws -> TreeEntry? {
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.isEmpty else { return nil }
        var folder = tree
        for (index, part) in parts.enumerated() {
            guard let entry = try self.tree(folder).first(where: { $0.name == part }) else { return nil }
            if index == parts.count - 1 { return entry }
            guard entry.kind == .tree else { return nil }
            folder = entry.id
        }
        return nil
    }

    static func wrongKind(_ id: ObjectID, _ kind: ObjectKind, expected: ObjectKind) -> GitError {
        GitError(code: -3, errorClass: 0, message: "object \(id.hex) is a \(kind.rawValue), not a \(expected.rawValue)", operation: "verify")
    }

    /// A damaged or missing object, for people.
    static func describe(_ error: any Error, _ id: ObjectID) -> String {
        if let error = error as? GitError {
            if error.isNotFound && error.operation.hasPrefix("git_odb_read") { return "object \(id.hex) is missing" }
            return error.message
        }
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
            guard let newest = tags.filter({ $0.header != nil }).max(by: { $0.sortKey < $1.sortKey }) ?? tags.last else {
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

        let checks = [versionCheck, commentCheck, historyCheck].map {
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

    // MARK: 1. The version's text

    /// Checks tag, commit, tree, Workflow.md and the document; returns the commit when it reads.
    mutating func versionText(_ tag: FoundTag, into check: inout VerificationCheck) -> ObjectID? {
        guard let tagID = tag.id else {
            check.problems.append(tag.problem ?? "refs/tags/\(tag.name) cannot be read")
            return nil
        }
        guard let header = tag.header else {
            check.problems.append(tag.problem ?? "refs/tags/\(tag.name) is not an annotated tag")
            return nil
        }
        var read = 1
        check.details.append("tag \(tag.name): annotated tag object \(tagID.hex)" + (header.taggerTime.map { ", tagged \(Self.iso($0))" } ?? ""))
        if header.name != tag.name {
            check.problems.append("the tag object \(tagID.short) behind refs/tags/\(tag.name) names itself '\(header.name)'")
        }
        guard header.targetType == "commit" else {
            check.problems.append("the tag \(tag.name) (\(tagID.short)) points to a \(header.targetType), not to a commit")
            return nil
        }
        let commitID = header.target
        let commit: RawCommit
        do {
            let object = try object(commitID)
            guard object.kind == .commit else { throw Self.wrongKind(commitID, object.kind, expected: .commit) }
            commit = try object.commitHeader()
            read += 1
        } catch {
            check.problems.append("the commit \(commitID.hex) that tag \(tag.name) points to cannot be read: \(Self.describe(error, commitID))")
            return nil
        }
        check.details.append("commit \(commitID.hex), tree \(commit.tree.hex)")
        do {
            _ = try tree(commit.tree)
            read += 1
        } catch {
            check.problems.append("the tree \(commit.tree.hex) of commit \(commitID.short) cannot be read: \(Self.describe(error, commit.tree))")
            return commitID
        }
        // The document's path, from Workflow.md as of this commit.
        let documentPath: String
        do {
            guard let entry = try entry(at: Workflow.fileName, in: commit.tree), entry.kind == .blob else {
                check.problems.append("\(Workflow.fileName) is missing from commit \(commitID.short)")
                return commitID
            }
            let blob = try object(entry.id)
            read += 1
            documentPath = try WorkflowFile.parse(blob.data).document
        } catch {
            check.problems.append("\(Workflow.fileName) of commit \(commitID.short) cannot be read: \(Self.describe(error, commit.tree))")
            return commitID
        }
        do {
            guard let entry = try entry(at: documentPath, in: commit.tree), entry.kind == .blob else {
                check.problems.append("the document \(documentPath) named in \(Workflow.fileName) is missing from commit \(commitID.short)")
                return commitID
            }
            do {
                let blob = try object(entry.id)
                read += 1
                check.details.append("\(documentPath): blob \(entry.id.hex), \(blob.data.count) bytes")
            } catch {
                check.problems.append("the document \(documentPath) (blob \(entry.id.hex)) cannot be read: \(Self.describe(error, entry.id))")
            }
        } catch {
            check.problems.append("the folders of \(documentPath) in commit \(commitID.short) cannot be read: \(Self.describe(error, commit.tree))")
        }
        check.details.append("\(read) objects read and re-hashed")
        return commitID
    }

    // MARK: 2. Comments

    mutating func commentFiles(commit commitID: ObjectID, into check: inout VerificationCheck) {
        let treeID: ObjectID
        do {
            treeID = try object(commitID).commitHeader().tree
        } catch {
            check.problems.append("cannot read commit \(commitID.hex): \(Self.describe(error, commitID))")
            return
        }
        // Every file under Comments/, re-hashed.
        var files: [String: ObjectID] = [:]
        var unreadable: Set<String> = []
        do {
            guard let comments = try entry(at: "Comments", in: treeID), comments.kind == .tree else {
                check.details.append("no comments recorded in this version")
                return
            }
            collectFiles(comments.id, prefix: "Comments", into: &files, problems: &check.problems)
        } catch {
            check.problems.append("the folder Comments cannot be read: \(Self.describe(error, treeID))")
            return
        }
        for (path, id) in files.sorted(by: { $0.key < $1.key }) {
            do {
                try checkBlob(id)
            } catch {
                unreadable.insert(path)
                check.problems.append("the file \(path) (blob \(id.hex)) is bad: \(Self.describe(error, id))")
            }
        }
        // Each record against the files it names.
        let decoder = RecordCoding.decoder()
        var records = 0, compared = 0
        for (path, id) in files.sorted(by: { $0.key < $1.key }) where Self.isRecord(path) {
            records += 1
            guard !unreadable.contains(path) else {
                check.problems.append("the record \(path) cannot be read, so its files cannot be compared")
                continue
            }
            let submission: Submission
            do {
                submission = try decoder.decode(Submission.self, from: try object(id).data)
            } catch {
                check.problems.append("the record \(path) is not a readable submission record: \(error)")
                continue
            }
            let named: [(what: String, path: String, blob: String?)] =
                [("file", submission.file, submission.fileBlob)] + (submission.proposal.map { [("proposal", $0, submission.proposalBlob)] } ?? [])
            for item in named {
                do {
                    guard let entry = try entry(at: item.path, in: treeID), entry.kind == .blob else {
                        check.problems.append("the record \(path) names the \(item.what) \(item.path), which is not in this version")
                        continue
                    }
                    if files[item.path] == nil { try checkBlob(entry.id) }
                    guard let expected = item.blob else {
                        check.details.append("\(path): no \(item.what == "file" ? "fileBlob" : "proposalBlob") recorded; \(item.path) exists")
                        continue
                    }
                    compared += 1
                    if expected.lowercased() != entry.id.hex {
                        check.problems.append("the \(item.what) \(item.path) is not what was received: the record \(path) says blob \(expected), the version holds blob \(entry.id.hex)")
                    }
                } catch {
                    check.problems.append("the \(item.what) \(item.path) named by \(path) cannot be read: \(Self.describe(error, treeID))")
                }
            }
        }
        check.details.append("\(records) submission record\(records == 1 ? "" : "s"), \(compared) original file\(compared == 1 ? "" : "s") compared with the recorded blob ids, \(files.count) file\(files.count == 1 ? "" : "s") under Comments/ re-hashed")
    }

    static func isRecord(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count == 4, let name = parts.last, name.hasPrefix("submission-"), name.hasSuffix(".json") else { return false }
        return Int(name.dropFirst("submission-".count).dropLast(".json".count)) != nil
    }

    mutating func collectFiles(_ tree: ObjectID, prefix: String, into files: inout [String: ObjectID], problems: inout [String]) {
        let entries: [TreeEntry]
        do {
            entries = try self.tree(tree)
        } catch {
            problems.append("the folder \(prefix) (tree \(tree.hex)) cannot be read: \(Self.describe(error, tree))")
            return
        }
        for entry in entries {
            let path = prefix + "/" + entry.name
            switch entry.kind {
            case .blob: files[path] = entry.id
            case .tree: collectFiles(entry.id, prefix: path, into: &files, problems: &problems)
            case .other: continue
            }
        }
    }

    // MARK: 3. History

    mutating func history(from start: ObjectID, version: FoundTag, tags: [FoundTag], into check: inout VerificationCheck) {
        var reachable: Set<ObjectID> = []
        var roots: [ObjectID] = []
        var stack = [start]
        var checkedObjects: Set<ObjectID> = []
        var treesRead = 0, blobsRead = 0
        while let id = stack.popLast() {
            guard reachable.insert(id).inserted else { continue }
            let commit: RawCommit
            do {
                let object = try object(id)
                guard object.kind == .commit else { throw Self.wrongKind(id, object.kind, expected: .commit) }
                commit = try object.commitHeader()
            } catch {
                check.problems.append("the commit \(id.hex) cannot be read: \(Self.describe(error, id)); the history behind it is not checked")
                continue
            }
            if commit.parents.isEmpty { roots.append(id) }
            stack.append(contentsOf: commit.parents.reversed())
            checkTree(commit.tree, path: "", commit: id, checked: &checkedObjects, count: &treesRead, blobs: &blobsRead, problems: &check.problems)
        }
        check.details.append("\(reachable.count) commit\(reachable.count == 1 ? "" : "s"), \(treesRead) tree\(treesRead == 1 ? "" : "s") and \(blobsRead) blob\(blobsRead == 1 ? "" : "s") read and re-hashed")
        check.details.append("root commit\(roots.count == 1 ? "" : "s"): \(roots.map(\.hex).joined(separator: ", "))")

        // Versions published before this one must be in this history.
        for tag in tags where tag.name != version.name {
            if let problem = tag.problem, tag.header == nil {
                check.problems.append(problem)
                continue
            }
            guard let header = tag.header else { continue }
            let before = version.header.map { tag.sortKey < (($0.taggerTime ?? .distantPast), version.name) } ?? true
            guard before else { continue }
            if reachable.contains(header.target) {
                check.details.append("version \(tag.name) (commit \(header.target.short)) is in this history")
            } else {
                let first = tags.first { $0.header != nil }?.name == tag.name
                check.problems.append("\(first ? "the first published version" : "version") \(tag.name) (commit \(header.target.hex)) is not in the history of \(version.name)")
            }
        }
    }

    /// Reads a tree and everything in it, once per tree.
    mutating func checkTree(_ id: ObjectID, path: String, commit: ObjectID, checked: inout Set<ObjectID>, count: inout Int, blobs: inout Int,
                            problems: inout [String]) {
        guard checked.insert(id).inserted else { return }
        let place = path.isEmpty ? "root folder of commit \(commit.short)" : "\(path) in commit \(commit.short)"
        let entries: [TreeEntry]
        do {
            entries = try tree(id)
            count += 1
        } catch {
            problems.append("the tree \(id.hex) (\(place)) cannot be read: \(Self.describe(error, id))")
            return
        }
        for entry in entries {
            let entryPath = path.isEmpty ? entry.name : path + "/" + entry.name
            switch entry.kind {
            case .tree:
                checkTree(entry.id, path: entryPath, commit: commit, checked: &checked, count: &count, blobs: &blobs, problems: &problems)
            case .blob:
                // Each blob once per walk (a blob found damaged by another check is reported here too).
                guard checked.insert(entry.id).inserted else { continue }
                do {
                    try checkBlob(entry.id)
                    blobs += 1
                } catch {
                    problems.append("the blob \(entry.id.hex) (\(entryPath) in commit \(commit.short)) is bad: \(Self.describe(error, entry.id))")
                }
            case .other:
                continue
            }
        }
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
