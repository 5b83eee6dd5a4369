import Foundation

/// `--only remote`: sharing through a git host. A real `git daemon --enable=receive-pack` on
/// 127.0.0.1 (a free port), a workspace of the scale's members and draft with `draft-1` published
/// and its round open; DraftFlow's `push` and `collect` beside `git push` and `git fetch` doing the
/// same transfers. Each member's submission is one commit on its own
/// `refs/heads/submissions/draft-1/CODE` branch, pushed by plain git in one go before the timing
/// (scripts/bench-remote.sh does the same from the shell).
extension Bench {
    func runRemote() throws -> ExtraResult {
        let fileManager = FileManager.default
        let (draft, opens) = try openFirstRound()

        let base = "\(root)/base"
        try fileManager.createDirectory(atPath: base, withIntermediateDirectories: true)
        try git(["init", "-q", "--bare", "-b", "main", "\(base)/ws.git"], measureOnly: true)
        try git(["init", "-q", "--bare", "-b", "main", "\(base)/plain.git"], measureOnly: true)
        let daemon = try GitDaemon(base: base)
        defer { daemon.stop() }
        let url = "git://127.0.0.1:\(daemon.port)/ws.git", plain = "git://127.0.0.1:\(daemon.port)/plain.git"
        try df(["remote", "add", "--workspace", workspace, "origin", url], at: opens)

        let at = opens.addingTimeInterval(60)
        let firstPush = try df(["push", "--workspace", workspace], at: at, measureOnly: true)
        let gitPush = try git(["-C", workspace, "push", "-q", plain, "main", "--tags"], measureOnly: true)
        let noopPush = try df(["push", "--workspace", workspace], at: at, measureOnly: true)
        let gitNoopPush = try git(["-C", workspace, "push", "-q", plain, "main", "--tags"], measureOnly: true)

        // The members' submissions: one commit each on its own branch (git fast-import, not timed),
        // pushed in one go; the same files in a folder for `intake` in a copy of the workspace.
        let inbox = "\(root)/inputs/inbox", members = "\(root)/members"
        try fileManager.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try fileManager.copyItem(atPath: workspace, toPath: "\(root)/ws-intake")
        try git(["clone", "-q", url, members], measureOnly: true)
        let (head, _) = try runner.output("git", ["-C", members, "rev-parse", "HEAD"])
        let numbers = Workload.parse(draft).compactMap(\.number)
        var stream = ""
        for (m, code) in workload.members.enumerated() {
            let text = "## \(numbers[m % numbers.count])\nComment of \(code).\n"
            try text.write(toFile: "\(inbox)/\(code).md", atomically: true, encoding: .utf8)
            let message = "Submission of \(code)\n"
            stream += "commit refs/heads/submissions/draft-1/\(code)\n"
                + "author Delegation \(code) <\(code.lowercased())@example.org> 1893488400 +0000\n"
                + "committer Delegation \(code) <\(code.lowercased())@example.org> 1893488400 +0000\n"
                + "data \(message.utf8.count)\n\(message)from \(head.trimmingCharacters(in: .whitespacesAndNewlines))\n"
                + "M 100644 inline Comments/draft-1/\(code)/sent/\(code).md\ndata \(text.utf8.count)\n\(text)\n"
        }
        let streamPath = "\(root)/scratch/submissions.fi"
        try stream.write(toFile: streamPath, atomically: true, encoding: .utf8)
        try runner.run("/bin/sh", ["-c", "git -C \"$1\" fast-import --quiet < \"$2\"", "sh", members, streamPath])
        try git(["-C", members, "push", "-q", "origin", "refs/heads/submissions/*:refs/heads/submissions/*"], measureOnly: true)

        let collectAt = opens.addingTimeInterval(7 * 86_400)
        let gitFetch = try git(["-C", members, "fetch", "-q", "origin", "+refs/heads/submissions/*:refs/remotes/origin/submissions/*"], measureOnly: true)
        let collect = try df(["collect", "--workspace", workspace], at: collectAt, measureOnly: true)
        let intake = try df(["intake", "--workspace", "\(root)/ws-intake", inbox, "--round", "draft-1"], at: collectAt, measureOnly: true)
        let noopCollect = try df(["collect", "--workspace", workspace], at: collectAt.addingTimeInterval(600), measureOnly: true)
        let gitNoopFetch = try git(["-C", members, "fetch", "-q", "--prune", "origin", "+refs/heads/submissions/*:refs/remotes/origin/submissions/*"],
                                   measureOnly: true)
        let (log, _) = try runner.output("git", ["-C", workspace, "log", "--format=%an"])
        let recorded = log.split(separator: "\n").filter { $0.hasPrefix("Delegation ") }.count
        note("remote: push \(seconds(firstPush.seconds)), collect \(seconds(collect.seconds)) (\(recorded) recorded), git fetch \(seconds(gitFetch.seconds))")

        let n = workload.members.count
        func row(_ step: String, _ a: RunResult, _ b: RunResult?, _ peer: String) -> String {
            let ratio = b.map { "\(ratioText(a.seconds, $0.seconds)) (CPU \(ratioText(a.cpuSeconds, $0.cpuSeconds)))" } ?? "-"
            return "| \(step) | \(ratio) | \(seconds(a.seconds)) / \(seconds(a.cpuSeconds)) / \(megabytes(a.maxRSSKB)) | "
                + (b.map { "\(seconds($0.seconds)) / \(seconds($0.cpuSeconds)) / \(megabytes($0.maxRSSKB)) (\(peer))" } ?? peer) + " |"
        }
        let text = [
            "## Push and collect against `git daemon` on loopback: \(n) members, \(workload.paragraphs) paragraphs", "",
            "| step | ratio DF/git, wall (CPU) | draftflow wall / CPU / peak | git wall / CPU / peak |",
            "|---|---|---|---|",
            row("first push of main and `draft-1`", firstPush, gitPush, "`git push main --tags`"),
            row("push with nothing new", noopPush, gitNoopPush, "`git push main --tags` again"),
            row("collect \(n) submission branches (fetch, check, record \(recorded), push main, delete the branches)", collect, gitFetch,
                "`git fetch` of the branches alone"),
            row("of which the recording: `draftflow intake` of the same \(n) files from a folder", intake, nil, "no peer"),
            row("collect with nothing waiting (what cron runs)", noopCollect, gitNoopFetch, "`git fetch --prune`"),
            "",
            "git fetch does not check, record, push or delete anything: it is the transfer alone, a lower bound.",
            "",
        ].joined(separator: "\n")
        return ExtraResult(text: text, metrics: [("push (first)", firstPush.seconds), ("git push", gitPush.seconds),
                                                 ("collect", collect.seconds), ("git fetch of the branches", gitFetch.seconds)])
    }
}

/// `git daemon` serving `base` on 127.0.0.1 at a free port, with pushes allowed; stopped by `stop`.
final class GitDaemon {
    let process = Process()
    let port: Int

    init(base: String) throws {
        port = try GitDaemon.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "daemon", "--reuseaddr", "--listen=127.0.0.1", "--port=\(port)", "--base-path=\(base)",
                             "--export-all", "--enable=receive-pack", base]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until it listens (up to 5 s).
        for _ in 0..<100 {
            if GitDaemon.canConnect(port) { return }
            usleep(50_000)
        }
        stop()
        throw BenchError("git daemon did not start on 127.0.0.1:\(port)")
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    static func socketAddress(_ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// A port the kernel hands out for 127.0.0.1 (bound, read, released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("cannot open a socket") }
        defer { close(fd) }
        var address = socketAddress(0)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0 else { throw BenchError("cannot bind a socket on 127.0.0.1") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = socketAddress(port)
        return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } } == 0
    }
}

/// What one of the workloads beside the negotiation printed, and the figures for the growth table.
struct ExtraResult {
    var text: String
    var metrics: [(String, Double)]
}
