import Foundation

/// `--only portal`: the member portal under load, by scripts/portal-load.py (run as a child, with
/// the benchmark's copy of draftflow): the scale's members each sign in, read their page and send
/// one comment, their starts spread over `spread` seconds, on loopback; the script checks that all
/// are recorded, one commit each by its member, and `git fsck --strict`. There is no peer: nothing
/// else lets members submit online into the drafting's git history, so the figure is set against
/// the target instead (p99 under 250 ms with 193 members in the same minute, issue 14).
extension Bench {
    static let portalTargetMilliseconds = 250.0

    func runPortal(spread: Double = 10) throws -> ExtraResult {
        let script = try locateScript("portal-load.py")
        let members = workload.members.count
        let output = "\(root)/out/portal-load.txt"
        let run = try runner.run("python3", [script, "--members", "\(members)", "--spread", String(format: "%g", spread)],
                                 environment: ["DRAFTFLOW": draftflow], stdout: output, allowed: [0, 1])
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        var rows: [String] = []
        var metrics: [(String, Double)] = []
        for kind in ["signin", "page", "comment"] {
            guard let raw = text.split(separator: "\n").first(where: { $0.hasPrefix(kind + " ") }) else {
                rows.append("| \(kind) | - | - | - | - | NOT measured |")
                continue
            }
            let line = raw.replacingOccurrences(of: "=\\s+", with: "=", options: .regularExpression)
            func figure(_ label: String) -> Double {
                let words = line.split(separator: " ")
                guard let at = words.firstIndex(of: Substring(label)), at + 1 < words.count else { return 0 }
                return Double(words[at + 1]) ?? 0
            }
            let p99 = figure("p99")
            let count = line.split(separator: " ").first { $0.hasPrefix("n=") } ?? "n=?"
            rows.append("| \(kind) (\(count)) | \(String(format: "%.2f", p99 / Self.portalTargetMilliseconds)) | \(String(format: "%.1f", figure("p50"))) ms | "
                        + "\(String(format: "%.1f", p99)) ms | \(String(format: "%.1f", figure("max"))) ms | \(p99 < Self.portalTargetMilliseconds ? "yes" : "NO") |")
            metrics.append(("portal \(kind) p99", p99 / 1000))
        }
        let checks = text.split(separator: "\n").first { $0.hasPrefix("recorded:") }.map(String.init) ?? "(the script printed no check)"
        let failures = text.split(separator: "\n").filter { $0.hasPrefix("failed:") }.prefix(3).joined(separator: "; ")
        note("portal: \(members) members, exit \(run.status): \(checks)")
        let lines = [
            "## Member portal under load: \(members) members, starts spread over \(String(format: "%g", spread)) s (scripts/portal-load.py)", "",
            "No peer: no other tool lets members submit online into the drafting's git history, so each p99 is set against the target "
                + "(\(Int(Self.portalTargetMilliseconds)) ms) instead; the ratio is p99 / target.", "",
            "| request | p99 / target | p50 | p99 | max | p99 < \(Int(Self.portalTargetMilliseconds)) ms? |",
            "|---|---|---|---|---|---|",
        ] + rows + [
            "",
            "Checks (exit \(run.status)): \(checks)\(failures.isEmpty ? "" : "; " + failures). The whole run (set-up, \(members) invitations, load, checks) "
                + "took \(seconds(run.seconds)) wall, \(seconds(run.cpuSeconds)) CPU.",
            "",
        ]
        return ExtraResult(text: lines.joined(separator: "\n"), metrics: metrics)
    }
}

/// A script of the repository's scripts/ folder: from the current folder (scripts/bench.sh runs
/// from the repository's root), else beside the build folder of this executable (.build/release/..).
func locateScript(_ name: String) throws -> String {
    let here = FileManager.default.currentDirectoryPath + "/scripts/\(name)"
    if FileManager.default.fileExists(atPath: here) { return here }
    let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    var folder = me.deletingLastPathComponent()
    for _ in 0..<4 {
        folder = folder.deletingLastPathComponent()
        let candidate = folder.appendingPathComponent("scripts/\(name)").path
        if FileManager.default.fileExists(atPath: candidate) { return candidate }
    }
    throw BenchError("scripts/\(name) not found: run from the repository's root (scripts/bench.sh does)")
}
