import Foundation

extension Drafting {
    /// What `merge`, `resolve` and `dispose` leave behind.
    public struct MergeOutcome: Sendable {
        public var round: String
        public var base: String
        public var record: MergeRecord
        public var commitID: String?
        public var openCollisions: [RecordedCollision] { record.openCollisions }
        /// The record's changes and edits as written to their files, when this command wrote them.
        var encodedParts: (changes: Data, edits: Data)?
    }

    /// Everything about one round's merge, read from one snapshot.
    package struct RoundState {
        var workflow: Workflow
        var round: Round
        var baseText: String
        package var submissions: [String: Submission]
        var inputs: [CandidateBuilder.Input]
        package var record: MergeRecord?
        var dispositions: [Disposition]
    }

    // MARK: Reading a round

    package func roundState(_ requested: String?, in snapshot: any WorkspaceSnapshot, requireMerge: Bool, loadTexts: Bool = true,
                    loadParts: Bool = true) throws -> RoundState {
        let workflow = try Self.workflow(in: snapshot)
        let round: Round
        if let requested {
            let name = try SafeName.label(requested)
            guard let found = workflow.round(named: name) else {
                throw DraftFlowError(.invalidInput, "there is no round \(name)",
                                     fix: "use one of: \(workflow.rounds.map(\.name).joined(separator: ", "))")
            }
            round = found
        } else if requireMerge, let merged = try workflow.rounds.last(where: { try snapshot.file(MergeRecord.path(round: $0.name)) != nil }) {
            round = merged
        } else if let last = workflow.rounds.last(where: { $0.kind == .comments }) {
            round = last
        } else {
            throw DraftFlowError(.refused, "no comment round has been opened", fix: "open one with `draftflow round open --on LABEL --closes DATE`")
        }
        var record = try snapshot.file(MergeRecord.path(round: round.name)).map { try RecordCoding.decoder().decode(MergeRecord.self, from: $0) }
        if loadParts {
            let decoder = RecordCoding.decoder()
            record?.changes = try snapshot.file(MergeRecord.changesPath(round: round.name)).map { try decoder.decode([RecordedChange].self, from: $0) } ?? []
            record = try Self.withEdits(record, from: snapshot.file(MergeRecord.editsPath(round: round.name)))
        }
        if requireMerge && record == nil {
            throw DraftFlowError(.refused, "round \(round.name) has not been merged", fix: "run `draftflow merge --round \(round.name)` first")
        }
        let dispositions = try snapshot.file(MergeRecord.dispositionsPath(round: round.name))
            .map { try RecordCoding.decoder().decode([Disposition].self, from: $0) } ?? []
        var baseText = ""
        if loadTexts {
            guard let baseData = try store.file(workflow.document, atVersion: round.on) else {
                throw DraftFlowError(.workspace, "version \(round.on) has no \(workflow.document)", fix: "check `git show \(round.on) --stat`")
            }
            baseText = try TextInput.validate(baseData, what: "\(workflow.document) at \(round.on)")
        }
        let submissions = Self.current(try Self.submissions(round: round.name, in: snapshot))
        var inputs: [CandidateBuilder.Input] = []
        for (member, submission) in submissions.sorted(by: { $0.key < $1.key }) {
            inputs.append(.init(member: member, aligned: nil, comments: submission.comments))
        }
        if loadTexts {
            try alignProposals(&inputs, submissions: submissions, baseText: baseText, snapshot: snapshot)
        }
        return RoundState(workflow: workflow, round: round, baseText: baseText, submissions: submissions, inputs: inputs,
                          record: record, dispositions: dispositions)
    }

