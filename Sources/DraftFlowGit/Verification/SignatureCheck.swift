import DraftFlow
import Foundation
import GitCore
import GitPack

/// Check 7 of `verify`: every signed version's tag carries a signature that holds (SSH against
/// the workspace's `Signers/allowed_signers` at the tip of its branch, GPG against the keyring).
/// Unsigned versions are listed, not faulted.
extension VerificationRun {
    mutating func signatures(_ tags: [FoundTag], into check: inout VerificationCheck) {
        var allowedSigners: Data?
        if let branch = try? repository.headBranch(), let tip = try? repository.resolveCommit(branch),
           let tree = try? commit(tip).tree, let entry = try? entry(at: VersionSigning.allowedSignersPath, in: tree), let blob = entry.blobID {
            allowedSigners = try? object(blob.objectID).data
        }
        var unsigned: [String] = []
        for tag in tags {
            guard let id = tag.id, tag.header != nil, let object = try? object(id) else { continue }
            let parts = TagSignatureParts(content: object.data)
            guard parts.signature != nil else {
                unsigned.append(tag.name)
                continue
            }
            let email = Self.taggerEmail(parts.payload) ?? ""
            do {
                switch try TagSignatureVerifier.verify(parts, taggerEmail: email, allowedSigners: allowedSigners) {
                case .good(let said):
                    check.details.append("tag \(tag.name) (\(id.short)): \(parts.kind?.rawValue.uppercased() ?? "") signature holds: \(said)")
                case .bad(let why):
                    check.problems.append("tag \(tag.name) (\(id.short)): \(why)")
                }
            } catch let error as DraftFlowError {
                check.problems.append("tag \(tag.name) (\(id.short)): its signature cannot be checked: \(error.message)")
            } catch {
                check.problems.append("tag \(tag.name) (\(id.short)): its signature cannot be checked: \(error)")
            }
        }
        if !unsigned.isEmpty { check.details.append("unsigned: \(unsigned.joined(separator: ", "))") }
    }

    /// The e-mail of the tagger line of a tag's bytes.
    static func taggerEmail(_ payload: Data) -> String? {
        let text = String(decoding: payload, as: UTF8.self)
        guard let line = text.split(separator: "\n", omittingEmptySubsequences: false).first(where: { $0.hasPrefix("tagger ") }),
              let open = line.lastIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close else { return nil }
        return String(line[line.index(after: open)..<close])
    }
}
