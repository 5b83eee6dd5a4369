import Foundation
import LineSplitting

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
    /// The bytes written so far. A writer is used through `inout` and never copied: a copy
    /// would write into the same bytes.
    private let bytes = Bytes()

    public init() {}

    public mutating func reserveCapacity(_ count: Int) {
        bytes.reserve(count)
    }

    /// The bytes written, handed to a `Data` without a copy (at 772 members a merge's edits are
    /// 44 MB, which a copy took in fresh pages, each zeroed by the kernel); the writer is empty
    /// after.
    public mutating func take() -> Data {
        bytes.take()
    }

    /// Bytes in memory of their own, grown with `realloc` (which moves large blocks by remapping
    /// their pages rather than copying them) and given to a `Data` that frees them. Not
    /// `Sendable`: a writer lives on one thread.
    final class Bytes {
        private var base: UnsafeMutablePointer<UInt8>
        private(set) var count = 0
        private var capacity: Int

        init() {
            capacity = 256
            base = Self.allocate(capacity)
        }

        deinit {
            free(base)
        }

        private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
            guard let memory = malloc(capacity) else { fatalError("out of memory for \(capacity) bytes of JSON") }
            return memory.assumingMemoryBound(to: UInt8.self)
        }

        func reserve(_ total: Int) {
            guard total > capacity else { return }
            guard let memory = realloc(base, total) else { fatalError("out of memory for \(total) bytes of JSON") }
            base = memory.assumingMemoryBound(to: UInt8.self)
            capacity = total
        }

        @inline(__always)
        func append(_ byte: UInt8) {
            if count == capacity { reserve(capacity * 2) }
            base[count] = byte
            count += 1
        }

        func append(_ buffer: UnsafeRawBufferPointer) {
            guard let source = buffer.baseAddress, !buffer.isEmpty else { return }
            if count + buffer.count > capacity { reserve(max(capacity * 2, count + buffer.count)) }
            (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: buffer.count)
            count += buffer.count
        }

        func append(contentsOf bytes: some Collection<UInt8>) {
            if bytes.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) != nil { return }
            for byte in bytes { append(byte) }
        }

        /// The bytes as a `Data` that frees them; fresh, empty memory takes their place.
        func take() -> Data {
            guard count > 0 else { return Data() }
            let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
            capacity = 256
            base = Self.allocate(capacity)
            count = 0
            return data
        }
    }

    /// How many items of a long array are written before the rest is reserved from their size.
    static let sampled = 256

    /// Where `markedField` left the place of a value written elsewhere, in order.
    private(set) var marks: [Int] = []

    /// A field whose value is not written here but goes at this place, pretty-printed JSON at the
    /// top level moved in one level (`JSONPieces.indented`): its key, and a mark after it.
    mutating func markedField(_ key: StaticString, indent: Int) {
        fieldKey(key, indent: indent)
        marks.append(bytes.count)
    }

    /// The JSON of `items`, at the top level of a file.
    public static func array<T: RecordJSONWritable>(_ items: [T]) -> Data {
        var out = RecordJSON()
        out.array(items, indent: 0)
        return out.take()
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
        let start = bytes.count
        for (index, item) in items.enumerated() {
            spaces(indent + 2)
            item.writeJSON(to: &self, indent: indent + 2)
            raw(index + 1 < items.count ? ",\n" : "\n")
            if index + 1 == Self.sampled && items.count > 4 * Self.sampled {
                // The rest reserved at once from the first items' size, a quarter more: not grown by
                // doubling, each doubling a fresh copy (a merge's edits are 44 MB at 772 members).
                // Room reserved and never written is never touched, so costs no page.
                let each = (bytes.count - start) / Self.sampled + 1
                bytes.reserve(bytes.count + each * (items.count - Self.sampled) * 5 / 4 + 64)
            }
        }
        spaces(indent)
        raw("]")
    }

    /// Starts an object: `{` and its first field's key. Fields follow with `field`, in sorted
    /// key order; `endObject` closes it.
    public mutating func beginObject() {
        raw("{")
        fieldsWritten = 0
    }

    /// A string field (nil values are left out, as `JSONEncoder` does).
    public mutating func field(_ key: StaticString, _ value: String?, indent: Int) {
        guard let value else { return }
        fieldKey(key, indent: indent)
        string(value)
    }

    /// A whole-number field (nil values are left out).
    public mutating func field(_ key: StaticString, _ value: Int?, indent: Int) {
        guard let value else { return }
        fieldKey(key, indent: indent)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// An object field (nil values are left out): the value's own fields one level further in.
    public mutating func field(_ key: StaticString, _ value: (some RecordJSONWritable)?, indent: Int) {
        guard let value else { return }
        fieldKey(key, indent: indent)
        let outer = fieldsWritten
        value.writeJSON(to: &self, indent: indent + 2)
        fieldsWritten = outer
    }

    /// An array-of-strings field.
    public mutating func field(_ key: StaticString, _ values: [String], indent: Int) {
        fieldKey(key, indent: indent)
        stringArray(values, indent: indent + 2)
    }

    /// An array-of-strings field left out when nil.
    public mutating func field(_ key: StaticString, _ values: [String]?, indent: Int) {
        guard let values else { return }
        field(key, values, indent: indent)
    }

    /// An array-of-objects field.
    public mutating func field<T: RecordJSONWritable>(_ key: StaticString, _ items: [T], indent: Int) {
        fieldKey(key, indent: indent)
        let outer = fieldsWritten
        array(items, indent: indent + 2)
        fieldsWritten = outer
    }

    /// A dictionary field (nil is left out), its keys in the order `JSONEncoder`'s `.sortedKeys`
    /// gives (their UTF-8 bytes compared, not `String`'s `<`, which compares canonical forms: "é"
    /// written as `e` and a combining accent sorts among the e's), each value written by `value` at the
    /// entry's indentation.
    public mutating func field<Value>(_ key: StaticString, _ dictionary: [String: Value]?, indent: Int,
                                      value: (inout RecordJSON, Value, Int) -> Void) {
        guard let dictionary else { return }
        fieldKey(key, indent: indent)
        if dictionary.isEmpty {
            raw("{\n\n")
            spaces(indent + 2)
            raw("}")
            return
        }
        let outer = fieldsWritten
        raw("{\n")
        let entries = dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (i, entry) in entries.enumerated() {
            spaces(indent + 4)
            string(entry.key)
            raw(" : ")
            value(&self, entry.value, indent + 4)
            raw(i + 1 < entries.count ? ",\n" : "\n")
        }
        spaces(indent + 2)
        raw("}")
        fieldsWritten = outer
    }

    /// A `[String: String]` field (nil is left out).
    public mutating func field(_ key: StaticString, _ dictionary: [String: String]?, indent: Int) {
        field(key, dictionary, indent: indent) { out, text, _ in out.string(text) }
    }

    /// A `[String: [String]]` field (nil is left out).
    public mutating func field(_ key: StaticString, _ dictionary: [String: [String]]?, indent: Int) {
        field(key, dictionary, indent: indent) { out, values, indent in out.stringArray(values, indent: indent) }
    }

    /// An array of strings where the writer is, its closing bracket indented by `indent`.
    mutating func stringArray(_ values: [String], indent: Int) {
        if values.isEmpty {
            raw("[\n\n")
            spaces(indent)
            raw("]")
            return
        }
        raw("[\n")
        for (i, text) in values.enumerated() {
            spaces(indent + 2)
            string(text)
            raw(i + 1 < values.count ? ",\n" : "\n")
        }
        spaces(indent)
        raw("]")
    }

    /// Closes the object begun by `beginObject`.
    public mutating func endObject(indent: Int) {
        raw("\n")
        spaces(indent)
        raw("}")
    }

    private var fieldsWritten = 0

    private mutating func fieldKey(_ key: StaticString, indent: Int) {
        raw(fieldsWritten == 0 ? "\n" : ",\n")
        fieldsWritten += 1
        spaces(indent + 2)
        string(key)
        raw(" : ")
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(UnsafeRawBufferPointer($0)) }
    }

    private mutating func spaces(_ count: Int) {
        for _ in 0..<count { bytes.append(0x20) }
    }

    private mutating func string(_ key: StaticString) {
        bytes.append(0x22)
        raw(key)
        bytes.append(0x22)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`.
    mutating func string(_ text: String) {
        var text = text
        bytes.append(0x22)
        text.withUTF8 { utf8 in
            var start = 0
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else {
                    index += 1
                    continue
                }
                bytes.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[start..<index])))
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
                index += 1
                start = index
            }
            bytes.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[start..<count])))
        }
        bytes.append(0x22)
    }
}

extension RecordedChange: RecordJSONWritable {
    public func writeJSON(to out: inout RecordJSON, indent: Int) {
        out.beginObject()
        out.field("after", after, indent: indent)
        out.field("before", before, indent: indent)
        out.field("kind", kind.rawValue, indent: indent)
        out.field("members", members, indent: indent)
        out.field("paragraph", paragraph, indent: indent)
        out.endObject(indent: indent)
    }
}

extension Comment: RecordJSONWritable {
    public func writeJSON(to out: inout RecordJSON, indent: Int) {
        out.beginObject()
        out.field("anchor", anchor.description, indent: indent)
        out.field("id", id, indent: indent)
        out.field("member", member, indent: indent)
        out.field("proposalKind", writtenProposalKind, indent: indent)
        out.field("proposedChange", proposedChange, indent: indent)
        out.field("reference", writesReference ? reference : nil, indent: indent)
        out.field("template", template, indent: indent)
        out.field("text", text, indent: indent)
        out.field("type", type.rawValue, indent: indent)
        out.endObject(indent: indent)
    }
}

extension CommentReference: RecordJSONWritable {
    public func writeJSON(to out: inout RecordJSON, indent: Int) {
        out.beginObject()
        switch self {
        case .general:
            out.field("kind", "general", indent: indent)
        case .paragraphs(let ids):
            out.field("kind", "paragraphs", indent: indent)
            out.field("paragraphs", ids, indent: indent)
        case .range(let from, let to):
            out.field("from", from, indent: indent)
            out.field("kind", "range", indent: indent)
            out.field("to", to, indent: indent)
        case .insertion(let after):
            out.field("after", after, indent: indent)
            out.field("kind", "insertion", indent: indent)
        }
        out.endObject(indent: indent)
    }
}

extension ProposedChangeKind: RecordJSONWritable {
    public func writeJSON(to out: inout RecordJSON, indent: Int) {
        out.beginObject()
        switch self {
        case .replacement:
            out.field("kind", "replacement", indent: indent)
        case .instruction(let exact):
            if case .delete(let text)? = exact { out.field("delete", text, indent: indent) }
            out.field("kind", "instruction", indent: indent)
            if case .replace(let old, let new)? = exact {
                out.field("replace", old, indent: indent)
                out.field("with", new, indent: indent)
            }
        }
        out.endObject(indent: indent)
    }
}

extension TemplateFields: RecordJSONWritable {
    public func writeJSON(to out: inout RecordJSON, indent: Int) {
        out.beginObject()
        out.field("clause", clause, indent: indent)
        out.field("line", line, indent: indent)
        out.field("memberBody", memberBody, indent: indent)
        out.field("paragraph", paragraph, indent: indent)
        out.field("row", row, indent: indent)
        out.endObject(indent: indent)
    }
}

/// A disposition as `dispositions.json` holds it: its instant written in the workspace's zone, as
/// `RecordCoding.encoder(timeZone:)` writes it.
extension Disposition: ZonedRecordJSONWritable {
    func writeJSON(to out: inout RecordJSON, indent: Int, zone: TimeZone) {
        out.beginObject()
        out.field("comment", comment, indent: indent)
        out.field("decided", InstantFormat.iso(decided, in: zone), indent: indent)
        out.field("decision", decision.rawValue, indent: indent)
        out.field("note", note, indent: indent)
        out.field("text", text, indent: indent)
        out.endObject(indent: indent)
    }
}

extension RecordJSON {
    /// `dispositions.json`: what `RecordCoding.encoder(timeZone: zone).encode(dispositions)` gives.
    static func dispositions(_ dispositions: [Disposition], zone: TimeZone) -> Data {
        array(dispositions.map { Zoned(value: $0, zone: zone) })
    }
}

extension MergeRecord {
    /// The whole record as JSON, as `RecordCoding.encoder(timeZone: zone)` would write it, its large
    /// parts written by `RecordJSON`, or taken from `parts` (their files' bytes) when given.
    public func json(zone: TimeZone, parts: (changes: Data, edits: Data)? = nil) throws -> Data {
        jsonPieces(zone: zone, parts: parts).data
    }

    /// `json(zone:parts:)` in pieces, for writing out: the parts are moved in as they are written,
    /// never copied into one buffer with the rest (at 772 members the edits alone are 44 MB).
    public func jsonPieces(zone: TimeZone, parts: (changes: Data, edits: Data)? = nil) -> JSONPieces {
        var out = RecordJSON()
        writeJSON(to: &out, indent: 0, zone: zone, marking: parts != nil)
        let marks = out.marks
        let written = out.take()
        guard let parts else { return JSONPieces([.bytes(written)]) }
        // The record's own bytes with a mark where each part goes: changes first, then edits.
        return JSONPieces([.bytes(written[..<marks[0]]), .indented(parts.changes), .bytes(written[marks[0]..<marks[1]]),
                           .indented(parts.edits), .bytes(written[marks[1]...])])
    }
}
