import Foundation

/// Reads DraftFlow's records from one snapshot of a workspace.
package enum RecordReader {
    package static func workflow(in snapshot: any WorkspaceSnapshot) throws -> Workflow {
        guard let data = try snapshot.file(Workflow.fileName) else {
            throw DraftFlowError(.workspace, "this workspace has no Workflow.md", fix: "run `draftflow init` to create a workspace")
        }
        let cache = WorkflowCache.shared
        if let known = cache.workflow(for: data) { return known }
        if let kept = cache.stored(for: data) {
            cache.keep(kept, for: data)
            return kept
        }
        let workflow = try WorkflowFile.parse(data) { RecordDamage.error(Workflow.fileName, $0, in: snapshot) }
        cache.keep(workflow, for: data)
        cache.store(workflow, for: data)
        return workflow
    }

    /// Every recorded submission of `round`, all numbers, sorted by member then number.
    ///
    /// Strict: a record missing beside its original, a gap in a member's numbers, or a member the
    /// round's index counts more submissions of than there are records is an error naming the file,
    /// never a member silently left out of the merge.
    package static func submissions(round: String, in snapshot: any WorkspaceSnapshot) throws -> [Submission] {
        var result: [Submission] = []
        var found: [String: Int] = [:]
        for member in try snapshot.list(RecordPaths.round(round)) {
            let folder = RecordPaths.member(member, round: round)
            let names = try snapshot.list(folder)
            guard !names.isEmpty else { continue }  // index.json, merge.json… are files, not folders
            var numbers = Set<Int>()
            for name in names where RecordPaths.isSubmissionRecord(name) {
                let path = folder + "/" + name
                guard let submission = try RecordCoding.record(Submission.self, at: path, in: snapshot) else { continue }
                guard submission.member == member, submission.round == round,
                      path == RecordPaths.submissionRecord(round: round, member: member, number: submission.number) else {
                    throw RecordDamage.error(path, "holds submission \(submission.number) of \(SafeName.display(submission.member)) in round \(SafeName.display(submission.round)), not its own", in: snapshot)
                }
                numbers.insert(submission.number)
                result.append(submission)
            }
            // Every original has its record, and the numbers run from 1 without a gap.
            let originals = names.compactMap(RecordPaths.submissionNumber(ofFile:))
            let expected = Set(originals).union(1...max(1, numbers.max() ?? 0))
            if !numbers.isEmpty || !originals.isEmpty, let missing = expected.subtracting(numbers).min() {
                let path = RecordPaths.submissionRecord(round: round, member: member, number: missing)
                throw RecordDamage.error(path, "is missing: submission \(missing) of \(member) in round \(round) has no record, so it would be left out", in: snapshot)
            }
            found[member] = numbers.count
        }
        // The round's index says how many submissions each member made.
        if let data = try snapshot.file(RecordPaths.index(round: round)),
           let index = try? RecordCoding.decoder().decode(RoundIndex.self, from: data) {
            for (member, entry) in index.members.sorted(by: { $0.key < $1.key }) where (found[member] ?? 0) < entry.submissions {
                let path = RecordPaths.submissionRecord(round: round, member: member, number: (found[member] ?? 0) + 1)
                throw RecordDamage.error(path, "is missing: the round's index counts \(entry.submissions) submission\(entry.submissions == 1 ? "" : "s") of \(member), "
                                             + "and \(found[member] ?? 0) \(found[member] == 1 ? "is" : "are") recorded", in: snapshot)
            }
        }
        // A submission recorded late that the round's close, extended since, now takes counts as
        // on time (`round extend --reopen`).
        if let stated = try? workflow(in: snapshot).round(named: round) {
            for index in result.indices where result[index].late && stated.accepts(receivedAt: result[index].received) {
                result[index].late = false
            }
        }
        return result.sorted { ($0.member, $0.number) < ($1.member, $1.number) }
    }

    /// The submissions of one member in `round`, sorted by number: only that member's folder is
    /// read (the portal's page and forms), not every record of the round. Late marks follow the
    /// round's close as `submissions(round:in:)` does.
    package static func submissions(of member: String, round: String, in snapshot: any WorkspaceSnapshot) throws -> [Submission] {
        var result = try submissionRecords(of: member, round: round, in: snapshot).map { path -> Submission in
            guard let submission = try RecordCoding.record(Submission.self, at: path, in: snapshot),
                  submission.member == member, submission.round == round else {
                throw RecordDamage.error(path, "does not hold a submission of \(SafeName.display(member)) in round \(SafeName.display(round))", in: snapshot)
            }
            return submission
        }
        if let stated = try? workflow(in: snapshot).round(named: round) {
            for index in result.indices where result[index].late && stated.accepts(receivedAt: result[index].received) {
                result[index].late = false
            }
        }
        return result.sorted { $0.number < $1.number }
    }

    /// The paths of the records of `member`'s submissions in `round`.
    static func submissionRecords(of member: String, round: String, in snapshot: any WorkspaceSnapshot) -> [String] {
        let folder = RecordPaths.member(member, round: round)
        let names = (try? snapshot.list(folder)) ?? []
        return names.filter(RecordPaths.isSubmissionRecord).map { folder + "/" + $0 }
    }

    /// The current submission of each member: the newest received (`Submission.supersedes`).
    package static func current(_ submissions: [Submission]) -> [String: Submission] {
        var latest: [String: Submission] = [:]
        for submission in submissions where latest[submission.member].map(submission.supersedes) ?? true {
            latest[submission.member] = submission
        }
        return latest
    }

    /// The round's index: the file when there is one and it reads, else built from the records
    /// (it is derived from them: a damaged index.json is rebuilt, and the next write replaces it).
    static func roundIndex(_ round: String, in snapshot: any WorkspaceSnapshot) throws -> RoundIndex {
        if let index = try? RecordCoding.record(RoundIndex.self, at: RecordPaths.index(round: round), in: snapshot) {
            return index
        }
        return RoundIndex(try submissions(round: round, in: snapshot))
    }

    /// The merge summary of `round` (merge-summary.json), derived from merge.json, its edits and
    /// the dispositions: rebuilt from them when the file is damaged. Nil when there is none.
    static func mergeSummary(_ round: String, in snapshot: any WorkspaceSnapshot) throws -> MergeSummary? {
        let path = RecordPaths.mergeSummary(round: round)
        guard let data = try snapshot.file(path) else { return nil }
        if let summary = try? RecordCoding.decode(MergeSummary.self, from: data, path: path, in: snapshot) { return summary }
        let record = try RoundState.withEdits(try RecordCoding.record(MergeRecord.self, at: RecordPaths.merge(round: round), in: snapshot),
                                              from: snapshot.file(RecordPaths.mergeEdits(round: round)),
                                              path: RecordPaths.mergeEdits(round: round), in: snapshot)
        let dispositions = try RecordCoding.record([Disposition].self, at: RecordPaths.dispositions(round: round), in: snapshot) ?? []
        return record.map { MergeSummary($0, dispositions: dispositions) }
    }

    /// The round merged last and its summary: the candidate in `Drafts/` comes from that merge
    /// (by the instant it was made; between merges made at one instant, the round opened later).
    ///
    /// Only the summary of that round is decoded: of the others, the instant alone is read
    /// (`mergedInstant`). When the one found does not decode as it stands (it is rebuilt from
    /// merge.json), every summary is decoded, as `lastMergeDecodingAll` does.
    package static func lastMerge(_ workflow: Workflow, in snapshot: any WorkspaceSnapshot) throws -> (Round, MergeSummary)? {
        var found: (round: Round, merged: Date?)?
        for round in workflow.rounds where round.kind == .comments {
            guard let data = try snapshot.file(RecordPaths.mergeSummary(round: round.name)) else { continue }
            let merged: Date?
            if let instant = mergedInstant(data) {
                merged = instant.merged
            } else {
                guard let summary = try mergeSummary(round.name, in: snapshot) else { continue }
                merged = summary.merged
            }
            if let current = found, (merged ?? .distantPast) < (current.merged ?? .distantPast) { continue }
            found = (round, merged)
        }
        guard let found else { return nil }
        let path = RecordPaths.mergeSummary(round: found.round.name)
        if let data = try snapshot.file(path), let summary = try? RecordCoding.decode(MergeSummary.self, from: data, path: path, in: snapshot),
           summary.merged == found.merged {
            return (found.round, summary)
        }
        return try lastMergeDecodingAll(workflow, in: snapshot)
    }

    /// `lastMerge` decoding every round's summary: the general way.
    static func lastMergeDecodingAll(_ workflow: Workflow, in snapshot: any WorkspaceSnapshot) throws -> (Round, MergeSummary)? {
        var found: (Round, MergeSummary)?
        for round in workflow.rounds where round.kind == .comments {
            guard let summary = try mergeSummary(round.name, in: snapshot) else { continue }
            if let current = found, (summary.merged ?? .distantPast) < (current.1.merged ?? .distantPast) { continue }
            found = (round, summary)
        }
        return found
    }

    /// The instant of a merge summary (its `merged`, nil when it has none), read without decoding
    /// the rest; nil when the file is not JSON that holds one (or null) there, to be decoded instead.
    static func mergedInstant(_ data: Data) -> MergedInstant? {
        switch try? RecordTree.topLevelValue("merged", in: data) {
        case .absent?, .null?: return MergedInstant(merged: nil)
        case .string(let text)?: return RecordCoding.instant(text).map { MergedInstant(merged: $0) }
        case nil: return nil
        }
    }

    /// What `mergedInstant` read: the summary's `merged`, nil when it has none.
    struct MergedInstant: Equatable {
        var merged: Date?
    }

    /// The objections of a silence round: the latest on-time submission of each member, unless it
    /// is a confirmation of no objection.
    package static func objections(_ round: Round, in snapshot: any WorkspaceSnapshot) throws -> [Submission] {
        try silenceReplies(round, in: snapshot).filter { $0.noObjection == nil }
    }

    /// The confirmations of no objection in a silence round: members whose latest on-time
    /// submission says so. They do not break silence.
    package static func confirmations(_ round: Round, in snapshot: any WorkspaceSnapshot) throws -> [Submission] {
        try silenceReplies(round, in: snapshot).filter { $0.noObjection != nil }
    }

    /// The latest on-time submission of each member in a silence round, by time received.
    private static func silenceReplies(_ round: Round, in snapshot: any WorkspaceSnapshot) throws -> [Submission] {
        guard round.kind == .silence else { return [] }
        return current(try submissions(round: round.name, in: snapshot)).values
            .filter { !$0.late && round.accepts(receivedAt: $0.received) }
            .sorted { ($0.received, $0.member) < ($1.received, $1.member) }
    }

    /// The open collisions and undecided comments of the last merged round, for `status`,
    /// `publish` and `finalize`. `known` is the index of `knownRound` when the caller read it.
    static func pendingDecisions(in snapshot: any WorkspaceSnapshot, index known: RoundIndex? = nil, knownRound: String? = nil) throws
        -> PendingDecisions? {
        let workflow = try workflow(in: snapshot)
        guard let (round, summary) = try lastMerge(workflow, in: snapshot) else { return nil }
        // A merge of several rounds on one version: every comment of each of them needs a decision.
        var ids = summary.edits
        for name in summary.rounds ?? [round.name] {
            let index = try (knownRound == name ? known : nil) ?? roundIndex(name, in: snapshot)
            ids += index.members.values.flatMap(\.comments)
        }
        let decided = Set(summary.decided)
        let undecided = CommentOrder.sorted(Array(Set(ids.filter { !decided.contains($0) })))
        return PendingDecisions(round: round.name, collisions: summary.openCollisions, undecided: undecided,
                                superseded: (summary.superseded ?? [:]).filter { !decided.contains($0.key) },
                                flagged: (summary.flagged ?? [:]).filter { !decided.contains($0.key) })
    }
}

