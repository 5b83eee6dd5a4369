import Foundation

/// Errors about a record DraftFlow did not understand (`Workflow.md`, a JSON record): they name
/// the file and the commit that last changed it, and the fix says how to correct it or go back to
/// before that commit. DraftFlow never writes over such a record: the command stops first.
package enum RecordDamage {
    /// `path` and `problem` ("has a key DraftFlow does not know: Members"), with the commit that
    /// last changed the file, as `snapshot` knows it.
    package static func error(_ path: String, _ problem: String, in snapshot: any WorkspaceSnapshot) -> DraftFlowError {
        guard let change = try? snapshot.lastChange(of: path) else {
            return DraftFlowError(.workspace, "\(path) \(problem)",
                                  fix: "correct \(path) and commit the correction (see `git log -p -- \(path)` for what changed)")
        }
        let summary = change.summary.count > 60 ? String(change.summary.prefix(59)) + "…" : change.summary
        if (try? snapshot.file(path)) == nil {
            return DraftFlowError(.workspace, "\(path) \(problem); commit \(change.shortID) (\(summary)) removed it",
                                  fix: "restore it as it was before that commit: `git checkout \(change.shortID)~1 -- \(path)` and `git commit -m \"Restore \(path)\"`")
        }
        return DraftFlowError(.workspace, "\(path) \(problem); it was last changed by commit \(change.shortID) (\(summary))",
                              fix: "correct \(path) and commit the correction, or take it back to before that commit: "
                                  + "`git checkout \(change.shortID)~1 -- \(path)` and `git commit -m \"Restore \(path)\"`")
    }

    /// A decoding error as one line: what is wrong and where (`comments[2].round`).
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func place(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "at the top level" : "at \(text)"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "lacks the key '\(key.stringValue)' \(place(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "holds a value of the wrong kind \(place(context.codingPath))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "is not valid JSON" : "holds an invalid value \(place(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "cannot be read"
        }
    }
}

extension RecordCoding {
    /// The record at `path` of `snapshot`, decoded strictly; nil when there is no such file.
    package static func record<T: Codable>(_ type: T.Type, at path: String, in snapshot: any WorkspaceSnapshot) throws -> T? {
        guard let data = try snapshot.file(path) else { return nil }
        return try decode(type, from: data, path: path, in: snapshot)
    }

    /// Decodes `data`, the record at `path`, strictly: a key DraftFlow does not know is an error, as
    /// is a missing or malformed value, each naming the file and the commit that last changed it.
    /// (A key it does not know would be dropped the next time the record is written.)
    package static func decode<T: Codable>(_ type: T.Type, from data: Data, path: String, in snapshot: any WorkspaceSnapshot) throws -> T {
        // A merge's edits and changes, as DraftFlow writes them, read straight from their bytes.
        if T.self == [Comment].self, let edits = RecordArrayReader.comments(data) { return edits as! T }
        if T.self == [RecordedChange].self, let changes = RecordArrayReader.changes(data) { return changes as! T }
        // Records whose Codable is synthesized: decoded and checked in one pass; the general way
        // below when that pass cannot read them (it also gives the error a user sees).
        if let synthesized = type as? any SynthesizedRecord.Type, let (value, unknown) = try? checked(synthesized, data) {
            if let unknown { throw RecordDamage.error(path, "has a key DraftFlow does not know: \(unknown)", in: snapshot) }
            return value as! T
        }
        let value: T
        do {
            value = try decoder().decode(T.self, from: data)
        } catch {
            throw RecordDamage.error(path, RecordDamage.describe(error), in: snapshot)
        }
        if let unknown = try unknownKey(in: data, decoded: value) {
            throw RecordDamage.error(path, "has a key DraftFlow does not know: \(unknown)", in: snapshot)
        }
        return value
    }

    private static func checked<R: SynthesizedRecord>(_ type: R.Type, _ data: Data) throws -> (any SynthesizedRecord, String?) {
        let (value, unknown) = try KeyCheckingDecoder.decode(type, from: data)
        return (value, unknown)
    }

    /// The first key of the JSON `data` that is not in `decoded` written again (a key with a null
    /// value may be absent there), as a path such as `comments[2].anchr`; nil when there is none.
    static func unknownKey(in data: Data, decoded: some Encodable) throws -> String? {
        guard let original = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        let again = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(decoded), options: [.fragmentsAllowed])
        return firstUnknown(original, again, at: "")
    }

    private static func firstUnknown(_ original: Any, _ again: Any, at path: String) -> String? {
        if let object = original as? [String: Any] {
            let known = again as? [String: Any] ?? [:]
            for key in object.keys.sorted() {
                let here = path.isEmpty ? key : path + "." + key
                guard let value = known[key] else {
                    if object[key] is NSNull { continue }
                    return here
                }
                if let found = firstUnknown(object[key]!, value, at: here) { return found }
            }
        } else if let array = original as? [Any], let knownArray = again as? [Any] {
            for (index, (item, known)) in zip(array, knownArray).enumerated() {
                if let found = firstUnknown(item, known, at: "\(path)[\(index)]") { return found }
            }
        }
        return nil
    }
}
