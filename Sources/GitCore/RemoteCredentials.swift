import Clibgit2
import Foundation

/// Where the credentials for a git host come from, tried in this order when the host asks:
/// a user name and password (or token) from the environment, then a git credential helper
/// (`credential.helper`, the gitcredentials protocol) for https; the ssh agent for ssh.
///
/// Secrets are never part of a message or a description.
public struct RemoteCredentials: Sendable, CustomStringConvertible {
    public var username: String?
    public var password: String?
    /// The command of `credential.helper` (`store`, `/usr/bin/helper --option`, `!shell text`).
    public var helper: String?
    public var useAgent: Bool

    public init(username: String? = nil, password: String? = nil, helper: String? = nil, useAgent: Bool = true) {
        self.username = username
        self.password = password
        self.helper = helper
        self.useAgent = useAgent
    }

    /// `DRAFTFLOW_GIT_USERNAME` and `DRAFTFLOW_GIT_PASSWORD`, or `DRAFTFLOW_GIT_TOKEN` (sent as the
    /// password, with the user name of the URL or `DRAFTFLOW_GIT_USERNAME`, else `git`), and the
    /// `credential.helper` of the user's git configuration.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> RemoteCredentials {
        let password = environment["DRAFTFLOW_GIT_PASSWORD"] ?? environment["DRAFTFLOW_GIT_TOKEN"]
        return RemoteCredentials(username: environment["DRAFTFLOW_GIT_USERNAME"], password: password.flatMap { $0.isEmpty ? nil : $0 },
                                 helper: defaultHelper())
    }

    /// Says what will be tried, never the secret itself.
    public var description: String {
        var sources: [String] = []
        if password != nil { sources.append("the password of DRAFTFLOW_GIT_PASSWORD or DRAFTFLOW_GIT_TOKEN" + (username.map { " for \($0)" } ?? "")) }
        if let helper { sources.append("the credential helper '\(helper)'") }
        if useAgent { sources.append("the ssh agent") }
        return sources.isEmpty ? "no credentials" : sources.joined(separator: ", ")
    }

    /// `credential.helper` of the global and system git configuration.
    static func defaultHelper() -> String? {
        LibGit2.initialize()
        var config: OpaquePointer?
        guard git_config_open_default(&config) == 0, let config else { return nil }
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_config_get_string_buf(&buffer, config, "credential.helper") == 0, let text = buffer.ptr else { return nil }
        let helper = String(cString: text).trimmingCharacters(in: .whitespaces)
        return helper.isEmpty ? nil : helper
    }

    /// Asks the credential helper for the user name and password of `url` (`get`, gitcredentials(7)).
    func fromHelper(url: String, username: String?) -> (username: String, password: String)? {
        guard let helper, let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return nil }
        let process = Process()
        if helper.hasPrefix("!") {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", String(helper.dropFirst()) + " get"]
        } else {
            var words = helper.split(separator: " ").map(String.init)
            let command = words.removeFirst()
            if command.hasPrefix("/") {
                process.executableURL = URL(fileURLWithPath: command)
            } else {
                // `store` names git-credential-store, found on PATH or in git's own folder.
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                words.insert("git-credential-" + command, at: 0)
                let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/lib/git-core"
                process.environment = ProcessInfo.processInfo.environment.merging(["PATH": path]) { _, new in new }
            }
            process.arguments = words + ["get"]
        }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        var request = "protocol=\(scheme)\nhost=\(host)\(components.port.map { ":\($0)" } ?? "")\n"
        if let username = username ?? self.username { request += "username=\(username)\n" }
        request += "\n"
        do {
            try process.run()
            input.fileHandleForWriting.write(Data(request.utf8))
            try input.fileHandleForWriting.close()
        } catch {
            return nil
        }
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        var fields: [String: String] = [:]
        for line in answer.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let password = fields["password"] else { return nil }
        return (fields["username"] ?? username ?? self.username ?? "git", password)
    }
}

/// What one fetch, push or clone shares with libgit2's callbacks: the credentials, which of them
/// were tried (each at most once, so a wrong password fails instead of looping), and the refusals
/// the server gave for pushed references.
final class RemoteSession {
    let credentials: RemoteCredentials
    var tried: Set<String> = []
    var rejected: [String: String] = [:]
    /// Remote reference → the commit a push expects it at (`push(expecting:)`), and those found elsewhere.
    var expected: [String: ObjectID] = [:]
    var moved: Set<String> = []
    /// Set when every credential was tried and the host still asked.
    var authenticationFailed = false
    /// What the host wrote back on its side band during the call: a hook's refusals, among others.
    var remoteText = ""
    /// The remote's URL, for the ssh host key's port.
    var url: String?
    /// Why the ssh host's key was not trusted, when it was not.
    var hostKeyProblem: String?

    init(credentials: RemoteCredentials) {
        self.credentials = credentials
    }

