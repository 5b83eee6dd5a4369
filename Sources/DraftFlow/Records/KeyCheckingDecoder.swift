import Foundation

/// Records whose decoding reads exactly the keys their encoding writes: their `Codable` is the
/// one Swift synthesizes, and so is that of every type they hold, except types with their own
/// whose decoding was checked to read every key their encoding writes and whose encoding leaves
/// out only the keys they name (`KeysNotWrittenAgain`). Such a record is decoded and checked for
/// unknown keys in one pass (`KeyCheckingDecoder`) instead of being decoded, encoded again and
/// compared.
///
/// Types with their own `Codable` in these records: `Comment` (names the keys it leaves out),
/// `CommentReference` and `ProposedChangeKind` (read a `kind`, then exactly the keys that kind
/// writes), `Resolution` (`text`, else `take`, as it writes one of them), `Anchor` (one string).
/// `KeyCheckingDecoderTests` compares every one with the general check on generated records.
package protocol SynthesizedRecord: Codable {}

extension RoundIndex: SynthesizedRecord {}
extension MergeSummary: SynthesizedRecord {}
extension Submission: SynthesizedRecord {}
extension MergeRecord: SynthesizedRecord {}
extension RecordedChange: SynthesizedRecord {}
extension Disposition: SynthesizedRecord {}
extension Comment: SynthesizedRecord {}
/// The lists of a merge's changes and edits, and of a round's dispositions.
extension Array: SynthesizedRecord where Element: SynthesizedRecord {}

/// A type with its own `Codable` whose encoding leaves out keys of its JSON object that its
/// decoding read: a value that says no more than its default. The general check finds such a key,
/// when it is there with a value, to be one DraftFlow does not know (it is not in the record
/// encoded again); `KeyCheckingDecoder` counts it as not read, to find the same.
protocol KeysNotWrittenAgain {
    /// The keys that encoding `self` does not write.
    var keysNotWrittenAgain: [String] { get }
}

/// Decodes a `RecordTree` as `RecordCoding.decoder()` decodes the same JSON (dates as ISO 8601
/// instants), marking each key it reads. It refuses whatever it is not sure to decode exactly as
/// `JSONDecoder` does (a number that is not exact for its type, `Data`, a super decoder): the
/// caller then decodes the general way, which also gives the error a user sees.
struct KeyCheckingDecoder: Decoder {
    let tree: RecordTree
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// `T` decoded from `data`, and the first key of `data` that `T` does not know (see
    /// `RecordTree.firstUnread`). Throws when the fast path cannot decode it.
    static func decode<T: SynthesizedRecord>(_ type: T.Type, from data: Data) throws -> (value: T, unknownKey: String?) {
        let tree = try RecordTree.parse(data)
        let value = try KeyCheckingDecoder(tree: tree, codingPath: []).unbox(T.self)
        return (value, tree.firstUnread())
    }

