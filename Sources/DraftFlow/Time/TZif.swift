import Foundation

/// Minimal reader of TZif files (RFC 8536), the system's tz database, for zone abbreviations only:
/// Foundation on Linux names Europe/Zurich's winter time `GMT+1`, the database names it `CET`.
/// `InstantFormat.abbreviation(_:at:)` asks here first.
enum TZif {
    static let directories = ["/usr/share/zoneinfo", "/var/db/timezone/zoneinfo", "/usr/lib/zoneinfo"]

    static func abbreviation(identifier: String, at date: Date, isDaylightSaving: Bool) -> String? {
        guard !identifier.isEmpty, !identifier.contains(".."), !identifier.hasPrefix("/"),
              identifier.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0 != "\\" }) else { return nil }
        guard let bytes = Files.shared.bytes(identifier) else { return nil }
        return abbreviation(in: bytes, at: Int64(date.timeIntervalSince1970.rounded(.down)), isDaylightSaving: isDaylightSaving)
    }

    /// Zone files read once per process: a batch names the same zone hundreds of times.
    final class Files: @unchecked Sendable {
        static let shared = Files()
        // Guarded by `lock`.
        private let lock = NSLock()
        private var cache: [String: [UInt8]?] = [:]

        func bytes(_ identifier: String) -> [UInt8]? {
            lock.lock()
            defer { lock.unlock() }
            if let cached = cache[identifier] { return cached }
            var found: [UInt8]?
            for directory in TZif.directories {
                let url = URL(fileURLWithPath: directory).appendingPathComponent(identifier)
                if let data = try? Data(contentsOf: url), data.count < 1_000_000, data.starts(with: [0x54, 0x5A, 0x69, 0x66]) {
                    found = [UInt8](data)
                    break
                }
            }
            cache[identifier] = .some(found)
            return found
        }
    }

    private struct Header {
        var isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0
    }

    private static func u32(_ b: [UInt8], _ at: Int) -> UInt32? {
        guard at >= 0, at + 4 <= b.count else { return nil }
        return UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }

    private static func i64(_ b: [UInt8], _ at: Int) -> Int64? {
        guard let hi = u32(b, at), let lo = u32(b, at + 4) else { return nil }
        return Int64(bitPattern: UInt64(hi) << 32 | UInt64(lo))
    }

    private static func header(_ b: [UInt8], _ at: Int) -> Header? {
        guard at + 44 <= b.count, b[at] == 0x54, b[at + 1] == 0x5A, b[at + 2] == 0x69, b[at + 3] == 0x66 else { return nil }
        var h = Header()
        guard let a = u32(b, at + 20), let s = u32(b, at + 24), let l = u32(b, at + 28),
              let t = u32(b, at + 32), let ty = u32(b, at + 36), let c = u32(b, at + 40),
              a < 100_000, s < 100_000, l < 100_000, t < 100_000, ty < 256, c < 100_000 else { return nil }
        h.isutcnt = Int(a); h.isstdcnt = Int(s); h.leapcnt = Int(l)
        h.timecnt = Int(t); h.typecnt = Int(ty); h.charcnt = Int(c)
        return h
    }

    static func abbreviation(in b: [UInt8], at time: Int64, isDaylightSaving: Bool) -> String? {
        guard let v1 = header(b, 0) else { return nil }
        let version = b[4]
        var timeSize = 4
        var start = 44
        var h = v1
        if version >= 0x32 {
            // Skip the 32-bit block; use the 64-bit one that follows.
            let v1Length = v1.timecnt * 5 + v1.typecnt * 6 + v1.charcnt + v1.leapcnt * 8 + v1.isstdcnt + v1.isutcnt
            guard let v2 = header(b, 44 + v1Length) else { return nil }
            h = v2
            start = 44 + v1Length + 44
            timeSize = 8
        }
        let timesAt = start
        let indicesAt = timesAt + h.timecnt * timeSize
        let typesAt = indicesAt + h.timecnt
        let charsAt = typesAt + h.typecnt * 6
        let end = charsAt + h.charcnt + h.leapcnt * (timeSize + 4) + h.isstdcnt + h.isutcnt
        guard h.typecnt > 0, end <= b.count else { return nil }

        func name(ofType type: Int) -> String? {
            guard type >= 0, type < h.typecnt else { return nil }
            let index = Int(b[typesAt + type * 6 + 5])
            guard index < h.charcnt else { return nil }
            var bytes: [UInt8] = []
            var i = charsAt + index
            while i < charsAt + h.charcnt, b[i] != 0 { bytes.append(b[i]); i += 1 }
            return String(decoding: bytes, as: UTF8.self)
        }

        var lastTransition: Int64?
        var type: Int?
        for i in 0..<h.timecnt {
            let t: Int64
            if timeSize == 8 {
                guard let value = i64(b, timesAt + i * 8) else { return nil }
                t = value
            } else {
                guard let value = u32(b, timesAt + i * 4) else { return nil }
                t = Int64(Int32(bitPattern: value))
            }
            if t <= time { type = Int(b[indicesAt + i]); lastTransition = t } else { break }
        }
        let afterLast: Bool
        if let last = lastTransitionTime(b, timesAt, h.timecnt, timeSize) {
            afterLast = lastTransition == last
        } else {
            afterLast = true
        }
        if afterLast, timeSize == 8, let footer = footerNames(b, from: end) {
            return isDaylightSaving ? (footer.dst ?? footer.std) : footer.std
        }
        if let type { return name(ofType: type) }
        return name(ofType: 0)
    }

    private static func lastTransitionTime(_ b: [UInt8], _ at: Int, _ count: Int, _ size: Int) -> Int64? {
        guard count > 0 else { return nil }
        if size == 8 { return i64(b, at + (count - 1) * 8) }
        return u32(b, at + (count - 1) * 4).map { Int64(Int32(bitPattern: $0)) }
    }

    /// The standard and daylight abbreviations of the POSIX TZ string in the footer
    /// (`\nCET-1CEST,M3.5.0,M10.5.0/3\n`).
    private static func footerNames(_ b: [UInt8], from: Int) -> (std: String, dst: String?)? {
        guard from < b.count, b[from] == 0x0A else { return nil }
        var i = from + 1
        func readName() -> String? {
            var bytes: [UInt8] = []
            if i < b.count, b[i] == UInt8(ascii: "<") {
                i += 1
                while i < b.count, b[i] != UInt8(ascii: ">") { bytes.append(b[i]); i += 1 }
                guard i < b.count else { return nil }
                i += 1
            } else {
                while i < b.count, (b[i] >= 0x41 && b[i] <= 0x5A) || (b[i] >= 0x61 && b[i] <= 0x7A) {
                    bytes.append(b[i]); i += 1
                }
            }
            return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }
        guard let std = readName() else { return nil }
        // Skip the standard offset: [+-]hh[:mm[:ss]]
        while i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: ":")
                || (b[i] >= 0x30 && b[i] <= 0x39) { i += 1 }
        guard i < b.count, b[i] != 0x0A, b[i] != UInt8(ascii: ",") else { return (std, nil) }
        return (std, readName())
    }
}