    /// Reads the edited copies a few at a time and aligns them with the base on every core, keeping
    /// only what each changed: memory holds a handful of whole copies, not all 193.
    func alignProposals(_ inputs: inout [CandidateBuilder.Input], submissions: [String: Submission], baseText: String,
                        snapshot: any WorkspaceSnapshot) throws {
        let base = CandidateBuilder.BaseBlocks(baseText)
        let withProposals = inputs.indices.filter { submissions[inputs[$0].member]?.proposal != nil }
        let chunk = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        var start = 0
        while start < withProposals.count {
            let indexes = Array(withProposals[start..<min(start + chunk, withProposals.count)])
            var copies: [(data: Data, what: String)] = []
            for index in indexes {
                let member = inputs[index].member
                guard let path = submissions[member]?.proposal, let data = try snapshot.file(path) else {
                    throw DraftFlowError(.workspace, "the edited copy of \(member) is missing", fix: "check the round's folder with `git log --stat`")
                }
                copies.append((data, "the proposal of \(member)"))
            }
            let prepared = try CandidateBuilder.prepareConcurrently(copies, base: base)
            for (offset, index) in indexes.enumerated() { inputs[index].aligned = prepared[offset] }
            start += chunk
        }
    }

    /// Builds the candidate of `state` with `dispositions` and `resolutions`, and the change that commits it.
    func candidateChange(_ state: RoundState, dispositions: [Disposition], resolutions: [Resolution], message: String) throws
        -> (WorkspaceChange, MergeRecord) {
        let builder = CandidateBuilder(base: state.baseText, inputs: state.inputs, dispositions: dispositions, resolutions: resolutions)
        let candidate = builder.build()
        var record = MergeRecord(round: state.round.name, base: state.round.on, merged: now, changes: candidate.changes,
                                 collisions: candidate.collisions, edits: candidate.edits, orphaned: candidate.orphaned,
                                 resolutions: resolutions)
        record.paragraphsNow = candidate.merge.anchorMap.mapValues { $0 ?? "" }
        let zone = try state.workflow.zone()
        let encoder = RecordCoding.encoder(timeZone: zone)
        var writes: [String: Data] = [
            state.workflow.document: Data(candidate.text.utf8),
            MergeRecord.path(round: state.round.name): try encoder.encode(record.withoutParts),
            MergeRecord.changesPath(round: state.round.name): RecordJSON.array(record.changes),
            MergeRecord.editsPath(round: state.round.name): RecordJSON.array(record.edits),
            MergeSummary.path(round: state.round.name): try encoder.encode(MergeSummary(record, dispositions: dispositions)),
        ]
        if !dispositions.isEmpty {
            writes[MergeRecord.dispositionsPath(round: state.round.name)] = try encoder.encode(dispositions)
        }
        let person = try secretariat(state.workflow)
        return (WorkspaceChange(writes: writes, author: person, committer: person, message: message), record)
    }

    func refuseUnpublishedEdits() throws {
        let edits = try store.workTreeChanges(under: "Drafts")
        if !edits.isEmpty {
            throw DraftFlowError(.refused, "Drafts/ has edits that are not published: \(edits.keys.sorted().joined(separator: ", "))",
                                 fix: "publish them with `draftflow publish LABEL`, or undo them with `git checkout -- Drafts`")
        }
    }

    // MARK: Merge

    /// Combines the round's edited copies and proposed texts into a candidate next draft in `Drafts/`.
    public func merge(round requested: String?) throws -> MergeOutcome {
        try refuseUnpublishedEdits()
        var outcome: MergeOutcome?
        let commit = try store.commit { snapshot in
            // Check what can be refused before reading every edited copy.
            let light = try roundState(requested, in: snapshot, requireMerge: false, loadTexts: false)
            let zone = try light.workflow.zone()
            if light.round.isOpen(at: now) {
                throw DraftFlowError(.refused, "round \(light.round.name) is open until \(Deadline.human(light.round.effectiveClose, in: zone)): merging now would miss what is still to come",
                                     fix: "wait for the close, or close it early with `draftflow round close`")
            }
            guard !light.inputs.isEmpty else {
                throw DraftFlowError(.refused, "round \(light.round.name) received no submission: there is nothing to merge", fix: "publish the next version as it is")
            }
            let state = try roundState(light.round.name, in: snapshot, requireMerge: false)
            let resolutions = state.record?.resolutions ?? []
            let (change, record) = try candidateChange(state, dispositions: state.dispositions, resolutions: resolutions, message: "")
            var message = "Merge the proposals of round \(state.round.name) into a candidate next draft\n\n"
            let inputs = state.inputs.map { input -> String in
                let name = state.workflow.member(input.member)?.name ?? input.member
                return input.aligned == nil ? "\(name) (comments)" : "\(name) (comments and edited copy)"
            }
            message += "Base: \(state.round.on). Inputs: \(inputs.joined(separator: ", ")).\n"
            message += "\(record.changes.count) change\(record.changes.count == 1 ? "" : "s") applied, \(record.openCollisions.count) collision\(record.openCollisions.count == 1 ? "" : "s") to resolve.\n\n"
            for applied in record.changes {
                message += "- \(applied.paragraph): \(applied.kind) by \(applied.members.joined(separator: ", "))\n"
            }
            for collision in record.openCollisions {
                message += "- \(collision.id) at \(collision.paragraph): collision between " + collision.alternatives.map { $0.members.joined(separator: "+") }.joined(separator: " and ") + "\n"
            }
            message += "\n\(Trailer.event): merge\n\(Trailer.round): \(state.round.name)\n\(Trailer.version): \(state.round.on)\n"
            var final = change
            final.message = message
            outcome = MergeOutcome(round: state.round.name, base: state.round.on, record: record, commitID: nil)
            if let changes = change.writes[MergeRecord.changesPath(round: state.round.name)],
               let edits = change.writes[MergeRecord.editsPath(round: state.round.name)] {
                outcome?.encodedParts = (changes, edits)
            }
            _ = zone
            return final
        }
        outcome?.commitID = commit
        return outcome!
    }

