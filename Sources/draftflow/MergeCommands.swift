import ArgumentParser
import DraftFlow
import DraftFlowExport
import Foundation

/// Writes command output to `-o FILE` as it is, or prints it (escaped for the terminal: as JSON
/// escapes characters when `json`, else as `TerminalText` does).
func emit(_ text: String, to output: String?, json: Bool = false) throws {
    guard let output else {
        if json {
            printJSON(data: Data(text.trimmingCharacters(in: .newlines).utf8))
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
        return
    }
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
        throw DraftFlowError(.invalidInput, "cannot write \(output): \(error.localizedDescription)", fix: "check the folder exists and is writable")
    }
}

func describe(_ collision: RecordedCollision, names: [String: String]) -> String {
    var text = "\(collision.id)  paragraph \(collision.paragraph)\(collision.isOpen ? "" : "  (resolved)")\n"
    text += "    base: \(collision.baseText)\n"
    for alternative in collision.alternatives {
        let who = alternative.members.map { code in names[code].map { "\($0) (\(code))" } ?? code }.joined(separator: ", ")
        text += "    \(who): \(alternative.text.isEmpty ? "(deletes the paragraph)" : alternative.text)\n"
    }
    return text
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the round's edited copies and proposed texts into a candidate next draft.",
        discussion: """
        Every member's latest edited copy, and every comment that proposes text for a paragraph, is \
        merged three-way, word by word, against the version the round was on. Changes to different \
        passages all apply, attributed; two members changing the same passage differently is a \
        collision, listed and left unapplied until resolved. The candidate is committed in Drafts/.
        Exit status: 0 when no collision is left, 1 when collisions wait to be resolved.
        Example: draftflow merge --round draft-1
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "The round to merge (default: the last comment round).")
    var round: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        var open = 0
        try withErrorHandling {
            let context = try options.context()
            let outcome = try MergeDesk(context).merge(round: round)
            open = outcome.openCollisions.count
            if let rebuilt = outcome.rebuiltRecord {
                var standardError = StandardError()
                print("warning: \(rebuilt) did not read and was rebuilt from the submissions; the resolutions it held are not in it: "
                      + "check `draftflow collisions --all` (the earlier resolutions are in `git log -p -- \(rebuilt)`)", to: &standardError)
            }
            if !outcome.otherRounds.isEmpty {
                var standardError = StandardError()
                let others = outcome.otherRounds.joined(separator: ", ")
                print("warning: round\(outcome.otherRounds.count == 1 ? "" : "s") \(others) on \(outcome.base) also received submissions, which this merge of round \(outcome.round) does not take"
                      + " (run `draftflow merge` without --round to take every round on \(outcome.base))", to: &standardError)
            }
            if json {
                try printJSON(pieces: context.jsonPieces(outcome))
                return
            }
            let names = Dictionary(try context.workflow().members.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
            print("Merged \(MergeDesk.describe(rounds: outcome.rounds)) onto \(outcome.base): \(outcome.record.changes.count) changes applied (commit \(outcome.commitID?.prefix(7) ?? "-"))")
            // One line per paragraph: a paragraph may carry several word-level changes.
            var seen: [String] = []
            var byParagraph: [String: (kinds: Set<String>, members: Set<String>, count: Int)] = [:]
            for change in outcome.record.changes {
                if byParagraph[change.paragraph] == nil { seen.append(change.paragraph) }
                var entry = byParagraph[change.paragraph] ?? ([], [], 0)
                entry.kinds.insert(change.kind.rawValue)
                entry.members.formUnion(change.members)
                entry.count += 1
                byParagraph[change.paragraph] = entry
            }
            let width = DisplayWidth.column(seen, minimum: 10)
            for paragraph in seen {
                let entry = byParagraph[paragraph]!
                let who = entry.members.sorted().map { names[$0] ?? $0 }.joined(separator: ", ")
                print("  \(DisplayWidth.padded(paragraph, to: width)) \(entry.kinds.sorted().joined(separator: ", ")) (\(entry.count) change\(entry.count == 1 ? "" : "s")) by \(who)")
            }
            if !outcome.record.edits.isEmpty {
                print("Changes found only in edited copies (dispose of them like comments): \(outcome.record.edits.map(\.id).joined(separator: ", "))")
            }
            if !outcome.record.orphaned.isEmpty {
                print("Orphaned comments (their paragraph is gone): \(outcome.record.orphaned.joined(separator: ", "))")
            }
            if outcome.openCollisions.isEmpty {
                print("No collision to resolve.")
            } else {
                print("\(outcome.openCollisions.count) collision\(outcome.openCollisions.count == 1 ? "" : "s") to resolve:")
                for collision in outcome.openCollisions { print(describe(collision, names: names), terminator: "") }
                print("Resolve each with `draftflow resolve ID --take CODE|base` or `--text FILE`.")
            }
        }
        if open > 0 { throw ExitCode(1) }
    }
}

struct Collisions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collisions",
        abstract: "List the open collisions of the last merge: id, paragraph, base text, and each alternative with its members.",
        discussion: "Example: draftflow collisions --json"
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "The round (default: the last merged round).")
    var round: String?

    @Flag(help: "List resolved collisions too.")
    var all = false

    @Flag(help: "Print the collisions as JSON.")
    var json = false

    func run() throws {
        try withErrorHandling {
            let context = try options.context()
            let collisions = try MergeDesk(context).collisions(round: round, includeResolved: all)
            if json {
                try printJSON(data: context.json(collisions))
                return
            }
            if collisions.isEmpty {
                print(all ? "No collisions." : "No open collisions.")
                return
            }
            let names = Dictionary(try context.workflow().members.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
            for collision in collisions { print(describe(collision, names: names), terminator: "") }
        }
    }
}

struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve one collision (or all): take a member's alternative, the base text, or the secretariat's text.",
        discussion: """
        Example: draftflow resolve C1 --take USA --note "The US wording covers both points."
        With --all, every open collision is resolved the same way in one commit: --take base keeps \
        the version's text everywhere; --take CODE takes that member's alternative wherever it has one.
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The collision id, e.g. C1 (leave out with --all).")
    var id: String?

    @Flag(help: "Resolve every open collision the same way.")
    var all = false

    @Option(help: ArgumentHelp("A member code whose alternative is taken, or `base` to keep the version's text.", valueName: "CODE|base"))
    var take: String?

    @Option(help: ArgumentHelp("A file with the paragraph as the secretariat wants it.", valueName: "FILE"))
    var text: String?

    @Option(help: "Why: recorded in the commit and the merge record.")
    var note: String?

    @Option(help: "The round (default: the last merged round).")
    var round: String?

    func validate() throws {
        if (take == nil) == (text == nil) {
            throw ValidationError("give exactly one of --take CODE|base or --text FILE")
        }
        if all && id != nil { throw ValidationError("give a collision id or --all, not both") }
        if !all && id == nil { throw ValidationError("give a collision id, e.g. C1, or --all") }
        if all && text != nil { throw ValidationError("--all goes with --take, not --text") }
    }

    func run() throws {
        var open = 0
        try withErrorHandling {
            let choice: ResolutionChoice
            if let text {
                choice = .text(try TextInput.validate(try readUserFile(text, what: "the text"), what: "the text \(text)"))
            } else {
                choice = .take(take ?? "")
            }
            let outcome: MergeOutcome
            if all {
                let (resolved, result) = try Resolutions(options.context()).resolveAll(choice: choice, note: note, round: round)
                print("Resolved \(resolved.count) collision\(resolved.count == 1 ? "" : "s"): \(resolved.joined(separator: ", "))")
                outcome = result
            } else {
                outcome = try Resolutions(options.context()).resolve(collision: id!, choice: choice, note: note, round: round)
                print("Resolved \(id!).", terminator: " ")
            }
            open = outcome.openCollisions.count
            print(open == 0 ? "No collision is left." : "\(open) collision\(open == 1 ? "" : "s") still open: \(outcome.openCollisions.map(\.id).joined(separator: ", "))")
        }
        if open > 0 { throw ExitCode(1) }
    }
}

