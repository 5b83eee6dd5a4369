import Foundation
import GitCore

/// Git's object formats, serialized by hand: what libgit2 would write for the same tree or commit
/// (GitPackTests compares the ids with libgit2's).
enum ObjectEncoding {
    /// A tree: entries sorted as if folder names ended in "/", each
    /// "<octal mode> <name>\0<20-byte id>".
    static func tree(_ items: [TreeEntry]) -> Data {
        let sorted = items.sorted { left, right in
            let a = Array(left.name.utf8) + (left.mode == 0o40000 ? [0x2f] : [])
            let b = Array(right.name.utf8) + (right.mode == 0o40000 ? [0x2f] : [])
            return a.lexicographicallyPrecedes(b)
        }
        var body = Data()
        for item in sorted {
            body.append(contentsOf: Array(String(item.mode, radix: 8).utf8))
            body.append(0x20)
            body.append(contentsOf: Array(item.name.utf8))
            body.append(0)
            item.id.withUnsafeBytes { body.append(contentsOf: $0) }
        }
        return body
    }

    /// A commit: its tree, its parent, author and committer, a blank line and the message.
    static func commit(tree: TreeID, parent: CommitID?, author: Signature, committer: Signature, message: String) -> Data {
        var text = "tree \(tree.hex)\n"
        if let parent { text += "parent \(parent.hex)\n" }
        text += "author \(signatureLine(author))\ncommitter \(signatureLine(committer))\n\n\(message)"
        return Data(text.utf8)
    }

    /// "Name <email> 1582821720 +0100", as git writes it.
    static func signatureLine(_ signature: Signature) -> String {
        let offset = signature.offsetMinutes
        let sign = offset < 0 ? "-" : "+"
        let zone = String(format: "%02d%02d", abs(offset) / 60, abs(offset) % 60)
        return "\(signature.recordedName) <\(signature.recordedEmail)> \(signature.seconds) \(sign)\(zone)"
    }
}
