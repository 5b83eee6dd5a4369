import Foundation

/// `--only mail`: the secretariat's mailbox of one round, taken in with `draftflow intake --mail`.
/// One message per member (193 at scale 1), each from its registered address, a multipart
/// message with 6 comments in its body (and a greeting and a signature, which are not comments)
/// and a base64 attachment CODE.md with 7 more, the body quoted-printable for every other member;
/// the mbox is written by this program, then taken in twice: the second run must record nothing.
func mailBench(draftflow: String, scale: Double) throws -> String {
    let workload = Workload(scale: scale, collisionPercent: 0)
    var template = Array("\(NSTemporaryDirectory())/draftflow-bench-mail-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw BenchError("cannot create a temporary folder") }
    let root = String(cString: made)
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: "\(root)/scratch", withIntermediateDirectories: true)
    let runner = Runner(scratch: "\(root)/scratch")
    let workspace = "\(root)/workspace"
    var now = try Date("2030-01-07T09:00:00Z", strategy: .iso8601)
    func df(_ arguments: [String], stdout: String = "/dev/null") throws -> RunResult {
        try runner.run(draftflow, arguments, environment: ["DRAFTFLOW_NOW": iso(now)], stdout: stdout)
    }
    let draft = workload.firstDraft(title: "Mail benchmark")
    try draft.write(toFile: "\(root)/draft.md", atomically: true, encoding: .utf8)
    let numbers = draft.split(separator: "\n").compactMap { line -> String? in
        guard let space = line.firstIndex(of: " "), line.first?.isNumber == true else { return nil }
        let number = line[..<space]
        return number.contains(".") && number.allSatisfy({ $0.isNumber || $0 == "." }) ? String(number) : nil
    }
    _ = try df(["init", workspace, "--title", "Mail benchmark", "--document", "\(root)/draft.md", "--timezone", "Europe/Zurich"])
    try ("code,name,email\n" + workload.members.map { "\($0),Delegation \($0),\($0.lowercased())@mission.example.org" }.joined(separator: "\n") + "\n")
        .write(toFile: "\(root)/members.csv", atomically: true, encoding: .utf8)
    _ = try df(["member", "import", "--workspace", workspace, "\(root)/members.csv"])
    _ = try df(["publish", "--workspace", workspace, "draft-1"])
    _ = try df(["round", "open", "--workspace", workspace, "--on", "draft-1", "--closes", "2030-02-01", "--name", "draft-1",
                "--subject", "Comments on draft-1"])
    let opened = now
    var mbox = ""
    for (index, member) in workload.members.enumerated() {
        let sent = opened.addingTimeInterval(Double(3600 + index * 600))
        func comments(_ range: Range<Int>) -> String {
            range.map { slot in
                let paragraph = numbers[(index * 13 + slot) % numbers.count]
                return "## \(paragraph) (\(["technical", "editorial", "general"][slot % 3]))\nDelegation \(member) asks for clearer wording in paragraph \(paragraph), comment \(slot + 1).\n"
            }.joined(separator: "\n")
        }
        let body = "Dear Secretariat,\n\n" + comments(0..<6) + "\n-- \nDelegation \(member)\nPermanent Mission\n"
        let attachment = Data(comments(6..<13).utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        let quoted = index % 2 == 1
        let boundary = "==bench-\(member)-\(index)=="
        let received = rfc5322(sent.addingTimeInterval(4))
        mbox += """
            From MAILER-DAEMON Mon Jan  7 09:00:00 2030
            Received: from mail.mission.example.org by mx.secretariat.example.org with ESMTPS; \(received)
            From: Delegation \(member) <\(member.lowercased())@mission.example.org>
            To: secretariat@example.org
            Subject: Re: Comments on draft-1
            Date: \(rfc5322(sent))
            Message-ID: <bench-\(index)@mission.example.org>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="\(boundary)"

            --\(boundary)
            Content-Type: text/plain; charset="utf-8"
            Content-Transfer-Encoding: \(quoted ? "quoted-printable" : "8bit")

            \(body)
            --\(boundary)
            Content-Type: text/markdown; charset="utf-8"
            Content-Disposition: attachment; filename="\(member).md"
            Content-Transfer-Encoding: base64

            \(attachment)
            --\(boundary)--


            """
    }
    try mbox.write(toFile: "\(root)/inbox.mbox", atomically: true, encoding: .utf8)
    let size = (try FileManager.default.attributesOfItem(atPath: "\(root)/inbox.mbox")[.size] as? Int) ?? 0
    now = opened.addingTimeInterval(Double(3600 + workload.members.count * 600 + 60))
    let first = try df(["intake", "--workspace", workspace, "--mail", "\(root)/inbox.mbox"], stdout: "\(root)/first.txt")
    let again = try df(["intake", "--workspace", workspace, "--mail", "\(root)/inbox.mbox"], stdout: "\(root)/again.txt")
    let firstText = (try? String(contentsOfFile: "\(root)/first.txt", encoding: .utf8)) ?? ""
    let againText = (try? String(contentsOfFile: "\(root)/again.txt", encoding: .utf8)) ?? ""
    let recorded = firstText.split(separator: "\n").first { $0.hasPrefix("Recorded") }.map(String.init) ?? "(nothing)"
    return """
        ## Mail intake: \(workload.members.count) messages in one mbox (\(String(format: "%.1f", Double(size) / 1_048_576)) MiB), \(numbers.count) paragraphs

        | Step | Wall time | Peak memory |
        |---|---|---|
        | `draftflow intake --mail inbox.mbox` | \(seconds(first.seconds)) | \(String(format: "%.0f", first.megabytes)) MB |
        | the same again (records nothing) | \(seconds(again.seconds)) | \(String(format: "%.0f", again.megabytes)) MB |

        First run: \(recorded). Second run: \(againText.split(separator: "\n").dropFirst().first.map(String.init) ?? "-").
        """
}

/// An instant as a mail header writes it, in UTC.
private func rfc5322(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.string(from: date)
}
