import Foundation
import TestSupport
import ZIPFoundation

/// `--only word-intake`: one member's Word copy of the draft each (193 at scale 1), every one with
/// about 100 tracked changes (a word deleted and its replacement inserted in 50 paragraphs) and
/// three Word comments, recorded by one `draftflow intake` of the folder of .docx files; beside it,
/// pandoc converting each file to Markdown with its tracked changes shown (one process per file, what
/// a secretariat would script: `pandoc --track-changes=all -f docx -t markdown CODE.docx`).
extension Bench {
    /// A workspace of the workload's first draft and members, draft-1 published and its round
    /// open for two weeks: what the extra workloads start from. The draft, and when the round opened.
    func openFirstRound() throws -> (draft: String, opens: Date) {
        let draft = workload.firstDraft(title: title)
        let draftPath = "\(root)/un-draft.md"
        try draft.write(toFile: draftPath, atomically: true, encoding: .utf8)
        try df(["init", workspace, "--title", title, "--document", draftPath, "--timezone", "Europe/Zurich",
                "--secretariat-name", secretariat, "--secretariat-email", "secretariat@example.org"], at: now)
        let list = "\(root)/members.csv"
        try ("code,name,email\n" + workload.members.map { "\($0),Delegation \($0),\($0.lowercased())@example.org" }.joined(separator: "\n") + "\n")
            .write(toFile: list, atomically: true, encoding: .utf8)
        try df(["member", "import", "--workspace", workspace, list], at: now)
        now = now.addingTimeInterval(86_400)
        try df(["publish", "--workspace", workspace, "draft-1", "--note", "Zero draft"], at: now)
        let opens = now.addingTimeInterval(3_600)
        try df(["round", "open", "--workspace", workspace, "--on", "draft-1", "--closes", iso(opens.addingTimeInterval(14 * 86_400)),
                "--name", "draft-1"], at: opens)
        return (draft, opens)
    }

    static let changedParagraphsPerCopy = 50

    func runWordIntake() throws -> ExtraResult {
        let (draft, opens) = try openFirstRound()

        let folder = "\(root)/inputs/word"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let lines = Workload.parse(draft)
        let paragraphs = lines.indices.filter { lines[$0].number != nil }
        var bytes = 0
        var changes = 0
        let (_, making) = try timed {
            for (m, member) in workload.members.enumerated() {
                var random = SeededGenerator(5, UInt64(m))
                let chosen = Set(random.shuffled(paragraphs).prefix(Self.changedParagraphsPerCopy))
                let copy = WordBenchCopy(lines: lines, changed: chosen, author: "Delegation \(member)", random: &random)
                changes += copy.changes
                let data = try copy.docx()
                bytes += data.count
                try data.write(to: URL(fileURLWithPath: "\(folder)/\(member).docx"))
            }
        }
        note("word-intake: \(workload.members.count) Word copies, \(changes) tracked changes, \(bytes / 1_000) KB of .docx (made in \(seconds(making)))")
        sync()
        let output = "\(root)/out/word-intake.txt"
        let run = try df(["intake", "--workspace", workspace, folder, "--round", "draft-1"], at: opens.addingTimeInterval(7 * 86_400), stdout: output)
        let said = (try? String(contentsOfFile: output, encoding: .utf8))?.split(separator: "\n").first.map(String.init) ?? ""
        let converted = "\(root)/out/word"
        try FileManager.default.createDirectory(atPath: converted, withIntermediateDirectories: true)
        sync()
        var peer = Tally()
        for member in workload.members {
            peer.add(try runner.run("pandoc", ["--track-changes=all", "-f", "docx", "-t", "markdown", "\(folder)/\(member).docx",
                                               "-o", "\(converted)/\(member).md"]))
        }
        note("word-intake: draftflow \(seconds(run.seconds)), pandoc x \(peer.commands) \(seconds(peer.seconds))")
        let n = workload.members.count
        let text = [
            "## Word intake: \(n) Word copies of a \(workload.paragraphs)-paragraph draft", "",
            "\(changes) tracked changes in all (\(changes / max(1, n)) a copy), 3 Word comments a copy, \(bytes / 1_000) KB of .docx. "
                + "Peer: `pandoc --track-changes=all -f docx -t markdown` per file, one process each; it only converts (no comment parsing, "
                + "no matching with the version, no commit): a lower bound.", "",
            "| step | ratio DF/pandoc, wall (CPU) | wall | CPU | peak memory |",
            "|---|---|---|---|---|",
            "| `draftflow intake` of the folder (\(n) submissions recorded) | \(ratioText(run.seconds, peer.seconds)) (\(ratioText(run.cpuSeconds, peer.cpuSeconds))) | "
                + "\(seconds(run.seconds)) | \(seconds(run.cpuSeconds)) | \(megabytes(run.maxRSSKB)) |",
            "| pandoc x \(peer.commands) | | \(seconds(peer.seconds)) | \(seconds(peer.cpuSeconds)) | \(megabytes(peer.maxRSSKB)) (largest) |",
            "", "draftflow said: \(said)", "",
        ].joined(separator: "\n")
        return ExtraResult(text: text, metrics: [("intake of Word copies", run.seconds), ("pandoc per Word copy", peer.seconds)])
    }
}