extension Decision: ExpressibleByArgument {}

/// What `dispose ID` takes: a decision, or `undecided` to take a decision back.
enum DisposeChoice: ExpressibleByArgument, Equatable {
    case decision(Decision)
    case undecided

    init?(argument: String) {
        if argument == "undecided" {
            self = .undecided
        } else if let decision = Decision(rawValue: argument) {
            self = .decision(decision)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { Decision.allCases.map(\.rawValue) + ["undecided"] }
}

struct Dispose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispose",
        abstract: "Decide one comment (accepted, modified, noted or rejected), or every undecided one.",
        discussion: """
        The disposition and the text change it causes are one commit. `rejected` and `noted` take a \
        proposed change back out of the candidate; `modified` puts the secretariat's --text in its place. \
        The note is the ISO template's "observations of the secretariat".
        Example: draftflow dispose CAN-2 modified --text para-4.2.md --note "Merged with the existing sentence."
        Example: draftflow dispose --all-undecided accepted --note "Accepted as proposed."
        A change that a collision's resolution left out of the text (another member's wording or the \
        base taken) cannot be accepted: decide it as noted, rejected or modified; --all-undecided \
        accepted leaves it undecided and names it.
        `undecided` takes a disposition back: the comment waits for a decision again, and its \
        proposed change is back in the candidate as before the decision.
        Example: draftflow dispose CAN-2 undecided
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The comment id, e.g. CAN-1, or an edit found in an edited copy, e.g. CAN-E1.")
    var comment: String?

    @Argument(help: "accepted, modified, noted or rejected; undecided takes a disposition back.")
    var decision: DisposeChoice?

    @Option(name: .customLong("all-undecided"), help: ArgumentHelp("Give every undecided comment this decision (accepted, noted or rejected), in one commit.", valueName: "DECISION"))
    var allUndecided: Decision?

    @Option(help: ArgumentHelp("For `modified`: a file with the paragraph as the secretariat wants it.", valueName: "FILE"))
    var text: String?

    @Option(help: "The observation of the secretariat.")
    var note: String?

    @Option(help: "The round (default: the last merged round).")
    var round: String?

    func validate() throws {
        if allUndecided != nil {
            if comment != nil || decision != nil { throw ValidationError("--all-undecided takes no comment id or decision of its own") }
            if text != nil { throw ValidationError("--all-undecided goes without --text") }
        } else if comment == nil || decision == nil {
            throw ValidationError("give a comment id and a decision, e.g. `dispose CAN-1 accepted`, or --all-undecided DECISION")
        }
    }

    func run() throws {
        try withErrorHandling {
            if let allUndecided {
                let (disposed, superseded, _) = try DispositionDesk(options.context()).disposeAll(undecided: allUndecided, note: note, round: round)
                print("\(allUndecided.title): \(disposed.count) comment\(disposed.count == 1 ? "" : "s") (\(disposed.prefix(10).joined(separator: ", "))\(disposed.count > 10 ? ", ..." : ""))")
                if !superseded.isEmpty {
                    let listed = superseded.sorted { $0.key < $1.key }.map { "\($0.key) (by \($0.value))" }
                    print("Left undecided, their proposed changes not in the candidate: \(listed.prefix(10).joined(separator: ", "))\(listed.count > 10 ? ", ..." : "")")
                    print("  dispose of each as noted, rejected or modified (`draftflow dispose ID rejected --note TEXT`, or `--all-undecided rejected`)")
                }
                return
            }
            if decision == .undecided {
                if text != nil || note != nil { throw DraftFlowError(.invalidInput, "`undecided` goes without --text or --note", fix: "leave them out") }
                _ = try DispositionDesk(options.context()).undo(comment: comment!, round: round)
                print("\(comment!): Undecided")
                return
            }
            guard case .decision(let decision) = decision! else { return }
            let body = try text.map { try TextInput.validate(try readUserFile($0, what: "the text"), what: "the text \($0)") }
            let (disposition, outcome) = try DispositionDesk(options.context()).dispose(comment: comment!, decision: decision, text: body, note: note, round: round)
            print("\(disposition.comment): \(disposition.decision.title)" + (disposition.note.map { " (\($0))" } ?? ""))
            if !outcome.openCollisions.isEmpty {
                print("Open collisions: \(outcome.openCollisions.map(\.id).joined(separator: ", "))")
            }
        }
    }
}

struct Compile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Print the compilation text: the draft with every member's proposals inline and attributed.",
        discussion: """
        As UN negotiators read it: deletions struck through, insertions in bold, "(Canada)" after \
        each, and collisions as bracketed alternatives, each one member's whole wording of the \
        sentence (or paragraph). It shows every proposal as submitted; --decided shows the text as \
        the dispositions and resolutions make it, each change still attributed to its proposer.
        As a Word document (--format docx, made by pandoc), each proposal is a tracked change in its \
        member's name, dated when the submission was received, and each comment a Word comment on \
        its paragraph: the secretariat accepts and rejects them in Word.
        Example: draftflow compile --format html -o compilation.html
        Example: draftflow compile --format docx -o compilation.docx
        With --marks itu each paragraph follows its mark as in an ITU conference proposal: ADD (a \
        paragraph a member adds), MOD (modified), SUP (suppressed) or NOC (no change), with the \
        paragraph's number and who proposes the change.
        Example: draftflow compile --marks itu --format html -o proposals.html
        With --lang fr the compilation is on the French version (Drafts/<name>.fr.md): each paragraph \
        in French, and under each one members propose to change, the original's paragraph with their \
        proposals as they wrote them.
        Example: draftflow compile --lang fr --format html -o compilation.fr.html
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, docx }

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "The round (default: the last comment round).")
    var round: String?

    @Option(help: "md, html or docx (docx needs pandoc and -o).")
    var format: Format = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of printing.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Show the text as decided (dispositions and resolutions applied), changes attributed to their proposers.")
    var decided = false

    enum Marks: String, ExpressibleByArgument, CaseIterable { case itu }

    @Option(help: ArgumentHelp("itu: put each paragraph after its ITU proposal mark, ADD, MOD, SUP or NOC, with its number and proposers.", valueName: "STYLE"))
    var marks: Marks?

    @Option(name: .customLong("lang"),
            help: ArgumentHelp("Show the version's language version in LANG (ar, zh, en, fr, ru, es), each paragraph members propose to change followed by the original with their proposals.",
                               valueName: "LANG"))
    var language: Language?

    func validate() throws {
        if format == .docx && output == nil { throw ValidationError("--format docx needs -o FILE") }
    }

    func run() async throws {
        try await withErrorHandling {
            try ExportResources.check()
            let context = try options.context()
            let title = "\(try context.workflow().title): compilation text"
            switch format {
            case .docx where language != nil:
                // On a language version: the HTML compilation in Word, the proposals to the
                // original quoted under their paragraphs (the tracked changes are the original's).
                let text = try Texts(context).compilation(round: round, html: true, decided: decided, ituMarks: marks == .itu, language: language)
                try await Pandoc.convert(html: HTMLPage.wrap(title: title, body: text, language: language!), to: .docx, output: URL(fileURLWithPath: output!))
                print("Wrote the compilation on the \(language!.rawValue) version (docx) to \(output!)")
            case .docx:
                let compilation = try Texts(context).compilationDocument(round: round, decided: decided, ituMarks: marks == .itu)
                try await CompilationWord.write(compilation, title: title, to: URL(fileURLWithPath: output!))
                print("Wrote the compilation (docx, \(compilation.notes.count) comment\(compilation.notes.count == 1 ? "" : "s")) to \(output!)")
            case .html:
                let text = try Texts(context).compilation(round: round, html: true, decided: decided, ituMarks: marks == .itu, language: language)
                try emit(HTMLPage.wrap(title: title, body: text, language: language ?? .en), to: output)
            case .md:
                try emit(try Texts(context).compilation(round: round, html: false, decided: decided, ituMarks: marks == .itu, language: language), to: output)
            }
        }
    }
}