    func unbox<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Date.self {
            guard case .string(let text) = tree, let date = RecordCoding.instant(text) else { throw RecordTree.Unreadable() }
            return date as! T
        }
        // What records hold most of (ids, lists of ids), without a container for each.
        if type == String.self { return try Self.primitive(tree, String.self) as! T }
        if type == [String].self {
            guard case .array(let items) = tree else { throw RecordTree.Unreadable() }
            return try items.map { try Self.primitive($0, String.self) } as! T
        }
        if type == Data.self || type == Decimal.self { throw RecordTree.Unreadable() }
        let value = try T(from: self)
        if let written = value as? any KeysNotWrittenAgain, case .object(let object) = tree {
            for key in written.keysNotWrittenAgain { object.read.remove(key) }
        }
        return value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = tree else { throw RecordTree.Unreadable() }
        return KeyedDecodingContainer(Keyed<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = tree else { throw RecordTree.Unreadable() }
        return Unkeyed(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(tree: tree, codingPath: codingPath)
    }

    /// One value of the tree as a primitive, exactly as JSON has it.
    static func primitive<T>(_ tree: RecordTree, _ type: T.Type) throws -> T {
        switch tree {
        case .bool(let value) where type == Bool.self: return value as! T
        case .string(let value) where type == String.self: return value as! T
        case .number(let text):
            let value: Any?
            switch type {
            case is Int.Type: value = Int(text)
            case is Int8.Type: value = Int8(text)
            case is Int16.Type: value = Int16(text)
            case is Int32.Type: value = Int32(text)
            case is Int64.Type: value = Int64(text)
            case is UInt.Type: value = UInt(text)
            case is UInt8.Type: value = UInt8(text)
            case is UInt16.Type: value = UInt16(text)
            case is UInt32.Type: value = UInt32(text)
            case is UInt64.Type: value = UInt64(text)
            // Only numbers written as plain integers: the rounding of other forms is not checked here.
            case is Double.Type: value = text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) && text.count < 16 ? Double(text) : nil
            default: value = nil
            }
            guard let value = value as? T else { throw RecordTree.Unreadable() }
            return value
        default:
            throw RecordTree.Unreadable()
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: RecordTree.Object
        let codingPath: [any CodingKey]

        var allKeys: [Key] {
            object.members.keys.compactMap { Key(stringValue: $0) }
        }

        func contains(_ key: Key) -> Bool {
            object.members[key.stringValue] != nil
        }

        private func child(_ key: Key) throws -> RecordTree {
            guard let value = object.members[key.stringValue] else { throw RecordTree.Unreadable() }
            object.read.insert(key.stringValue)
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try child(key) { return true }
            return false
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try primitive(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try primitive(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try primitive(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try primitive(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try primitive(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try primitive(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try primitive(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try primitive(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try primitive(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try primitive(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try primitive(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try primitive(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try primitive(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try primitive(type, key) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try KeyCheckingDecoder(tree: try child(key), codingPath: codingPath + [key]).unbox(type)
        }

        private func primitive<T>(_ type: T.Type, _ key: Key) throws -> T {
            try KeyCheckingDecoder.primitive(try child(key), type)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try KeyCheckingDecoder(tree: try child(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try KeyCheckingDecoder(tree: try child(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { throw RecordTree.Unreadable() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw RecordTree.Unreadable() }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let items: [RecordTree]
        let codingPath: [any CodingKey]
        private(set) var currentIndex = 0

        init(items: [RecordTree], codingPath: [any CodingKey]) {
            self.items = items
            self.codingPath = codingPath
        }

        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private mutating func next() throws -> RecordTree {
            guard !isAtEnd else { throw RecordTree.Unreadable() }
            defer { currentIndex += 1 }
            return items[currentIndex]
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw RecordTree.Unreadable() }
            if case .null = items[currentIndex] {
                currentIndex += 1
                return true
            }
            return false
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try primitive(type) }
        mutating func decode(_ type: String.Type) throws -> String { try primitive(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try primitive(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try primitive(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try primitive(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try primitive(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try primitive(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try primitive(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try primitive(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try primitive(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try primitive(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try primitive(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try primitive(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try primitive(type) }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let path = codingPath + [IndexKey(currentIndex)]
            return try KeyCheckingDecoder(tree: try next(), codingPath: path).unbox(type)
        }

        private mutating func primitive<T>(_ type: T.Type) throws -> T {
            try KeyCheckingDecoder.primitive(try next(), type)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let path = codingPath + [IndexKey(currentIndex)]
            return try KeyCheckingDecoder(tree: try next(), codingPath: path).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let path = codingPath + [IndexKey(currentIndex)]
            return try KeyCheckingDecoder(tree: try next(), codingPath: path).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { throw RecordTree.Unreadable() }
    }

    private struct Single: SingleValueDecodingContainer {
        let tree: RecordTree
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool {
            if case .null = tree { return true }
            return false
        }

        func decode(_ type: Bool.Type) throws -> Bool { try primitive(tree, type) }
        func decode(_ type: String.Type) throws -> String { try primitive(tree, type) }
        func decode(_ type: Double.Type) throws -> Double { try primitive(tree, type) }
        func decode(_ type: Float.Type) throws -> Float { try primitive(tree, type) }
        func decode(_ type: Int.Type) throws -> Int { try primitive(tree, type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try primitive(tree, type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try primitive(tree, type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try primitive(tree, type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try primitive(tree, type) }
        func decode(_ type: UInt.Type) throws -> UInt { try primitive(tree, type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try primitive(tree, type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try primitive(tree, type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try primitive(tree, type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try primitive(tree, type) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try KeyCheckingDecoder(tree: tree, codingPath: codingPath).unbox(type)
        }
    }

    private struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }
}
