import DraftFlow
import Foundation
import Yams

/// A scripted drafting process: the `schedule` of an example `Workflow.md`, replayed by `draftflow demo`.
struct DemoSchedule: Decodable {
    /// What one scripted step does.
    enum Action {
        case initialize
        case publish(label: String, note: String?)
        /// `subject`: what the members' e-mails must say in their subject line.
        case openRound(on: String, closes: String, kind: RoundKind, name: String?, subject: String?)
        case closeRound
        case comment(member: String, file: String, proposal: String?, late: Bool)
        /// The secretariat's mailbox (an .eml or an mbox), taken in as `intake --mail` does.
        case mail(file: String)
        case status
        case merge(round: String?)
        /// `take` is the word the example gave (a member code or `base`), if any.
        case resolve(collision: String, choice: ResolutionChoice, take: String?, note: String?, round: String?)
        case dispose(comment: String, decision: Decision, text: String?, note: String?, round: String?)
        case finalize(label: String, note: String?)
        /// The chair's transmission of the final text (`draftflow submitted`).
        case submitted(to: String?, note: String?)
    }

    /// One scripted step, done at `at`.
    struct Step {
        /// The step's name in the example (`publish`, `open-round`, ...).
        var name: String
        var at: String
        var action: Action
    }

    var title: String
    var document: String
    var timezone: String
    var secretariat: Secretariat
    var recipient: String?
    var due: String?
    var members: [Member]
    var steps: [Step]

    private enum CodingKeys: String, CodingKey {
        case title, document, timezone, secretariat, recipient, due, members
        case steps = "schedule"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        document = try container.decode(String.self, forKey: .document)
        timezone = try container.decode(String.self, forKey: .timezone)
        secretariat = try container.decode(Secretariat.self, forKey: .secretariat)
        recipient = try container.decodeIfPresent(String.self, forKey: .recipient)
        due = try container.decodeIfPresent(String.self, forKey: .due)
        members = try container.decode([Member].self, forKey: .members)
        // Each step as written is a map of optional fields; it is checked and typed here.
        steps = try container.decode([WrittenStep].self, forKey: .steps).map { try $0.step() }
    }

    /// Reads the schedule from the text of an example `Workflow.md`.
    static func parse(_ data: Data) throws -> DemoSchedule {
        guard let text = String(data: data, encoding: .utf8), let yaml = WorkflowFile.frontMatter(of: text) else {
            throw DraftFlowError(.invalidInput, "the example's Workflow.md has no YAML front matter", fix: "restore it from the project's repository")
        }
        do {
            return try YAMLDecoder().decode(DemoSchedule.self, from: yaml, userInfo: [:])
        } catch let error as DraftFlowError {
            throw error
        } catch {
            throw DraftFlowError(.invalidInput, "the example's Workflow.md has no readable schedule: \(error)", fix: "restore it from the project's repository")
        }
    }

    private struct WrittenStep: Decodable {
        var action: String
        var at: String
        var note: String?
        var label: String?
        var on: String?
        var kind: RoundKind?
        var name: String?
        var closes: String?
        var member: String?
        var file: String?
        var proposal: String?
        var late: Bool?
        var round: String?
        var collision: String?
        var take: String?
        var text: String?
        var comment: String?
        var decision: Decision?
        var to: String?
        var subject: String?

        func step() throws -> Step {
            Step(name: action, at: at, action: try typed())
        }

        private func typed() throws -> Action {
            switch action {
            case "init": return .initialize
            case "publish": return .publish(label: try required(label, "label"), note: note)
            case "open-round": return .openRound(on: try required(on, "on"), closes: try required(closes, "closes"), kind: kind ?? .comments, name: name,
                                                 subject: subject)
            case "mail": return .mail(file: try required(file, "file"))
            case "close-round": return .closeRound
            case "comment": return .comment(member: try required(member, "member"), file: try required(file, "file"), proposal: proposal, late: late ?? false)
            case "status": return .status
            case "merge": return .merge(round: round)
            case "resolve":
                let choice: ResolutionChoice = try text.map { .text($0) } ?? .take(try required(take, "take"))
                return .resolve(collision: try required(collision, "collision"), choice: choice, take: take, note: note, round: round)
            case "dispose":
                guard let decision else { throw missing("decision") }
                return .dispose(comment: try required(comment, "comment"), decision: decision, text: text, note: note, round: round)
            case "finalize": return .finalize(label: label ?? "final", note: note)
            case "submitted": return .submitted(to: to, note: note)
            default:
                throw DraftFlowError(.invalidInput, "the example's schedule has an unknown action '\(action)'", fix: "restore Workflow.md")
            }
        }

        private func required(_ value: String?, _ key: String) throws -> String {
            guard let value else { throw missing(key) }
            return value
        }

        private func missing(_ key: String) -> DraftFlowError {
            DraftFlowError(.invalidInput, "the example's `\(action)` step at \(at) has no `\(key)`", fix: "restore Workflow.md")
        }
    }
}
