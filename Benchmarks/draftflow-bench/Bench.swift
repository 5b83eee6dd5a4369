import Foundation

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
        workload = Workload(scale: scale, collisionPercent: options.collisions, paragraphs: options.paragraphs)
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

    /// Whether the git peer runs at this scale (`--peers-up-to`).
    var withPeer: Bool { options.peersUpTo.map { workload.scale <= $0 } ?? true }

    func has(_ subcommand: [String], _ text: String) -> Bool {
        guard let (help, run) = try? runner.output(draftflow, subcommand + ["--help"], allowed: [0, 1, 64]) else { return false }
        return run.status == 0 && help.contains(text)
    }

    // MARK: The negotiation

    func run() throws -> ScaleResult {
        let fileManager = FileManager.default
        let onlyOneRound = ["intake", "merge", "redline", "compile-docx", "extras"].contains(options.only ?? "")
        let batchIntake = has(["intake"], "USAGE: draftflow intake")
        let disposeAll = has(["dispose"], "all-undecided")
        let allowsUndecided = has(["publish"], "allow-undecided")
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

        result.peerSkipped = !withPeer
        // The peer: a git repository with the same draft, durable settings.
        if withPeer {
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
        }

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
            for (m, submission) in submissions.enumerated() where withPeer {
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
            for submission in submissions where withPeer {
                let run = try git(["merge-file", "-p", current, base, "\(folder)/\(submission.member).proposal.md"], stdout: other,
                                  allowed: Set(0...127))
                round.peerMerge.add(run)
                round.peerConflicts += Int(run.status)
                swap(&current, &other)
            }
            if r == 0, options.only == nil || options.only == "compile-docx" || options.only == "extras" {
                result.compileDocx = try compileDocx(round: label, at: closes.addingTimeInterval(3_600))
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
            // The working drafts between rounds are published with comments still undecided (a
            // draftflow that checks for that is told so; older ones did not check).
            let knowingly = r < 3 && allowsUndecided ? ["--allow-undecided"] : []
            result.publishes.add(try df(["publish", "--workspace", workspace, next, "--note", "\(next) after round \(label)"] + knowingly, at: published))
            try fileManager.copyItem(atPath: "\(workspace)/Drafts/\(name)", toPath: "\(root)/versions/\(next).md")
            if withPeer {
                _ = try peerWrite {
                    try? fileManager.removeItem(atPath: "\(peer)/Drafts/\(name)")
                    try fileManager.copyItem(atPath: "\(workspace)/Drafts/\(name)", toPath: "\(peer)/Drafts/\(name)")
                }
                try git(["-C", peer, "add", "Drafts"])
                try git(["-C", peer, "commit", "-q", "-m", "\(next)", "--date", iso(published)])
                try git(["-C", peer, "tag", "-a", next, "-m", next])
            }

            // 3. Redline between the two versions (median of 3), and git diff --word-diff on the same texts.
            round.redlineFrom = label
            round.redlineTo = next
            var times: [Double] = [], peerTimes: [Double] = []
            for _ in 0..<3 {
                let run = try df(["redline", "--workspace", workspace, label, next, "-o", "\(root)/out/redline.md"], at: published, measureOnly: true)
                times.append(run.seconds)
                round.redlineKB = max(round.redlineKB, run.maxRSSKB)
                guard withPeer else { continue }
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
                if withPeer { try git(["-C", peer, "tag", "-a", "final", "-m", "final"]) }
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
            guard withPeer else { continue }
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
                // The changes a resolution superseded are left undecided by `accepted` (they are not
                // in the text): not accepted, in a second command (exit 3 when there are none).
                let rest = try df(["dispose", "--workspace", workspace, "--all-undecided", "rejected", "--round", round,
                                   "--note", "Superseded by the resolution of its collision."], at: at.addingTimeInterval(1), allowed: [0, 3])
                result.disposal.add(rest)
                result.disposalNote = "all undecided disposed with `draftflow dispose --all-undecided accepted`, then `--all-undecided rejected` for the superseded changes"
                note("    dispose --all-undecided: \(seconds(result.disposal.seconds))")
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
