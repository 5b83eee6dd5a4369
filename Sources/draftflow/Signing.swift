import DraftFlow
import DraftFlowGit
import Foundation

extension WorkspaceOptions {
    /// The workspace as of now, its versions signed when `sign` is set (`publish --sign`,
    /// `finalize --sign`): the configured key is found and tried on a probe first, so a missing
    /// or unusable key stops the command before it writes anything.
    func context(signing sign: Bool) throws -> DraftingContext {
        let store = try open()
        var context = DraftingContext(store: try scoped(store), now: try Clock.now())
        guard sign else { return context }
        let key = try SigningKey.configured(in: store.repository, environment: ProcessInfo.processInfo.environment)
        _ = try key.sign(Data("DraftFlow checks that this key signs\n".utf8))
        store.tagSigner = { try key.sign($0) }
        context.signing = VersionSigning(sshPublicKey: try key.sshPublicKey())
        return context
    }
}

/// The help of `--sign`, shared by `publish` and `finalize`.
let signHelp = """
    Sign the version's tag: with an SSH key (DRAFTFLOW_SIGNING_KEY=/path/to/key, or git config user.signingkey \
    with gpg.format ssh; its public key is added to Signers/allowed_signers) or a GPG key (user.signingkey).
    """
