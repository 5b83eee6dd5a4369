import Clibgit2
import Foundation
import Glibc

/// Puts `LooseObjectReader` in front of libgit2's own loose-object backend, so that no read of a
/// loose object, by DraftFlow or inside libgit2 (a history walk, a path looked up in a tree, a
/// checkout), can reach libgit2 1.5.1's endless loop on a truncated file (docs/LIBGIT2.md,
/// item 10).
///
/// The backend's `read` is replaced by one that inflates the file here, to its end, and hands the
/// content to libgit2 (so a good object is still inflated once); `read_header` and `readstream`
/// check the file the same way before libgit2's own functions run. A damaged file is a libgit2
/// error of class `GIT_ERROR_ODB` whose message names the object and the file
/// (`GitError.damagedObjectFile`). Packed objects are not touched: the pack backend is left as is.
enum LooseObjectGuard {
    /// Installs the guard on `backend`, a loose-object backend of the objects folder `objects`.
    static func install(on backend: UnsafeMutablePointer<git_odb_backend>, objects: String) {
        Registry.shared.add(backend, objects: objects)
        backend.pointee.read = guardedRead
        backend.pointee.read_header = guardedReadHeader
        if backend.pointee.readstream != nil { backend.pointee.readstream = guardedReadStream }
        backend.pointee.free = guardedFree
    }

    /// The prefix of the message of a damaged loose object, then the file, relative to `.git`.
    static let damagePrefix = "damaged object file "

    /// libgit2's own functions for a loose backend, kept to pass on to, and the objects folder of
    /// each guarded backend.
    ///
    /// `@unchecked Sendable`: every field is read and written under `lock`.
    private final class Registry: @unchecked Sendable {
        static let shared = Registry()

        struct Originals {
            var readHeader: (@convention(c) (UnsafeMutablePointer<Int>?, UnsafeMutablePointer<git_object_t>?,
                                             UnsafeMutablePointer<git_odb_backend>?, UnsafePointer<git_oid>?) -> Int32)?
            var read: (@convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?, UnsafeMutablePointer<Int>?,
                                       UnsafeMutablePointer<git_object_t>?, UnsafeMutablePointer<git_odb_backend>?,
                                       UnsafePointer<git_oid>?) -> Int32)?
            var readStream: (@convention(c) (UnsafeMutablePointer<UnsafeMutablePointer<git_odb_stream>?>?, UnsafeMutablePointer<Int>?,
                                             UnsafeMutablePointer<git_object_t>?, UnsafeMutablePointer<git_odb_backend>?,
                                             UnsafePointer<git_oid>?) -> Int32)?
            var free: (@convention(c) (UnsafeMutablePointer<git_odb_backend>?) -> Void)?
        }

        private let lock = NSLock()
        private var folders: [UnsafeMutableRawPointer: (objects: String, originals: Originals)] = [:]

        func add(_ backend: UnsafeMutablePointer<git_odb_backend>, objects: String) {
            let originals = Originals(readHeader: backend.pointee.read_header, read: backend.pointee.read,
                                      readStream: backend.pointee.readstream, free: backend.pointee.free)
            lock.withLock { folders[UnsafeMutableRawPointer(backend)] = (objects, originals) }
        }

        func entry(_ backend: UnsafeMutablePointer<git_odb_backend>) -> (objects: String, originals: Originals)? {
            lock.withLock { folders[UnsafeMutableRawPointer(backend)] }
        }

