/// A page skeleton or style sheet from the export's resources, with `{{name}}` slots.
///
/// A template is filled in one pass: what goes into a slot is never searched for slots, so a title
/// that contains `{{body}}` stays as it is. What goes into a slot is written as it is: the caller
/// escapes text.
struct Template: Sendable {
    enum Piece: Sendable, Equatable {
        case text(String)
        case slot(String)
    }

    let pieces: [Piece]

    /// Reads `{{name}}` slots in `text`; a name is lowercase ASCII letters and hyphens. Braces that
    /// do not make a slot are text.
    init(_ text: String) {
        var pieces: [Piece] = []
        var literal = Substring()
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            if let close = afterOpen.range(of: "}}"), Self.isName(afterOpen[..<close.lowerBound]) {
                literal += rest[..<open.lowerBound]
                if !literal.isEmpty { pieces.append(.text(String(literal))) }
                literal = ""
                pieces.append(.slot(String(afterOpen[..<close.lowerBound])))
                rest = afterOpen[close.upperBound...]
            } else {
                literal += rest[..<open.upperBound]
                rest = afterOpen
            }
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.text(String(literal))) }
        self.pieces = pieces
    }

    /// The names of the slots, in order, each once.
    var slots: [String] {
        var seen: Set<String> = []
        return pieces.compactMap { piece in
            guard case .slot(let name) = piece, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// The template with each slot replaced by its value.
    func filled(_ values: [String: String]) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .slot(let name): out += value(name, in: values)
            }
        }
        return out
    }

    /// Writes the template to `out`, the text as it is and each slot by `fill`.
    func write(to out: inout HTMLOutput, _ fill: (String, inout HTMLOutput) -> Void) {
        for piece in pieces {
            switch piece {
            case .text(let text): out.raw(text)
            case .slot(let name): fill(name, &out)
            }
        }
    }

    private func value(_ name: String, in values: [String: String]) -> String {
        guard let value = values[name] else {
            preconditionFailure("the template slot {{\(name)}} has no value")
        }
        return value
    }

    private static func isName(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "-") }
    }
}
