import Foundation

/// The drafting process on one workspace: every action a secretariat takes, as of one instant.
///
/// `now` is injected: the domain never reads the clock.
public struct Drafting {
    public let store: any WorkspaceStore
    public let now: Date

    public init(store: any WorkspaceStore, now: Date) {
        self.store = store
        self.now = now
    }

    /// Trailer keys written at the end of every commit message, so the timeline can be read back.
    public enum Trailer {
        public static let event = "DraftFlow-Event"
        public static let version = "DraftFlow-Version"
        public static let round = "DraftFlow-Round"
        public static let member = "DraftFlow-Member"
        public static let received = "DraftFlow-Received"
        public static let late = "DraftFlow-Late"
    }

    // MARK: Reading

    /// The workflow at the tip of the branch.
    /// `value` as JSON the way DraftFlow writes its records: keys sorted, dates as ISO 8601 in the
    /// workspace's time zone.
    public func json<T: Encodable>(_ value: T) throws -> Data {
        try RecordCoding.encoder(timeZone: workflow().zone()).encode(value)
    }

    /// A merge's record as JSON, as `json(_:)` writes any value, written faster (from the
    /// record's files when the merge just wrote them).
    public func json(_ outcome: MergeOutcome) throws -> Data {
        try outcome.record.json(encoder: RecordCoding.encoder(timeZone: workflow().zone()), parts: outcome.encodedParts)
    }

    public func workflow() throws -> Workflow {
        try Self.workflow(in: store.snapshot())
    }

    package static func workflow(in snapshot: any WorkspaceSnapshot) throws -> Workflow {
        guard let data = try snapshot.file(Workflow.fileName) else {
            throw DraftFlowError(.workspace, "this workspace has no Workflow.md", fix: "run `draftflow init` to create a workspace")
        }
        return try WorkflowFile.parse(data)
    }

    /// Every recorded submission of `round`, all numbers, sorted by member then number.
    package static func submissions(round: String, in snapshot: any WorkspaceSnapshot) throws -> [Submission] {
        var result: [Submission] = []
        let decoder = RecordCoding.decoder()
        for member in try snapshot.list("Comments/\(round)") {
            let folder = "Comments/\(round)/\(member)"
            for name in try snapshot.list(folder) where name.hasPrefix("submission-") && name.hasSuffix(".json") {
                guard let data = try snapshot.file(folder + "/" + name) else { continue }
                do {
                    result.append(try decoder.decode(Submission.self, from: data))
                } catch {
                    throw DraftFlowError(.workspace, "the record \(folder)/\(name) cannot be read: \(error)",
                                         fix: "restore it from history with `git checkout`")
                }
            }
        }
        return result.sorted { ($0.member, $0.number) < ($1.member, $1.number) }
    }

    /// The latest submission of each member in `round`: the ones that count.
    public static func current(_ submissions: [Submission]) -> [String: Submission] {
        var latest: [String: Submission] = [:]
        for submission in submissions where submission.number > (latest[submission.member]?.number ?? 0) {
            latest[submission.member] = submission
        }
        return latest
    }

    // MARK: Creating a workspace