/// One member's Word copy: the draft's lines as Word paragraphs (headings styled, numbers
/// literal), a word replaced as a tracked deletion and insertion in each changed paragraph, curly
/// apostrophes where Word would type them, and three comments.
struct WordBenchCopy {
    private(set) var body = ""
    private(set) var comments = ""
    private(set) var changes = 0

    init(lines: [DraftLine], changed: Set<Int>, author: String, random: inout SeededGenerator) {
        let date = "2030-01-10T09:00:00Z"
        var commentCount = 0
        for (index, line) in lines.enumerated() {
            guard let language = line.language, line.number != nil, changed.contains(index), line.tokens.count > 8 else {
                let level = line.text.prefix { $0 == "#" }.count
                let text = String(line.text.dropFirst(level)).trimmingCharacters(in: .whitespaces)
                let style = level == 0 ? "" : "<w:pPr><w:pStyle w:val=\"Heading\(level)\"/></w:pPr>"
                body += "<w:p>\(style)\(Self.run(text))</w:p>"
                continue
            }
            let separator = language == .chinese ? "" : " "
            let position = 3 + Int(random.next() % UInt64(line.tokens.count - 6))
            let before = line.number! + " " + line.tokens[..<position].joined(separator: separator) + separator
            let after = separator + line.tokens[(position + 1)...].joined(separator: separator)
            let replacement = random.pick(language.words)
            var paragraph = "<w:p>"
            if commentCount < 3, changes % 30 == 0 {
                paragraph += "<w:commentRangeStart w:id=\"\(commentCount)\"/>"
                comments += "<w:comment w:id=\"\(commentCount)\" w:author=\"\(author)\" w:date=\"\(date)\"><w:p><w:r><w:t>ed: a clearer word</w:t></w:r></w:p></w:comment>"
            }
            paragraph += Self.run(before)
            paragraph += "<w:del w:id=\"\(changes)\" w:author=\"\(author)\" w:date=\"\(date)\"><w:r><w:delText>\(line.tokens[position])</w:delText></w:r></w:del>"
            paragraph += "<w:ins w:id=\"\(changes + 1)\" w:author=\"\(author)\" w:date=\"\(date)\">\(Self.run(replacement))</w:ins>"
            if commentCount < 3, changes % 30 == 0 {
                paragraph += "<w:commentRangeEnd w:id=\"\(commentCount)\"/><w:r><w:commentReference w:id=\"\(commentCount)\"/></w:r>"
                commentCount += 1
            }
            body += paragraph + Self.run(after) + "</w:p>"
            changes += 2
        }
    }

    static func run(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "'", with: "\u{2019}")
        return "<w:r><w:t xml:space=\"preserve\">\(escaped)</w:t></w:r>"
    }

    func docx() throws -> Data {
        let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let parts: [(String, String)] = [
            ("[Content_Types].xml", """
             <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
             <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\
             <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
             <Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>
             """),
            ("_rels/.rels", """
             <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
             <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
             """),
            ("word/_rels/document.xml.rels", """
             <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
             <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>
             """),
            ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document \(namespace)><w:body>\(body)</w:body></w:document>"),
            ("word/comments.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:comments \(namespace)>\(comments)</w:comments>"),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_893_456_000),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw BenchError("the .docx was not written") }
        return data
    }
}
