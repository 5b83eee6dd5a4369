import DraftFlow
import Foundation
import Subprocess

/// Runs a converter (pandoc, a PDF engine) as a child process, directly and never through a shell:
/// no standard input, standard output discarded, standard error kept for the error message.
enum ProcessRunner {

    /// How a run ended.
    private enum Outcome: Sendable {
        case finished(TerminationStatus, standardError: [UInt8])
        case timedOut
    }

    /// Runs `executable` with `arguments` in `directory`. A run that takes longer than `timeout` is
    /// stopped (SIGTERM, then SIGKILL 5 seconds later). With `memoryLimit`, the program runs through
    /// util-linux's `prlimit` with that much address space (RLIMIT_AS; Linux has no hook in
    /// swift-subprocess to set it between fork and exec), so that it fails rather than takes the
    /// machine's memory; without `prlimit` on `PATH` it runs unbounded.
    /// - Throws: `DraftFlowError(.storage)` when the program cannot be started, does not finish in
    ///   time, runs out of memory, or fails; the message quotes the first lines it wrote to standard
    ///   error.
    static func run(_ executable: URL, _ arguments: [String], name: String, in directory: URL, timeout: TimeInterval,
                    memoryLimit: Int? = nil) async throws {
        var executable = executable
        var arguments = arguments
        if let memoryLimit, let prlimit = Pandoc.executable(named: "prlimit") {
            arguments = ["--as=\(memoryLimit)", "--", executable.path] + arguments
            executable = prlimit
        }
        let outcome: Outcome
        do {
            outcome = try await withThrowingTaskGroup(of: Outcome.self) { [executable, arguments] group in
                group.addTask { try await start(executable, arguments, in: directory) }
                group.addTask {
                    try await Task.sleep(for: .seconds(timeout))
                    return .timedOut
                }
                // The first to end decides; cancelling the run stops the program.
                let first = try await group.next() ?? .timedOut
                group.cancelAll()
                return first
            }
        } catch {
            throw DraftFlowError(.storage, "cannot run \(executable.path): \(error)")
        }
        switch outcome {
        case .timedOut:
            throw DraftFlowError(.storage, "\(name) did not finish within \(Int(timeout)) seconds and was stopped",
                                 fix: tooLargeFix)
        case .finished(.exited(0), _):
            return
        case .finished(let status, let standardError):
            let messages = String(data: Data(standardError), encoding: .utf8) ?? ""
            let lines = messages.split(whereSeparator: \.isNewline).map(String.init)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let excerpt = lines.prefix(8).joined(separator: "\n  ")
            // GHC's runtime (pandoc) says "out of memory"; Python (WeasyPrint) raises MemoryError.
            if let memoryLimit, messages.contains("out of memory") || messages.contains("MemoryError") {
                throw DraftFlowError(.storage, "\(name) ran out of memory (its limit is \(memoryLimit >> 30) GiB) and was stopped",
                                     fix: tooLargeFix)
            }
            throw DraftFlowError(.storage, "\(name) failed (\(describe(status)))" + (excerpt.isEmpty ? "" : ":\n  " + excerpt),
                                 fix: "check the message above; --format html always works")
        }
    }

    static let tooLargeFix = "use --format html (it prints to PDF from a browser) or --format md, or split the text into smaller documents"

    /// Starts the program and waits for it, reading all it writes to standard error.
    private static func start(_ executable: URL, _ arguments: [String], in directory: URL) async throws -> Outcome {
        var environment = Environment.inherit
        if ProcessInfo.processInfo.environment["HOME"] == nil {
            environment = environment.updating(["HOME": directory.path])
        }
        var options = PlatformOptions()
        options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: .seconds(5))]
        let result = try await Subprocess.run(
            .path(.init(executable.path)), arguments: .init(arguments), environment: environment,
            workingDirectory: .init(directory.path), platformOptions: options,
            input: .none, output: .discarded, error: .sequence
        ) { execution in
            var standardError: [UInt8] = []
            for try await buffer in execution.standardError {
                buffer.withUnsafeBytes { standardError.append(contentsOf: $0) }
            }
            return standardError
        }
        return .finished(result.terminationStatus, standardError: result.closureResult)
    }

    /// "exit status 3" or "signal 15".
    private static func describe(_ status: TerminationStatus) -> String {
        switch status {
        case .exited(let code): return "exit status \(code)"
        case .signaled(let signal): return "signal \(signal)"
        }
    }
}
