import Foundation

/// Resolving the collisions of a merged round: the secretariat's choice for each passage two
/// members changed differently.
public struct Resolutions {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// Resolves one open collision and rebuilds the candidate with the choice.
    public func resolve(collision id: String, choice: ResolutionChoice, note: String?, round: String?) throws -> MergeOutcome {
        try context.refuseUnpublishedEdits()
        let store = context.store
        let committed = try store.commit { snapshot in
            // The submissions and proposals are read only if the resolution cannot be applied to the
            // candidate as it stands: applying it there needs the merge record alone.
            let state = try RoundState.read(round, selection: .lastMerged, detail: .merge, in: snapshot, store: store)
            let record = try state.merged()
            guard let collision = record.collisions.first(where: { $0.id == id }) else {
                throw DraftFlowError(.invalidInput, "there is no collision \(id) in round \(state.round.name)",
                                     fix: record.collisions.isEmpty ? "there are no collisions" : "use one of: \(record.collisions.map(\.id).joined(separator: ", "))")
            }
            let checked = try Self.checked(choice, for: collision, id: id)
            try Self.refuseContradicting(state, accepted: state.acceptedComments, collision: collision, choice: checked)
            let resolution = Resolution(anchor: collision.paragraph, choice: checked, note: note, decided: context.now, collision: id)
            var resolutions = record.resolutions.filter { $0.anchor != collision.paragraph }
            resolutions.append(resolution)
            var message = CommitMessage("Resolve collision \(id) at paragraph \(collision.paragraph): \(Self.described(checked, state))", event: .resolve)
            if let note, !note.isEmpty { message.paragraph(note) }
            for alternative in collision.alternatives {
                message.line("Alternative of \(alternative.members.joined(separator: ", ")): \(alternative.text)")
            }
            message.blankLine()
            message.trailer(.round, state.round.name)
            if let (change, newRecord) = try resolvedInPlace(state, collision: collision, resolution: resolution, resolutions: resolutions,
                                                             snapshot: snapshot, message: message) {
                return Staged(change, context.outcome(state, newRecord))
            }
            let full = try RoundState.read(state.round.name, selection: .lastMerged, detail: .texts, in: snapshot, store: store)
            let (change, newRecord) = try context.candidateChange(full, dispositions: full.dispositions, resolutions: resolutions, message: message)
            return Staged(change, context.outcome(full, newRecord))
        }
        var outcome = committed.value
        outcome.commitID = committed.commitID
        return outcome
    }

