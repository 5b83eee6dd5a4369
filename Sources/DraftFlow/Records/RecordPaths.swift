/// Where DraftFlow keeps its records in a workspace: every path under `Comments/`, in one place.
///
/// ```
/// Comments/README.md
/// Comments/<round>/index.json                       where every member stands (RoundIndex)
/// Comments/<round>/<CODE>/submission-<n>.<ext>      the original file, byte for byte
/// Comments/<round>/<CODE>/submission-<n>.proposal.md  the member's edited copy
/// Comments/<round>/<CODE>/submission-<n>.json       the record of the submission
/// Comments/<round>/merge.json                       the merge (MergeRecord without its parts)
/// Comments/<round>/merge-changes.json               its changes
/// Comments/<round>/merge-edits.json                 its edits (CAN-E1, ...)
/// Comments/<round>/merge-summary.json               what status, publish and finalize need
/// Comments/<round>/dispositions.json                the secretariat's decisions
/// ```
public enum RecordPaths {
    /// The folder of every round.
    public static let comments = "Comments"
    public static let readme = "Comments/README.md"

    public static func round(_ round: String) -> String { "\(comments)/\(round)" }

    /// Where submissions of `member` in `round` live.
    public static func member(_ member: String, round: String) -> String { "\(comments)/\(round)/\(member)" }

    public static func submissionFile(round: String, member: String, number: Int, extension fileExtension: String) -> String {
        self.member(member, round: round) + "/submission-\(number).\(fileExtension)"
    }

    public static func submissionProposal(round: String, member: String, number: Int) -> String {
        self.member(member, round: round) + "/submission-\(number).proposal.md"
    }

    public static func submissionRecord(round: String, member: String, number: Int) -> String {
        self.member(member, round: round) + "/submission-\(number).json"
    }

    /// The number of the submission whose original or edited copy `name` is (`submission-2.md`,
    /// `submission-2.proposal.md` → 2); nil for a record or any other name.
    public static func submissionNumber(ofFile name: String) -> Int? {
        guard name.hasPrefix("submission-"), !isSubmissionRecord(name) else { return nil }
        let rest = name.dropFirst("submission-".count)
        guard let dot = rest.firstIndex(of: ".") else { return nil }
        return Int(rest[..<dot])
    }

    /// Whether `name`, a file of a member's folder, is a submission's record.
    public static func isSubmissionRecord(_ name: String) -> Bool {
        name.hasPrefix("submission-") && name.hasSuffix(".json")
    }

    public static func index(round: String) -> String { "\(comments)/\(round)/index.json" }
    public static func merge(round: String) -> String { "\(comments)/\(round)/merge.json" }
    public static func mergeChanges(round: String) -> String { "\(comments)/\(round)/merge-changes.json" }
    public static func mergeEdits(round: String) -> String { "\(comments)/\(round)/merge-edits.json" }
    public static func mergeSummary(round: String) -> String { "\(comments)/\(round)/merge-summary.json" }
    public static func dispositions(round: String) -> String { "\(comments)/\(round)/dispositions.json" }
}
