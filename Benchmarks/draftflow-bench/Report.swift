import Foundation

func ratioText(_ a: Double, _ b: Double) -> String {
    b > 0 ? String(format: "%.2f", a / b) : "-"
}

func report(_ r: ScaleResult, only: String?) -> String {
    var lines: [String] = []
    let m = r.members
    lines.append("## Scale \(r.scale): \(r.paragraphs) paragraphs (~\(r.words) words), \(m) members, \(r.rounds.count) comment round(s)")
    lines.append("")
    lines.append("Collisions by design: \(String(format: "%g", r.collisionPercent))% of paragraphs per round. Intake: \(r.intakeMode). Peer: git \(gitVersion), core.fsync=objects,reference, core.fsyncMethod=fsync.")
    if r.peerSkipped {
        lines.append("")
        lines.append("**The git peer was not run at this scale** (`--peers-up-to`): its columns read 0 ms, and its ratios are not measured.")
    }
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
    if let compile = r.compileDocx { lines += compileDocxReport(compile) }
    return lines.joined(separator: "\n")
}

func growth(_ results: [ScaleResult]) -> String {
    guard results.count > 1 else { return "" }
    let fixedParagraphs = Set(results.map(\.paragraphs)).count == 1
    var lines = ["## Growth between scales", "",
                 "Exponent k in time ~ scale^k (1 = linear in the scale factor). "
                 + (fixedParagraphs ? "The draft has \(results[0].paragraphs) paragraphs at every scale, so members and the bytes of edited copies both grow as the scale."
                                    : "Note that the bytes of edited copies grow as members x paragraphs, i.e. as scale^2."), "",
                 "| task | " + results.map { "scale \($0.scale) (\($0.members) members)" }.joined(separator: " | ") + " | exponent |",
                 "|---|" + results.map { _ in "---|" }.joined() + "---|"]
    func line(_ task: String, peer: Bool = false, _ value: (ScaleResult) -> Double) {
        let values = results.map(value)
        guard values.contains(where: { $0 > 0 }) else { return }
        var exponents: [String] = []
        for i in 1..<results.count where values[i - 1] > 0 && values[i] > 0 {
            exponents.append(String(format: "%.2f", log(values[i] / values[i - 1]) / log(results[i].scale / results[i - 1].scale)))
        }
        let shown = zip(results, values).map { peer && $0.peerSkipped ? "skipped" : seconds($1) }
        lines.append("| \(task) | " + shown.joined(separator: " | ") + " | \(exponents.joined(separator: ", ")) |")
    }
    line("intake (worst round)") { $0.rounds.map(\.intake.seconds).max() ?? 0 }
    line("intake, CPU (that round)") { $0.rounds.max { $0.intake.seconds < $1.intake.seconds }?.intake.cpuSeconds ?? 0 }
    line("git intake (worst round)", peer: true) { $0.rounds.map(\.peerIntake.seconds).max() ?? 0 }
    line("merge (worst round)") { $0.rounds.map(\.merge.seconds).max() ?? 0 }
    line("merge, CPU (that round)") { $0.rounds.max { $0.merge.seconds < $1.merge.seconds }?.merge.cpuSeconds ?? 0 }
    line("git merge-file loop", peer: true) { $0.rounds.map(\.peerMerge.seconds).max() ?? 0 }
    line("redline (worst pair)") { $0.rounds.map(\.redline).max() ?? 0 }
    line("git diff --word-diff", peer: true) { $0.rounds.map(\.peerRedline).max() ?? 0 }
    line("status") { $0.statusSeconds }
    line("whole negotiation") { $0.whole.seconds }
    line("whole negotiation, CPU") { $0.whole.cpuSeconds }
    line("git for the whole negotiation", peer: true) { $0.peerWhole.seconds }
    line("compile --format docx (first round)") { $0.compileDocx?.docx.seconds ?? 0 }
    line("pandoc on the compilation Markdown") { $0.compileDocx?.pandoc?.seconds ?? 0 }
    var names: [String] = []
    for result in results { for (name, _) in result.extraMetrics where !names.contains(name) { names.append(name) } }
    for name in names {
        line(name) { result in result.extraMetrics.first { $0.0 == name }?.1 ?? 0 }
    }
    lines.append("| peak memory | " + results.map { megabytes($0.dfMaxKB) }.joined(separator: " | ") + " | |")
    return lines.joined(separator: "\n") + "\n"
}
