import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 client over a loopback socket: one request per connection, no redirects
/// followed, no cookies kept, so a test sees exactly what the server sent.
struct PlainHTTP {
    let port: Int

    struct Answer: Sendable {
        var status: Int
        /// Header names in lowercase; a repeated header keeps its last value.
        var headers: [String: String]
        var body: String
    }

    func get(_ path: String, cookie: String? = nil, headers: [(String, String)] = []) async throws -> Answer {
        try await send("GET", path, cookie: cookie, contentType: nil, body: Data(), headers: headers)
    }

    func post(_ path: String, cookie: String?, form: [(String, String)]) async throws -> Answer {
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send("POST", path, cookie: cookie, contentType: "application/x-www-form-urlencoded", body: Data(body.utf8))
    }

    func upload(_ path: String, cookie: String?, fields: [(String, String)], fileName: String, file: Data) async throws -> Answer {
        let boundary = "draftflow-test-boundary-7d1f"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += file
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        return try await send("POST", path, cookie: cookie, contentType: "multipart/form-data; boundary=\(boundary)", body: body)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    func send(_ method: String, _ path: String, cookie: String?, contentType: String?, body: Data, headers: [(String, String)] = []) async throws -> Answer {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        if let cookie { head += "Cookie: \(cookie)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        let request = Data((head + "\r\n").utf8) + body
        let port = port
        let raw = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data, any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.exchange(request, port: port) })
            }
        }
        return try Self.parse(raw)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes the request (as much as the server takes) and reads the answer to the end.
    static func exchange(_ request: Data, port: Int) throws -> Data {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect: \(errno)") }
        request.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { break }  // the server stopped reading (a refused upload): read its answer
                offset += sent
            }
        }
        shutdown(socket, Int32(SHUT_WR))
        var answer = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count <= 0 { break }
            answer.append(contentsOf: chunk[0..<count])
        }
        return answer
    }

    static func parse(_ raw: Data) throws -> Answer {
        guard let end = raw.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no HTTP answer: \(raw.count) bytes") }
        let head = String(decoding: raw[raw.startIndex..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(raw[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Answer(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[rest.startIndex..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText, radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
            out += rest[start..<(start + size)]
            rest = rest[(start + size + 2)...]
        }
        return out
    }
}
