// draftflow-bench: a UN-scale drafting process replayed with the real `draftflow` executable,
// side by side with the git command line doing the same jobs. See BENCHMARKS.md.
import Foundation

let usage = """
USAGE: draftflow-bench [--scale S[,S...]] [--only TASK] [--draftflow PATH] [--keep] [--collisions PCT] [--dispose-limit N]

  --scale S        size factor: paragraphs = 1000*S, members = 193*S (e.g. 0.25, 1, 4; a comma list runs each)
  --only TASK      intake | merge | redline | status | whole | memory (intake, merge and redline run one round)
  --draftflow PATH the draftflow executable (default: beside this program, i.e. .build/release/draftflow)
  --collisions PCT share of paragraphs that several members edit at the same words differently (default 0.5):
                   one collision each per round, and one `draftflow resolve` each
  --keep           keep the temporary folder (workspace, git peer, generated files)
  --dispose-limit N  without `dispose --all-undecided`, dispose one by one only up to N comments (default 300)
"""

struct Options {
    var scales: [Double] = [1]
    var only: String?
    var draftflow: String?
    var keep = false
    var disposeLimit = 300
    var collisions = 0.5

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw BenchError("\(name) needs a value\n\(usage)") }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--scale":
                let scales = try value(argument).split(separator: ",").map { Double($0) }
                guard !scales.isEmpty, scales.allSatisfy({ ($0 ?? 0) > 0 }) else { throw BenchError("--scale takes positive numbers") }
                options.scales = scales.compactMap { $0 }
            case "--only":
                let task = try value(argument)
                guard ["intake", "merge", "redline", "status", "whole", "memory"].contains(task) else {
                    throw BenchError("--only takes intake, merge, redline, status, whole or memory\n\(usage)")
                }
                options.only = task
            case "--draftflow": options.draftflow = try value(argument)
            case "--keep": options.keep = true
            case "--collisions":
                guard let share = Double(try value(argument)), share >= 0, share <= 50 else { throw BenchError("--collisions takes a percentage, 0 to 50") }
                options.collisions = share
            case "--dispose-limit":
                guard let limit = Int(try value(argument)) else { throw BenchError("--dispose-limit takes a number") }
                options.disposeLimit = limit
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                throw BenchError("unknown argument \(argument)\n\(usage)")
            }
        }
        return options
    }
}

/// Progress goes to standard error; the results go to standard output.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func iso(_ date: Date) -> String {
    date.formatted(.iso8601)
}

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func seconds(_ value: Double) -> String {
    value < 1 ? String(format: "%.0f ms", value * 1000) : String(format: "%.2f s", value)
}

func megabytes(_ kb: Int) -> String {
    String(format: "%.0f MB", Double(kb) / 1024)
}

/// What one scale measured.
struct ScaleResult {
    var scale: Double
    var paragraphs = 0
    var members = 0
    var collisionPercent = 0.0
    var words = 0
    var intakeMode = ""
    var rounds: [RoundResult] = []
    var status: Tally = Tally()
    var statusSeconds = 0.0
    var logSeconds = 0.0
    var logTally = Tally()
    var gitLogSeconds = 0.0
    var gitLogTally = Tally()
    var whole = Tally()          // every draftflow command of the negotiation
    var peerWhole = Tally()      // every git command and file write of the peer
    var setup = Tally()
    var publishes = Tally()
    var opens = Tally()
    var disposal = Tally()
    var disposalNote = ""
    var finalize = Tally()
    var export = Tally()
    var finalReached = false
    var peerMaxKB = 0
    var dfMaxKB = 0
}

struct RoundResult {
    var name: String
    var submissions = 0
    var comments = 0
    var inputBytes = 0
    var intake = Tally()
    var peerIntake = Tally()
    var merge = RunResult(status: 0, seconds: 0, maxRSSKB: 0)
    var peerMerge = Tally()
    var peerConflicts = 0
    var collisions = 0
    var changes = 0
    var edits = 0
    var resolve = Tally()
    var redlineFrom = ""
    var redlineTo = ""
    var redline = 0.0
    var redlineKB = 0
    var peerRedline = 0.0
    var peerRedlineKB = 0
}

