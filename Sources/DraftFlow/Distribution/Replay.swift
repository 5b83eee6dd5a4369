import Foundation

/// Replaying a local DraftFlow commit on a tip that moved under it (`push` and `pull` after
/// another officer pushed): what the commit changed is written again on the new tip, as the local
/// compare-and-swap rebuilds a change on the branch that moved.
///
/// A file the other side did not touch takes the local change. A round's index
/// (`Comments/<round>/index.json`) is merged member by member: each commit changes only the entries
/// of the members it recorded. `Workflow.md` is merged document by document (`mergedWorkflow`):
/// officers working on different documents do not conflict. Any other file both sides changed
/// differently is a conflict:
/// nothing is written, and the officer is told which file and which commit.
public enum Replay {
    /// One file a local commit changed: its content before and after the commit (nil: absent).
    public struct FileChange: Sendable {
        public var path: String
        public var before: Data?
        public var after: Data?

        public init(path: String, before: Data?, after: Data?) {
            self.path = path
            self.before = before
            self.after = after
        }
    }

    /// What to write on the new tip for one local commit: path → content, nil to remove it. Empty
    /// when the tip holds the commit's changes already. `current` reads a file of the new tip.
    public static func rebase(_ changes: [FileChange], onto current: (String) throws -> Data?, zone: TimeZone,
                              commit summary: String) throws -> [String: Data?] {
        var result: [String: Data?] = [:]
        for change in changes.sorted(by: { $0.path < $1.path }) {
            let theirs = try current(change.path)
            if theirs == change.after { continue }
            if theirs == change.before {
                result[change.path] = change.after
                continue
            }
            if isRoundIndex(change.path), let merged = try mergedIndex(change, theirs: theirs, zone: zone) {
                if merged != theirs { result[change.path] = merged }
                continue
            }
            if change.path == Workflow.fileName, let merged = try mergedWorkflow(change, theirs: theirs) {
                if merged != theirs { result[change.path] = merged }
                continue
            }
            throw DraftFlowError(.conflict, "the remote changed \(TerminalText.escaped(change.path)) since the local commit \"\(TerminalText.escaped(summary))\" was made, and that commit changes it too",
                                 fix: "nothing was changed on either side; see what the commit did (`git show HEAD`), take the remote's version (`git reset --hard origin/main` for the remote origin; this drops the local commits), then run the command again")
        }
        return result
    }

    static func isRoundIndex(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count == 3 && parts[0] == Substring(RecordPaths.comments) && parts[2] == "index.json"
    }

    /// The other side's index with the members this commit changed set as the commit set them;
    /// nil when both changed the same member's entry differently, or one of them cannot be read.
    static func mergedIndex(_ change: FileChange, theirs: Data?, zone: TimeZone) throws -> Data? {
        let decoder = RecordCoding.decoder()
        func index(_ data: Data?) -> RoundIndex? {
            guard let data else { return RoundIndex() }
            return try? decoder.decode(RoundIndex.self, from: data)
        }
        guard let before = index(change.before), let after = index(change.after), var merged = index(theirs) else { return nil }
        for code in Set(before.members.keys).union(after.members.keys) where before.members[code] != after.members[code] {
            guard merged.members[code] == before.members[code] || merged.members[code] == after.members[code] else { return nil }
            merged.members[code] = after.members[code]
        }
        return try RecordCoding.encoder(timeZone: zone).encode(merged)
    }
}