    /// The first commit of a new workspace.
    public static func initialChange(title: String, documentName: String, document: Data, timezone: String,
                                     secretariat: Secretariat, recipient: String? = nil, due: String? = nil,
                                     now: Date) throws -> WorkspaceChange {
        let zone = try Deadline.timeZone(timezone)
        let trimmedTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedTitle.isEmpty, !trimmedTitle.contains(where: { $0.isNewline }) else {
            throw DraftFlowError(.invalidInput, "the title must be one non-empty line", fix: "pass --title \"Council input to the 2020 HLPF\"")
        }
        let name = try SafeName.fileName(documentName)
        _ = try TextInput.validate(document, what: "the document \(documentName)")
        let path = "Drafts/" + name
        var workflow = Workflow(title: trimmedTitle, document: path, timezone: timezone, secretariat: secretariat)
        if let recipient, !recipient.trimmingCharacters(in: .whitespaces).isEmpty { workflow.recipient = recipient }
        if let due {
            _ = try Deadline.parse(due, timeZone: zone)
            workflow.due = due
        }
        let person = Person(name: secretariat.name, email: secretariat.email, time: now, timeZone: zone)
        let readme = "# Comments\n\nOne folder per round, one folder per member inside it, holding each submission as it was received and the record DraftFlow made of it.\n"
        return WorkspaceChange(
            writes: [Workflow.fileName: try WorkflowFile.render(workflow), path: document, "Comments/README.md": Data(readme.utf8)],
            author: person, committer: person,
            message: "Create drafting workspace: \(trimmedTitle)\n\nDocument: \(path)\nTime zone: \(timezone)\n\n\(Trailer.event): init\n"
        )
    }

    // MARK: Members