/// One benchmark at one scale: a fresh temporary folder with the workspace and the git peer.
final class Bench {
    let options: Options
    let draftflow: String
    let workload: Workload
    let root: String
    let runner: Runner
    let workspace: String
    let peer: String
    var result: ScaleResult
    var documentName = ""
    var now: Date
    let title = "Outcome document of the UN-scale benchmark negotiation"
    let secretariat = "UN secretariat"

    init(options: Options, draftflow: String, scale: Double) throws {
        self.options = options
        self.draftflow = draftflow
        workload = Workload(scale: scale, collisionPercent: options.collisions)
        var template = Array("\(NSTemporaryDirectory())/draftflow-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchError("cannot create a temporary folder") }
        root = String(cString: made)
        for folder in ["inputs", "versions", "scratch", "out"] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        runner = Runner(scratch: "\(root)/scratch")
        workspace = "\(root)/workspace"
        peer = "\(root)/peer"
        result = ScaleResult(scale: scale)
        now = try Date("2030-01-07T09:00:00Z", strategy: .iso8601)
    }

    func cleanUp() {
        if options.keep {
            note("kept \(root)")
        } else {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    // MARK: Running the two tools

    /// Runs draftflow with the clock at `at`; counts it in the whole negotiation unless `measureOnly`.
    @discardableResult
    func df(_ arguments: [String], at: Date, stdout: String = "/dev/null", allowed: Set<Int32> = [0],
            measureOnly: Bool = false) throws -> RunResult {
        let run = try runner.run(draftflow, arguments, environment: ["DRAFTFLOW_NOW": iso(at)], stdout: stdout, allowed: allowed)
        result.dfMaxKB = max(result.dfMaxKB, run.maxRSSKB)
        if !measureOnly { result.whole.add(run) }
        return run
    }

    @discardableResult
    func git(_ arguments: [String], stdout: String = "/dev/null", allowed: Set<Int32> = [0], measureOnly: Bool = false) throws -> RunResult {
        let run = try runner.run("git", arguments, stdout: stdout, allowed: allowed)
        result.peerMaxKB = max(result.peerMaxKB, run.maxRSSKB)
        if !measureOnly { result.peerWhole.add(run) }
        return run
    }

    /// The peer's own file writes, timed as part of its work.
    func peerWrite(_ body: () throws -> Void) rethrows -> Double {
        let ((), elapsed) = try timed(body)
        result.peerWhole.add(seconds: elapsed)
        return elapsed
    }

    func has(_ subcommand: [String], _ text: String) -> Bool {
        guard let (help, run) = try? runner.output(draftflow, subcommand + ["--help"], allowed: [0, 1, 64]) else { return false }
        return run.status == 0 && help.contains(text)
    }

    // MARK: The negotiation

    func run() throws -> ScaleResult {
        let fileManager = FileManager.default
        let onlyOneRound = ["intake", "merge", "redline"].contains(options.only ?? "")
        let batchIntake = has(["intake"], "USAGE: draftflow intake")
        let disposeAll = has(["dispose"], "all-undecided")
        result.paragraphs = workload.paragraphs
        result.members = workload.members.count
        result.collisionPercent = options.collisions
        result.intakeMode = batchIntake ? "draftflow intake (one command per round)"
            : "fallback: \(workload.members.count) x draftflow comment per round (draftflow intake not available)"
        note("scale \(workload.scale): \(workload.paragraphs) paragraphs, \(workload.members.count) members; intake: \(result.intakeMode)")

        let draft = workload.firstDraft(title: title)
        result.words = draft.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
            + draft.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        let draftPath = "\(root)/un-draft.md"
        try draft.write(toFile: draftPath, atomically: true, encoding: .utf8)

        // Set-up: the workspace, the members, the zero draft published as draft-1.
        result.setup.add(try df(["init", workspace, "--title", title, "--document", draftPath, "--timezone", "Europe/Zurich",
                                 "--secretariat-name", secretariat, "--secretariat-email", "secretariat@example.org"], at: now))
        if has(["member"], "import") {
            // One command and one commit for the whole membership, as a secretariat would.
            let list = "\(root)/members.csv"
            try ("code,name,email\n" + workload.members.map { "\($0),Delegation \($0),\($0.lowercased())@example.org" }.joined(separator: "\n") + "\n")
                .write(toFile: list, atomically: true, encoding: .utf8)
            result.setup.add(try df(["member", "import", "--workspace", workspace, list], at: now))
        } else {
            for (index, member) in workload.members.enumerated() {
                result.setup.add(try df(["member", "add", "--workspace", workspace, member, "--name", "Delegation \(member)",
                                         "--email", "\(member.lowercased())@example.org"], at: now.addingTimeInterval(Double(index))))
            }
        }
        guard let name = try fileManager.contentsOfDirectory(atPath: "\(workspace)/Drafts").sorted().first(where: { $0.hasSuffix(".md") }) else {
            throw BenchError("no draft in \(workspace)/Drafts")
        }
        documentName = name
        now = now.addingTimeInterval(86_400)
        result.publishes.add(try df(["publish", "--workspace", workspace, "draft-1", "--note", "Zero draft"], at: now))
        try fileManager.copyItem(atPath: "\(workspace)/Drafts/\(name)", toPath: "\(root)/versions/draft-1.md")

        // The peer: a git repository with the same draft, durable settings.
        try git(["init", "-q", peer])
        for (key, value) in [("user.name", secretariat), ("user.email", "secretariat@example.org"),
                             ("core.fsync", "objects,reference"), ("core.fsyncMethod", "fsync")] {
            try git(["-C", peer, "config", key, value])
        }
        _ = try peerWrite {
            try fileManager.createDirectory(atPath: "\(peer)/Drafts", withIntermediateDirectories: true)
            try fileManager.copyItem(atPath: draftPath, toPath: "\(peer)/Drafts/\(name)")
        }
        try git(["-C", peer, "add", "-A"])
        try git(["-C", peer, "commit", "-q", "-m", "Zero draft", "--date", iso(now)])
        try git(["-C", peer, "tag", "-a", "draft-1", "-m", "Zero draft"])

        let labels = ["draft-1", "rev-1", "rev-2", "rev-3", "final-draft"]
        let roundCount = onlyOneRound ? 1 : 4
        for r in 0..<roundCount {
            let label = labels[r], next = labels[r + 1]
            var round = RoundResult(name: label)
            let opens = now.addingTimeInterval(3_600)
            let closes = opens.addingTimeInterval(14 * 86_400)
            result.opens.add(try df(["round", "open", "--workspace", workspace, "--on", label, "--closes", iso(closes), "--name", label], at: opens))

            // The members' files for this round, made from the version as published (not timed).
            let (submissions, _) = try timed { () throws -> [Workload.Submission] in
                let text = try String(contentsOfFile: "\(root)/versions/\(label).md", encoding: .utf8)
                let submissions = workload.submissions(round: r, label: label, version: text)
                let folder = "\(root)/inputs/\(label)"
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for submission in submissions {
                    try Data(submission.comments.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(submission.member).md"))
                    try Data(submission.proposal.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(submission.member).proposal.md"))
                }
                return submissions
            }
            let folder = "\(root)/inputs/\(label)"
            round.submissions = submissions.count
            round.comments = submissions.reduce(0) { $0 + $1.commentCount }
            round.inputBytes = submissions.reduce(0) { $0 + $1.comments.utf8.count + $1.proposal.utf8.count }
            note("  round \(label): \(submissions.count) submissions, \(round.comments) comments, \(round.inputBytes / 1_000_000) MB of files")

            // 1. Intake: every submission its own member-authored, durable commit. The generated files are
            // flushed to disk first, so neither tool pays for writing back the benchmark's own input.
            sync()
            let received = opens.addingTimeInterval(7 * 86_400)
            if batchIntake {
                round.intake.add(try df(["intake", "--workspace", workspace, folder, "--round", label], at: received))
            } else {
                for (m, submission) in submissions.enumerated() {
                    round.intake.add(try df(["comment", "--workspace", workspace, submission.member, "\(folder)/\(submission.member).md",
                                             "--proposal", "\(folder)/\(submission.member).proposal.md",
                                             "--received", iso(opens.addingTimeInterval(86_400 + Double(m) * 60)), "--round", label],
                                            at: received))
                }
            }
            // The peer: write the same files into the repository, then git add and git commit per submission.
            sync()
            for (m, submission) in submissions.enumerated() {
                let target = "\(peer)/Comments/\(label)/\(submission.member)"
                round.peerIntake.add(seconds: try peerWrite {
                    try fileManager.createDirectory(atPath: target, withIntermediateDirectories: true)
                    try fileManager.copyItem(atPath: "\(folder)/\(submission.member).md", toPath: "\(target)/submission-1.md")
                    try fileManager.copyItem(atPath: "\(folder)/\(submission.member).proposal.md", toPath: "\(target)/submission-1.proposal.md")
                })
                round.peerIntake.add(try git(["-C", peer, "add", "Comments/\(label)/\(submission.member)"]))
                round.peerIntake.add(try git(["-C", peer, "commit", "-q", "--author", "Delegation \(submission.member) <\(submission.member.lowercased())@example.org>",
                                              "--date", iso(opens.addingTimeInterval(86_400 + Double(m) * 60)),
                                              "-m", "Comments of \(submission.member) on \(label)"]))
            }
            note("    intake: draftflow \(seconds(round.intake.seconds)), git \(seconds(round.peerIntake.seconds))")

            // 2. Merge of the round's proposals into a candidate, collisions listed. As before intake,
            // what the previous steps wrote is flushed first, for both tools.
            sync()
            let mergeJSON = "\(root)/out/merge-\(label).json"
            round.merge = try df(["merge", "--workspace", workspace, "--round", label, "--json"], at: closes.addingTimeInterval(3_600),
                                 stdout: mergeJSON, allowed: [0, 1])
            let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: mergeJSON))) as? [String: Any] ?? [:]
            let collisions = (record["collisions"] as? [[String: Any]] ?? []).filter { ($0["resolution"] == nil) || ($0["resolution"] is NSNull) }
            round.collisions = collisions.count
            round.changes = (record["changes"] as? [Any])?.count ?? 0
            round.edits = (record["edits"] as? [Any])?.count ?? 0
            // The peer: git merge-file chained over every edited copy, starting from the version.
            sync()
            let base = "\(root)/versions/\(label).md"
            var current = "\(root)/scratch/merge-a.md", other = "\(root)/scratch/merge-b.md"
            try? fileManager.removeItem(atPath: current)
            try fileManager.copyItem(atPath: base, toPath: current)
            for submission in submissions {
                let run = try git(["merge-file", "-p", current, base, "\(folder)/\(submission.member).proposal.md"], stdout: other,
                                  allowed: Set(0...127))
                round.peerMerge.add(run)
                round.peerConflicts += Int(run.status)
                swap(&current, &other)
            }
            note("    merge: draftflow \(seconds(round.merge.seconds)) (\(round.changes) changes, \(round.collisions) collisions, \(round.edits) edits), "
                 + "git merge-file \(seconds(round.peerMerge.seconds)) (\(round.peerConflicts) conflicts)")

            // The secretariat resolves each collision (alternately the version's text and the first member's).
            for (index, collision) in collisions.enumerated() {
                guard let id = collision["id"] as? String else { continue }
                let first = ((collision["alternatives"] as? [[String: Any]])?.first?["members"] as? [String])?.first
                let take = index % 2 == 1 ? (first ?? "base") : "base"
                round.resolve.add(try df(["resolve", "--workspace", workspace, id, "--take", take, "--round", label],
                                         at: closes.addingTimeInterval(7_200 + Double(index)), allowed: [0, 1]))
            }
            if !collisions.isEmpty { note("    resolve: \(collisions.count) x draftflow resolve \(seconds(round.resolve.seconds))") }

            // Before the final draft every comment of the last round needs a disposition.
            if r == 3 {
                try disposeAllUndecided(round: label, at: closes.addingTimeInterval(10_800), available: disposeAll)
            }

            // The next version, and the peer's commit and tag of the same text.
            let published = closes.addingTimeInterval(14_400)
            result.publishes.add(try df(["publish", "--workspace", workspace, next, "--note", "\(next) after round \(label)"], at: published))
            try fileManager.copyItem(atPath: "\(workspace)/Drafts/\(name)", toPath: "\(root)/versions/\(next).md")
            _ = try peerWrite {
                try? fileManager.removeItem(atPath: "\(peer)/Drafts/\(name)")
                try fileManager.copyItem(atPath: "\(workspace)/Drafts/\(name)", toPath: "\(peer)/Drafts/\(name)")
            }
            try git(["-C", peer, "add", "Drafts"])
            try git(["-C", peer, "commit", "-q", "-m", "\(next)", "--date", iso(published)])
            try git(["-C", peer, "tag", "-a", next, "-m", next])

            // 3. Redline between the two versions (median of 3), and git diff --word-diff on the same texts.
            round.redlineFrom = label
            round.redlineTo = next
            var times: [Double] = [], peerTimes: [Double] = []
            for _ in 0..<3 {
                let run = try df(["redline", "--workspace", workspace, label, next, "-o", "\(root)/out/redline.md"], at: published, measureOnly: true)
                times.append(run.seconds)
                round.redlineKB = max(round.redlineKB, run.maxRSSKB)
                let peerRun = try git(["diff", "--no-index", "--word-diff", base, "\(root)/versions/\(next).md"],
                                      stdout: "\(root)/out/word-diff.txt", allowed: [0, 1], measureOnly: true)
                peerTimes.append(peerRun.seconds)
                round.peerRedlineKB = max(round.peerRedlineKB, peerRun.maxRSSKB)
            }
            round.redline = median(times)
            round.peerRedline = median(peerTimes)
            note("    redline \(label) -> \(next): draftflow \(seconds(round.redline)), git diff --word-diff \(seconds(round.peerRedline))")

            // The round's input stays until the end: deleting hundreds of files just before the next
            // intake would make the file system's inode allocation (ext4) slow for both tools.
            result.rounds.append(round)
            now = published
        }

        if !onlyOneRound {
            // The silence procedure on the final draft, kept; then finalize and export.
            let opens = now.addingTimeInterval(3_600)
            let closes = opens.addingTimeInterval(7 * 86_400)
            result.opens.add(try df(["round", "open", "--workspace", workspace, "--on", "final-draft", "--closes", iso(closes),
                                     "--kind", "silence", "--name", "final-draft-silence"], at: opens))
            now = closes.addingTimeInterval(3_600)
            if result.disposalNote.isEmpty || result.disposalNote.hasPrefix("all") {
                result.finalize.add(try df(["finalize", "--workspace", workspace, "--label", "final"], at: now))
                result.export.add(try df(["export", "--workspace", workspace, "final", "--format", "html", "-o", "\(root)/out/final.html"], at: now))
                result.finalReached = true
                try git(["-C", peer, "tag", "-a", "final", "-m", "final"])
            } else {
                // finalize is out of reach; the packet of the final draft costs what the final one would.
                result.export.add(try df(["export", "--workspace", workspace, "final-draft", "--format", "html", "-o", "\(root)/out/final-draft.html"], at: now))
            }
            note("  finalize \(seconds(result.finalize.seconds)), export \(seconds(result.export.seconds))")
        }

        // 4. status and log after the whole negotiation, and git log --oneline (median of 5).
        var status: [Double] = [], log: [Double] = [], gitLog: [Double] = []
        for _ in 0..<5 {
            let s = try df(["status", "--workspace", workspace], at: now, stdout: "\(root)/out/status.txt", measureOnly: true)
            status.append(s.seconds)
            result.status.add(s)
            let l = try df(["log", "--workspace", workspace], at: now, stdout: "\(root)/out/log.txt", measureOnly: true)
            log.append(l.seconds)
            result.logTally.add(l)
            let g = try git(["-C", peer, "log", "--oneline"], stdout: "\(root)/out/git-log.txt", measureOnly: true)
            gitLog.append(g.seconds)
            result.gitLogTally.add(g)
        }
        result.statusSeconds = median(status)
        result.logSeconds = median(log)
        result.gitLogSeconds = median(gitLog)
        return result
    }

    /// Disposes every undecided comment and edit of the last comment round: in one command when
    /// `dispose --all-undecided` exists, else one command each up to the limit.
    func disposeAllUndecided(round: String, at: Date, available: Bool) throws {
        if available {
            let run = try df(["dispose", "--workspace", workspace, "--all-undecided", "accepted", "--round", round,
                              "--note", "Accepted as proposed."], at: at, allowed: [0, 1, 2, 3, 64])
            if run.status == 0 {
                result.disposal.add(run)
                result.disposalNote = "all undecided disposed with one `draftflow dispose --all-undecided accepted`"
                note("    dispose --all-undecided: \(seconds(run.seconds))")
                return
            }
            note("    dispose --all-undecided failed (\(run.status)): \(runner.lastStandardError().prefix(500))")
        }
        let statusJSON = "\(root)/out/status.json"
        try df(["status", "--workspace", workspace, "--json"], at: at, stdout: statusJSON, measureOnly: true)
        let status = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: statusJSON))) as? [String: Any] ?? [:]
        let undecided = ((status["merge"] as? [String: Any])?["undecided"] as? [String]) ?? []
        if undecided.count <= options.disposeLimit {
            for (index, id) in undecided.enumerated() {
                result.disposal.add(try df(["dispose", "--workspace", workspace, id, "accepted", "--round", round],
                                           at: at.addingTimeInterval(Double(index))))
            }
            result.disposalNote = "all \(undecided.count) undecided disposed one by one with `draftflow dispose ID accepted`"
            return
        }
        // Too many to do one by one in a benchmark: time a sample and say what the loop would cost.
        var sample = Tally()
        for id in undecided.prefix(5) {
            sample.add(try df(["dispose", "--workspace", workspace, id, "accepted", "--round", round], at: at, measureOnly: true))
        }
        result.disposal = sample
        let each = sample.seconds / Double(max(sample.commands, 1))
        result.disposalNote = "NOT reached: \(undecided.count) comments and edits undecided in \(round); `dispose --all-undecided` is not available and "
            + "disposing them one by one would take about \(seconds(each * Double(undecided.count))) (\(seconds(each)) each, 5 timed); "
            + "finalize and export were skipped"
        note("    " + result.disposalNote)
    }
}