/// What is left to decide in the last merged round.
struct PendingDecisions {
    var round: String
    var collisions: [MergeSummary.PendingCollision]
    var undecided: [String]
    /// Undecided comments whose change the secretariat's own wording superseded → that wording's comment.
    var superseded: [String: String]
    /// Undecided comments whose proposed change was not put in the text, and why.
    var flagged: [String: ProposalFlag]

    /// How many undecided comments a message names; the rest are counted.
    static let listed = 20

    /// The undecided comments as a list for people: `CAN-1 (superseded by CHN-1), USA-2 (an instruction…)`,
    /// the first 20 named and the rest counted.
    var undecidedList: String {
        let named = undecided.prefix(Self.listed).map { id in
            if let by = superseded[id] { return "\(id) (superseded by \(by))" }
            if let flag = flagged[id] { return "\(id) (\(flag.explanation))" }
            return id
        }.joined(separator: ", ")
        let rest = undecided.count - Self.listed
        return rest > 0 ? named + " and \(rest) more (see `draftflow dispositions`)" : named
    }
}

/// Comment ids as people expect them: by member, then by number (CAN-2 before CAN-10), edits
/// (CAN-E1) after the comments.
enum CommentOrder {
    static func key(_ id: String) -> (String, Int, Int) {
        let parts = id.split(separator: "-")
        let member = String(parts.first ?? "")
        let tail = String(parts.last ?? "")
        if tail.hasPrefix("E") { return (member, 1, Int(tail.dropFirst()) ?? 0) }
        return (member, 0, Int(tail) ?? 0)
    }

    static func precedes(_ left: String, _ right: String) -> Bool {
        key(left) < key(right)
    }

    /// `ids` in this order, computing each sort key once.
    static func sorted(_ ids: [String]) -> [String] {
        sorted(ids, id: { $0 })
    }

    /// `items` in the order of their comment ids, each id's key computed once (sorting by
    /// `precedes` computed two keys, splitting two strings, per comparison: 46,000 comments of a
    /// finished negotiation took 6% of its export). Items with the same key keep their order, as
    /// with the standard library's sort, which is stable.
    static func sorted<Item>(_ items: [Item], id: (Item) -> String) -> [Item] {
        let keys = items.map { key(id($0)) }
        return items.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }.map { items[$0] }
    }
}
