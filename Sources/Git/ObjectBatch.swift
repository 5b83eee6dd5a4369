import Clibgit2
import Foundation

extension Repository {
    /// Runs `body` with a second handle on this repository whose new objects are kept in memory,
    /// then writes them all as one pack (with deltas between similar objects) and syncs it once.
    ///
    /// Writing many similar files (193 edited copies of one draft) as separate loose objects costs
    /// one zlib stream and one fsync each; one pack costs one of each in all.
    public func writingInOnePack<T>(_ body: (Repository) throws -> T) throws -> T {
        let batch = try Repository.open(at: gitDirectory)
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, batch.handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var backend: UnsafeMutablePointer<git_odb_backend>?
        try check(git_mempack_new(&backend), "git_mempack_new")
        // The odb owns the backend from here on and frees it with the odb.
        try check(git_odb_add_backend(odb, backend, 999), "git_odb_add_backend")
        let result = try body(batch)

        var pack = git_buf()
        defer { git_buf_dispose(&pack) }
        try check(git_mempack_dump(&pack, batch.handle, backend), "git_mempack_dump")
        if pack.size > 0 {
            var writer: UnsafeMutablePointer<git_odb_writepack>?
            try check(git_odb_write_pack(&writer, odb, nil, nil), "git_odb_write_pack")
            defer { writer?.pointee.free(writer) }
            var progress = git_indexer_progress()
            guard let append = writer?.pointee.append, let commit = writer?.pointee.commit else {
                throw GitError(code: -1, errorClass: 0, message: "the object database cannot write packs", operation: "git_odb_write_pack")
            }
            try check(append(writer, pack.ptr, pack.size, &progress), "writepack.append")
            try check(commit(writer, &progress), "writepack.commit")
        }
        try check(git_mempack_reset(backend), "git_mempack_reset")
        return result
    }
}
