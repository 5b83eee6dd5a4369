import Foundation

/// The fields of a submitted form: `application/x-www-form-urlencoded`, or
/// `multipart/form-data` with at most one file.
struct FormData: Sendable {
    var fields: [String: String] = [:]
    var file: UploadedFile?

    struct UploadedFile: Sendable {
        var field: String
        /// The file name the browser sent, reduced to its last path component.
        var name: String
        var data: Data
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// Parses a URL-encoded body: `a=1&b=two+words`, `%XX` escapes in UTF-8.
    static func urlEncoded(_ body: Data) -> FormData {
        var form = FormData()
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(parts[0]) else { continue }
            let value = parts.count > 1 ? decode(parts[1]) ?? "" : ""
            if form.fields[key] == nil { form.fields[key] = value }
        }
        return form
    }

    private static func decode(_ bytes: Data.SubSequence) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%"), bytes.distance(from: index, to: bytes.endIndex) >= 3,
                      let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(bytes: out, encoding: .utf8)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The boundary of a `multipart/form-data` content type, when it is one.
    static func boundary(ofContentType contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = String(part.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Parses a `multipart/form-data` body; nil when it is malformed.
    static func multipart(_ body: Data, boundary: String) -> FormData? {
        let delimiter = Data(("--" + boundary).utf8)
        var form = FormData()
        guard var start = body.range(of: delimiter)?.upperBound else { return nil }
        while true {
            // After a delimiter: "--" ends the body, else CRLF and a part.
            if body[start...].starts(with: Data("--".utf8)) { return form }
            guard body[start...].starts(with: Data("\r\n".utf8)) else { return nil }
            let partStart = start + 2
            guard let next = body.range(of: Data("\r\n".utf8) + delimiter, in: partStart..<body.endIndex) else { return nil }
            let part = body[partStart..<next.lowerBound]
            guard let headerEnd = part.range(of: Data("\r\n\r\n".utf8)) else { return nil }
            let headers = String(decoding: part[part.startIndex..<headerEnd.lowerBound], as: UTF8.self)
            let content = Data(part[headerEnd.upperBound...])
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = parameter("name", in: String(disposition)) else { return nil }
            if let fileName = parameter("filename", in: String(disposition)) {
                let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                if form.file == nil, !last.isEmpty { form.file = UploadedFile(field: name, name: last, data: content) }
            } else if form.fields[name] == nil {
                form.fields[name] = String(decoding: content, as: UTF8.self)
            }
            start = next.upperBound
        }
    }

    /// `name="value"` in a Content-Disposition header.
    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(name + "=") else { continue }
            var value = String(trimmed.dropFirst(name.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
