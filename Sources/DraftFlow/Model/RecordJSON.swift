import Foundation

/// Writes the large record arrays (a merge's changes and edits: thousands of entries) straight to
/// bytes, in exactly the form `RecordCoding.encoder` gives them (pretty printed, keys sorted,
/// slashes unescaped), many times faster than `JSONEncoder`'s general machinery.
///
/// Only types with a fixed set of string fields take part; a test checks every one byte for byte
/// against `JSONEncoder`.
public protocol RecordJSONWritable {
    /// Writes `self` as a JSON object whose nested lines are indented by `indent` spaces.
    func writeJSON(to out: inout RecordJSON, indent: Int)
}

public struct RecordJSON {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// The JSON of `items`, at the top level of a file.
    public static func array<T: RecordJSONWritable>(_ items: [T]) -> Data {
        var out = RecordJSON()
        out.array(items, indent: 0)
        return Data(out.bytes)
    }

    /// An array of objects, its opening bracket where the writer is and its lines indented by `indent`.
    public mutating func array<T: RecordJSONWritable>(_ items: [T], indent: Int) {
        if items.isEmpty {
            raw("[\n\n")
            spaces(indent)
            raw("]")
            return
        }
        raw("[\n")
        for (index, item) in items.enumerated() {
            spaces(indent + 2)
            item.writeJSON(to: &self, indent: indent + 2)
            raw(index + 1 < items.count ? ",\n" : "\n")
        }
        spaces(indent)
        raw("]")
    }

    /// An object of `fields`, given in sorted key order; nil values are left out, as `JSONEncoder` does.
    public mutating func object(indent: Int, _ fields: [(key: StaticString, value: Value?)]) {
        raw("{\n")
        let present = fields.filter { $0.value != nil }
        for (index, field) in present.enumerated() {
            spaces(indent + 2)
            string(field.key)
            raw(" : ")
            switch field.value! {
            case .string(let text):
                string(text)
            case .strings(let texts):
                if texts.isEmpty {
                    raw("[\n\n")
                    spaces(indent + 2)
                    raw("]")
                } else {
                    raw("[\n")
                    for (i, text) in texts.enumerated() {
                        spaces(indent + 4)
                        string(text)
                        raw(i + 1 < texts.count ? ",\n" : "\n")
                    }
                    spaces(indent + 2)
                    raw("]")
                }
            }
            raw(index + 1 < present.count ? ",\n" : "\n")
        }
        spaces(indent)
        raw("}")
    }

    /// A field value.
    public enum Value {
        case string(String)
        case strings([String])
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func spaces(_ count: Int) {
        bytes.append(contentsOf: repeatElement(0x20, count: count))
    }

    private mutating func string(_ key: StaticString) {
        bytes.append(0x22)
        raw(key)
        bytes.append(0x22)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`.
    private mutating func string(_ text: String) {
        var text = text
        bytes.append(0x22)
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: utf8[start..<index])
                start = index + 1
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
                case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            bytes.append(contentsOf: utf8[start...])
        }
        bytes.append(0x22)
    }
}

extension RecordedChange: RecordJSONWritable {
    public func writeJSON(to out: inout RecordJSON, indent: Int) {
        out.object(indent: indent, [("after", .string(after)), ("before", .string(before)), ("kind", .string(kind)),
                                    ("members", .strings(members)), ("paragraph", .string(paragraph))])
    }
}

extension Comment: RecordJSONWritable {
    public func writeJSON(to out: inout RecordJSON, indent: Int) {
        out.object(indent: indent, [("anchor", .string(anchor.description)), ("id", .string(id)), ("member", .string(member)),
                                    ("proposedChange", proposedChange.map { .string($0) }), ("text", .string(text)),
                                    ("type", .string(type.rawValue))])
    }
}

extension MergeRecord {
    /// The whole record as JSON, as `RecordCoding.encoder` would write it, with the large parts
    /// written by `RecordJSON`.
    public func json(encoder: JSONEncoder) throws -> Data {
        var text = try encoder.encode(withoutParts)
        for (key, write) in [("changes", { (out: inout RecordJSON) in out.array(changes, indent: 2) }),
                             ("edits", { (out: inout RecordJSON) in out.array(edits, indent: 2) })] {
            // The empty array `withoutParts` holds at that key, replaced by the full one.
            let empty = Data("\n  \"\(key)\" : [\n\n  ]".utf8)
            guard let range = text.range(of: empty) else {
                throw DraftFlowError(.workspace, "cannot write the merge record's \(key) as JSON", fix: "report this as a bug")
            }
            var out = RecordJSON()
            write(&out)
            text.replaceSubrange(range, with: Data("\n  \"\(key)\" : ".utf8) + Data(out.bytes))
        }
        return text
    }
}
