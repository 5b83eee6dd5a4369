import Foundation

/// Opening and closing the windows in which members respond to a version.
public struct Rounds {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    public func open(on rawLabel: String, closes: String, kind: RoundKind, name rawName: String?) throws -> Round {
        let label = try SafeName.label(rawLabel)
        let name = try SafeName.label(rawName ?? "\(label)-\(kind.rawValue)")
        let now = context.now
        return try context.store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            let zone = try workflow.zone()
            guard workflow.version(label) != nil else {
                let known = workflow.versions.map(\.label)
                throw DraftFlowError(.refused, "there is no version \(label)",
                                     fix: known.isEmpty ? "publish it first with `draftflow publish \(label)`" : "use one of: \(known.joined(separator: ", "))")
            }
            if let open = workflow.openRound(at: now) {
                throw DraftFlowError(.refused, "round \(open.name) is still open until \(InstantFormat.human(open.effectiveClose, in: zone))",
                                     fix: "close it first with `draftflow round close`")
            }
            if workflow.round(named: name) != nil {
                throw DraftFlowError(.conflict, "a round named \(name) exists already", fix: "pass --name with a new name")
            }
            let closeInstant = try Deadline.parse(closes, timeZone: zone)
            guard closeInstant > now else {
                throw DraftFlowError(.refused, "the close \(InstantFormat.human(closeInstant, in: zone)) is not in the future (now: \(InstantFormat.human(now, in: zone)))",
                                     fix: "give a later date, e.g. --closes \(InstantFormat.day(now.addingTimeInterval(14 * 86_400), in: zone))")
            }
            let round = Round(name: name, on: label, kind: kind, opened: now, closes: closeInstant)
            workflow.rounds.append(round)
            let what = kind == .comments ? "comment round" : "silence procedure"
            var message = CommitMessage("Open \(what) \(name) on \(label), closing \(InstantFormat.human(closeInstant, in: zone))", event: .roundOpen)
            message.paragraph("Closes \(InstantFormat.iso(closeInstant, in: zone)) (\(InstantFormat.human(closeInstant, in: InstantFormat.utc))).")
            message.trailer(.round, name)
            message.trailer(.version, label)
            return Staged(try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message), round)
        }.value
    }

    /// Closes the open round now, before its stated close.
    public func close() throws -> Round {
        let now = context.now
        return try context.store.commit { snapshot in
            var workflow = try RecordReader.workflow(in: snapshot)
            guard let open = workflow.openRound(at: now), let index = workflow.rounds.lastIndex(of: open) else {
                let fix = workflow.rounds.last.map { "round \($0.name) closed at \(InstantFormat.human($0.effectiveClose, in: (try? workflow.zone()) ?? .gmt))" }
                throw DraftFlowError(.refused, "no round is open", fix: fix ?? "open one with `draftflow round open`")
            }
            workflow.rounds[index].closedEarly = now
            var message = CommitMessage("Close round \(open.name) early", event: .roundClose)
            message.paragraph("It was to close \(InstantFormat.human(open.closes, in: try workflow.zone())).")
            message.trailer(.round, open.name)
            return Staged(try context.secretariatChange(workflow, writes: [Workflow.fileName: try WorkflowFile.render(workflow)], message: message),
                          workflow.rounds[index])
        }.value
    }
}