// MARK: The report

func ratioText(_ a: Double, _ b: Double) -> String {
    b > 0 ? String(format: "%.2f", a / b) : "-"
}

func report(_ r: ScaleResult, only: String?) -> String {
    var lines: [String] = []
    let m = r.members
    lines.append("## Scale \(r.scale): \(r.paragraphs) paragraphs (~\(r.words) words), \(m) members, \(r.rounds.count) comment round(s)")
    lines.append("")
    lines.append("Collisions by design: \(String(format: "%g", r.collisionPercent))% of paragraphs per round. Intake: \(r.intakeMode). Peer: git \(gitVersion), core.fsync=objects,reference, core.fsyncMethod=fsync.")
    lines.append("")
    lines.append("| task | DraftFlow | peer | ratio DF/peer | target | met? |")
    lines.append("|---|---|---|---|---|---|")
    func row(_ task: String, _ df: String, _ peer: String, _ ratio: String, _ target: String, _ met: Bool?) {
        lines.append("| \(task) | \(df) | \(peer) | \(ratio) | \(target) | \(met.map { $0 ? "yes" : "NO" } ?? "-") |")
    }
    let show = { (task: String) in only == nil || only == task || (only == "memory") }
    if let worst = r.rounds.max(by: { $0.intake.seconds < $1.intake.seconds }), show("intake") {
        let ratio = worst.intake.seconds / max(worst.peerIntake.seconds, 1e-9)
        row("1. intake of one round (\(worst.submissions) submissions, worst round: \(worst.name))", seconds(worst.intake.seconds),
            "\(seconds(worst.peerIntake.seconds)) (git add + commit x \(worst.submissions))", ratioText(worst.intake.seconds, worst.peerIntake.seconds),
            "< 1 s, >= 5x faster (ratio <= 0.20)", worst.intake.seconds < 1 && ratio <= 0.2)
    }
    if let worst = r.rounds.max(by: { $0.merge.seconds < $1.merge.seconds }), show("merge") {
        row("2. merge of one round (\(worst.submissions) proposals, \(worst.collisions) collisions; worst: \(worst.name))", seconds(worst.merge.seconds),
            "\(seconds(worst.peerMerge.seconds)) (git merge-file x \(worst.submissions), \(worst.peerConflicts) conflicts)",
            ratioText(worst.merge.seconds, worst.peerMerge.seconds), "< 1 s", worst.merge.seconds < 1)
    }
    if let worst = r.rounds.max(by: { $0.redline < $1.redline }), show("redline") {
        row("3. redline \(worst.redlineFrom) -> \(worst.redlineTo) (worst pair)", seconds(worst.redline), "\(seconds(worst.peerRedline)) (git diff --no-index --word-diff)",
            ratioText(worst.redline, worst.peerRedline), "< 0.3 s, ratio <= 1", worst.redline < 0.3 && worst.redline <= worst.peerRedline)
    }
    if only == nil || only == "status" || only == "memory" || only == "whole" {
        row("4a. draftflow status (after the negotiation)", seconds(r.statusSeconds), "\(seconds(r.gitLogSeconds)) (git log --oneline)",
            ratioText(r.statusSeconds, r.gitLogSeconds), "< 100 ms", r.statusSeconds < 0.1)
        row("4b. draftflow log", seconds(r.logSeconds), "\(seconds(r.gitLogSeconds)) (git log --oneline)",
            ratioText(r.logSeconds, r.gitLogSeconds), "-", nil)
    }
    if only == nil || only == "whole" || only == "memory" {
        row("5. whole negotiation (\(r.whole.commands) draftflow commands\(r.finalReached ? ", to finalize + export HTML" : ", finalize NOT reached"))",
            seconds(r.whole.seconds), "\(seconds(r.peerWhole.seconds)) (\(r.peerWhole.commands) git commands + file writes)",
            ratioText(r.whole.seconds, r.peerWhole.seconds), "< 15 s", r.whole.seconds < 15 && r.finalReached)
    }
    row("6. peak memory (largest single command)", megabytes(r.dfMaxKB), megabytes(r.peerMaxKB),
        ratioText(Double(r.dfMaxKB), Double(r.peerMaxKB)), "< 300 MB", r.dfMaxKB < 300 * 1024)
    lines.append("")
    lines.append("Per round (DraftFlow / git; peak memory of the largest command in brackets):")
    lines.append("")
    lines.append("| round | submissions | comments | input MB | intake | git intake | merge | git merge-file | collisions | changes | edits | resolve | redline | git word-diff |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for round in r.rounds {
        lines.append("| \(round.name) | \(round.submissions) | \(round.comments) | \(String(format: "%.0f", Double(round.inputBytes) / 1e6)) | "
                     + "\(seconds(round.intake.seconds)) [\(megabytes(round.intake.maxRSSKB))] | \(seconds(round.peerIntake.seconds)) [\(megabytes(round.peerIntake.maxRSSKB))] | "
                     + "\(seconds(round.merge.seconds)) [\(megabytes(round.merge.maxRSSKB))] | \(seconds(round.peerMerge.seconds)) [\(megabytes(round.peerMerge.maxRSSKB))] | "
                     + "\(round.collisions) | \(round.changes) | \(round.edits) | \(round.resolve.commands) x: \(seconds(round.resolve.seconds)) [\(megabytes(round.resolve.maxRSSKB))] | "
                     + "\(seconds(round.redline)) [\(megabytes(round.redlineKB))] | \(seconds(round.peerRedline)) [\(megabytes(round.peerRedlineKB))] |")
    }
    lines.append("")
    lines.append("Whole negotiation, DraftFlow, by step: set-up (init + \(m) member add) \(seconds(r.setup.seconds)) [\(megabytes(r.setup.maxRSSKB))]; "
                 + "round open x \(r.opens.commands) \(seconds(r.opens.seconds)); "
                 + "intake \(seconds(r.rounds.reduce(0) { $0 + $1.intake.seconds })); merge \(seconds(r.rounds.reduce(0) { $0 + $1.merge.seconds })); "
                 + "resolve \(seconds(r.rounds.reduce(0) { $0 + $1.resolve.seconds })); publish x \(r.publishes.commands) \(seconds(r.publishes.seconds)) [\(megabytes(r.publishes.maxRSSKB))]; "
                 + "dispose \(seconds(r.disposal.seconds))\(r.finalReached ? "" : " (a timed sample, not in the total)"); finalize \(seconds(r.finalize.seconds)) [\(megabytes(r.finalize.maxRSSKB))]; "
                 + "export HTML\(r.finalReached ? "" : " of final-draft") \(seconds(r.export.seconds)) [\(megabytes(r.export.maxRSSKB))]. "
                 + "status [\(megabytes(r.status.maxRSSKB))], log [\(megabytes(r.logTally.maxRSSKB))], git log [\(megabytes(r.gitLogTally.maxRSSKB))].")
    if !r.disposalNote.isEmpty { lines.append(""); lines.append("Dispositions: \(r.disposalNote).") }
    lines.append("")
    return lines.joined(separator: "\n")
}

