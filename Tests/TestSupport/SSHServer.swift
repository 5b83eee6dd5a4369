import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real OpenSSH server on loopback for a test, on a free port, letting in one key, and an ssh
/// agent holding that key: what a member's machine and a git host over ssh are. Each authorized
/// key can carry `environment="REMOTE_USER=…"`, so that the repository's hook knows who pushes, as
/// a git host sets it. Stopped by `stop()` or when it goes.
public final class SSHServer: @unchecked Sendable {
    public let port: Int32
    /// The agent's socket, for `SSH_AUTH_SOCK`.
    public let agentSocket: URL
    /// sshd's log (`-E`), for a failing test's message.
    public let log: URL
    private let hostKeyFile: URL
    private let folder: URL
    private let server: Process
    private let agent: Process

    /// Starts sshd and an agent; `user` is the host's user the key logs in as, with `REMOTE_USER`
    /// set to `remoteUser` in its sessions.
    public init(scratch: ScratchDirectory, remoteUser: String) throws {
        let folder = scratch.url.appendingPathComponent("ssh")
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hostKey = folder.appendingPathComponent("host_ed25519"), userKey = folder.appendingPathComponent("user_ed25519")
        _ = try processOutput("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey.path])
        _ = try processOutput("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "member", "-f", userKey.path])
        let publicKey = try String(contentsOf: userKey.appendingPathExtension("pub"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let authorized = folder.appendingPathComponent("authorized_keys")
        try Data("environment=\"REMOTE_USER=\(remoteUser)\" \(publicKey)\n".utf8).write(to: authorized)
        log = folder.appendingPathComponent("sshd.log")
        hostKeyFile = hostKey.appendingPathExtension("pub")
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        var started: (Process, Int32)?
        for _ in 0..<5 {
            let port = try GitDaemon.freePort()
            let config = folder.appendingPathComponent("sshd_config")
            try Data("""
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(hostKey.path)
                AuthorizedKeysFile \(authorized.path)
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                PermitRootLogin prohibit-password
                PermitUserEnvironment REMOTE_USER
                StrictModes no
                UsePAM no
                PidFile \(folder.appendingPathComponent("sshd.pid").path)

                """.utf8).write(to: config)
            // Through a shell that stays: sshd closes every descriptor it inherits, which Foundation
            // would take for its exit and then wait for it for ever.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "/usr/sbin/sshd -D -f \"$1\" -E \"$2\" & echo $! > \"$3\"; wait", "sh", config.path, log.path,
                                 folder.appendingPathComponent("server.pid").path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<100 where process.isRunning && !GitDaemon.accepts(port) { usleep(50_000) }
            if process.isRunning && GitDaemon.accepts(port) { started = (process, port); break }
            process.terminate()
            process.waitUntilExit()
        }
        guard let started else { throw ToolFailure(command: ["sshd"], status: -1, errors: (try? String(contentsOf: log, encoding: .utf8)) ?? "") }
        (server, port) = started
        agentSocket = folder.appendingPathComponent("agent.sock")
        // In the foreground (-D), under a shell for the same reason as sshd.
        let agent = Process()
        agent.executableURL = URL(fileURLWithPath: "/bin/sh")
        agent.arguments = ["-c", "/usr/bin/ssh-agent -D -a \"$1\" & echo $! > \"$2\"; wait", "sh", agentSocket.path,
                           folder.appendingPathComponent("agent.pid").path]
        agent.standardOutput = FileHandle.nullDevice
        agent.standardError = FileHandle.nullDevice
        try agent.run()
        // The socket appears when the agent binds it, a moment before it listens: under a loaded
        // machine (the whole suite on two cores) ssh-add could find it refusing, and exit 2.
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: agentSocket.path) { usleep(20_000) }
        self.agent = agent
        var status: Int32 = 0
        for attempt in 0..<50 {
            if attempt > 0 { usleep(100_000) }
            // Reaped with waitpid: Foundation's wait for this child did not return once the agent ran.
            let add = Process()
            add.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-add")
            add.arguments = ["-q", userKey.path]
            add.environment = ["SSH_AUTH_SOCK": agentSocket.path, "PATH": "/usr/bin:/bin"]
            add.standardOutput = FileHandle.nullDevice
            add.standardError = FileHandle.nullDevice
            add.standardInput = FileHandle.nullDevice
            try add.run()
            while waitpid(add.processIdentifier, &status, 0) < 0 && errno == EINTR {}
            // Exit status 2: ssh-add could not reach the agent yet.
            if status != 2 << 8 { break }
        }
        guard status == 0 else { throw ToolFailure(command: ["ssh-add", userKey.path], status: status, errors: "") }
    }

    deinit { stop() }

    /// The server's line for a known_hosts file: "[127.0.0.1]:PORT ssh-ed25519 AAAA…".
    public var knownHostsLine: String {
        let key = (try? String(contentsOf: hostKeyFile, encoding: .utf8)) ?? ""
        return "[127.0.0.1]:\(port) " + key.split(separator: " ").prefix(2).joined(separator: " ") + "\n"
    }

    /// The ssh URL of the bare repository at `path` on this host, logging in as root.
    public func url(_ path: URL) -> String { "ssh://root@127.0.0.1:\(port)\(path.path)" }

    /// Ends sshd, the agent and their shells with SIGKILL: a test runner may start its children
    /// with SIGTERM blocked.
    public func stop() {
        for name in ["server.pid", "agent.pid"] {
            if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8),
               let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                Glibc.kill(pid, SIGKILL)
            }
        }
        for process in [server, agent] where process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