        func remove(_ backend: UnsafeMutablePointer<git_odb_backend>) -> Originals? {
            lock.withLock { folders.removeValue(forKey: UnsafeMutableRawPointer(backend))?.originals }
        }
    }

    /// The loose file of `oid` in `objects`, and its name relative to `.git` for messages.
    private static func file(_ oid: UnsafePointer<git_oid>, in objects: String) -> (path: String, shown: String) {
        let hex = ObjectID(oid.pointee).hex
        let relative = "objects/" + hex.prefix(2) + "/" + hex.dropFirst(2)
        return ((objects.hasSuffix("/") ? objects : objects + "/") + hex.prefix(2) + "/" + hex.dropFirst(2), relative)
    }

    /// Reports a damaged file to libgit2; returns the error code to hand back.
    private static func damaged(_ shown: String, _ oid: UnsafePointer<git_oid>, _ reason: String) -> Int32 {
        git_error_set_str(Int32(GIT_ERROR_ODB.rawValue), "\(damagePrefix)\(shown): \(reason)")
        return GIT_ERROR.rawValue
    }

    private static func objectType(_ name: String) -> git_object_t {
        switch name {
        case "commit": return GIT_OBJECT_COMMIT
        case "tree": return GIT_OBJECT_TREE
        case "tag": return GIT_OBJECT_TAG
        default: return GIT_OBJECT_BLOB
        }
    }

    /// Checks the loose file of `oid`: nil when it is whole or absent, else libgit2's error code.
    private static func check(_ backend: UnsafeMutablePointer<git_odb_backend>, _ oid: UnsafePointer<git_oid>, objects: String) -> Int32? {
        let (path, shown) = file(oid, in: objects)
        // A file written whole or checked whole already, and unchanged since (`WholeLooseFiles`).
        if WholeLooseFiles.isKnown(path) { return nil }
        switch LooseObjectReader.read(path) {
        case .absent: return nil
        case .object(_, let content, _):
            Glibc.free(content)
            WholeLooseFiles.note(path)
            return nil
        case .damaged(let reason): return damaged(shown, oid, reason)
        }
    }

    private static let guardedRead: @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?, UnsafeMutablePointer<Int>?,
                                                    UnsafeMutablePointer<git_object_t>?, UnsafeMutablePointer<git_odb_backend>?,
                                                    UnsafePointer<git_oid>?) -> Int32 = { buffer, length, type, backend, oid in
        guard let buffer, let length, let type, let backend, let oid, let entry = Registry.shared.entry(backend) else {
            return GIT_ERROR.rawValue
        }
        let (path, shown) = file(oid, in: entry.objects)
        let outcome = LooseObjectReader.read(path, allocate: { git_odb_backend_data_alloc(backend, $0) },
                                             release: { git_odb_backend_data_free(backend, $0) })
        switch outcome {
        case .absent:
            // Not loose: libgit2's own function says so in its own words.
            return entry.originals.read?(buffer, length, type, backend, oid) ?? GIT_ENOTFOUND.rawValue
        case .object(let name, let content, let size):
            // Inflated to its end: libgit2 checking afterwards that it exists (a tree or the index
            // taking a blob this command read and writes again unchanged) need not inflate it again.
            WholeLooseFiles.note(path)
            buffer.pointee = content
            length.pointee = size
            type.pointee = objectType(name)
            return 0
        case .damaged(let reason):
            return damaged(shown, oid, reason)
        }
    }

    private static let guardedReadHeader: @convention(c) (UnsafeMutablePointer<Int>?, UnsafeMutablePointer<git_object_t>?,
                                                          UnsafeMutablePointer<git_odb_backend>?, UnsafePointer<git_oid>?) -> Int32 = { length, type, backend, oid in
        guard let backend, let oid, let entry = Registry.shared.entry(backend) else { return GIT_ERROR.rawValue }
        if let code = check(backend, oid, objects: entry.objects) { return code }
        return entry.originals.readHeader?(length, type, backend, oid) ?? GIT_ENOTFOUND.rawValue
    }

    private static let guardedReadStream: @convention(c) (UnsafeMutablePointer<UnsafeMutablePointer<git_odb_stream>?>?, UnsafeMutablePointer<Int>?,
                                                          UnsafeMutablePointer<git_object_t>?, UnsafeMutablePointer<git_odb_backend>?,
                                                          UnsafePointer<git_oid>?) -> Int32 = { stream, length, type, backend, oid in
        guard let backend, let oid, let entry = Registry.shared.entry(backend) else { return GIT_ERROR.rawValue }
        if let code = check(backend, oid, objects: entry.objects) { return code }
        return entry.originals.readStream?(stream, length, type, backend, oid) ?? GIT_ENOTFOUND.rawValue
    }

    private static let guardedFree: @convention(c) (UnsafeMutablePointer<git_odb_backend>?) -> Void = { backend in
        guard let backend else { return }
        Registry.shared.remove(backend)?.free?(backend)
    }
}

extension GitError {
    /// The loose object file, relative to `.git` (e.g. "objects/2b/6014…"), when this error is the
    /// guard's report of a damaged one.
    public var damagedObjectFile: String? {
        guard message.hasPrefix(LooseObjectGuard.damagePrefix) else { return nil }
        let rest = message.dropFirst(LooseObjectGuard.damagePrefix.count)
        return rest.firstIndex(of: ":").map { String(rest[..<$0]) }
    }
}
