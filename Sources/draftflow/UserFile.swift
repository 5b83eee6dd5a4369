import DraftFlow
import Foundation
import Parallel
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file the user named (a comment file, an edited copy, a document, a member list, a
/// text): only a regular file, never through a symbolic link, never a FIFO, device or socket
/// (which could hang the command or read something else than the user meant), at most 10 MiB.
///
/// The file is opened with `O_NOFOLLOW | O_NONBLOCK` and checked with `fstat` on what was opened,
/// so a FIFO cannot block and a link swapped in after the check is not followed either.
/// `/dev/stdin` and `-` read standard input, which the user piped on purpose.
/// `limit`: the largest size taken (an mbox may hold many messages: `intake --mail` allows more).
func readUserFile(_ path: String, what: String, limit: Int = TextInput.maximumSize) throws -> Data {
    if path == "/dev/stdin" || path == "-" { return try readStandardInput(what: what) }
    var status = stat()
    guard lstat(path, &status) == 0 else {
        let code = errno
        if code == ENOENT || code == ENOTDIR {
            throw DraftFlowError(.invalidInput, "\(what) \(path) does not exist", fix: "check the path")
        }
        throw DraftFlowError(.invalidInput, "\(what) \(path) cannot be read: \(String(cString: strerror(code)))", fix: "check its permissions")
    }
    try UserFileKind(status).refuseUnlessRegular(what: "\(what) \(path)")
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
        let code = errno
        if code == ELOOP { try UserFileKind.symbolicLink.refuseUnlessRegular(what: "\(what) \(path)") }
        throw DraftFlowError(.invalidInput, "\(what) \(path) cannot be read: \(String(cString: strerror(code)))", fix: "check its permissions")
    }
    defer { close(descriptor) }
    guard fstat(descriptor, &status) == 0 else {
        throw DraftFlowError(.invalidInput, "\(what) \(path) cannot be read: \(String(cString: strerror(errno)))", fix: "check its permissions")
    }
    // What was opened, not what the path named a moment before.
    try UserFileKind(status).refuseUnlessRegular(what: "\(what) \(path)")
    let size = Int(status.st_size)
    if size > limit {
        throw DraftFlowError(.invalidInput, "\(what) \(path) is \(size) bytes, over the limit of \(limit) bytes (\(limit / 1_048_576) MiB)",
                             fix: "split it, or remove embedded images")
    }
    guard size > 0 else { return Data() }
    // Mapped, not copied: an intake reads hundreds of megabytes it mostly passes on unchanged.
    // An intake gives each file's pages back once it is done with it (`MappedFiles.release`).
    guard let mapped = MappedFiles.map(descriptor, size: size) else {
        throw DraftFlowError(.invalidInput, "\(what) \(path) cannot be read: \(String(cString: strerror(errno)))", fix: "check its permissions")
    }
    return mapped
}

/// Standard input, read to its end: at most one byte past the limit, which the checks then name.
private func readStandardInput(what: String) throws -> Data {
    do {
        return try FileHandle.standardInput.read(upToCount: TextInput.maximumSize + 1) ?? Data()
    } catch {
        throw DraftFlowError(.invalidInput, "\(what) cannot be read from standard input: \(error.localizedDescription)",
                             fix: "pipe the file into the command, or name the file")
    }
}

/// What a path is, for the refusals: DraftFlow reads regular files only.
enum UserFileKind {
    case regular, folder, symbolicLink, fifo, characterDevice, blockDevice, socket, other

    init(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// The kind of the entry at `path`, not following a link; nil when there is none.
    init?(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// Throws, naming `what` (the file as the user knows it) and what to do, unless a regular file.
    /// `inFolder`: the file is an entry of an intake folder (the fix says to take it out).
    func refuseUnlessRegular(what: String, inFolder: Bool = false) throws {
        switch self {
        case .regular:
            return
        case .folder:
            throw DraftFlowError(.invalidInput, "\(what) is a folder, not a file",
                                 fix: inFolder ? "move it out of the folder: an intake reads only the files directly in it" : "name a file")
        case .symbolicLink where inFolder:
            throw DraftFlowError(.invalidInput, "\(what) is a symbolic link: an intake reads only the files in its folder, never through a link",
                                 fix: "replace the link with a copy of the file it points to (cp --remove-destination \"$(readlink -f LINK)\" LINK), or remove it")
        case .symbolicLink:
            throw DraftFlowError(.invalidInput, "\(what) is a symbolic link: DraftFlow reads only files themselves, never through a link",
                                 fix: "copy the file the link points to in its place (cp --remove-destination \"$(readlink -f LINK)\" LINK), or name that file")
        case .fifo, .characterDevice, .blockDevice, .socket, .other:
            throw DraftFlowError(.invalidInput, "\(what) is \(description), not a regular file: reading it could wait forever or read something else",
                                 fix: inFolder ? "remove it from the folder, and put the submission there as a file"
                                     : "save what it holds to a file and name that file (to read a pipe, use /dev/stdin)")
        }
    }

    var description: String {
        switch self {
        case .regular: return "a file"
        case .folder: return "a folder"
        case .symbolicLink: return "a symbolic link"
        case .fifo: return "a FIFO (named pipe)"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .socket: return "a socket"
        case .other: return "a special file"
        }
    }
}
