// draftflow-bench: a UN-scale drafting process replayed with the real `draftflow` executable,
// side by side with the git command line doing the same jobs. See BENCHMARKS.md.
import Foundation

func locateDraftflow(_ given: String?) throws -> String {
    if let given { return given }
    let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    let beside = me.deletingLastPathComponent().appendingPathComponent("draftflow").path
    guard FileManager.default.isExecutableFile(atPath: beside) else {
        throw BenchError("no draftflow beside \(me.path): run `swift build -c release` first, or pass --draftflow PATH")
    }
    return beside
}

let gitVersion: String = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "--version"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try? process.run()
    process.waitUntilExit()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return text.replacingOccurrences(of: "git version ", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
}()

do {
    let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
    let built = try locateDraftflow(options.draftflow)
    // A private copy, so that a rebuild of .build/release during the run cannot mix two binaries.
    var binTemplate = Array("\(NSTemporaryDirectory())/draftflow-bench-bin-XXXXXX".utf8CString)
    guard let binFolder = mkdtemp(&binTemplate).map({ String(cString: $0) }) else { throw BenchError("cannot create a temporary folder") }
    defer { try? FileManager.default.removeItem(atPath: binFolder) }
    let draftflow = "\(binFolder)/draftflow"
    try FileManager.default.copyItem(atPath: built, toPath: draftflow)
    var results: [ScaleResult] = []
    let cpu = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "").split(separator: "\n")
        .first { $0.hasPrefix("model name") }.map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown"
    print("# draftflow-bench \(Date().formatted(.iso8601))")
    print("")
    print("Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores (\(cpu)), \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; draftflow: \(built) (copied for the run); git \(gitVersion)")
    print("")
    // Each scale's folder (thousands of files) is removed only at the end: removing it before the
    // next scale would make the file system's inode allocation slow (ext4 avoids reusing
    // recently freed inodes) during that scale's first measurements.
    // The workloads beside the negotiation: quick ones in the default run, all with --only extras.
    let only = options.only
    let extras: [String] = only == "extras" ? Options.extraTasks.filter { $0 != "compile-docx" }
        : only == nil ? ["mail", "remote"]
        : Options.extraTasks.contains(only!) && only != "compile-docx" ? [only!] : []
    let negotiate = only == nil || !Options.extraTasks.contains(only!) || only == "compile-docx" || only == "extras"
    var benches: [Bench] = []
    defer { for bench in benches { bench.cleanUp() } }
    for scale in options.scales {
        let start = monotonicSeconds()
        var result = ScaleResult(scale: scale)
        if negotiate {
            let bench = try Bench(options: options, draftflow: draftflow, scale: scale)
            benches.append(bench)
            result = try bench.run()
            print(report(result, only: only == "extras" ? "compile-docx" : only))
        }
        for task in extras {
            let bench = try Bench(options: options, draftflow: draftflow, scale: scale)
            benches.append(bench)
            let extra: ExtraResult
            switch task {
            case "mail": extra = try mailBench(draftflow: draftflow, scale: scale)
            case "remote": extra = try bench.runRemote()
            case "portal": extra = try bench.runPortal()
            default: extra = try bench.runWordIntake()
            }
            print(extra.text)
            result.extraMetrics += extra.metrics
        }
        results.append(result)
        // The growth so far, on standard error: a long run stopped early still shows it.
        if results.count > 1 { note(growth(results)) }
        print("(this scale ran in \(seconds(monotonicSeconds() - start)) in all, workload generation and the peers included)")
        print("")
        fflush(nil)   // every stream: a run stopped early keeps what it printed
    }
    print(growth(results))
} catch {
    note("draftflow-bench: \(error)")
    exit(1)
}
