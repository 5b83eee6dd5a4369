import Foundation

/// A JSON record parsed once into a tree whose objects remember which of their keys a decoder
/// read (`KeyCheckingDecoder`): a key no decoder read is one DraftFlow does not know. Strict and
/// small: anything it does not take exactly as JSON says (a byte-order mark, a duplicate key,
/// invalid UTF-8) throws, and the caller then reads the record the general way.
indirect enum RecordTree {
    case object(Object)
    case array([RecordTree])
    case string(String)
    /// The number as written: each type parses it as `JSONDecoder` would, or refuses it.
    case number(String)
    case bool(Bool)
    case null

    /// An object's members and the keys read from it so far.
    final class Object {
        let members: [String: RecordTree]
        var read = Set<String>()

        init(_ members: [String: RecordTree]) {
            self.members = members
        }
    }

    struct Unreadable: Error {}

    static func parse(_ data: Data) throws -> RecordTree {
        try data.withUnsafeBytes { raw in
            var parser = Parser(bytes: raw.bindMemory(to: UInt8.self))
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.index == parser.bytes.count else { throw Unreadable() }
            return value
        }
    }

    /// What the top-level object of a JSON record holds at one key (`topLevelValue`).
    enum TopLevelValue: Equatable {
        case absent
        case null
        case string(String)
    }

    /// The value at `key` of the top-level object of `data`, every other value checked as JSON but
    /// not built: what `parse` gives there, for records read for one key (the instant of each
    /// round's merge). Throws whatever `parse` refuses, and a value at `key` that is not a string
    /// or null.
    static func topLevelValue(_ key: String, in data: Data) throws -> TopLevelValue {
        try data.withUnsafeBytes { raw in
            var parser = Parser(bytes: raw.bindMemory(to: UInt8.self))
            let found = try parser.topLevelValue(key)
            parser.skipSpace()
            guard parser.index == parser.bytes.count else { throw Unreadable() }
            return found
        }
    }

    /// The first key no decoder read, as a path such as `comments[2].anchr` (keys in sorted order
    /// at each level, a key whose value is null not counted), as `RecordCoding.unknownKey` finds it.
    func firstUnread(at path: String = "") -> String? {
        // Most records have none: found without sorting any keys.
        guard hasUnread else { return nil }
        switch self {
        case .object(let object):
            for key in object.members.keys.sorted() {
                let here = path.isEmpty ? key : path + "." + key
                let value = object.members[key]!
                guard object.read.contains(key) else {
                    if case .null = value { continue }
                    return here
                }
                if let found = value.firstUnread(at: here) { return found }
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let found = item.firstUnread(at: "\(path)[\(index)]") { return found }
            }
        default:
            break
        }
        return nil
    }

    /// Whether some object in the tree has a key no decoder read whose value is not null.
    private var hasUnread: Bool {
        switch self {
        case .object(let object):
            if object.read.count < object.members.count,
               object.members.contains(where: { !object.read.contains($0.key) && !$0.value.isNull }) { return true }
            return object.members.values.contains { $0.hasUnread }
        case .array(let items):
            return items.contains { $0.hasUnread }
        default:
            return false
        }
    }

    private var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The parser, whose `string()` `RecordArrayReader` uses too.
    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                index += 1
            }
        }

        mutating func value(depth: Int) throws -> RecordTree {
            guard depth < 512 else { throw Unreadable() }
            skipSpace()
            guard index < bytes.count else { throw Unreadable() }
            switch bytes[index] {
            case 0x7B: return try object(depth: depth)
            case 0x5B: return try array(depth: depth)
            case 0x22: return .string(try string())
            case 0x74: try literal("true"); return .bool(true)
            case 0x66: try literal("false"); return .bool(false)
            case 0x6E: try literal("null"); return .null
            default: return .number(try number())
            }
        }

        /// `topLevelValue`: the top-level object's members, the one at `key` read, the others skipped.
        mutating func topLevelValue(_ key: String) throws -> TopLevelValue {
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x7B else { throw Unreadable() }
            index += 1
            var found = TopLevelValue.absent
            var keys = Set<String>()
            skipSpace()
            if index < bytes.count, bytes[index] == 0x7D {
                index += 1
                return found
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x22 else { throw Unreadable() }
                let name = try string()
                guard keys.insert(name).inserted else { throw Unreadable() }
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x3A else { throw Unreadable() }
                index += 1
                if name == key {
                    switch try value(depth: 1) {
                    case .string(let text): found = .string(text)
                    case .null: found = .null
                    default: throw Unreadable()
                    }
                } else {
                    try skip(depth: 1)
                }
                skipSpace()
                guard index < bytes.count else { throw Unreadable() }
                if bytes[index] == 0x2C { index += 1; continue }
                guard bytes[index] == 0x7D else { throw Unreadable() }
                index += 1
                return found
            }
        }

        /// Goes past one value, refusing what `value` refuses, without building it. Keys are not
        /// kept: a duplicate key below the top level is not noticed (`topLevelValue` does not read there).
        private mutating func skip(depth: Int) throws {
            guard depth < 512 else { throw Unreadable() }
            skipSpace()
            guard index < bytes.count else { throw Unreadable() }
            switch bytes[index] {
            case 0x7B, 0x5B:
                let close: UInt8 = bytes[index] == 0x7B ? 0x7D : 0x5D
                let isObject = close == 0x7D
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == close {
                    index += 1
                    return
                }
                while true {
                    if isObject {
                        skipSpace()
                        guard index < bytes.count, bytes[index] == 0x22 else { throw Unreadable() }
                        try skipString()
                        skipSpace()
                        guard index < bytes.count, bytes[index] == 0x3A else { throw Unreadable() }
                        index += 1
                    }
                    try skip(depth: depth + 1)
                    skipSpace()
                    guard index < bytes.count else { throw Unreadable() }
                    if bytes[index] == 0x2C { index += 1; continue }
                    guard bytes[index] == close else { throw Unreadable() }
                    index += 1
                    return
                }
            case 0x22: try skipString()
            case 0x74: try literal("true")
            case 0x66: try literal("false")
            case 0x6E: try literal("null")
            default: _ = try number()
            }
        }

        /// Goes past a string as `string` reads it; a string with an escape or a byte over 0x7F is
        /// read by `string` (its escapes and UTF-8 checked), one of plain ASCII only scanned.
        private mutating func skipString() throws {
            let start = index
            index += 1
            while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C, bytes[index] >= 0x20, bytes[index] < 0x80 { index += 1 }
            guard index < bytes.count else { throw Unreadable() }
            if bytes[index] == 0x22 {
                index += 1
                return
            }
            index = start
            _ = try string()
        }

        private mutating func object(depth: Int) throws -> RecordTree {
            index += 1
            var members: [String: RecordTree] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == 0x7D {
                index += 1
                return .object(Object(members))
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x22 else { throw Unreadable() }
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x3A else { throw Unreadable() }
                index += 1
                guard members.updateValue(try value(depth: depth + 1), forKey: key) == nil else { throw Unreadable() }
                skipSpace()
                guard index < bytes.count else { throw Unreadable() }
                if bytes[index] == 0x2C { index += 1; continue }
                guard bytes[index] == 0x7D else { throw Unreadable() }
                index += 1
                return .object(Object(members))
            }
        }

        private mutating func array(depth: Int) throws -> RecordTree {
            index += 1
            var items: [RecordTree] = []
            skipSpace()
            if index < bytes.count, bytes[index] == 0x5D {
                index += 1
                return .array(items)
            }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw Unreadable() }
                if bytes[index] == 0x2C { index += 1; continue }
                guard bytes[index] == 0x5D else { throw Unreadable() }
                index += 1
                return .array(items)
            }
        }

        private mutating func literal(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw Unreadable() }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw Unreadable() }
            index += count
        }

        /// A number as JSON writes it (`-`, digits without a leading zero, fraction, exponent).
        private mutating func number() throws -> String {
            let start = index
            func digits() -> Int {
                let first = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                return index - first
            }
            if index < bytes.count, bytes[index] == 0x2D { index += 1 }
            let integer = index
            guard digits() > 0, bytes[integer] != 0x30 || index - integer == 1 else { throw Unreadable() }
            if index < bytes.count, bytes[index] == 0x2E {
                index += 1
                guard digits() > 0 else { throw Unreadable() }
            }
            if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
                index += 1
                if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
                guard digits() > 0 else { throw Unreadable() }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        /// A string (`index` at its opening quote): the bytes between the quotes, escapes decoded;
        /// invalid UTF-8, a control character or an unpaired surrogate throws.
        mutating func string() throws -> String {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C, bytes[index] >= 0x20 { index += 1 }
            guard index < bytes.count else { throw Unreadable() }
            if bytes[index] == 0x22 {
                defer { index += 1 }
                return try text(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            }
            var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 {
                    index += 1
                    return try buffer.withUnsafeBufferPointer { try text($0) }
                }
                guard byte >= 0x20 else { throw Unreadable() }
                guard byte == 0x5C else {
                    buffer.append(byte)
                    index += 1
                    continue
                }
                guard index + 1 < bytes.count else { throw Unreadable() }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case 0x22, 0x5C, 0x2F: buffer.append(escaped)
                case 0x62: buffer.append(0x08)
                case 0x66: buffer.append(0x0C)
                case 0x6E: buffer.append(0x0A)
                case 0x72: buffer.append(0x0D)
                case 0x74: buffer.append(0x09)
                case 0x75:
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else { throw Unreadable() }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Unreadable() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Unreadable() }
                    buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw Unreadable()
                }
            }
            throw Unreadable()
        }

        private mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw Unreadable() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: throw Unreadable()
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        private func text(_ bytes: UnsafeBufferPointer<UInt8>) throws -> String {
            // ASCII (ids, codes, keys) is valid UTF-8 as it is.
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw Unreadable() }
            return text
        }
    }
}
