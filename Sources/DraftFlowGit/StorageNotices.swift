import Foundation

/// What storage has to tell the person running the command without failing it: a commit that
/// landed although the work tree could not be brought up to date, a write of a killed command
/// that was finished. The library never prints: the command line takes these and prints them.
public enum StorageNotices {
    private final class Box: @unchecked Sendable {
        // Guarded by `mutex`: any thread may add a notice.
        let mutex = NSLock()
        var notices: [String] = []
    }

    private static let box = Box()

    static func add(_ notice: String) {
        box.mutex.lock()
        defer { box.mutex.unlock() }
        box.notices.append(notice)
    }

    /// The notices so far, in order; they are handed out once.
    public static func take() -> [String] {
        box.mutex.lock()
        defer { box.mutex.unlock() }
        defer { box.notices = [] }
        return box.notices
    }
}
