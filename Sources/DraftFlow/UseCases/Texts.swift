import Foundation

/// The texts negotiators read: a version's document, the redline between two, and the
/// compilation of a round's proposals.
public struct Texts {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// The name that stands for the working draft in `redline`.
    public static let workingDraft = "working"

    /// The document's text at a version, or in the work tree for `working`.
    public func documentText(_ version: String) throws -> String {
        try documentText(version, workflow: try context.workflow())
    }

    func documentText(_ version: String, workflow: Workflow) throws -> String {
        let store = context.store
        if version == Self.workingDraft {
            guard let data = try store.workTreeFile(workflow.document) else {
                throw DraftFlowError(.workspace, "\(workflow.document) is missing from the work tree", fix: "restore it with `git checkout -- \(workflow.document)`")
            }
            return try TextInput.validate(data, what: workflow.document)
        }
        let label = try SafeName.label(version)
        guard let data = try store.file(workflow.document, atVersion: label) else {
            let known = try store.versions().map(\.label)
            throw DraftFlowError(.invalidInput, "there is no version \(label)",
                                 fix: "use one of: \((known + [Self.workingDraft]).joined(separator: ", "))")
        }
        return try TextInput.validate(data, what: "\(workflow.document) at \(label)")
    }

    /// The language version of the document at a version (`Drafts/<name>.<language>.md` beside
    /// `Drafts/<name>.md` in the version's commit), or nil when the version has none in `language`.
    public func languageVersion(_ version: String, language: String) throws -> String? {
        guard LanguageVersions.languages.contains(language) else { return nil }
        return try languageFile(version, language: language, workflow: try context.workflow())
    }

    /// The language version's text at `version` (the work tree's for `working`), nil when absent.
    func languageFile(_ version: String, language: String, workflow: Workflow) throws -> String? {
        let path = LanguageVersions.path(of: workflow.document, language: language)
        let data = version == Self.workingDraft ? try context.store.workTreeFile(path)
            : try context.store.file(path, atVersion: try SafeName.label(version))
        return try data.map { try TextInput.validate($0, what: "\(path) at \(version)") }
    }

    /// Word-level differences between two versions (or a version and the working draft); with
    /// `language`, between the two versions' language versions in it.
    public func redline(from: String, to: String, language: String? = nil) throws -> [RedlineBlock] {
        let workflow = try context.workflow()
        guard let language else {
            return Redline.compare(old: try documentText(from, workflow: workflow), new: try documentText(to, workflow: workflow))
        }
        return Redline.compare(old: try languageText(from, language: language, workflow: workflow),
                               new: try languageText(to, language: language, workflow: workflow))
    }

    /// The language version in `language` at a version (or in the work tree for `working`), which must exist.
    func languageText(_ version: String, language: String, workflow: Workflow) throws -> String {
        guard LanguageVersions.languages.contains(language) else {
            throw DraftFlowError(.invalidInput, "'\(TerminalText.escaped(language))' is not one of the six UN languages",
                                 fix: "use one of: \(LanguageVersions.languages.joined(separator: ", "))")
        }
        guard let text = try languageFile(version, language: language, workflow: workflow) else {
            let path = LanguageVersions.path(of: workflow.document, language: language)
            _ = try documentText(version, workflow: workflow)
            throw DraftFlowError(.invalidInput, "\(version) has no \(language) language version (\(path))",
                                 fix: "see which versions have one with `draftflow translations`, or add \(path) and publish")
        }
        return text
    }

    /// The compilation text: the version the round was on with every member's proposals inline and
    /// attributed, and each collision as alternatives. With `decided`, the text as the secretariat's
    /// decisions make it: accepted changes attributed to the members who proposed them, the wording
    /// the secretariat chose for a collision or a modified comment attributed to whose it is.
    /// With `ituMarks`, each paragraph follows its mark, ADD, MOD, SUP or NOC, as in ITU proposals.
    public func compilation(round: String?, html: Bool, decided: Bool = false, ituMarks: Bool = false, language: Language? = nil) throws -> String {
        let (state, candidate, names) = try compiled(round: round, decided: decided)
        let resolved = decided ? candidate.resolved : [:]
        if let language {
            guard !ituMarks else {
                throw DraftFlowError(.invalidInput, "--marks itu and --lang do not go together yet", fix: "leave out one of them")
            }
            guard let translated = try languageFile(state.round.on, language: language.rawValue, workflow: state.workflow) else {
                let path = LanguageVersions.path(of: state.workflow.document, language: language.rawValue)
                throw DraftFlowError(.refused, "version \(state.round.on) has no \(language.rawValue) language version (\(path))",
                                     fix: "see which it has with `draftflow translations`; a language version is published with the version it translates")
            }
            let label = language.catalogue.proposalsToOriginal
            return html ? Compilation.html(result: candidate.merge, memberNames: names, resolved: resolved, translated: translated,
                                           proposalsLabel: label, language: language)
                : Compilation.markdown(result: candidate.merge, memberNames: names, resolved: resolved, translated: translated, proposalsLabel: label)
        }
        if ituMarks {
            return html ? Compilation.htmlWithITUMarks(base: state.baseText, result: candidate.merge, memberNames: names, resolved: resolved)
                        : Compilation.markdownWithITUMarks(base: state.baseText, result: candidate.merge, memberNames: names, resolved: resolved)
        }
        return html ? Compilation.html(base: state.baseText, result: candidate.merge, memberNames: names, resolved: resolved)
                    : Compilation.markdown(base: state.baseText, result: candidate.merge, memberNames: names, resolved: resolved)
    }

