import Foundation
import Glibc

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
}
