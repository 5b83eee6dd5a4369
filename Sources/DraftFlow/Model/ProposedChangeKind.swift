/// What a member's proposed change is: text to put in place of the paragraph, or an instruction
/// about the text (never to be inserted as text). `classify(_:)` decides.
///
/// In a comment's JSON the kind is written only for an instruction:
/// `{"kind": "instruction"}`, `{"delete": "X", "kind": "instruction"}` or
/// `{"kind": "instruction", "replace": "X", "with": "Y"}`; no key means replacement text.
public enum ProposedChangeKind: Codable, Equatable, Sendable {
    /// The new text of the paragraph (or paragraphs, or the new paragraph).
    case replacement
    /// An instruction: exact (`replace "X" with "Y"`, `delete "X"`) when it has one of the forms
    /// that can be applied as written, else nil ("Delete item 4) and keep item 7).").
    case instruction(ExactInstruction?)

    public var isInstruction: Bool {
        if case .instruction = self { return true }
        return false
    }

    private enum CodingKeys: String, CodingKey { case delete, kind, replace, with }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "replacement": self = .replacement
        case "instruction":
            if let deleted = try container.decodeIfPresent(String.self, forKey: .delete) {
                self = .instruction(.delete(deleted))
            } else if let old = try container.decodeIfPresent(String.self, forKey: .replace) {
                self = .instruction(.replace(old: old, new: try container.decode(String.self, forKey: .with)))
            } else {
                self = .instruction(nil)
            }
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown kind of proposed change '\(kind)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .replacement:
            try container.encode("replacement", forKey: .kind)
        case .instruction(let exact):
            try container.encode("instruction", forKey: .kind)
            switch exact {
            case .none: break
            case .delete(let text)?: try container.encode(text, forKey: .delete)
            case .replace(let old, let new)?:
                try container.encode(old, forKey: .replace)
                try container.encode(new, forKey: .with)
            }
        }
    }
}

/// An instruction that can be applied exactly as written, when its text occurs exactly once.
public enum ExactInstruction: Equatable, Sendable {
    /// Put `new` in place of `old`.
    case replace(old: String, new: String)
    /// Remove the text.
    case delete(String)
}
