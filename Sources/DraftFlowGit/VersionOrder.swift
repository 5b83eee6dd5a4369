import Foundation
import GitCore

/// The order of published versions: by the time of their tags, and, for versions tagged in the
/// same second (a tag's time has whole seconds), by history: a version whose commit is in the
/// history of another's comes first. Only then by label.
enum VersionOrder {
    /// The indices of `versions` (tag time, label, commit), oldest version first.
    static func sorted(_ versions: [(time: Date, label: String, commit: CommitID)], repository: Repository) throws -> [Int] {
        var order = versions.indices.sorted { (versions[$0].time, versions[$0].label) < (versions[$1].time, versions[$1].label) }
        // Within each run of one second, an insertion sort by history (runs are short).
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && versions[order[end]].time == versions[order[start]].time { end += 1 }
            if end - start > 1 {
                for position in (start + 1)..<end {
                    var current = position
                    while current > start, try precedes(versions[order[current]].commit, versions[order[current - 1]].commit, repository) {
                        order.swapAt(current, current - 1)
                        current -= 1
                    }
                }
            }
            start = end
        }
        return order
    }

    /// Whether a version on `left` was published before one on `right`: `left` is in the history
    /// of `right`, and is not the same commit.
    private static func precedes(_ left: CommitID, _ right: CommitID, _ repository: Repository) throws -> Bool {
        try left != right && repository.isAncestor(left, of: right)
    }
}
