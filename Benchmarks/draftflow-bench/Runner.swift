import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one child process cost: wall time and its own peak resident memory.
struct RunResult {
    var status: Int32
    var seconds: Double
    /// Peak resident set size of the command, in KiB (GNU time's %M, else `ru_maxrss` from wait4).
    var maxRSSKB: Int
    /// CPU time (user + system) of the command and the children it waited for, from wait4.
    var cpuSeconds: Double = 0
    var megabytes: Double { Double(maxRSSKB) / 1024 }
}

/// A failed step of the benchmark, with what the child printed.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The monotonic clock, in seconds.
func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}

/// Times a piece of in-process work (the peer's file writes).
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = monotonicSeconds()
    let value = try body()
    return (value, monotonicSeconds() - start)
}

/// Runs programs the way a user's shell does (fork/exec through posix_spawn), and reads each
/// child's own peak memory from wait4, so every measured command gets its own figure.
final class Runner {
    let scratch: String
    private var counter = 0

    init(scratch: String) {
        self.scratch = scratch
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments`.
    /// Standard output goes to `stdout` (a file path; /dev/null by default), standard error to a
    /// scratch file that is shown when the command fails and `check` is set.
    @discardableResult
    func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
             stdout: String = "/dev/null", check: Bool = true, allowed: Set<Int32> = [0]) throws -> RunResult {
        counter += 1
        let stderrPath = "\(scratch)/stderr-\(counter % 4).txt"
        var environ = ProcessInfo.processInfo.environment
        for (key, value) in environment { environ[key] = value }
        // Peak memory: a child started straight from this process would inherit this process's own
        // high-water mark at exec (Linux keeps it in ru_maxrss), so when GNU time is there it
        // starts the command from its own small process and writes the command's %M.
        let memoryPath = "\(scratch)/maxrss-\(counter % 4).txt"
        let useTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        let shown = [executable] + arguments
        let arguments = useTime ? ["/usr/bin/time", "-f", "%M", "-o", memoryPath, executable] + arguments : shown
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environ.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var pid: pid_t = 0
        let start = monotonicSeconds()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw BenchError("wait4 failed for \(executable)") }
        }
        let seconds = monotonicSeconds() - start
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        var maxRSSKB = Int(usage.ru_maxrss)
        if useTime {
            // "Command exited with non-zero status N" may come first; %M is the last line.
            let text = (try? String(contentsOfFile: memoryPath, encoding: .utf8)) ?? ""
            maxRSSKB = text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? maxRSSKB
        }
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        let result = RunResult(status: exitCode, seconds: seconds, maxRSSKB: maxRSSKB, cpuSeconds: cpu)
        if check && !allowed.contains(exitCode) {
            let message = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
            throw BenchError("\(shown.prefix(6).joined(separator: " "))\(shown.count > 6 ? " ..." : "") exited \(exitCode):\n\(message.prefix(2000))")
        }
        return result
    }

    /// Runs a command and returns its standard output as text.
    func output(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                allowed: Set<Int32> = [0]) throws -> (String, RunResult) {
        let path = "\(scratch)/stdout.txt"
        let result = try run(executable, arguments, environment: environment, stdout: path, allowed: allowed)
        return ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "", result)
    }

    /// The standard error of the last command.
    func lastStandardError() -> String {
        (try? String(contentsOfFile: "\(scratch)/stderr-\(counter % 4).txt", encoding: .utf8)) ?? ""
    }
}

/// A running total of time and peak memory over many commands.
struct Tally {
    var seconds = 0.0
    var cpuSeconds = 0.0
    var maxRSSKB = 0
    var commands = 0
    var megabytes: Double { Double(maxRSSKB) / 1024 }

    mutating func add(_ result: RunResult) {
        seconds += result.seconds
        cpuSeconds += result.cpuSeconds
        maxRSSKB = max(maxRSSKB, result.maxRSSKB)
        commands += 1
    }

    mutating func add(seconds: Double) {
        self.seconds += seconds
    }

    mutating func add(_ other: Tally) {
        seconds += other.seconds
        cpuSeconds += other.cpuSeconds
        maxRSSKB = max(maxRSSKB, other.maxRSSKB)
        commands += other.commands
    }
}
