import Foundation

/// Who pushes to the shared repository, as the git server's hook learns it: the server's user
/// name (`REMOTE_USER`, `GL_USERNAME`) mapped to the secretariat or to one member's code.
public enum Pusher: Equatable, Sendable {
    case secretariat(user: String)
    case member(user: String, code: String)
}

/// One line of what git gives a pre-receive hook: a reference, the id it points to now and the
/// id the push would move it to (nil for "none": a reference created or deleted).
public struct ReferenceUpdate: Equatable, Sendable {
    public var reference: String
    public var old: String?
    public var new: String?

    public init(reference: String, old: String?, new: String?) {
        self.reference = reference
        self.old = old
        self.new = new
    }

    /// Reads "<old> <new> <ref>", as git writes it; an all-zero id means none.
    public static func parse(_ line: String) throws -> ReferenceUpdate {
        let fields = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        func id(_ text: String) throws -> String? {
            guard text.count == 40 || text.count == 64, text.allSatisfy(\.isHexDigit) else {
                throw DraftFlowError(.invalidInput, "'\(TerminalText.escaped(text))' is not an object id in the hook's input line '\(TerminalText.escaped(line))'",
                                     fix: "run `draftflow hook pre-receive` only as git's pre-receive hook, which writes \"<old> <new> <ref>\" lines")
            }
            return text.allSatisfy { $0 == "0" } ? nil : text.lowercased()
        }
        guard fields.count == 3, !fields[2].isEmpty else {
            throw DraftFlowError(.invalidInput, "the hook's input line '\(TerminalText.escaped(line))' is not \"<old> <new> <ref>\"",
                                 fix: "run `draftflow hook pre-receive` only as git's pre-receive hook")
        }
        return ReferenceUpdate(reference: fields[2], old: try id(fields[0]), new: try id(fields[1]))
    }
}

/// What the shared repository's hook lets each pusher change: the secretariat the workspace
/// (main, new version tags, collected submission refs), a member only its own submission refs,
/// `refs/heads/submissions/<round>/<CODE>`, with commits that touch only its own files under
/// `Comments/<round>/<CODE>/`. Each refusal is one line for the person who pushed.
public enum PushRules {
    public static let mainBranch = "refs/heads/main"
    public static let submissionsPrefix = SubmissionBranch.prefix

    /// The reference a member pushes its submission of `round` to.
    public static func submissionReference(round: String, member: String) -> String {
        SubmissionBranch(round: round, member: member).reference
    }

    /// The round and member code a submission reference names (read as `collect` reads it), or
    /// nil when `reference` is not `refs/heads/submissions/<round>/<CODE>` with a valid round name
    /// and a member code written as registered.
    public static func submission(named reference: String) -> (round: String, member: String)? {
        guard let branch = try? SubmissionBranch(reference: reference), (try? SafeName.memberCode(branch.member)) == branch.member else { return nil }
        return (branch.round, branch.member)
    }

    /// Why `update` is refused to `pusher`, or nil when the reference itself may change so.
    /// `fastForward` says whether main's new commit descends from its old one (nil when main is
    /// not moved).
    public static func refusal(of update: ReferenceUpdate, by pusher: Pusher, fastForward: Bool?) -> String? {
        let reference = update.reference
        let shown = TerminalText.escaped(reference)
        // A reference sent as it already is changes nothing (libgit2 sends every tag it pushes).
        if update.old != nil, update.old == update.new { return nil }
        switch pusher {
        case .secretariat:
            if reference.hasPrefix("refs/tags/"), update.old != nil {
                return update.new == nil ? "\(shown): a version's tag is never deleted" : "\(shown): a version's tag is never moved"
            }
            if reference == mainBranch {
                if update.new == nil { return "\(shown): main, the workspace, is never deleted" }
                if fastForward == false {
                    return "\(shown): the push would rewrite main's history (not a fast-forward); pull, then push again"
                }
            }
            return nil
        case .member(_, let code):
            let own = "\(code) may push only its own submissions, to \(submissionsPrefix)<round>/\(code)"
            if reference == mainBranch { return "\(shown): only the secretariat pushes main; \(own)" }
            if reference.hasPrefix("refs/tags/") { return "\(shown): only the secretariat pushes version tags; \(own)" }
            guard let submission = submission(named: reference) else { return "\(shown): \(own)" }
            if submission.member != code { return "\(shown) is \(submission.member)'s submission; \(own)" }
            if update.new == nil { return "\(shown): a submission is never deleted by its member; the secretariat collects it" }
            return nil
        }
    }

    /// Why a commit of `member`'s submission to `round` may not change `path` so, or nil when it
    /// may: only files under `Comments/<round>/<CODE>/`, only plain files (`newMode` 0o100644),
    /// nothing removed.
    public static func refusal(ofPath path: String, newMode: UInt32?, round: String, member: String, commit: String) -> String? {
        let folder = RecordPaths.member(member, round: round) + "/"
        let shown = TerminalText.escaped(path)
        let where_ = "commit \(commit.prefix(7))"
        guard path.hasPrefix(folder), !path.dropFirst(folder.count).isEmpty else {
            return "\(where_) changes \(shown): a submission of \(member) to \(round) may change only files under \(folder)"
        }
        guard let newMode else { return "\(where_) removes \(shown): a submission adds files, it never removes any" }
        guard newMode == 0o100644 else {
            return "\(where_) adds \(shown) as \(newMode == 0o120000 ? "a symbolic link" : newMode == 0o100755 ? "an executable" : "a mode \(String(newMode, radix: 8)) entry"); a submission holds plain files only"
        }
        return nil
    }
}
