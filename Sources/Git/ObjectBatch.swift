import Clibgit2
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a batch wrote that must go into the pack: its commits (everything new is reachable from
/// them), and blobs that are edited copies of a blob the repository already holds.
public struct PackPlan: Sendable {
    public var commits: [ObjectID] = []
    /// New blob → the existing blob it is an edited copy of (stored as a delta against it).
    public var deltaBases: [ObjectID: ObjectID] = [:]
    /// Blobs named in the batch's trees but never handed to libgit2: their content, by id. They
    /// go straight into the pack, which saves holding a second copy of large files in memory.
    public var directBlobs: [ObjectID: Data] = [:]
    public init() {}
}

extension Repository {
    /// Runs `body` with a second handle on this repository whose new objects are kept in memory,
    /// then writes them all as one pack and syncs it once.
    ///
    /// Writing many similar files (193 edited copies of one draft) as separate loose objects costs
    /// one zlib stream and one fsync each; one pack with deltas against the draft costs a few KB
    /// per copy and one sync in all.
    public func writingInOnePack<T>(_ body: (Repository, inout PackPlan) throws -> T) throws -> T {
        let batch = try Repository.open(at: gitDirectory)
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, batch.handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var backend: UnsafeMutablePointer<git_odb_backend>?
        try check(git_mempack_new(&backend), "git_mempack_new")
        // The odb owns the backend from here on and frees it with the odb.
        try check(git_odb_add_backend(odb, backend, 999), "git_odb_add_backend")
        var plan = PackPlan()
        // Trees may name blobs that only the pack will hold (`directBlobs`).
        let result = try LibGit2.withoutStrictObjectCreation { try body(batch, &plan) }

        var writer = PackWriter()
        var seen = Set<ObjectID>()
        var bases: [ObjectID: Delta.Index] = [:]
        func read(_ id: ObjectID) throws -> (type: git_object_t, data: Data) {
            var raw = id.raw
            var object: OpaquePointer?
            try check(git_odb_read(&object, odb, &raw), "git_odb_read(\(id.short))")
            defer { git_odb_object_free(object) }
            let size = git_odb_object_size(object)
            let data = size > 0 ? Data(bytes: git_odb_object_data(object), count: size) : Data()
            return (git_odb_object_type(object), data)
        }
        // Every object reachable from the new commits that the repository does not hold yet.
        func add(_ id: ObjectID) throws {
            guard !seen.contains(id), !contains(id, refresh: false) else { return }
            seen.insert(id)
            let object: (type: git_object_t, data: Data) = try plan.directBlobs[id].map { (GIT_OBJECT_BLOB, $0) } ?? read(id)
            switch object.type {
            case GIT_OBJECT_COMMIT:
                // The commit's tree is the 40 hex digits after "tree ".
                if let line = String(decoding: object.data.prefix(45), as: UTF8.self).split(separator: "\n").first,
                   line.hasPrefix("tree "), let tree = ObjectID(hex: String(line.dropFirst(5))) {
                    try add(tree)
                }
            case GIT_OBJECT_TREE:
                for entry in Self.treeEntryIDs(object.data) { try add(entry) }
            default:
                break
            }
            if object.type == GIT_OBJECT_BLOB, let base = plan.deltaBases[id], base != id, object.data.count > 4096,
               contains(base, refresh: false) {
                // The base goes into the pack too: a pack on disk must hold its deltas' bases.
                if bases[base] == nil {
                    let baseData = try blobData(base)
                    bases[base] = Delta.Index(baseData)
                    try writer.add(id: base, type: GIT_OBJECT_BLOB, data: baseData)
                }
                try writer.addDelta(id: id, data: object.data, base: base, index: bases[base]!)
            } else {
                try writer.add(id: id, type: object.type, data: object.data)
            }
        }
        for commit in plan.commits { try add(commit) }
        if !writer.isEmpty {
            try install(try writer.packAndIndex())
        }
        try check(git_mempack_reset(backend), "git_mempack_reset")
        return result
    }

    /// Puts a pack and its index into `objects/pack`: each written to a temporary file, synced,
    /// then renamed into place (the index last, so the pack is never seen without it), then the
    /// folder is synced.
    func install(_ files: (pack: Data, index: Data, checksum: [UInt8])) throws {
        let folder = gitDirectory.appendingPathComponent("objects/pack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = "pack-" + files.checksum.map { String(format: "%02x", $0) }.joined()
        for (data, suffix) in [(files.pack, "pack"), (files.index, "idx")] {
            let temporary = folder.appendingPathComponent("tmp_\(name).\(suffix).\(getpid())")
            let final = folder.appendingPathComponent("\(name).\(suffix)")
            try Self.writeSynced(data, to: temporary)
            guard rename(temporary.path, final.path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary.path)
                throw GitError(code: -1, errorClass: 0, message: "cannot install \(final.path): \(reason)", operation: "pack")
            }
        }
        let descriptor = Glibc.open(folder.path, O_RDONLY | O_DIRECTORY)
        if descriptor >= 0 {
            fsync(descriptor)
            Glibc.close(descriptor)
        }
    }

    private static func writeSynced(_ data: Data, to url: URL) throws {
        let descriptor = Glibc.open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o444)
        guard descriptor >= 0 else {
            throw GitError(code: -1, errorClass: 0, message: "cannot create \(url.path): \(String(cString: strerror(errno)))", operation: "pack")
        }
        defer { Glibc.close(descriptor) }
        var failure = writeAll(data, to: descriptor)
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if failure != 0 {
            unlink(url.path)
            throw GitError(code: -1, errorClass: 0, message: "cannot write \(url.path): \(String(cString: strerror(failure)))", operation: "pack")
        }
    }

    /// The ids in a raw tree object: entries are "<mode> <name>\0<20-byte id>".
    static func treeEntryIDs(_ data: Data) -> [ObjectID] {
        var ids: [ObjectID] = []
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index < bytes.count {
                while index < bytes.count, bytes[index] != 0 { index += 1 }
                index += 1
                guard index + 20 <= bytes.count else { break }
                var oid = git_oid()
                withUnsafeMutableBytes(of: &oid.id) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[index..<index + 20]))
                }
                ids.append(ObjectID(oid))
                index += 20
            }
        }
        return ids
    }
}