    /// The compilation text as structured pieces (`compilation` renders the same), with when each
    /// author's proposals were received and the members' comments placed on their paragraphs.
    public func compilationDocument(round: String?, decided: Bool = false, ituMarks: Bool = false) throws -> CompilationDocument {
        let (state, candidate, names) = try compiled(round: round, decided: decided)
        let merge = candidate.merge
        let resolved = decided ? candidate.resolved : [:]
        let blocks = ituMarks ? Compilation.documentBlocksWithITUMarks(base: state.baseText, result: merge, memberNames: names, resolved: resolved)
            : Compilation.documentBlocks(result: merge, memberNames: names, resolved: resolved)
        // Each author label a piece can carry, and the members it names.
        var memberSets = merge.changes.map(\.members)
        for collision in merge.collisions {
            memberSets += collision.alternatives.map(\.members) + collision.otherChanges.map(\.members)
        }
        memberSets += candidate.resolved.values.map(\.by)
        var received: [String: Date] = [:]
        for members in memberSets where !members.isEmpty {
            let dates = members.compactMap { state.submissions[$0]?.received }
            received[Compilation.names(members, names)] = dates.max() ?? context.now
        }
        var blockOf: [Int: Int] = [:]
        for (index, block) in blocks.enumerated() { if let base = block.baseIndex { blockOf[base] = index } }
        let document = DraftDocument.parse(state.baseText)
        var notes: [CompilationDocument.Note] = []
        // By time received, then by member code, as the disposition table lists them.
        // Every round the compilation takes; a comment sent again in a later round is placed once.
        var placed: Set<String> = []
        let submissions = state.pooled.reversed().flatMap { state.byRound[$0].map { Array($0.values) } ?? [] }
        for submission in submissions.sorted(by: { ($0.received, $0.member) < ($1.received, $1.member) }) {
            for comment in submission.comments where placed.insert(comment.id).inserted {
                var block = 0
                if case .paragraph(let anchor) = comment.anchor, let base = document.index(ofAnchor: anchor), let shown = blockOf[base] {
                    block = shown
                }
                notes.append(.init(id: comment.id, author: names[comment.member] ?? comment.member, received: submission.received,
                                   type: comment.type, text: comment.text,
                                   // Proposed text is in the compilation already; an instruction is not.
                                   proposedChange: comment.proposalKind?.isInstruction == true ? comment.proposedChange : nil,
                                   anchor: comment.anchor.description, block: block))
            }
        }
        return CompilationDocument(title: state.workflow.title, blocks: blocks, received: received, notes: notes)
    }

    /// The round's state, its candidate merge (as proposed, or as decided) and the members' names by code.
    private func compiled(round: String?, decided: Bool) throws -> (RoundState, CandidateBuilder.Candidate, [String: String]) {
        // Like `merge`: every round on the version, unless one is named.
        let state = try RoundState.read(round, selection: .lastCommentRound, detail: .texts, in: context.store.snapshot(), store: context.store,
                                        pool: round == nil ? .everyRoundOnVersion : .recorded)
        var candidate = CandidateBuilder(base: state.baseText, inputs: state.inputs, dispositions: decided ? state.dispositions : [],
                                         resolutions: decided ? state.record?.resolutions ?? [] : []).build()
        if decided {
            // Words the secretariat's wording took from a member's proposal stay that member's.
            let proposed = CandidateBuilder(base: state.baseText, inputs: state.inputs, dispositions: [], resolutions: []).build()
            // The same words may sit a few characters apart in the two merges (an insertion slid
            // along equal text), so changes are matched by what they delete and insert, in any order.
            func key(_ change: AttributedChange) -> String {
                change.anchor + "\u{0}" + String(change.baseFragment.sorted()) + "\u{0}" + String(change.newFragment.sorted())
            }
            var proposers: [String: [String]] = [:]
            for change in proposed.merge.changes { proposers[key(change)] = change.members }
            for index in candidate.merge.changes.indices where candidate.merge.changes[index].members == [CandidateBuilder.secretariatCode] {
                if let members = proposers[key(candidate.merge.changes[index])] {
                    candidate.merge.changes[index].members = members
                }
            }
        }
        var names = Dictionary(state.workflow.members.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        names[CandidateBuilder.secretariatCode] = "Secretariat"
        return (state, candidate, names)
    }
}
