import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real `git daemon --enable=receive-pack` on loopback, on a free port, serving the bare
/// repositories under a scratch folder: started by the test, stopped when the test lets go of it.
///
/// `kill()` ends the daemon together with the processes it forked for the connections in progress
/// (upload-pack, receive-pack), each by its pid: a network failure in the middle of a fetch or a
/// push.
public final class GitDaemon: @unchecked Sendable {
    // Only the test that owns the daemon touches it, from one task.
    public let base: ScratchDirectory
    public private(set) var port: Int32 = 0
    private var process: Process?

    public init() throws {
        base = try ScratchDirectory("git-daemon")
        try start()
    }

    deinit {
        kill()
    }

    /// The URL of the bare repository `name` under the base folder.
    public func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

    /// The folder of the bare repository `name`.
    public func path(_ name: String) -> URL { base.url.appendingPathComponent(name) }

    /// Creates an empty bare repository `name` (its first branch main) and returns its URL.
    @discardableResult
    public func createRepository(_ name: String) throws -> String {
        let arguments = ["init", "-q", "--bare", "-b", "main", path(name).path]
        let (status, output) = try git(arguments, in: base.url)
        guard status == 0 else { throw ToolFailure(command: ["git"] + arguments, status: status, errors: output) }
        return url(name)
    }

    /// Starts the daemon (again, after `kill`), on the same port when it had one.
    public func start() throws {
        for _ in 0..<5 {
            if port == 0 { port = try Self.freePort() }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            process.arguments = ["daemon", "--reuseaddr", "--listen=127.0.0.1", "--port=\(port)", "--base-path=\(base.url.path)",
                                 "--export-all", "--enable=receive-pack", "--informative-errors", base.url.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            self.process = process
            if waitUntilListening() { return }
            kill()
            port = 0
        }
        throw ToolFailure(command: ["git", "daemon"], status: -1, errors: "git daemon did not start listening on loopback")
    }

    /// Kills the daemon and every process it forked, at once (SIGKILL to each, by pid).
    public func kill() {
        guard let process else { return }
        if process.isRunning {
            let pids = [process.processIdentifier] + Self.descendants(of: process.processIdentifier)
            for pid in pids { _ = Glibc.kill(pid, SIGKILL) }
            process.waitUntilExit()
        }
        self.process = nil
        // Give the kernel a moment to close the port.
        usleep(50_000)
    }

    /// Whether a process the daemon forked is running `git receive-pack` (a push in progress).
    public var isReceivingPush: Bool {
        guard let daemon = process?.processIdentifier else { return false }
        return Self.descendants(of: daemon).contains { pid in
            let command = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return command.contains("receive-pack")
        }
    }

    /// The processes below `root`, read from /proc (children, their children, ...).
    private static func descendants(of root: Int32) -> [Int32] {
        var parents: [Int32: Int32] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm)": state, ppid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = Int32(fields[1]) { parents[pid] = parent }
        }
        var found: [Int32] = []
        var frontier: Set<Int32> = [root]
        while !frontier.isEmpty {
            let children = parents.filter { frontier.contains($0.value) }.map(\.key)
            found += children
            frontier = Set(children)
        }
        return found
    }

    private func waitUntilListening() -> Bool {
        for _ in 0..<100 {
            if Self.accepts(port) { return true }
            if process?.isRunning != true { return false }
            usleep(50_000)
        }
        return false
    }

    static func accepts(_ port: Int32) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = loopback(port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// A port nothing listens on now: the kernel's pick for port 0.
    static func freePort() throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = loopback(0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw ToolFailure(command: ["bind"], status: errno, errors: "no free port on loopback") }
        return Int32(UInt16(bigEndian: address.sin_port))
    }

    private static func loopback(_ port: Int32) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
