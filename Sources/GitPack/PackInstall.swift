import Foundation
import GitCore
import Glibc

extension Repository {
    /// Puts a pack and its index into `objects/pack`: each written to a temporary file, synced,
    /// then renamed into place (the index last, so the pack is never seen without it), then the
    /// folder is synced.
    package func install(_ files: (pack: Data, index: Data, checksum: [UInt8])) throws {
        let folder = gitDirectory.appendingPathComponent("objects/pack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = "pack-" + files.checksum.map { String(format: "%02x", $0) }.joined()
        for (data, suffix) in [(files.pack, "pack"), (files.index, "idx")] {
            let temporary = folder.appendingPathComponent("tmp_\(name).\(suffix).\(getpid())")
            let final = folder.appendingPathComponent("\(name).\(suffix)")
            try Self.writeSynced(data, to: temporary)
            guard rename(temporary.path, final.path) == 0 else {
                let error = SystemCallError("pack", call: "rename", cannot: "install", path: final.path, errno: errno)
                unlink(temporary.path)
                throw error
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
            throw SystemCallError("pack", call: "open", cannot: "create", path: url.path, errno: errno)
        }
        defer { Glibc.close(descriptor) }
        var failure = FileSystem.writeAll(data, to: descriptor)
        var call = "write"
        if failure == 0 && fsync(descriptor) != 0 {
            failure = errno
            call = "fsync"
        }
        if failure != 0 {
            unlink(url.path)
            throw SystemCallError("pack", call: call, cannot: "write", path: url.path, errno: failure)
        }
    }
}
