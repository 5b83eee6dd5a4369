import Foundation
import Yams

/// Reads and writes `Workflow.md`: YAML front matter for the tool, then prose for people.
public enum WorkflowFile {
    /// Parses the text of `Workflow.md`, strictly: a key DraftFlow does not know (`Members:` for
    /// `members:`), a member listed twice, a name with a control character is an error, never
    /// content dropped the next time the file is written.
    /// - Parameter problem: makes the error from what is wrong ("has a key … it does not know");
    ///   by default one naming Workflow.md. `RecordReader` adds the commit that last changed it.
    public static func parse(_ data: Data, problem: (String) -> DraftFlowError = defaultProblem) throws -> Workflow {
        guard let text = String(validatingUTF8Data: data) else { throw problem("is not valid UTF-8") }
        guard let yaml = frontMatter(of: text) else { throw problem("has no YAML front matter between '---' lines") }
        // Parsed once, with the resolver YAMLDecoder uses, and decoded from that node: the keys are
        // checked and the values decoded from one parse (it was two, the file read twice).
        let parser: Parser
        let node: Node?
        do {
            parser = try Parser(yaml: yaml, resolver: Resolver.basic.appending(Resolver.Rule.merge), encoding: .default)
            node = try parser.singleRoot()
        } catch {
            throw problem("has front matter that is not valid YAML: \(TerminalText.escaped(String(describing: error)))")
        }
        if let node, let unknown = WorkflowKeys.unknown(in: node) { throw problem(unknown) }
        let workflow: Workflow
        do {
            // The parser holds the anchors the node refers to while it is decoded.
            workflow = try withExtendedLifetime(parser) { try YAMLDecoder().decode(Workflow.self, from: node ?? "", userInfo: [:]) }
        } catch {
            throw problem("has front matter DraftFlow cannot read: \(RecordDamage.describe(error))")
        }
        if let invalid = WorkflowKeys.invalid(workflow) { throw problem(invalid) }
        return workflow
    }

    /// `parse` as it was, the front matter parsed twice (composed for the keys, then decoded from
    /// the text): what the tests compare `parse` with.
    static func parseTwice(_ data: Data) throws -> Workflow {
        guard let text = String(validatingUTF8Data: data), let yaml = frontMatter(of: text) else { throw defaultProblem("has no YAML front matter") }
        if let node = try Yams.compose(yaml: yaml), let unknown = WorkflowKeys.unknown(in: node) { throw defaultProblem(unknown) }
        let workflow = try YAMLDecoder().decode(Workflow.self, from: yaml, userInfo: [:])
        if let invalid = WorkflowKeys.invalid(workflow) { throw defaultProblem(invalid) }
        return workflow
    }

    public static func defaultProblem(_ problem: String) -> DraftFlowError {
        DraftFlowError(.workspace, "\(Workflow.fileName) \(problem)", fix: "correct \(Workflow.fileName) and commit the correction")
    }

    /// The YAML between the opening and closing `---` lines, or nil.
    public static func frontMatter(of text: String) -> String? {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard normalized.hasPrefix("---\n") else { return nil }
        let rest = normalized.dropFirst(4)
        guard let end = rest.range(of: "\n---\n") ?? rest.range(of: "\n---", options: .anchored.union(.backwards)) else { return nil }
        return String(rest[rest.startIndex..<end.lowerBound]) + "\n"
    }

    /// The whole file: front matter, then a description a person can read.
    public static func render(_ workflow: Workflow) throws -> Data {
        let encoder = YAMLEncoder()
        encoder.options.allowUnicode = true
        encoder.options.sortKeys = false
        let yaml = try encoder.encode(workflow)
        let zone = (try? workflow.zone()) ?? InstantFormat.utc
        var prose = "# \(workflow.title)\n\n"
        prose += "This file describes a drafting process run with DraftFlow. The block above is read by the tool;"
        prose += " this text is written from it.\n\n"
        prose += "- Document: `\(workflow.document)`\n"
        prose += "- Time zone: \(workflow.timezone) (deadlines are meant in this zone)\n"
        prose += "- Secretariat: \(workflow.secretariat.name) <\(workflow.secretariat.email)>\n\n"
        prose += "## Members\n\n"
        if workflow.members.isEmpty {
            prose += "No member is registered yet.\n\n"
        } else {
            for member in workflow.members {
                prose += "- \(member.code): \(member.name)" + member.emails.map { " <\($0)>" }.joined(separator: ",") + "\n"
            }
            prose += "\n"
        }
        prose += "## Versions\n\n"
        if workflow.versions.isEmpty {
            prose += "No version is published yet.\n\n"
        } else {
            for version in workflow.versions {
                prose += "- \(version.label), published \(InstantFormat.human(version.published, in: zone))"
                prose += (version.note.map { ": \($0)" } ?? "") + "\n"
            }
            prose += "\n"
        }
        prose += "## Rounds\n\n"
        if workflow.rounds.isEmpty {
            prose += "No round is open yet.\n"
        } else {
            for round in workflow.rounds {
                let kind = round.kind == .comments ? "comment round" : "silence procedure"
                prose += "- \(round.name): \(kind) on \(round.on), opened \(InstantFormat.human(round.opened, in: zone)),"
                prose += " closes \(InstantFormat.human(round.closes, in: zone))"
                if let subject = round.subject { prose += ", mail subject \"\(subject)\"" }
                if round.isVisible { prose += ", submissions visible to all members" }
                if let early = round.closedEarly {
                    prose += ", closed early \(InstantFormat.human(early, in: zone))"
                }
                prose += "\n"
                for step in round.extensions ?? [] {
                    prose += "  - \(step.reopened == true ? "reopened" : "extended") \(InstantFormat.human(step.at, in: zone)):"
                    prose += " the close moved from \(InstantFormat.human(step.from, in: zone)) to \(InstantFormat.human(step.closes, in: zone))"
                    prose += (step.note.map { " (\(oneLine($0)))" } ?? "") + "\n"
                }
            }
        }
        for entry in workflow.documents ?? [] {
            prose += "\n## Document \(entry.name): \(entry.title)\n\n"
            prose += "- File: `\(entry.file)`; its versions are tagged \(entry.name)/LABEL\n"
            for version in entry.versions {
                prose += "- \(version.label), published \(InstantFormat.human(version.published, in: zone))" + (version.note.map { ": \(oneLine($0))" } ?? "") + "\n"
            }
            for round in entry.rounds {
                let kind = round.kind == .comments ? "comment round" : "silence procedure"
                prose += "- \(round.name): \(kind) on \(round.on), opened \(InstantFormat.human(round.opened, in: zone)),"
                prose += " closes \(InstantFormat.human(round.closes, in: zone))" + (round.closedEarly.map { ", closed early \(InstantFormat.human($0, in: zone))" } ?? "") + "\n"
            }
            if let sent = entry.submitted {
                prose += "- Submitted \(sent.version) to \(sent.to), \(InstantFormat.human(sent.at, in: zone))\n"
            }
        }
        // Written once the chair has sent the text, so that files written before stay as they were.
        if let sent = workflow.submitted {
            prose += "\n## Submission\n\n"
            if let due = try? workflow.dueInstant() { prose += "- Due: \(InstantFormat.human(due, in: zone))\n" }
            prose += "- Submitted \(sent.version) to \(sent.to), \(InstantFormat.human(sent.at, in: zone))" + (sent.note.map { " (\(oneLine($0)))" } ?? "") + "\n"
        }
        return Data(("---\n" + yaml + "---\n\n" + prose).utf8)
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
