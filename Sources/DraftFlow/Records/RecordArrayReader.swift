import Foundation

/// Reads the two large record arrays of a merge, `merge-edits.json` (`[Comment]`) and
/// `merge-changes.json` (`[RecordedChange]`), straight from their bytes: thousands of objects of
/// string fields. Through `JSONDecoder` and the check for unknown keys, reading them was a fifth
/// of a `dispose --all-undecided` (10.9 MB of edits and 1.5 MB of changes at scale 1).
///
/// Only what this reader is sure of is read here: JSON whose objects have only the keys below, in
/// `RecordJSON`'s (sorted) order, each once, with string values (and arrays of strings for a
/// change's members). Anything else (another key, a key twice or out of order, a null, a number, an
/// object such as a comment's `reference`, an escape JSON does not have, invalid UTF-8, a byte
/// order mark) gives nil: the general decoder reads it, and names what is wrong.
/// `RecordArrayReaderTests` checks that what is read here is what the general decoder reads.
enum RecordArrayReader {
    /// The edits of `data`, or nil to read them the general way.
    static func comments(_ data: Data) -> [Comment]? {
        read(data) { reader -> Comment? in
            var fields = [String?](repeating: nil, count: 6)
            guard reader.object(keys: commentKeys, into: &fields),
                  let anchor = fields[0], let id = fields[1], let member = fields[2], let text = fields[4],
                  let typeName = fields[5], let type = CommentType(rawValue: typeName) else { return nil }
            let parsed = ParsedComment(anchor: anchor == "general" ? .general : .paragraph(anchor), type: type, text: text,
                                       proposedChange: fields[3])
            return Comment(id: id, member: member, parsed: parsed)
        }
    }

    /// The changes of `data`, or nil to read them the general way.
    static func changes(_ data: Data) -> [RecordedChange]? {
        read(data) { reader -> RecordedChange? in
            var fields = [String?](repeating: nil, count: 5)
            var members: [String]?
            guard reader.object(keys: changeKeys, arrayKey: 3, array: &members, into: &fields),
                  let after = fields[0], let before = fields[1], let kindName = fields[2], let kind = ChangeKind(rawValue: kindName),
                  let members, let paragraph = fields[4] else { return nil }
            return RecordedChange(paragraph: paragraph, kind: kind, before: before, after: after, members: members)
        }
    }

    /// The keys a comment may have here, in order: `proposedChange` (3) may be absent.
    private static let commentKeys: [[UInt8]] = ["anchor", "id", "member", "proposedChange", "text", "type"].map { Array($0.utf8) }
    /// The keys of a change, in order; `members` (3) is the array.
    private static let changeKeys: [[UInt8]] = ["after", "before", "kind", "members", "paragraph"].map { Array($0.utf8) }

    private static func read<T>(_ data: Data, element: (inout Reader) -> T?) -> [T]? {
        data.withUnsafeBytes { raw -> [T]? in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            reader.skipSpace()
            guard reader.take(0x5B) else { return nil } // [
            var items: [T] = []
            reader.skipSpace()
            if !reader.take(0x5D) { // ]
                repeat {
                    reader.skipSpace()
                    guard let item = element(&reader) else { return nil }
                    items.append(item)
                    reader.skipSpace()
                } while reader.take(0x2C) // ,
                guard reader.take(0x5D) else { return nil }
            }
            reader.skipSpace()
            return reader.atEnd ? items : nil
        }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// An object whose keys are among `keys`, in that order, each once, with string values
        /// (an array of strings at `arrayKey`): the values go to `fields` (and `array`). False for
        /// anything else, or when a key other than `proposedChange` of a comment is missing
        /// (the caller checks which are required).
        mutating func object(keys: [[UInt8]], arrayKey: Int? = nil, array: inout [String]?, into fields: inout [String?]) -> Bool {
            guard take(0x7B) else { return false } // {
            skipSpace()
            if take(0x7D) { return true } // }
            var next = 0
            repeat {
                skipSpace()
                guard let key = keyIndex(keys, from: next) else { return false }
                next = key + 1
                skipSpace()
                guard take(0x3A) else { return false } // :
                skipSpace()
                if key == arrayKey {
                    guard let values = stringArray() else { return false }
                    array = values
                } else {
                    guard let value = string() else { return false }
                    fields[key] = value
                }
                skipSpace()
            } while take(0x2C)
            return take(0x7D)
        }

        mutating func object(keys: [[UInt8]], into fields: inout [String?]) -> Bool {
            var unused: [String]?
            return object(keys: keys, arrayKey: nil, array: &unused, into: &fields)
        }

        /// The index of the key here, a quoted name among `keys` at `from` or after (keys come in
        /// order, each once); nil for any other.
        private mutating func keyIndex(_ keys: [[UInt8]], from: Int) -> Int? {
            guard take(0x22) else { return nil }
            let start = position
            while position < bytes.count, bytes[position] != 0x22 {
                // An escaped key is read the general way.
                if bytes[position] == 0x5C { return nil }
                position += 1
            }
            guard position < bytes.count else { return nil }
            let name = UnsafeBufferPointer(rebasing: bytes[start..<position])
            position += 1
            for index in from..<keys.count where keys[index].elementsEqual(name) { return index }
            return nil
        }

        private mutating func stringArray() -> [String]? {
            guard take(0x5B) else { return nil }
            var values: [String] = []
            skipSpace()
            if take(0x5D) { return values }
            repeat {
                skipSpace()
                guard let value = string() else { return nil }
                values.append(value)
                skipSpace()
            } while take(0x2C)
            return take(0x5D) ? values : nil
        }

        /// A JSON string, its escapes decoded, as the general record reader decodes it
        /// (`RecordTree`); nil for anything that is not one, or not UTF-8.
        mutating func string() -> String? {
            guard position < bytes.count, bytes[position] == 0x22 else { return nil }
            var parser = RecordTree.Parser(bytes: bytes, index: position)
            guard let text = try? parser.string() else { return nil }
            position = parser.index
            return text
        }
    }
}