    /// The collisions of the last merged round (open ones, or all).
    public func collisions(round: String?, includeResolved: Bool = false) throws -> [RecordedCollision] {
        let state = try roundState(round, in: store.snapshot(), requireMerge: true, loadTexts: false, loadParts: false)
        let all = state.record?.collisions ?? []
        return includeResolved ? all : all.filter(\.isOpen)
    }

    /// How a collision is resolved.
    public enum Choice: Sendable, Equatable {
        case member(String)
        case base
        case text(String)
    }

    /// Resolves one open collision and rebuilds the candidate with the choice.
    public func resolve(collision id: String, choice: Choice, note: String?, round: String?) throws -> MergeOutcome {
        try refuseUnpublishedEdits()
        var outcome: MergeOutcome?
        let commit = try store.commit { snapshot in
            // The proposals are read only if the resolution cannot be applied to the candidate as it stands.
            let state = try roundState(round, in: snapshot, requireMerge: true, loadTexts: false, loadParts: false)
            let record = state.record!
            guard let collision = record.collisions.first(where: { $0.id == id }) else {
                throw DraftFlowError(.invalidInput, "there is no collision \(id) in round \(state.round.name)",
                                     fix: record.collisions.isEmpty ? "there are no collisions" : "use one of: \(record.collisions.map(\.id).joined(separator: ", "))")
            }
            var resolution = Resolution(anchor: collision.paragraph, take: nil, text: nil, note: note, decided: now, collision: id)
            let described: String
            switch choice {
            case .base:
                resolution.take = "base"
                described = "keep the text of \(state.round.on)"
            case .member(let raw):
                let code = try SafeName.memberCode(raw)
                guard collision.alternatives.contains(where: { $0.members.contains(code) }) else {
                    let offered = collision.alternatives.flatMap(\.members)
                    throw DraftFlowError(.invalidInput, "\(code) has no alternative in collision \(id)",
                                         fix: "take one of: \(offered.joined(separator: ", ")), or --take base, or --text FILE")
                }
                resolution.take = code
                described = "take the text of \(state.workflow.member(code)?.name ?? code)"
            case .text(let text):
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw DraftFlowError(.invalidInput, "the text for collision \(id) is empty", fix: "write the paragraph as it should read")
                }
                resolution.text = text
                described = "use the secretariat's text"
            }
            var resolutions = record.resolutions.filter { $0.anchor != collision.paragraph }
            resolutions.append(resolution)
            var message = "Resolve collision \(id) at paragraph \(collision.paragraph): \(described)\n\n"
            if let note, !note.isEmpty { message += note + "\n\n" }
            for alternative in collision.alternatives {
                message += "Alternative of \(alternative.members.joined(separator: ", ")): \(alternative.text)\n"
            }
            message += "\n\(Trailer.event): resolve\n\(Trailer.round): \(state.round.name)\n"
            if let (change, newRecord) = try resolvedInPlace(state, collision: collision, resolution: resolution, resolutions: resolutions,
                                                             snapshot: snapshot, message: message) {
                outcome = MergeOutcome(round: state.round.name, base: state.round.on, record: newRecord, commitID: nil)
                return change
            }
            let full = try roundState(state.round.name, in: snapshot, requireMerge: true)
            let (change, newRecord) = try candidateChange(full, dispositions: full.dispositions, resolutions: resolutions, message: message)
            outcome = MergeOutcome(round: state.round.name, base: state.round.on, record: newRecord, commitID: nil)
            return change
        }
        outcome?.commitID = commit
        return outcome!
    }

    /// Applies a resolution to the committed candidate directly when that is exactly what a new
    /// merge would give: the collision is on one paragraph, which the candidate still holds as it
    /// was in the base, and the choice is one paragraph. Nil when a full merge is needed.
    func resolvedInPlace(_ state: RoundState, collision: RecordedCollision, resolution: Resolution, resolutions: [Resolution],
                         snapshot: any WorkspaceSnapshot, message: String) throws -> (WorkspaceChange, MergeRecord)? {
        guard var record = state.record,
              !collision.paragraph.hasPrefix("after "), !collision.baseText.isEmpty,
              let anchorNow = record.paragraphsNow[collision.paragraph], !anchorNow.isEmpty,
              let data = try snapshot.file(state.workflow.document) else { return nil }
        let candidate = DraftDocument.parse(try TextInput.validate(data, what: state.workflow.document))
        guard let index = candidate.index(ofAnchor: anchorNow), candidate.blocks[index].text == collision.baseText else { return nil }
        let chosen: String
        if let text = resolution.text {
            chosen = CandidateBuilder.numbered(text, like: DraftDocument.parse(collision.baseText).blocks.first)
        } else if resolution.take == "base" {
            chosen = collision.baseText
        } else if let take = resolution.take, let alternative = collision.alternatives.first(where: { $0.members.contains(take) }) {
            chosen = alternative.text
        } else {
            return nil
        }
        // One paragraph in, one out, with the same number: anything else renumbers, so merge again.
        let replacement = DraftDocument.parse(chosen)
        guard replacement.blocks.count == 1, replacement.blocks[0].anchor == candidate.blocks[index].anchor || replacement.blocks[0].number == nil
        else { return nil }
        var blocks = candidate.blockTexts
        blocks[index] = replacement.blocks[0].text
        record.resolutions = resolutions
        record.merged = now
        if let position = record.collisions.firstIndex(where: { $0.id == collision.id }) {
            record.collisions[position].resolution = resolution
        }
        // The edits did not change: keep the summary's list of them.
        guard let summaryData = try snapshot.file(MergeSummary.path(round: state.round.name)) else { return nil }
        var summary = try RecordCoding.decoder().decode(MergeSummary.self, from: summaryData)
        summary.openCollisions = MergeSummary(record, dispositions: []).openCollisions
        let encoder = RecordCoding.encoder(timeZone: try state.workflow.zone())
        let person = try secretariat(state.workflow)
        let change = WorkspaceChange(writes: [
            state.workflow.document: Data(DraftDocument.render(blockTexts: blocks).utf8),
            MergeRecord.path(round: state.round.name): try encoder.encode(record.withoutParts),
            MergeSummary.path(round: state.round.name): try encoder.encode(summary),
        ], author: person, committer: person, message: message)
        return (change, record)
    }

    /// Resolves every open collision the same way: keep the base text, or take `member`'s
    /// alternative where it has one (collisions without one stay open). One commit.
    public func resolveAll(choice: Choice, note: String?, round: String?) throws -> (resolved: [String], outcome: MergeOutcome) {
        try refuseUnpublishedEdits()
        if case .text = choice {
            throw DraftFlowError(.invalidInput, "one text cannot resolve every collision", fix: "use --take base or --take CODE with --all")
        }
        var result: ([String], MergeOutcome)?
        let commit = try store.commit { snapshot in
            let state = try roundState(round, in: snapshot, requireMerge: true)
            let record = state.record!
            var resolutions = record.resolutions
            var resolved: [String] = []
            for collision in record.openCollisions {
                var resolution = Resolution(anchor: collision.paragraph, take: nil, text: nil, note: note, decided: now, collision: collision.id)
                switch choice {
                case .base: resolution.take = "base"
                case .member(let raw):
                    let code = try SafeName.memberCode(raw)
                    guard collision.alternatives.contains(where: { $0.members.contains(code) }) else { continue }
                    resolution.take = code
                case .text: continue
                }
                resolutions.removeAll { $0.anchor == collision.paragraph }
                resolutions.append(resolution)
                resolved.append(collision.id)
            }
            guard !resolved.isEmpty else {
                throw DraftFlowError(.refused, "no open collision can be resolved that way",
                                     fix: record.openCollisions.isEmpty ? "there is none open" : "see `draftflow collisions`")
            }
            let how: String
            switch choice {
            case .base: how = "keep the text of \(state.round.on)"
            case .member(let code): how = "take the text of \(state.workflow.member(code)?.name ?? code)"
            case .text: how = ""
            }
            var message = "Resolve \(resolved.count) collision\(resolved.count == 1 ? "" : "s"): \(how)\n\n"
            if let note, !note.isEmpty { message += note + "\n\n" }
            message += "Resolved: \(resolved.joined(separator: ", "))\n\n\(Trailer.event): resolve\n\(Trailer.round): \(state.round.name)\n"
            let (change, newRecord) = try candidateChange(state, dispositions: state.dispositions, resolutions: resolutions, message: message)
            result = (resolved, MergeOutcome(round: state.round.name, base: state.round.on, record: newRecord, commitID: nil))
            return change
        }
        result?.1.commitID = commit
        return (result!.0, result!.1)
    }

    // MARK: Dispositions

    /// Gives every comment still undecided the same disposition, in one commit: the usual way to
    /// accept what remains after the contested comments were decided one by one.
    public func disposeAll(undecided decision: Decision, note: String?, round: String?) throws -> (disposed: [String], outcome: MergeOutcome) {
        try refuseUnpublishedEdits()
        if decision == .modified {
            throw DraftFlowError(.invalidInput, "`modified` needs the secretariat's text for each comment", fix: "dispose of those one by one with --text")
        }
        var result: ([String], MergeOutcome)?
        let commit = try store.commit { snapshot in
            let state = try roundState(round, in: snapshot, requireMerge: true)
            let record = state.record!
            let decided = Set(state.dispositions.map(\.comment))
            let undecided = Self.sortedComments((state.inputs.flatMap(\.comments) + record.edits).map(\.id).filter { !decided.contains($0) })
            guard !undecided.isEmpty else {
                throw DraftFlowError(.refused, "every comment of round \(state.round.name) has a disposition", fix: "see `draftflow dispositions`")
            }
            var dispositions = state.dispositions
            for id in undecided { dispositions.append(Disposition(comment: id, decision: decision, text: nil, note: note, decided: now)) }
            dispositions.sort { Self.commentOrder($0.comment, $1.comment) }
            var message = "Dispose of the \(undecided.count) remaining comment\(undecided.count == 1 ? "" : "s") of round \(state.round.name): \(decision.title)\n\n"
            if let note, !note.isEmpty { message += "Observation: \(note)\n\n" }
            message += "Comments: \(undecided.joined(separator: ", "))\n\n\(Trailer.event): dispose\n\(Trailer.round): \(state.round.name)\n"
            let (change, newRecord) = try candidateChange(state, dispositions: dispositions, resolutions: record.resolutions, message: message)
            result = (undecided, MergeOutcome(round: state.round.name, base: state.round.on, record: newRecord, commitID: nil))
            return change
        }
        result?.1.commitID = commit
        return (result!.0, result!.1)
    }

    /// Records the secretariat's decision on one comment; the text change it causes is in the same commit.
    public func dispose(comment id: String, decision: Decision, text: String?, note: String?, round: String?) throws -> (Disposition, MergeOutcome) {
        try refuseUnpublishedEdits()
        if decision == .modified && (text?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) {
            throw DraftFlowError(.invalidInput, "a `modified` disposition needs the secretariat's text", fix: "pass --text FILE with the paragraph as it should read")
        }
        if decision != .modified && text != nil {
            throw DraftFlowError(.invalidInput, "--text goes with `modified` only", fix: "leave out --text, or use `modified`")
        }
        var result: (Disposition, MergeOutcome)?
        let commit = try store.commit { snapshot in
            let state = try roundState(round, in: snapshot, requireMerge: true)
            let record = state.record!
            let comments = state.inputs.flatMap(\.comments) + record.edits
            guard let comment = comments.first(where: { $0.id == id }) else {
                throw DraftFlowError(.invalidInput, "there is no comment \(id) in round \(state.round.name)",
                                     fix: "see `draftflow dispositions` for the comment ids")
            }
            if decision == .modified, case .general = comment.anchor {
                throw DraftFlowError(.invalidInput, "\(id) is a general comment: there is no paragraph to put modified text in",
                                     fix: "use accepted or noted, and say what was done in --note")
            }
            let disposition = Disposition(comment: id, decision: decision, text: text, note: note, decided: now)
            var dispositions = state.dispositions.filter { $0.comment != id }
            dispositions.append(disposition)
            dispositions.sort { Self.commentOrder($0.comment, $1.comment) }
            let member = state.workflow.member(comment.member)?.name ?? comment.member
            var message = "Dispose of \(id) (\(member), \(comment.anchor)): \(decision.title)\n\n"
            if let note, !note.isEmpty { message += "Observation: \(note)\n" }
            if let text { message += "Text used instead: \(text.trimmingCharacters(in: .whitespacesAndNewlines))\n" }
            if comment.proposedChange != nil {
                switch decision {
                case .accepted: message += "The proposed change stays in the candidate.\n"
                case .modified: message += "The secretariat's text replaces the proposed change in the candidate.\n"
                case .noted, .rejected: message += "The proposed change is taken out of the candidate.\n"
                }
            }
            message += "\n\(Trailer.event): dispose\n\(Trailer.round): \(state.round.name)\n\(Trailer.member): \(comment.member)\n"
            let (change, newRecord) = try candidateChange(state, dispositions: dispositions, resolutions: record.resolutions, message: message)
            result = (disposition, MergeOutcome(round: state.round.name, base: state.round.on, record: newRecord, commitID: nil))
            return change
        }
        result?.1.commitID = commit
        return result!
    }

    /// Comment ids in `commentOrder`, computing each sort key once.
    static func sortedComments(_ ids: [String]) -> [String] {
        ids.map { (commentKey($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static func commentKey(_ id: String) -> (String, Int, Int) {
        let parts = id.split(separator: "-")
        let member = String(parts.first ?? "")
        let tail = String(parts.last ?? "")
        if tail.hasPrefix("E") { return (member, 1, Int(tail.dropFirst()) ?? 0) }
        return (member, 0, Int(tail) ?? 0)
    }

    /// Orders comment ids as people expect: by member, then by number (CAN-2 before CAN-10), edits last.
    static func commentOrder(_ left: String, _ right: String) -> Bool {
        func key(_ id: String) -> (String, Int, Int) {
            let parts = id.split(separator: "-")
            let member = String(parts.first ?? "")
            let tail = String(parts.last ?? "")
            if tail.hasPrefix("E") { return (member, 1, Int(tail.dropFirst()) ?? 0) }
            return (member, 0, Int(tail) ?? 0)
        }
        return key(left) < key(right)
    }

    /// The disposition-of-comments table: one row per comment of the round, decided or not.
    public func dispositionRows(round: String?) throws -> (round: String, rows: [DispositionRow]) {
        let snapshot = try store.snapshot()
        // A merged round's record says where each paragraph went: no need to merge again.
        // The rows need the record's edits, not its changes.
        let light = try roundState(round, in: snapshot, requireMerge: false, loadTexts: false, loadParts: false)
        if light.record != nil {
            let record = try Self.withEdits(light.record, from: snapshot.file(MergeRecord.editsPath(round: light.round.name)))
            return (light.round.name, try Self.rows(light, builderRecord: record))
        }
        let state = try roundState(round, in: snapshot, requireMerge: false)
        return (state.round.name, try Self.rows(state, builderRecord: state.record))
    }

    /// `record` with its edits decoded from `data`, the bytes of its edits file (none without it).
    package static func withEdits(_ record: MergeRecord?, from data: Data?) throws -> MergeRecord? {
        var record = record
        record?.edits = try data.map { try RecordCoding.decoder().decode([Comment].self, from: $0) } ?? []
        return record
    }

    package static func rows(_ state: RoundState, builderRecord: MergeRecord?) throws -> [DispositionRow] {
        var record: MergeRecord
        if let builderRecord {
            record = builderRecord
        } else {
            let candidate = CandidateBuilder(base: state.baseText, inputs: state.inputs, dispositions: state.dispositions, resolutions: []).build()
            record = MergeRecord(round: state.round.name, base: state.round.on, merged: Date(timeIntervalSince1970: 0), changes: candidate.changes,
                                 collisions: candidate.collisions, edits: candidate.edits, orphaned: candidate.orphaned, resolutions: [])
            record.paragraphsNow = candidate.merge.anchorMap.mapValues { $0 ?? "" }
        }
        let paragraphsNow = record.paragraphsNow
        let decisions = Dictionary(state.dispositions.map { ($0.comment, $0) }, uniquingKeysWith: { _, last in last })
        var rows: [DispositionRow] = []
        let comments = (state.inputs.flatMap(\.comments) + record.edits).sorted { commentOrder($0.id, $1.id) }
        for comment in comments {
            let disposition = decisions[comment.id]
            var paragraphNow: String?
            var orphaned = false
            if case .paragraph(let anchor) = comment.anchor, !anchor.hasPrefix("after ") {
                if let now = paragraphsNow[anchor] {
                    paragraphNow = now.isEmpty ? nil : now
                    orphaned = now.isEmpty
                } else {
                    // Not a paragraph of the version the round was on.
                    orphaned = true
                }
            } else if case .paragraph(let anchor) = comment.anchor {
                paragraphNow = anchor
            }
            rows.append(DispositionRow(id: comment.id, member: comment.member, memberName: state.workflow.member(comment.member)?.name ?? comment.member,
                                       paragraph: comment.anchor.description, paragraphNow: orphaned ? nil : (paragraphNow ?? (comment.anchor == .general ? "general" : nil)),
                                       orphaned: orphaned, type: comment.type, comment: comment.text, proposedChange: comment.proposedChange,
                                       decision: disposition?.decision, observation: disposition?.note, modifiedText: disposition?.text,
                                       late: state.submissions[comment.member]?.late ?? false))
        }
        return rows
    }

    // MARK: Compilation

    /// The compilation text: the version the round was on with every member's proposals inline and attributed.
    public func compilation(round: String?, html: Bool) throws -> String {
        let state = try roundState(round, in: store.snapshot(), requireMerge: false)
        let candidate = CandidateBuilder(base: state.baseText, inputs: state.inputs, dispositions: state.dispositions,
                                         resolutions: state.record?.resolutions ?? []).build()
        var names = Dictionary(state.workflow.members.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        names[CandidateBuilder.secretariatCode] = "Secretariat"
        return html ? Compilation.html(base: state.baseText, result: candidate.merge, memberNames: names)
                    : Compilation.markdown(base: state.baseText, result: candidate.merge, memberNames: names)
    }

    /// The open collisions and undecided comments of the last merged round, for `status` and `publish`.
    func pendingDecisions(in snapshot: any WorkspaceSnapshot, index known: RoundIndex? = nil, knownRound: String? = nil) throws
        -> (round: String, collisions: [MergeSummary.PendingCollision], undecided: [String])? {
        let workflow = try Self.workflow(in: snapshot)
        guard let round = try workflow.rounds.last(where: { try snapshot.file(MergeSummary.path(round: $0.name)) != nil }),
              let data = try snapshot.file(MergeSummary.path(round: round.name)) else { return nil }
        let summary = try RecordCoding.decoder().decode(MergeSummary.self, from: data)
        let index = try (knownRound == round.name ? known : nil) ?? Self.roundIndex(round.name, in: snapshot)
        let decided = Set(summary.decided)
        let ids = index.members.values.flatMap(\.comments) + summary.edits
        let undecided = Self.sortedComments(ids.filter { !decided.contains($0) })
        return (round.name, summary.openCollisions, undecided)
    }
}