    /// `choice` checked against `collision`: a member must have an alternative in it, a text must
    /// not be empty.
    private static func checked(_ choice: ResolutionChoice, for collision: RecordedCollision, id: String) throws -> ResolutionChoice {
        switch choice {
        case .base:
            return .base
        case .member(let raw):
            let code = try SafeName.memberCode(raw)
            guard collision.alternatives.contains(where: { $0.members.contains(code) }) else {
                let offered = collision.alternatives.flatMap(\.members)
                throw DraftFlowError(.invalidInput, "\(code) has no alternative in collision \(id)",
                                     fix: "take one of: \(offered.joined(separator: ", ")), or --take base, or --text FILE")
            }
            if let ambiguous = ambiguity(code, in: collision) { throw ambiguous }
            return .member(code)
        case .text(let text):
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DraftFlowError(.invalidInput, "the text for collision \(id) is empty", fix: "write the paragraph as it should read")
            }
            return .text(text)
        }
    }

    /// The refusal when `code` has more than one alternative in `collision` (two of its points
    /// propose different wordings of the passage): `--take CODE` would not say which.
    static func ambiguity(_ code: String, in collision: RecordedCollision) -> DraftFlowError? {
        let own = collision.alternatives.enumerated().filter { $0.element.members.contains(code) }
        guard own.count > 1 else { return nil }
        let listed = own.map { index, alternative -> String in
            let excerpt = alternative.text.count > 60 ? String(alternative.text.prefix(59)) + "…" : alternative.text
            return "alternative \(index + 1) (\(alternative.members.joined(separator: ", "))): \"\(excerpt)\""
        }
        return DraftFlowError(.invalidInput, "\(code) has \(own.count) alternatives in collision \(collision.id): \(listed.joined(separator: "; ")); --take \(code) does not say which",
                              fix: "write the wording you choose to a file and resolve with `draftflow resolve \(collision.id) --text FILE` "
                                  + "(`draftflow collisions` shows each alternative in full), or keep the base with --take base")
    }

    /// Refuses a choice that would leave a comment accepted without its change: the pending changes
    /// of the members whose wording `choice` does not take are not applied, so a point of theirs
    /// already accepted as proposed would say the text holds what it does not. The secretariat's
    /// own text may take such a point in, as a `modified` disposition may.
    private static func refuseContradicting(_ state: RoundState, accepted: Set<String>, collision: RecordedCollision, choice: ResolutionChoice) throws {
        if case .text = choice { return }
        let contradicted = collision.superseded(choosing: collision.members(taking: choice)).filter(accepted.contains)
        guard let first = contradicted.first else { return }
        let one = contradicted.count == 1
        let names = contradicted.joined(separator: ", ")
        throw DraftFlowError(.refused, "\(names) \(one ? "was" : "were") accepted with \(one ? "its" : "their") proposed change to \(collision.paragraph); "
                                 + "resolving collision \(collision.id) to \(described(choice, state)) would leave \(one ? "it" : "them") accepted without \(one ? "that change" : "those changes") in the text",
                             fix: "take \(one ? "that disposition" : "those dispositions") back first (`draftflow dispose \(first) undecided`), resolve \(collision.id), "
                                 + "then dispose of \(one ? "it" : "each") as noted, rejected or modified")
    }

    static func described(_ choice: ResolutionChoice, _ state: RoundState) -> String {
        switch choice {
        case .base: return "keep the text of \(state.round.on)"
        case .member(let code): return "take the text of \(state.workflow.member(code)?.name ?? code)"
        case .text: return "use the secretariat's text"
        }
    }

    /// Applies a resolution to the committed candidate directly when that is exactly what a new
    /// merge would give: the collision is on one paragraph, which the candidate still holds as it
    /// was in the base, and the choice is one paragraph. Nil when a full merge is needed.
    private func resolvedInPlace(_ state: RoundState, collision: RecordedCollision, resolution: Resolution, resolutions: [Resolution],
                                 snapshot: any WorkspaceSnapshot, message: CommitMessage) throws -> (WorkspaceChange, MergeRecord)? {
        guard var record = state.record,
              !collision.paragraph.hasPrefix("after "), !collision.baseText.isEmpty,
              let anchorNow = record.paragraphsNow[collision.paragraph], !anchorNow.isEmpty,
              let data = try snapshot.file(state.workflow.document) else { return nil }
        let candidate = DraftDocument.parse(try TextInput.validate(data, what: state.workflow.document))
        guard let index = candidate.index(ofAnchor: anchorNow), candidate.blocks[index].text == collision.baseText else { return nil }
        let chosen: String
        switch resolution.choice {
        case .text(let text):
            chosen = CandidateBuilder.numbered(text, like: DraftDocument.parse(collision.baseText).blocks.first, exact: true)
        case .base:
            chosen = collision.baseText
        case .member(let take):
            guard let alternative = collision.alternatives.first(where: { $0.members.contains(take) }) else { return nil }
            chosen = alternative.text
        }
        // One paragraph in, one out, with the same number: anything else renumbers, so merge again.
        let replacement = DraftDocument.parse(chosen)
        guard replacement.blocks.count == 1, replacement.blocks[0].number == candidate.blocks[index].number || replacement.blocks[0].number == nil
        else { return nil }
        var blocks = candidate.blockTexts
        blocks[index] = replacement.blocks[0].text
        record.resolutions = resolutions
        record.merged = context.now
        if let position = record.collisions.firstIndex(where: { $0.id == collision.id }) {
            record.collisions[position].resolution = resolution
        }
        // The pending changes there of every member whose wording was not chosen are superseded,
        // as a new merge would find (`CandidateBuilder`).
        let decided = Set(state.dispositions.map(\.comment))
        var superseded = record.superseded ?? [:]
        for id in collision.superseded(choosing: collision.members(taking: resolution.choice)) where !decided.contains(id) {
            superseded[id] = collision.id
        }
        record.superseded = superseded.isEmpty ? nil : superseded
        // The edits did not change: keep the summary's list of them.
        guard var summary = try RecordReader.mergeSummary(state.round.name, in: snapshot) else { return nil }
        summary.openCollisions = MergeSummary(record, dispositions: []).openCollisions
        summary.superseded = record.superseded
        let zone = try state.workflow.zone()
        let change = try context.secretariatChange(state.workflow, writes: [
            state.workflow.document: Data(DraftDocument.render(blockTexts: blocks).utf8),
            RecordPaths.merge(round: state.round.name): RecordJSON.mergeRecord(record.withoutParts, zone: zone),
            RecordPaths.mergeSummary(round: state.round.name): RecordJSON.mergeSummary(summary, zone: zone),
        ], message: message)
        return (change, record)
    }

    /// Resolves every open collision the same way: keep the base text, or take `member`'s
    /// alternative where it has one (collisions without one stay open). One commit.
    public func resolveAll(choice: ResolutionChoice, note: String?, round: String?) throws -> (resolved: [String], outcome: MergeOutcome) {
        try context.refuseUnpublishedEdits()
        if case .text = choice {
            throw DraftFlowError(.invalidInput, "one text cannot resolve every collision", fix: "use --take base or --take CODE with --all")
        }
        let store = context.store
        let committed = try store.commit { snapshot in
            let state = try RoundState.read(round, selection: .lastMerged, detail: .texts, in: snapshot, store: store)
            let record = try state.merged()
            var resolutions = record.resolutions
            var resolved: [String] = []
            let accepted = state.acceptedComments
            for collision in record.openCollisions {
                let taken: ResolutionChoice
                switch choice {
                case .base: taken = .base
                case .member(let raw):
                    let code = try SafeName.memberCode(raw)
                    guard collision.alternatives.contains(where: { $0.members.contains(code) }) else { continue }
                    if let ambiguous = Self.ambiguity(code, in: collision) { throw ambiguous }
                    taken = .member(code)
                case .text: continue
                }
                try Self.refuseContradicting(state, accepted: accepted, collision: collision, choice: taken)
                resolutions.removeAll { $0.anchor == collision.paragraph }
                resolutions.append(Resolution(anchor: collision.paragraph, choice: taken, note: note, decided: context.now, collision: collision.id))
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
            var message = CommitMessage("Resolve \(resolved.count) collision\(resolved.count == 1 ? "" : "s"): \(how)", event: .resolve)
            if let note, !note.isEmpty { message.paragraph(note) }
            message.paragraph("Resolved: \(resolved.joined(separator: ", "))")
            message.trailer(.round, state.round.name)
            let (change, newRecord) = try context.candidateChange(state, dispositions: state.dispositions, resolutions: resolutions, message: message)
            return Staged(change, (resolved, context.outcome(state, newRecord)))
        }
        var outcome = committed.value.1
        outcome.commitID = committed.commitID
        return (committed.value.0, outcome)
    }
}

private extension RoundState {
    /// The comments (and edits) accepted as proposed.
    var acceptedComments: Set<String> { Set(dispositions.filter { $0.decision == .accepted }.map(\.comment)) }
}
