import Foundation
import Glibc

/// What the DraftFlow process holding `.git/draftflow.lock` is doing, written into the lock file
/// itself: its pid, when it started, and the step it is at. A process that dies mid-write leaves
/// it behind, and the next command reads from it what to finish.
public struct WriteJournal: Equatable, Sendable {
    public enum Step: String, Sendable {
        /// Writing objects, then moving the branch by compare-and-swap from `from` to `to`.
        case committing
        /// The branch is at `to`: creating the tag, bringing the index and work tree to it.
        case syncing
        /// Nothing in progress: the work tree and index match the branch.
        case done
    }

    public var pid: Int32
    /// When the write began, in milliseconds since 1970 (the real clock: storage, not the domain).
    public var started: Int64
    public var step: Step
    public var branch: String
    /// The tip the write started from (nil on an unborn branch).
    public var from: String?
    /// The tip it moves the branch to, once its objects are written.
    public var to: String?
    /// A version tag to point at `to`: the tag's name and the id of its tag object, written before
    /// the branch moves.
    public var tag: (name: String, object: String)?

    public init(pid: Int32 = getpid(), started: Int64 = WriteJournal.nowMilliseconds(), step: Step, branch: String,
                from: String? = nil, to: String? = nil, tag: (name: String, object: String)? = nil) {
        self.pid = pid
        self.started = started
        self.step = step
        self.branch = branch
        self.from = from
        self.to = to
        self.tag = tag
    }

    public static func == (lhs: WriteJournal, rhs: WriteJournal) -> Bool {
        lhs.pid == rhs.pid && lhs.started == rhs.started && lhs.step == rhs.step && lhs.branch == rhs.branch
            && lhs.from == rhs.from && lhs.to == rhs.to && lhs.tag?.name == rhs.tag?.name && lhs.tag?.object == rhs.tag?.object
    }

    public static func nowMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec / 1_000_000)
    }

    /// The lock file's text: one `key value` line each.
    public var text: String {
        var lines = ["draftflow-write", "pid \(pid)", "started \(started)", "step \(step.rawValue)", "branch \(branch)"]
        if let from { lines.append("from \(from)") }
        if let to { lines.append("to \(to)") }
        if let tag { lines.append("tag \(tag.object) \(tag.name)") }
        // The last line, so that a text cut short at a line's end is not read as a whole one.
        lines.append("end")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a lock file's text; nil when it is empty, cut short (its last line is `end`) or not
    /// DraftFlow's.
    public init?(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines.first == "draftflow-write", lines[lines.count - 2] == "end", lines.last == "" else { return nil }
        var values: [String: String] = [:]
        for line in lines.dropFirst().dropLast(2) {
            guard let space = line.firstIndex(of: " ") else { return nil }
            values[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        guard let pid = values["pid"].flatMap(Int32.init), let started = values["started"].flatMap(Int64.init),
              let step = values["step"].flatMap(Step.init(rawValue:)), let branch = values["branch"] else { return nil }
        var tag: (String, String)?
        if let value = values["tag"] {
            let parts = value.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            tag = (parts[1], parts[0])
        }
        self.init(pid: pid, started: started, step: step, branch: branch, from: values["from"], to: values["to"], tag: tag)
    }

    /// Whether the process that wrote this is still running (a pid reused since is counted as
    /// running: recovery then waits rather than take over a live write).
    public var ownerIsAlive: Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
