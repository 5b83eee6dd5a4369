import ArgumentParser
import DraftFlow
import Foundation

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show where the workflow stands: versions, the current round and its deadline, who has responded.",
        discussion: """
        In a workspace of several documents, status shows each document in turn, each with its own \
        versions, round and schedule; --document NAME shows one.
        Example: draftflow status --json
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print the status as JSON.")
    var json = false

    func run() throws {
        try withErrorHandling {
            let store = try options.open()
            let workflow = try RecordReader.workflow(in: store.snapshot())
            guard options.document == nil, workflow.hasSeveralDocuments else {
                let context = DraftingContext(store: try options.scoped(store), now: try Clock.now())
                let report = try Self.report(context)
                if json { try printJSON(report) } else { Self.show(report) }
                return
            }
            let now = try Clock.now()
            let reports = try workflow.documentNames.map { name in
                try Self.report(DraftingContext(store: DocumentScopedStore(store, document: name), now: now))
            }
            if json {
                try printJSON(DocumentsStatus(documents: zip(workflow.documentNames, reports).map { DocumentStatus(name: $0, status: $1) }))
                return
            }
            for (index, (name, report)) in zip(workflow.documentNames, reports).enumerated() {
                if index > 0 { print("") }
                print("Document \(name) (\(index + 1) of \(reports.count)):")
                Self.show(report)
            }
        }
    }

    /// The status of the document `context` works on, its language versions with it.
    static func report(_ context: DraftingContext) throws -> StatusReport {
        var report = try Reports(context).status()
        let languages = try LanguageVersions(context).status()
        report.languageVersions = languages.isEmpty ? nil : languages
        return report
    }

    /// A document's status, as `status` prints it.
    static func show(_ report: StatusReport) {
        let languages = report.languageVersions ?? []
        print(report.title)
        print("  document:  \(report.document)")
        print("  now:       \(report.now) (\(report.timezone))")
        print("")
        if report.versions.isEmpty {
            print("Versions: none published yet")
        } else {
            print("Versions:")
            let labelWidth = DisplayWidth.column(report.versions.map(\.label), minimum: 14)
            for version in report.versions {
                print("  \(DisplayWidth.padded(version.label, to: labelWidth)) published \(version.published)  commit \(version.commit.prefix(7))")
            }
        }
        if let due = report.due {
            print("")
            if !due.dueAt.isEmpty {
                let when = due.daysLeft > 1 ? "\(due.daysLeft) days left" : due.daysLeft == 1 ? "1 day left" : due.daysLeft == 0 ? "due today"
                    : "passed \(-due.daysLeft) day\(due.daysLeft == -1 ? "" : "s") ago"
                print("Submission" + (due.recipient.map { " to \($0)" } ?? "") + ": due \(due.dueAtLocal)" + (due.submittedAt == nil ? ", \(when)" : ""))
            }
            if let sent = due.submittedAtLocal {
                print("  submitted \(due.submittedVersion ?? "") to \(due.submittedTo ?? "") \(sent)")
            }
        }
        if !languages.isEmpty {
            print("")
            print("Language versions (see `draftflow translations`):")
            Translations.lines(languages).forEach { print($0) }
        }
        print("")
        guard let round = report.round else {
            print("Round: none opened yet")
            return
        }
        let kind = round.kind == .comments ? "comment round" : "silence procedure"
        print("Round \(round.name): \(kind) on \(round.on), \(round.open ? "OPEN" : "CLOSED")")
        print("  closes \(round.closesAtLocal)")
        print("         \(round.closesAtUTC)")
        for step in round.extensions ?? [] {
            print("  \(step.reopened ? "reopened" : "extended") \(step.at): was to close \(step.fromLocal)" + (step.note.map { " (\($0))" } ?? ""))
        }
        if let early = round.closedEarlyAt { print("  closed early at \(early)") }
        if round.visible == true { print("  submissions visible to all members as they arrive (--visible)") }
        print("  \(round.open ? "time left: " + round.timeLeft : round.timeLeft)")
        if let silence = round.silence {
            if silence == .kept {
                print("  silence: \(round.open ? "not broken so far" : "kept")")
            } else {
                let who = (round.objections ?? []).map { "\($0.member) at \($0.received)" }
                print("  silence: BROKEN by \(who.joined(separator: ", "))")
            }
            if let confirmations = round.confirmations, !confirmations.isEmpty {
                print("  no objection: \(confirmations.map { "\($0.member) at \($0.received)" }.joined(separator: ", "))")
            }
        }
        print("")
        print("Members:")
        // Columns as wide as their widest entry, in terminal columns (a Chinese name takes two a
        // character): a long code (ERICSSON) or name is never cut.
        let codeWidth = DisplayWidth.column(report.members.map(\.code), minimum: 5)
        let nameWidth = DisplayWidth.column(report.members.map(\.name), minimum: 24)
        for member in report.members {
            var line = "  \(DisplayWidth.padded(member.code, to: codeWidth)) \(DisplayWidth.padded(member.name, to: nameWidth)) "
            switch member.state {
            case .noResponse: line += "no response"
            case .received, .late:
                line += "\(member.state.rawValue) \(member.received ?? ""), \(member.comments) comment\(member.comments == 1 ? "" : "s")"
                if member.proposal { line += ", edited copy" }
                if member.submissions > 1 { line += " (\(member.submissions) submissions, the newest received counts)" }
                if let earlier = member.inRound { line += " in round \(earlier)" }
            }
            print(line)
        }
        if !report.late.isEmpty { print("Late: \(report.late.joined(separator: ", "))") }
        if report.merge == nil, let round = report.round, round.kind == .comments {
            print("")
            print("Merge: no merge yet" + (round.open ? " (the round is open)" : "; run `draftflow merge` to build the candidate next draft"))
        }
        if let merge = report.merge {
            print("")
            print("Merge of round \(merge.round):")
            print("  open collisions:    \(merge.openCollisions.isEmpty ? "none" : merge.openCollisions.joined(separator: ", "))")
            print("  undecided comments: \(merge.undecided.isEmpty ? "none" : merge.undecided.joined(separator: ", "))")
            if let superseded = merge.superseded, !superseded.isEmpty {
                let list = superseded.sorted { $0.key < $1.key }.map { "\($0.key) (by \(RecordedCollision.isID($0.value) ? "the resolution of" : "the secretariat's wording for") \($0.value))" }
                print("  superseded changes: \(list.joined(separator: ", ")): each still needs a disposition")
            }
            if let flagged = merge.flagged, !flagged.isEmpty {
                let list = flagged.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.explanation))" }
                print("  flagged proposals:  \(list.joined(separator: ", "))")
            }
        }
    }
}

/// `status --json` in a workspace of several documents.
private struct DocumentsStatus: Encodable {
    var documents: [DocumentStatus]
}

private struct DocumentStatus: Encodable {
    var name: String
    var status: StatusReport
}