func growth(_ results: [ScaleResult]) -> String {
    guard results.count > 1 else { return "" }
    var lines = ["## Growth between scales", "",
                 "Exponent k in time ~ scale^k (1 = linear in the scale factor). Note that the bytes of edited copies grow as "
                 + "members x paragraphs, i.e. as scale^2.", "",
                 "| task | " + results.map { "scale \($0.scale)" }.joined(separator: " | ") + " | exponent |",
                 "|---|" + results.map { _ in "---|" }.joined() + "---|"]
    func line(_ task: String, _ value: (ScaleResult) -> Double) {
        let values = results.map(value)
        var exponents: [String] = []
        for i in 1..<results.count where values[i - 1] > 0 && values[i] > 0 {
            exponents.append(String(format: "%.2f", log(values[i] / values[i - 1]) / log(results[i].scale / results[i - 1].scale)))
        }
        lines.append("| \(task) | " + values.map(seconds).joined(separator: " | ") + " | \(exponents.joined(separator: ", ")) |")
    }
    line("intake (worst round)") { $0.rounds.map(\.intake.seconds).max() ?? 0 }
    line("git intake (worst round)") { $0.rounds.map(\.peerIntake.seconds).max() ?? 0 }
    line("merge (worst round)") { $0.rounds.map(\.merge.seconds).max() ?? 0 }
    line("git merge-file loop") { $0.rounds.map(\.peerMerge.seconds).max() ?? 0 }
    line("redline (worst pair)") { $0.rounds.map(\.redline).max() ?? 0 }
    line("git diff --word-diff") { $0.rounds.map(\.peerRedline).max() ?? 0 }
    line("status") { $0.statusSeconds }
    line("whole negotiation") { $0.whole.seconds }
    lines.append("| peak memory | " + results.map { megabytes($0.dfMaxKB) }.joined(separator: " | ") + " | |")
    return lines.joined(separator: "\n") + "\n"
}

// MARK: Main

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
    var benches: [Bench] = []
    defer { for bench in benches { bench.cleanUp() } }
    for scale in options.scales {
        let bench = try Bench(options: options, draftflow: draftflow, scale: scale)
        benches.append(bench)
        let start = monotonicSeconds()
        let result = try bench.run()
        results.append(result)
        print(report(result, only: options.only))
        print("(this scale ran in \(seconds(monotonicSeconds() - start)) in all, workload generation and the peer included)")
        print("")
    }
    print(growth(results))
} catch {
    note("draftflow-bench: \(error)")
    exit(1)
}
