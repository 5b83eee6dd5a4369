import Clibgit2
import Foundation

/// What a batch wrote that must go into the pack: its commits (everything new is reachable from
/// them), and blobs that are edited copies of a blob the repository already holds.
public struct PackPlan: Sendable {
    public var commits: [ObjectID] = []
    /// New blob → the existing blob it is an edited copy of (stored as a delta against it).
    public var deltaBases: [ObjectID: ObjectID] = [:]
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
        let result = try body(batch, &plan)

        var writer = PackWriter()
        var seen = Set<ObjectID>()
        var bases: [ObjectID: Data] = [:]
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
            guard !seen.contains(id), !contains(id) else { return }
            seen.insert(id)
            let object = try read(id)
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
            if object.type == GIT_OBJECT_BLOB, let base = plan.deltaBases[id], contains(base), object.data.count > 4096 {
                let baseData = try bases[base] ?? blobData(base)
                bases[base] = baseData
                try writer.addDelta(data: object.data, base: base, baseData: baseData)
            } else {
                try writer.add(type: object.type, data: object.data)
            }
        }
        for commit in plan.commits { try add(commit) }
        if !writer.isEmpty {
            let pack = writer.pack()
            var writepack: UnsafeMutablePointer<git_odb_writepack>?
            try check(git_odb_write_pack(&writepack, odb, nil, nil), "git_odb_write_pack")
            defer { writepack?.pointee.free(writepack) }
            var progress = git_indexer_progress()
            guard let append = writepack?.pointee.append, let commit = writepack?.pointee.commit else {
                throw GitError(code: -1, errorClass: 0, message: "the object database cannot write packs", operation: "git_odb_write_pack")
            }
            _ = try pack.withUnsafeBytes { bytes in
                try check(append(writepack, bytes.baseAddress, bytes.count, &progress), "writepack.append")
            }
            try check(commit(writepack, &progress), "writepack.commit")
        }
        try check(git_mempack_reset(backend), "git_mempack_reset")
        return result
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