    @discardableResult
    public func addMember(code rawCode: String, name rawName: String, email: String?) throws -> Member {
        let code = try SafeName.memberCode(rawCode)
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, !name.contains(where: { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
            throw DraftFlowError(.invalidInput, "the member's name must be one non-empty line", fix: "pass --name \"Canada\"")
        }
        if let email, !Self.looksLikeEmail(email) {
            throw DraftFlowError(.invalidInput, "'\(email)' is not an e-mail address", fix: "pass --email delegation@example.org, or leave it out")
        }
        let member = Member(code: code, name: name, email: email)
        try store.commit { snapshot in
            var workflow = try Self.workflow(in: snapshot)
            if workflow.member(code) != nil {
                throw DraftFlowError(.conflict, "member \(code) is registered already", fix: "see `draftflow member list`")
            }
            workflow.members.append(member)
            let person = try secretariat(workflow)
            return WorkspaceChange(writes: [Workflow.fileName: try WorkflowFile.render(workflow)], author: person, committer: person,
                                   message: "Register member \(code): \(name)\n\n\(Trailer.event): member-add\n\(Trailer.member): \(code)\n")
        }
        return member
    }

    /// Registers many members in one commit, from CSV text: `code,name[,email]` per line, with an
    /// optional header line. Every line is checked first; one bad line registers nobody.
    @discardableResult
    public func importMembers(csv: String) throws -> [Member] {
        var members: [Member] = []
        var seen = Set<String>()
        let lines = csv.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (number, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if number == 0, fields.first?.lowercased() == "code" { continue }
            guard fields.count >= 2 else {
                throw DraftFlowError(.invalidInput, "line \(number + 1): expected `code,name[,email]`, found '\(line)'", fix: "write one member per line, e.g. CAN,Canada,mission@example.ca")
            }
            let code: String
            do {
                code = try SafeName.memberCode(fields[0])
            } catch let error as DraftFlowError {
                throw DraftFlowError(error.kind, "line \(number + 1): \(error.message)", fix: error.fix)
            }
            let email = fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil
            if let email, !Self.looksLikeEmail(email) {
                throw DraftFlowError(.invalidInput, "line \(number + 1): '\(email)' is not an e-mail address", fix: "correct it, or leave the third field empty")
            }
            guard !fields[1].isEmpty, seen.insert(code).inserted else {
                throw DraftFlowError(.invalidInput, "line \(number + 1): \(fields[1].isEmpty ? "\(code) has no name" : "\(code) appears twice")", fix: "one line per member, each with a name")
            }
            members.append(Member(code: code, name: fields[1], email: email))
        }
        guard !members.isEmpty else {
            throw DraftFlowError(.invalidInput, "the file lists no member", fix: "write one member per line: code,name[,email]")
        }
        try store.commit { snapshot in
            var workflow = try Self.workflow(in: snapshot)
            let existing = members.filter { workflow.member($0.code) != nil }.map(\.code)
            if !existing.isEmpty {
                throw DraftFlowError(.conflict, "already registered: \(existing.prefix(10).joined(separator: ", "))", fix: "leave them out of the file")
            }
            workflow.members += members
            let person = try secretariat(workflow)
            return WorkspaceChange(writes: [Workflow.fileName: try WorkflowFile.render(workflow)], author: person, committer: person,
                                   message: "Register \(members.count) members: \(members.prefix(8).map(\.code).joined(separator: ", "))\(members.count > 8 ? ", ..." : "")\n\n"
                                       + members.map { "- \($0.code): \($0.name)" }.joined(separator: "\n") + "\n\n\(Trailer.event): member-add\n")
        }
        return members
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0.asciiValue.map { $0 < 32 } == true })
    }

    func secretariat(_ workflow: Workflow) throws -> Person {
        Person(name: workflow.secretariat.name, email: workflow.secretariat.email, time: now, timeZone: try workflow.zone())
    }

    // MARK: Versions

    /// What `publish` did.
    public struct Publication: Sendable, Equatable {
        public var label: String
        public var commitID: String
        /// Files of `Drafts/` whose edits were committed first.
        public var editedFiles: [String]
    }

    /// Publishes the draft as it stands in `Drafts/` as version `label`: commits the edits, then tags.
    public func publish(label rawLabel: String, note: String?) throws -> Publication {
        let label = try SafeName.label(rawLabel)
        let existing = try store.versions()
        if existing.contains(where: { $0.label == label }) {
            throw DraftFlowError(.conflict, "version \(label) is published already", fix: "choose a new label, e.g. \(label)-rev")
        }
        if let pending = try pendingDecisions(in: store.snapshot()), !pending.collisions.isEmpty {
            let list = pending.collisions.map { "\($0.id) (paragraph \($0.paragraph))" }.joined(separator: ", ")
            throw DraftFlowError(.refused, "round \(pending.round) has open collisions: \(list)",
                                 fix: "resolve each with `draftflow resolve ID --take CODE|base` or `--text FILE`; see `draftflow collisions`")
        }
        let edits = try store.workTreeChanges(under: "Drafts")
        for (path, data) in edits {
            if let data { _ = try TextInput.validate(data, what: path) }
        }
        let editedFiles = edits.keys.sorted()
        if !edits.isEmpty {
            try store.commit { snapshot in
                let workflow = try Self.workflow(in: snapshot)
                let person = try secretariat(workflow)
                return WorkspaceChange(
                    writes: edits.compactMapValues { $0 }, removals: edits.filter { $0.value == nil }.map(\.key),
                    author: person, committer: person,
                    message: "Edit the draft before publishing \(label)\n\nChanged: \(editedFiles.joined(separator: ", "))\n\n\(Trailer.event): edit\n")
            }
        }
        let noteText = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let commitID = try store.commit { snapshot in
            var workflow = try Self.workflow(in: snapshot)
            if workflow.version(label) != nil {
                throw DraftFlowError(.conflict, "version \(label) is published already", fix: "choose a new label")
            }
            guard try snapshot.file(workflow.document) != nil else {
                throw DraftFlowError(.workspace, "the document \(workflow.document) is missing", fix: "restore it with `git checkout -- \(workflow.document)`")
            }
            workflow.versions.append(VersionEntry(label: label, published: now, note: noteText.flatMap { $0.isEmpty ? nil : $0 }))
            let person = try secretariat(workflow)
            var message = "Publish \(label) of \(workflow.title)\n\n"
            if let noteText, !noteText.isEmpty { message += noteText + "\n\n" }
            message += "\(Trailer.event): publish\n\(Trailer.version): \(label)\n"
            let tagMessage = "\(workflow.title), \(label)\n\n" + (noteText.map { $0.isEmpty ? "" : $0 + "\n\n" } ?? "")
                + "Published \(Deadline.human(now, in: try workflow.zone())) by \(workflow.secretariat.name).\n"
            return WorkspaceChange(writes: [Workflow.fileName: try WorkflowFile.render(workflow)], author: person, committer: person,
                                   message: message, tag: VersionTag(label: label, message: tagMessage, tagger: person))
        }
        return Publication(label: label, commitID: commitID ?? "", editedFiles: editedFiles)
    }

    // MARK: Rounds

    public func openRound(on rawLabel: String, closes: String, kind: RoundKind, name rawName: String?) throws -> Round {
        let label = try SafeName.label(rawLabel)
        let name = try SafeName.label(rawName ?? "\(label)-\(kind.rawValue)")
        var opened: Round?
        try store.commit { snapshot in
            var workflow = try Self.workflow(in: snapshot)
            let zone = try workflow.zone()
            guard workflow.version(label) != nil else {
                let known = workflow.versions.map(\.label)
                throw DraftFlowError(.refused, "there is no version \(label)",
                                     fix: known.isEmpty ? "publish it first with `draftflow publish \(label)`" : "use one of: \(known.joined(separator: ", "))")
            }
            if let open = workflow.openRound(at: now) {
                throw DraftFlowError(.refused, "round \(open.name) is still open until \(Deadline.human(open.effectiveClose, in: zone))",
                                     fix: "close it first with `draftflow round close`")
            }
            if workflow.round(named: name) != nil {
                throw DraftFlowError(.conflict, "a round named \(name) exists already", fix: "pass --name with a new name")
            }
            let closeInstant = try Deadline.parse(closes, timeZone: zone)
            guard closeInstant > now else {
                throw DraftFlowError(.refused, "the close \(Deadline.human(closeInstant, in: zone)) is not in the future (now: \(Deadline.human(now, in: zone)))",
                                     fix: "give a later date, e.g. --closes \(Self.day(now.addingTimeInterval(14 * 86_400), zone))")
            }
            let round = Round(name: name, on: label, kind: kind, opened: now, closes: closeInstant)
            workflow.rounds.append(round)
            opened = round
            let person = try secretariat(workflow)
            let what = kind == .comments ? "comment round" : "silence procedure"
            return WorkspaceChange(writes: [Workflow.fileName: try WorkflowFile.render(workflow)], author: person, committer: person,
                                   message: "Open \(what) \(name) on \(label), closing \(Deadline.human(closeInstant, in: zone))\n\n"
                                       + "Closes \(Deadline.iso(closeInstant, in: zone)) (\(Deadline.human(closeInstant, in: TimeZone(identifier: "UTC")!))).\n\n"
                                       + "\(Trailer.event): round-open\n\(Trailer.round): \(name)\n\(Trailer.version): \(label)\n")
        }
        return opened!
    }

    static func day(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Closes the open round now, before its stated close.
    public func closeRound() throws -> Round {
        var closed: Round?
        try store.commit { snapshot in
            var workflow = try Self.workflow(in: snapshot)
            guard let open = workflow.openRound(at: now), let index = workflow.rounds.lastIndex(of: open) else {
                let fix = workflow.rounds.last.map { "round \($0.name) closed at \(Deadline.human($0.effectiveClose, in: (try? workflow.zone()) ?? .gmt))" }
                throw DraftFlowError(.refused, "no round is open", fix: fix ?? "open one with `draftflow round open`")
            }
            workflow.rounds[index].closedEarly = now
            closed = workflow.rounds[index]
            let person = try secretariat(workflow)
            return WorkspaceChange(writes: [Workflow.fileName: try WorkflowFile.render(workflow)], author: person, committer: person,
                                   message: "Close round \(open.name) early\n\nIt was to close \(Deadline.human(open.closes, in: try workflow.zone())).\n\n"
                                       + "\(Trailer.event): round-close\n\(Trailer.round): \(open.name)\n")
        }
        return closed!
    }
}
