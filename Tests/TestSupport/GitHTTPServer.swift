import Foundation

/// git's smart HTTP on loopback for a test: `scripts/git-http-server.py` (git http-backend as
/// CGI behind HTTP basic authentication, which sets REMOTE_USER for the hooks) serving the bare
/// repositories in `root`, on a free port. Started by `init`, stopped by `stop()` or when it goes.
public final class GitHTTPServer {
    public let root: URL
    public let port: Int
    /// What the server and git http-backend wrote (requests, errors), for a failing test's message.
    public let log: URL
    private let process: Process

    /// The script, found from this file's place in the checkout.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/git-http-server.py")

    /// Whether it serves HTTPS (`https://…`, with `certificate` as its certificate).
    public let tls: Bool
    /// With TLS: the server's self-signed certificate for 127.0.0.1 (PEM), the CA a client trusts.
    public private(set) var certificate: URL?

    /// Starts serving `root` for `users` (user → password); returns once the server listens. With
    /// `tls`, it serves HTTPS with a self-signed certificate for 127.0.0.1 made by `openssl`.
    public init(root: URL, users: [String: String], scratch: ScratchDirectory, tls: Bool = false) throws {
        self.tls = tls
        self.root = root
        let usersFile = try scratch.write("http-users", users.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)\n" }.joined())
        log = scratch.url.appendingPathComponent("http-server.log")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.script.path, "--root", root.path, "--users", usersFile.path, "--port", "0", "--log", log.path]
        if tls {
            let cert = scratch.url.appendingPathComponent("server.pem"), key = scratch.url.appendingPathComponent("server.key")
            let made = try processOutput("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                                                              "-subj", "/CN=127.0.0.1",
                                                              "-keyout", key.path, "-out", cert.path])
            _ = made
            certificate = cert
            process.arguments! += ["--tls-cert", cert.path, "--tls-key", key.path]
        }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line is "listening on PORT"; end of file means the server did not start.
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.count == 3, words[0] == "listening", let port = Int(words[2]) else {
            process.terminate()
            process.waitUntilExit()
            throw ServerFailure(message: "git-http-server.py did not start: '\(String(decoding: line, as: UTF8.self))'")
        }
        self.port = port
    }

    /// The URL of the repository `name` in `root`, with a user and password in it.
    public func url(_ name: String, user: String, password: String) -> String {
        "\(tls ? "https" : "http")://\(user):\(password)@127.0.0.1:\(port)/\(name)"
    }

    /// Stops the server: SIGTERM, then SIGKILL if it is still there after 5 s.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<100 where process.isRunning { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    public struct ServerFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
