import Foundation

// `merge.json` and `merge-summary.json` written straight to bytes, as `RecordCoding.encoder`
// writes them. Every `resolve`, `dispose` and `merge` writes both: through `JSONEncoder` they
// were a sixth of a `resolve` (a thousand `paragraphsNow` entries, the collisions' alternatives).
// `MergeRecordJSONTests` checks them byte for byte against `JSONEncoder` on generated records.

/// A record's instants are written in the workspace's zone: a writable value with its zone.
struct Zoned<Value>: RecordJSONWritable where Value: ZonedRecordJSONWritable {
    let value: Value
    let zone: TimeZone

    func writeJSON(to out: inout RecordJSON, indent: Int) {
        value.writeJSON(to: &out, indent: indent, zone: zone)
    }
}

/// A record that holds instants, written in `zone` as `RecordCoding.encoder(timeZone:)` writes them.
protocol ZonedRecordJSONWritable {
    func writeJSON(to out: inout RecordJSON, indent: Int, zone: TimeZone)
}

extension RecordJSON {
    /// `merge.json`: what `RecordCoding.encoder(timeZone: zone).encode(record)` gives.
    public static func mergeRecord(_ record: MergeRecord, zone: TimeZone) -> Data {
        var out = RecordJSON()
        record.writeJSON(to: &out, indent: 0, zone: zone)
        return out.take()
    }

    /// `merge-summary.json`: what `RecordCoding.encoder(timeZone: zone).encode(summary)` gives.
    public static func mergeSummary(_ summary: MergeSummary, zone: TimeZone) -> Data {
        var out = RecordJSON()
        summary.writeJSON(to: &out, indent: 0, zone: zone)
        return out.take()
    }
}

extension MergeRecord: ZonedRecordJSONWritable {
    func writeJSON(to out: inout RecordJSON, indent: Int, zone: TimeZone) {
        writeJSON(to: &out, indent: indent, zone: zone, marking: false)
    }

    /// The record, its changes and edits written from the record, or (`marking`) only marked,
    /// to be put in from their files' bytes (`MergeRecord.jsonPieces`).
    func writeJSON(to out: inout RecordJSON, indent: Int, zone: TimeZone, marking: Bool) {
        out.beginObject()
        out.field("base", base, indent: indent)
        if marking { out.markedField("changes", indent: indent) } else { out.field("changes", changes, indent: indent) }
        out.field("collisions", collisions.map { Zoned(value: $0, zone: zone) }, indent: indent)
        out.field("copyTexts", copyTexts, indent: indent)
        if marking { out.markedField("edits", indent: indent) } else { out.field("edits", edits, indent: indent) }
        out.field("flagged", flagged, indent: indent) { out, flag, _ in out.string(flag.rawValue) }
        out.field("merged", InstantFormat.iso(merged, in: zone), indent: indent)
        out.field("orphaned", orphaned, indent: indent)
        out.field("paragraphsNow", paragraphsNow, indent: indent)
        out.field("resolutions", resolutions.map { Zoned(value: $0, zone: zone) }, indent: indent)
        out.field("round", round, indent: indent)
        out.field("rounds", rounds, indent: indent)
        out.field("superseded", superseded, indent: indent)
        out.endObject(indent: indent)
    }
}

extension RecordedCollision: ZonedRecordJSONWritable {
    func writeJSON(to out: inout RecordJSON, indent: Int, zone: TimeZone) {
        out.beginObject()
        out.field("alternatives", alternatives, indent: indent)
        out.field("baseText", baseText, indent: indent)
        out.field("id", id, indent: indent)
        out.field("paragraph", paragraph, indent: indent)
        out.field("points", points, indent: indent)
        out.field("resolution", resolution.map { Zoned(value: $0, zone: zone) }, indent: indent)
        out.endObject(indent: indent)
    }
}

extension RecordedCollision.Alternative: RecordJSONWritable {
    public func writeJSON(to out: inout RecordJSON, indent: Int) {
        out.beginObject()
        out.field("members", members, indent: indent)
        out.field("text", text, indent: indent)
        out.endObject(indent: indent)
    }
}

extension Resolution: ZonedRecordJSONWritable {
    func writeJSON(to out: inout RecordJSON, indent: Int, zone: TimeZone) {
        out.beginObject()
        out.field("anchor", anchor, indent: indent)
        out.field("collision", collision, indent: indent)
        out.field("decided", InstantFormat.iso(decided, in: zone), indent: indent)
        out.field("note", note, indent: indent)
        switch choice {
        case .member(let code): out.field("take", code, indent: indent)
        case .base: out.field("take", ResolutionChoice.baseWord, indent: indent)
        case .text(let text): out.field("text", text, indent: indent)
        }
        out.endObject(indent: indent)
    }
}

extension MergeSummary: ZonedRecordJSONWritable {
    func writeJSON(to out: inout RecordJSON, indent: Int, zone: TimeZone) {
        out.beginObject()
        out.field("decided", decided, indent: indent)
        out.field("edits", edits, indent: indent)
        out.field("flagged", flagged, indent: indent) { out, flag, _ in out.string(flag.rawValue) }
        out.field("merged", merged.map { InstantFormat.iso($0, in: zone) }, indent: indent)
        out.field("openCollisions", openCollisions, indent: indent)
        out.field("rounds", rounds, indent: indent)
        out.field("superseded", superseded, indent: indent)
        out.endObject(indent: indent)
    }
}

extension MergeSummary.PendingCollision: RecordJSONWritable {
    public func writeJSON(to out: inout RecordJSON, indent: Int) {
        out.beginObject()
        out.field("id", id, indent: indent)
        out.field("paragraph", paragraph, indent: indent)
        out.endObject(indent: indent)
    }
}
