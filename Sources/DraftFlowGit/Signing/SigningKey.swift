import DraftFlow
import Foundation
import GitCore

/// The key that signs versions, found as git finds it: `DRAFTFLOW_SIGNING_KEY` (a path to an SSH
/// key, or `gpg:KEYID`), else `user.signingkey` with `gpg.format` (`ssh`, or `openpgp`, the
/// default) from the repository's, the user's or the system's git configuration.
public enum SigningKey: Equatable, Sendable {
    /// An SSH key file (private, or public with its private key in ssh-agent), as `ssh-keygen -Y sign -f` takes it.
    case ssh(keyFile: String)
    /// A GPG key id (or user id) in the user's keyring.
    case gpg(keyID: String)

    public static let environmentVariable = "DRAFTFLOW_SIGNING_KEY"

    static let fix = "set an SSH key with `git config user.signingkey ~/.ssh/id_ed25519` and `git config gpg.format ssh` "
        + "(or a GPG key: `git config user.signingkey KEYID`), or DRAFTFLOW_SIGNING_KEY=/path/to/ssh-key (gpg:KEYID for GPG)"

    /// The configured key; refuses when none is configured, and an SSH key file that does not exist.
    public static func configured(in repository: Repository, environment: [String: String]) throws -> SigningKey {
        let home = environment["HOME"] ?? NSHomeDirectory()
        func expanded(_ path: String) -> String { path.hasPrefix("~/") ? home + path.dropFirst(1) : path }
        let key: SigningKey
        if let value = environment[environmentVariable], !value.isEmpty {
            key = value.hasPrefix("gpg:") ? .gpg(keyID: String(value.dropFirst(4))) : .ssh(keyFile: expanded(value))
        } else {
            let (value, format): (String?, String?)
            do {
                (value, format) = (try repository.configValue("user.signingkey"), try repository.configValue("gpg.format"))
            } catch let error as any GitLayerError {
                throw StorageFailure.error(error, context: "reading the git configuration")
            }
            guard let value, !value.isEmpty else {
                throw DraftFlowError(.invalidInput, "no signing key is configured, so the version cannot be signed", fix: fix)
            }
            switch format?.lowercased() ?? "openpgp" {
            case "ssh":
                if value.hasPrefix("key::") || value.hasPrefix("ssh-") {
                    throw DraftFlowError(.invalidInput, "user.signingkey holds an SSH key itself; DraftFlow signs with a key file",
                                         fix: "set `git config user.signingkey` to the path of the key file (its .pub with the private key in ssh-agent, or the private key)")
                }
                key = .ssh(keyFile: expanded(value))
            case "openpgp":
                key = .gpg(keyID: value)
            default:
                throw DraftFlowError(.invalidInput, "gpg.format is '\(TerminalText.escaped(format ?? ""))'; DraftFlow signs with ssh or openpgp keys", fix: fix)
            }
        }
        if case .ssh(let file) = key, !FileManager.default.fileExists(atPath: file) {
            throw DraftFlowError(.invalidInput, "the SSH signing key \(TerminalText.escaped(file)) does not exist", fix: fix)
        }
        if case .gpg(let id) = key, id.isEmpty {
            throw DraftFlowError(.invalidInput, "the GPG key id is empty", fix: fix)
        }
        return key
    }

    /// The public key of an SSH key ("ssh-ed25519 AAAA... comment"): its `.pub` file, or what
    /// `ssh-keygen -y` derives from the private key. Nil for a GPG key.
    public func sshPublicKey() throws -> String? {
        guard case .ssh(let file) = self else { return nil }
        for candidate in file.hasSuffix(".pub") ? [file] : [file + ".pub"] {
            if let data = FileManager.default.contents(atPath: candidate) { return String(decoding: data, as: UTF8.self) }
        }
        return try SigningTool.run("ssh-keygen", { _ in ["-y", "-f", file] }) { _, result in
            guard result.status == 0 else {
                throw DraftFlowError(.invalidInput, "could not read the public key of \(TerminalText.escaped(file)): \(SigningTool.lastLine(result.errors))",
                                     fix: "put its public key beside it as \(TerminalText.escaped(file)).pub")
            }
            return result.output
        }
    }

    /// The armoured signature of `payload`, as `git tag -s` appends it to a tag.
    public func sign(_ payload: Data) throws -> Data {
        switch self {
        case .ssh(let file):
            return try SigningTool.run("ssh-keygen", { ["-Y", "sign", "-n", "git", "-f", file, $0.appendingPathComponent("tag").path] },
                                       prepare: { try payload.write(to: $0.appendingPathComponent("tag")) }) { folder, result in
                guard result.status == 0, let signature = FileManager.default.contents(atPath: folder.appendingPathComponent("tag.sig").path) else {
                    throw DraftFlowError(.invalidInput, "ssh-keygen could not sign with \(TerminalText.escaped(file)): \(SigningTool.lastLine(result.errors))",
                                         fix: "check the key (a key with a passphrase must be in ssh-agent: ssh-add \(TerminalText.escaped(file)))")
                }
                return signature
            }
        case .gpg(let id):
            return try SigningTool.run("gpg", { _ in ["--status-fd=2", "-bsau", id] }, input: "tag",
                                       prepare: { try payload.write(to: $0.appendingPathComponent("tag")) }) { _, result in
                guard result.status == 0, result.errors.contains("[GNUPG:] SIG_CREATED "), !result.output.isEmpty else {
                    throw DraftFlowError(.invalidInput, "gpg could not sign with the key \(TerminalText.escaped(id)): \(SigningTool.lastLine(result.errors))",
                                         fix: "check the key with `gpg --list-secret-keys \(TerminalText.escaped(id))`")
                }
                return Data(result.output.utf8)
            }
        }
    }
}
