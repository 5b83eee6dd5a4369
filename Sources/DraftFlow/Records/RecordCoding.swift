import Foundation

/// JSON as DraftFlow writes it: stable key order, dates as ISO 8601 in the workspace's zone.
public enum RecordCoding {
    public static func encoder(timeZone: TimeZone) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(InstantFormat.iso(date, in: timeZone))
        }
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = instant(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 instant: \(text)")
            }
            return date
        }
        return decoder
    }

    /// An instant as records write it (ISO 8601), or as a person may have corrected it by hand.
    static func instant(_ text: String) -> Date? {
        InstantFormat.parseISO(text) ?? (try? Deadline.parseInstant(text, timeZone: InstantFormat.utc))
    }
}
