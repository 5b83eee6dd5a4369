import Foundation

/// How the secretariat resolves a collision.
public enum ResolutionChoice: Sendable, Equatable {
    /// Take this member's alternative.
    case member(String)
    /// Keep the text of the version the round was on.
    case base
    /// The secretariat's own text for the passage.
    case text(String)

    /// The word that stands for `.base` where a member code could stand: in `--take` and in the
    /// stored record.
    public static let baseWord = "base"

    /// What `--take WORD` means: the base for `base`, else the member with that code.
    public static func take(_ word: String) -> ResolutionChoice {
        word == baseWord ? .base : .member(word)
    }
}

/// The secretariat's choice for a collision. Keyed by the paragraph, so it survives a re-merge.
///
/// Stored as `take` (a member code, or `base`) or `text`, beside the anchor, note and time.
public struct Resolution: Codable, Equatable, Sendable {
    /// The base paragraph's anchor the collision is on (e.g. "2.4", or "after 2.4" for insertions).
    public var anchor: String
    public var choice: ResolutionChoice
    public var note: String?
    public var decided: Date
    /// The collision's id when it was resolved (ids are renumbered by later merges).
    public var collision: String

    public init(anchor: String, choice: ResolutionChoice, note: String?, decided: Date, collision: String) {
        self.anchor = anchor
        self.choice = choice
        self.note = note
        self.decided = decided
        self.collision = collision
    }

    private enum CodingKeys: String, CodingKey {
        case anchor, take, text, note, decided, collision
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        anchor = try container.decode(String.self, forKey: .anchor)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        decided = try container.decode(Date.self, forKey: .decided)
        collision = try container.decode(String.self, forKey: .collision)
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            choice = .text(text)
        } else if let take = try container.decodeIfPresent(String.self, forKey: .take) {
            choice = .take(take)
        } else {
            throw DecodingError.dataCorruptedError(forKey: .take, in: container, debugDescription: "a resolution needs `take` or `text`")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(anchor, forKey: .anchor)
        switch choice {
        case .member(let code): try container.encode(code, forKey: .take)
        case .base: try container.encode(ResolutionChoice.baseWord, forKey: .take)
        case .text(let text): try container.encode(text, forKey: .text)
        }
        try container.encodeIfPresent(note, forKey: .note)
        try container.encode(decided, forKey: .decided)
        try container.encode(collision, forKey: .collision)
    }
}
