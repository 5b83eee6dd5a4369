import DraftFlow
import Foundation
import GitCore
import Glibc

/// What intake found each edited copy changes, kept in the repository's git folder beside the
/// objects (never in a commit, never pushed): `draftflow/copy-changes-<version>/<base blob id>`,
/// one file per draft the copies were made from, entries appended at each intake.
extension GitWorkspaceStore: CopyChangeStore {
    /// Larger than any round's entries: a file over it is not read (the merge reads the copies).
    static let copyChangesLimit = 256 << 20

    func copyChangesFile(against base: String) -> URL? {
        guard base.count == 40, base.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return repository.gitDirectory.appendingPathComponent("draftflow/copy-changes-\(CopyChanges.version)/\(base)")
    }

    public func copyChanges(against base: String) -> [String: CandidateBuilder.Aligned] {
        guard let url = copyChangesFile(against: base), let data = DerivedFile.mapped(url, limit: Self.copyChangesLimit) else { return [:] }
        return CopyChanges.decode(data)
    }

    public func keepCopyChanges(_ entries: [Data], against base: String) {
        guard !entries.isEmpty, let url = copyChangesFile(against: base) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Not through a link, and never waiting on a FIFO (O_NONBLOCK: opening one with no reader fails).
        let descriptor = Glibc.open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else { return }
        defer { Glibc.close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else { return }
        // One entry cut short by a crash ends what is read of the file: the next entries are kept
        // by the next intake, and a copy without an entry is read by the merge.
        for data in entries {
            let complete = data.withUnsafeBytes { raw -> Bool in
                var offset = 0
                while offset < raw.count {
                    let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written <= 0 { return false }
                    offset += written
                }
                return true
            }
            if !complete { return }
        }
    }
}

extension GitSnapshot: SnapshotBlobIDs {
    func blobIDs(_ paths: [String]) throws -> [String?] {
        guard let tree else { return paths.map { _ in nil } }
        return try paths.map { try repository.entry(in: tree, path: $0)?.blobID?.hex }
    }
}
