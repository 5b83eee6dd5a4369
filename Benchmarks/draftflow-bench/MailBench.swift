import Foundation

/// `--only mail`: the secretariat's mailbox of one round, taken in with `draftflow intake --mail`.
/// One message per member (193 at scale 1), each from its registered address, a multipart
/// message with 6 comments in its body (and a greeting and a signature, which are not comments)
/// and a base64 attachment CODE.md with 7 more, the body quoted-printable for every other member;
/// the mbox is written by this program, then taken in twice: the second run must record nothing.
func mailBench(draftflow: String, scale: Double) throws -> ExtraResult {
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

    // The peer: python's email module reads each message of the mbox (one python process for the
    // mailbox, as a secretariat's script would) and writes its text and attachments to the member's
    // folder; then git add + git commit per message, authored by the member, durable as DraftFlow.
    let peer = "\(root)/peer"
    for arguments in [["init", "-q", peer], ["-C", peer, "config", "user.name", "Secretariat"], ["-C", peer, "config", "user.email", "s@example.org"],
                      ["-C", peer, "config", "core.fsync", "objects,reference"], ["-C", peer, "config", "core.fsyncMethod", "fsync"]] {
        try runner.run("git", arguments)
    }
    try mailPeerScript.write(toFile: "\(root)/extract.py", atomically: true, encoding: .utf8)
    sync()
    let extract = try runner.run("python3", ["\(root)/extract.py", "\(root)/inbox.mbox", "\(peer)/Comments/draft-1"])
    var commits = Tally()
    for member in workload.members {
        commits.add(try runner.run("git", ["-C", peer, "add", "Comments/draft-1/\(member)"]))
        commits.add(try runner.run("git", ["-C", peer, "commit", "-q", "--author", "Delegation \(member) <\(member.lowercased())@mission.example.org>",
                                           "-m", "Comments of \(member) by mail"]))
    }
    let peerSeconds = extract.seconds + commits.seconds, peerCPU = extract.cpuSeconds + commits.cpuSeconds
    let n = workload.members.count
    let text = """
        ## Mail intake: \(n) messages in one mbox (\(String(format: "%.1f", Double(size) / 1_048_576)) MiB), \(numbers.count) paragraphs

        Peer: python3's `email` module (policy `default`) reading each message of the mbox in one process and writing its text and attachments to the \
        member's folder (pandoc reads no mail, and ripmime is not installed here: python is what a secretariat has), then \
        `git add` + `git commit --author` per message (core.fsync as the negotiation's peer). The extraction alone does not parse comments, \
        match senders to members or check anything: a lower bound.

        | step | ratio DF/peer, wall (CPU) | DraftFlow wall / CPU / peak | peer wall / CPU / peak |
        |---|---|---|---|
        | mbox of \(n) messages recorded | \(ratioText(first.seconds, peerSeconds)) (\(ratioText(first.cpuSeconds, peerCPU))) | \
        \(seconds(first.seconds)) / \(seconds(first.cpuSeconds)) / \(megabytes(first.maxRSSKB)) | \
        \(seconds(peerSeconds)) / \(seconds(peerCPU)) / \(megabytes(max(extract.maxRSSKB, commits.maxRSSKB))) (extraction + \(commits.commands) git commands) |
        | of which the reading alone | \(ratioText(first.seconds, extract.seconds)) (\(ratioText(first.cpuSeconds, extract.cpuSeconds))) | (all of it) | \
        \(seconds(extract.seconds)) / \(seconds(extract.cpuSeconds)) / \(megabytes(extract.maxRSSKB)) (python email, one process) |
        | the same mbox again (DraftFlow records nothing) | - | \(seconds(again.seconds)) / \(seconds(again.cpuSeconds)) / \(megabytes(again.maxRSSKB)) | - |

        First run: \(recorded). Second run: \(againText.split(separator: "\n").dropFirst().first.map(String.init) ?? "-").

        """
    return ExtraResult(text: text, metrics: [("intake --mail", first.seconds), ("python email + git per message", peerSeconds)])
}

/// The mail peer: every message of the mbox read with python's email module, its text and its
/// attachments written to the sender's folder (the local part of its address, in capitals).
let mailPeerScript = """
    import email, email.policy, email.utils, mailbox, os, sys
    box = mailbox.mbox(sys.argv[1], create=False)
    count = 0
    for key in box.iterkeys():
        message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        sender = email.utils.parseaddr(message["From"])[1].split("@")[0].upper()
        folder = os.path.join(sys.argv[2], sender)
        os.makedirs(folder, exist_ok=True)
        body = message.get_body(preferencelist=("plain",))
        with open(os.path.join(folder, "message.txt"), "w") as out:
            out.write(body.get_content() if body is not None else "")
        for part in message.iter_attachments():
            name = os.path.basename(part.get_filename() or "attachment-%d" % count)
            with open(os.path.join(folder, name), "wb") as out:
                out.write(part.get_payload(decode=True))
        count += 1
    print(count)

    """

/// An instant as a mail header writes it, in UTC.
private func rfc5322(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.string(from: date)
}
