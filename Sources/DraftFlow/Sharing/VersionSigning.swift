import Foundation

/// Signed versions (`publish --sign`, `finalize --sign`): the version's tag is signed by the
/// secretariat's key, and an SSH key is recorded in the workspace's allowed-signers file, which
/// `verify` and `git tag -v` (with `gpg.ssh.allowedSignersFile`) check tags against.
public struct VersionSigning: Sendable, Equatable {
    /// The allowed-signers file, in ssh-keygen's format (`man ssh-keygen`, ALLOWED SIGNERS).
    public static let allowedSignersPath = "Signers/allowed_signers"

    /// The SSH public key that signs ("ssh-ed25519 AAAA... comment"); nil for a GPG key, which
    /// is checked against the keyring instead.
    public var sshPublicKey: String?

    public init(sshPublicKey: String?) {
        self.sshPublicKey = sshPublicKey
    }

    /// The allowed-signers file `existing` with a line for `email`'s SSH key added, or nil when it
    /// holds one already (or the key is not SSH).
    public func allowedSigners(adding email: String, to existing: Data?) -> Data? {
        guard let key = sshPublicKey.flatMap(Self.keyFields) else { return nil }
        let text = existing.map { String(decoding: $0, as: UTF8.self) } ?? ""
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            let principals = first.split(separator: ",").map(String.init)
            if principals.contains(email), fields.contains(key[1]) { return nil }
        }
        var result = text
        if result.isEmpty {
            result = "# Who signs this workspace's versions (ssh-keygen's allowed-signers format): `draftflow verify` and\n"
                + "# `git -c gpg.ssh.allowedSignersFile=Signers/allowed_signers tag -v LABEL` check tags against it.\n"
        } else if !result.hasSuffix("\n") {
            result += "\n"
        }
        result += "\(email) namespaces=\"git\" \(key[0]) \(key[1])\n"
        return Data(result.utf8)
    }

    /// The key type and its base64 body of a public key line, without its comment; nil when the
    /// line is not one.
    static func keyFields(_ publicKey: String) -> [String]? {
        let fields = publicKey.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).map(String.init)
        guard fields.count >= 2, fields[0].hasPrefix("ssh-") || fields[0].hasPrefix("ecdsa-") || fields[0].hasPrefix("sk-") else { return nil }
        return Array(fields[0...1])
    }
}
