import Foundation
import Yams

/// A scripted drafting process: the `schedule` of an example `Workflow.md`, replayed by `draftflow demo`.
public struct Schedule: Codable, Sendable {
    /// One scripted step, done at `at`.
    public struct Step: Codable, Sendable, Equatable {
        /// `init`, `publish`, `open-round`, `close-round`, `comment`, `status`, `merge`, `resolve` or `dispose`.
        public var action: String
        public var at: String
        public var note: String?
        public var label: String?
        public var on: String?
        public var kind: RoundKind?
        public var name: String?
        public var closes: String?
        public var member: String?
        public var file: String?
        public var proposal: String?
        public var late: Bool?
        public var round: String?
        public var collision: String?
        public var take: String?
        public var text: String?
        public var comment: String?
        public var decision: Decision?
    }

    public var title: String
    public var document: String
    public var timezone: String
    public var secretariat: Secretariat
    public var recipient: String?
    public var due: String?
    public var members: [Member]
    public var schedule: [Step]

    /// Reads the schedule from the text of an example `Workflow.md`.
    public static func parse(_ data: Data) throws -> Schedule {
        guard let text = String(data: data, encoding: .utf8), let yaml = WorkflowFile.frontMatter(of: text) else {
            throw DraftFlowError(.invalidInput, "the example's Workflow.md has no YAML front matter", fix: "restore it from the project's repository")
        }
        do {
            return try YAMLDecoder().decode(Schedule.self, from: yaml, userInfo: [:])
        } catch {
            throw DraftFlowError(.invalidInput, "the example's Workflow.md has no readable schedule: \(error)", fix: "restore it from the project's repository")
        }
    }
}
