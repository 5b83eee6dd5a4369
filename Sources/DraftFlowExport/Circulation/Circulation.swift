import DraftFlow
import Foundation

/// A draft as it is sent to members: the clean text, the round's deadline and how to comment,
/// and the changes since the previous version. Never called final.
public struct Circulation: Sendable, Equatable {
    public var title: String
    public var version: String
    /// The version before it, when there is one.
    public var previous: String?
    public var secretariat: String
    public var secretariatEmail: String
    public var circulatedAt: Date
    public var timeZone: TimeZone
    public var round: String
    public var kind: RoundKind
    /// The instant the round closes (its extended close, if any).
    public var closes: Date
    public var cleanText: String
    /// From `previous` to `version`; empty when there is no previous version.
    public var redline: [RedlineBlock]
    /// The language of the note's own words and dates (never of the text it circulates).
    public var language = Language.en

    /// Builds the circulation of `version` from the last round opened on it, as of `context.now`.
    public static func build(_ context: DraftingContext, version rawLabel: String, language: Language = .en) throws -> Circulation {
        let workflow = try context.workflow()
        let zone = try workflow.zone()
        let label = try SafeName.label(rawLabel)
        guard let index = workflow.versions.firstIndex(where: { $0.label == label }) else {
            throw DraftFlowError(.invalidInput, "there is no version \(label)",
                                 fix: "use one of: \(workflow.versions.map(\.label).joined(separator: ", "))")
        }
        guard let round = workflow.rounds.last(where: { $0.on == label }) else {
            throw DraftFlowError(.refused, "no round is open on \(label): a circulation gives the round's deadline",
                                 fix: "open one first with `draftflow round open --on \(label) --closes DATE`")
        }
        let texts = Texts(context)
        let text = try texts.documentText(label)
        let previous = index > 0 ? workflow.versions[index - 1].label : nil
        let redline = try previous.map { Redline.compare(old: try texts.documentText($0), new: text) } ?? []
        var circulation = Circulation(title: workflow.title, version: label, previous: previous, secretariat: workflow.secretariat.name,
                                      secretariatEmail: workflow.secretariat.email, circulatedAt: context.now, timeZone: zone,
                                      round: round.name, kind: round.kind, closes: round.effectiveClose, cleanText: text, redline: redline)
        circulation.language = language
        return circulation
    }

    /// The changes for people: "3 paragraphs modified, 1 inserted, 0 deleted".
    public var changeSummary: String { FinalTextPacket.Changes(redline).summary(in: language) }

    /// How to comment, one paragraph per line, plain text (the renderers escape it).
    public var instructions: [String] {
        let deadline = "\(InstantFormat.human(closes, in: timeZone, language: language)) (\(InstantFormat.human(closes, in: .gmt, language: language)))"
        let to = "\(secretariat) <\(secretariatEmail)>"
        return language.catalogue.instructions(silence: kind == .silence, round: round, version: version, deadline: deadline, to: to)
    }
}