    /// Runs `body` with callbacks whose payload is this session, retained for the call
    /// (docs/LIBGIT2.md, item 7).
    func withCallbacks<T>(_ body: (git_remote_callbacks) throws -> T) throws -> T {
        try LibGit2.useCertificateAuthorities()
        var callbacks = git_remote_callbacks()
        try check(git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), "git_remote_init_callbacks")
        let payload = Unmanaged.passRetained(self)
        defer { payload.release() }
        callbacks.payload = payload.toOpaque()
        callbacks.credentials = { out, url, usernameFromURL, allowed, payload in
            guard let payload, let out else { return GIT_PASSTHROUGH.rawValue }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            return session.acquire(out, url: url.map { String(cString: $0) } ?? "", username: usernameFromURL.map { String(cString: $0) }, allowed: allowed)
        }
        callbacks.certificate_check = { certificate, _, host, payload in
            // TLS certificates: libgit2's own check against the CA certificates. ssh host keys: known_hosts.
            guard let certificate, let host, let payload, certificate.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else {
                return GIT_PASSTHROUGH.rawValue
            }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            return session.checkHostKey(UnsafeRawPointer(certificate).assumingMemoryBound(to: git_cert_hostkey.self).pointee,
                                        host: String(cString: host))
        }
        callbacks.sideband_progress = { text, length, payload in
            guard let payload, let text, length > 0 else { return 0 }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
            if session.remoteText.utf8.count < 64 * 1024 { session.remoteText += String(decoding: bytes, as: UTF8.self) }
            return 0
        }
        callbacks.push_update_reference = { name, status, payload in
            guard let payload, let name, let status else { return 0 }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            session.rejected[String(cString: name)] = String(cString: status)
            return 0
        }
        if !expected.isEmpty {
            callbacks.push_negotiation = { updates, count, payload in
                guard let payload, let updates else { return 0 }
                let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
                for index in 0..<count {
                    guard let update = updates[index]?.pointee, let name = update.dst_refname.map({ String(cString: $0) }),
                          let expected = session.expected[name] else { continue }
                    if ObjectID(update.src) != expected { session.moved.insert(name) }
                }
                return session.moved.isEmpty ? 0 : GIT_EUSER.rawValue
            }
        }
        return try body(callbacks)
    }

    private func acquire(_ out: UnsafeMutablePointer<OpaquePointer?>, url: String, username: String?, allowed: UInt32) -> Int32 {
        let user = username.flatMap { $0.isEmpty ? nil : $0 } ?? credentials.username
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 {
            if let password = credentials.password, tried.insert("environment").inserted {
                return git_credential_userpass_plaintext_new(out, user ?? "git", password)
            }
            if credentials.helper != nil, tried.insert("helper").inserted, let found = credentials.fromHelper(url: url, username: user) {
                return git_credential_userpass_plaintext_new(out, found.username, found.password)
            }
        }
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0, credentials.useAgent, tried.insert("agent").inserted {
            return git_credential_ssh_key_from_agent(out, user ?? "git")
        }
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0, tried.insert("username").inserted {
            return git_credential_username_new(out, user ?? "git")
        }
        authenticationFailed = true
        return GIT_EAUTH.rawValue
    }

    /// 0 when known_hosts holds the host's key, else GIT_ECERTIFICATE with the reason kept.
    func checkHostKey(_ key: git_cert_hostkey, host: String) -> Int32 {
        let port = url.flatMap { URLComponents(string: $0)?.port }
        let name = KnownHosts.name(host: host, port: port)
        guard key.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = key.hostkey, key.hostkey_len > 0 else {
            hostKeyProblem = "the ssh host \(name) sent no key DraftFlow can check"
            return GIT_ECERTIFICATE.rawValue
        }
        let encoded = Data(bytes: raw, count: key.hostkey_len).base64EncodedString()
        let sha256 = withUnsafeBytes(of: key.hash_sha256) { Array($0) }
        switch KnownHosts.knows(host: host, port: port, key: encoded) {
        case true?:
            return 0
        case false?:
            let file = KnownHosts.file(ProcessInfo.processInfo.environment) ?? "~/.ssh/known_hosts"
            hostKeyProblem = "the ssh host key of \(name) (\(KnownHosts.fingerprint(sha256: sha256))) is not in \(file): "
                + "check the fingerprint with the host's administrator, then add it (ssh-keyscan" + (port.map { " -p \($0)" } ?? "") + " \(host) >> \(file))"
        case nil:
            hostKeyProblem = "ssh-keygen (openssh-client) is needed to check the ssh host key of \(name)"
        }
        return GIT_ECERTIFICATE.rawValue
    }

    /// `check`, naming what was tried when the host refused every credential.
    func check(_ code: Int32, _ operation: String) throws {
        guard code < 0 else { return }
        if let hostKeyProblem {
            throw GitError(code: GIT_ECERTIFICATE.rawValue, errorClass: Int32(GIT_ERROR_SSH.rawValue), message: hostKeyProblem, operation: operation)
        }
        if authenticationFailed {
            throw GitError(code: GIT_EAUTH.rawValue, errorClass: Int32(GIT_ERROR_NET.rawValue),
                           message: "the git host refused the credentials (tried: \(credentials))", operation: operation)
        }
        try GitCore.check(code, operation)
    }
}
