import Foundation

/// The ssh host keys the user trusts: OpenSSH's `known_hosts` (`~/.ssh/known_hosts`, or the file
/// `DRAFTFLOW_SSH_KNOWN_HOSTS` names), looked up with OpenSSH's own `ssh-keygen -F`, which reads
/// hashed entries too. libgit2 1.5 checks no host key itself: it refuses every one unless told.
enum KnownHosts {
    /// The name a host has in known_hosts: `host`, or `[host]:port` for a port other than 22.
    static func name(host: String, port: Int?) -> String {
        guard let port, port != 22 else { return host }
        return "[\(host)]:\(port)"
    }

    static func file(_ environment: [String: String]) -> String? {
        if let file = environment["DRAFTFLOW_SSH_KNOWN_HOSTS"], !file.isEmpty { return file }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.ssh/known_hosts"
    }

    /// Whether `key` (the base64 of the host's raw public key) is a key known_hosts gives for
    /// the host; nil when `ssh-keygen` could not be run.
    static func knows(host: String, port: Int?, key: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool? {
        guard let file = file(environment), FileManager.default.fileExists(atPath: file) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
        process.arguments = ["-F", name(host: host, port: port), "-f", file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // "[127.0.0.1]:2222 ssh-ed25519 AAAA…" (a comment line before each); "@revoked" lines revoke.
        var known = false
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.first == "@revoked", fields.count >= 4, fields[3] == key { return false }
            if fields.first?.hasPrefix("@") == true { continue }
            if fields.count >= 3, fields[2] == key { known = true }
        }
        return known
    }

    /// "SHA256:…" of a raw host key, as ssh prints it.
    static func fingerprint(sha256: [UInt8]) -> String {
        "SHA256:" + Data(sha256).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }
}
