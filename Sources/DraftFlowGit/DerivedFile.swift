import Foundation
import Glibc
import Parallel

/// The files DraftFlow keeps in the git folder beside the objects, derived from the history and
/// never in a commit (the parsed Workflow.md, the copies' alignments): read only when each is a
/// regular file, never through a link, and never waiting on a FIFO put in its place. A file that
/// cannot be read this way is as if absent, and its contents are derived again.
enum DerivedFile {
    /// The file's bytes, or nil when it is missing, not a regular file, or over `limit` bytes.
    static func read(_ url: URL, limit: Int) -> Data? {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= limit else { return nil }
        return try? Data(contentsOf: url)
    }

    /// `read`, mapped instead of copied (`MappedFiles.map`): for the copies' alignments, 40 MB at
    /// 772 members, which the merge decodes once, in place; copied, they were 6% of its time,
    /// most of it the kernel clearing fresh pages for the copy. The file is only ever appended to
    /// (`keepCopyChanges`), so what was mapped stays there while it is read.
    static func mapped(_ url: URL, limit: Int) -> Data? {
        // Not through a link, and never waiting on a FIFO (O_NONBLOCK: opening one does not block).
        let descriptor = Glibc.open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= limit else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return Data() }
        return MappedFiles.map(descriptor, size: size)
    }
}
