import DraftFlow
import Foundation
import GitCore

/// Checks a signed tag as `git tag -v` does: an SSH signature with `ssh-keygen -Y verify` against
/// the workspace's allowed-signers file, for the tagger's e-mail as principal; a GPG signature
/// with `gpg --verify` against the user's keyring.
enum TagSignatureVerifier {
    /// What checking one signature found: who signed (ssh-keygen's or gpg's words), or why not.
    enum Outcome: Equatable {
        case good(String)
        case bad(String)
    }

    static func verify(_ parts: TagSignatureParts, taggerEmail: String, allowedSigners: Data?) throws -> Outcome {
        guard let signature = parts.signature, let kind = parts.kind else { return .bad("it is not signed") }
        let write: (URL) throws -> Void = { folder in
            try parts.payload.write(to: folder.appendingPathComponent("payload"))
            try signature.write(to: folder.appendingPathComponent("payload.sig"))
            if let allowedSigners { try allowedSigners.write(to: folder.appendingPathComponent("allowed_signers")) }
        }
        switch kind {
        case .ssh:
            guard allowedSigners != nil else {
                return .bad("it has an SSH signature, and the workspace has no \(VersionSigning.allowedSignersPath) to check it against")
            }
            return try SigningTool.run("ssh-keygen", { folder in
                ["-Y", "verify", "-f", folder.appendingPathComponent("allowed_signers").path, "-I", taggerEmail, "-n", "git",
                 "-s", folder.appendingPathComponent("payload.sig").path]
            }, input: "payload", prepare: write) { _, result in
                let said = SigningTool.lastLine(result.output + "\n" + result.errors)
                return result.status == 0 ? .good(said) : .bad("its SSH signature does not verify for \(taggerEmail) against \(VersionSigning.allowedSignersPath): \(said)")
            }
        case .gpg:
            return try SigningTool.run("gpg", { folder in
                ["--status-fd=1", "--verify", folder.appendingPathComponent("payload.sig").path, folder.appendingPathComponent("payload").path]
            }, prepare: write) { _, result in
                let good = result.status == 0 && result.output.contains("[GNUPG:] GOODSIG ")
                let said = SigningTool.lastLine(result.errors)
                return good ? .good(said) : .bad("its GPG signature does not verify: \(said)")
            }
        }
    }
}
