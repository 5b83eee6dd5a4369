import Foundation
import Yams

/// What `Workflow.md`'s front matter may hold, checked before it is decoded: every key at every
/// level is one DraftFlow knows, and what it lists is consistent (no member, version or round
/// twice; codes and names as `member add` would take them).
enum WorkflowKeys {
    static let top = ["title", "document", "timezone", "secretariat", "recipient", "due", "submitted", "members", "versions", "rounds", "documents"]
    static let document = ["name", "file", "title", "recipient", "due", "submitted", "versions", "rounds"]
    static let secretariat = ["name", "email"]
    static let member = ["code", "name", "email", "otherEmails"]
    static let version = ["label", "published", "note"]
    static let round = ["name", "on", "kind", "opened", "closes", "closedEarly", "extensions", "subject", "visible"]
    static let roundExtension = ["at", "from", "closes", "reopened", "note"]
    static let submitted = ["to", "at", "version", "note"]

    /// The first key that is not one of these, as a sentence; nil when all are known.
    static func unknown(in node: Node) -> String? {
        guard let mapping = node.mapping else { return "has front matter that is not a mapping of keys to values" }
        if let problem = check(mapping, known: top, at: nil) { return problem }
        if let problem = unknownInside(mapping, at: "") { return problem }
        for (index, item) in (mapping["documents"]?.sequence.map(Array.init) ?? []).enumerated() {
            guard let inner = item.mapping else { continue }
            let place = "documents[\(index + 1)]"
            if let problem = check(inner, known: document, at: place) ?? unknownInside(inner, at: place + ".") { return problem }
        }
        return nil
    }

    /// The first unknown key inside the secretariat, the transmission, the members, the versions
    /// and the rounds of `mapping` (the top level, or a document of `documents:` at `prefix`).
    private static func unknownInside(_ mapping: Node.Mapping, at prefix: String) -> String? {
        for (key, value) in mapping {
            switch key.string {
            case "secretariat":
                if let inner = value.mapping, let problem = check(inner, known: secretariat, at: prefix + "secretariat") { return problem }
            case "submitted":
                if let inner = value.mapping, let problem = check(inner, known: submitted, at: prefix + "submitted") { return problem }
            case "members", "versions", "rounds":
                let name = key.string!
                let known = name == "members" ? member : name == "versions" ? version : round
                for (index, item) in (value.sequence.map(Array.init) ?? []).enumerated() {
                    let place = "\(prefix)\(name)[\(index + 1)]"
                    if let inner = item.mapping, let problem = check(inner, known: known, at: place) { return problem }
                    guard name == "rounds", let extensions = item.mapping?["extensions"]?.sequence else { continue }
                    for (number, entry) in extensions.enumerated() {
                        if let inner = entry.mapping,
                           let problem = check(inner, known: roundExtension, at: "\(place).extensions[\(number + 1)]") { return problem }
                    }
                }
            default:
                continue
            }
        }
        return nil
    }

    private static func check(_ mapping: Node.Mapping, known: [String], at place: String?) -> String? {
        for key in mapping.keys {
            let name = key.string ?? "?"
            if !known.contains(name) {
                let near = known.first { $0.lowercased() == name.lowercased() }
                return "has a key DraftFlow does not know: '\(TerminalText.escaped(name))'" + (place.map { " in \($0)" } ?? " at the top level")
                    + (near.map { " (did you mean '\($0)'? keys are case-sensitive)" } ?? "; the keys there are \(known.joined(separator: ", "))")
            }
        }
        return nil
    }

    /// The first inconsistency in what the file lists, as a sentence; nil when there is none.
    static func invalid(_ workflow: Workflow) -> String? {
        var codes = Set<String>()
        for (index, member) in workflow.members.enumerated() {
            do {
                try SafeName.memberCode(member.code)
                try SafeName.personName(member.name, what: "the name of \(member.code)", fix: "")
                for email in member.emails { try SafeName.personName(email, what: "the e-mail address of \(member.code)", fix: "") }
            } catch let error as DraftFlowError {
                return "lists a member it cannot take (members[\(index + 1)]): \(error.message)"
            } catch {
                return "lists a member it cannot take (members[\(index + 1)])"
            }
            if !codes.insert(member.code).inserted { return "lists member \(member.code) twice (the second is members[\(index + 1)])" }
        }
        if let problem = invalidDocuments(workflow) { return problem }
        for (_, round) in workflow.allRounds {
            if let subject = round.subject, let bad = TerminalText.firstUnsafe(in: subject) {
                return "has a subject for round \(TerminalText.escaped(round.name)) with the control or direction character U+\(String(format: "%04X", bad.value))"
            }
        }
        if let problem = duplicate(workflow.versions.map(\.label), what: "version") { return problem }
        if let problem = duplicate(workflow.allRounds.map(\.round.name), what: "round") { return problem }
        for (what, name) in [("the secretariat's name", workflow.secretariat.name), ("the secretariat's e-mail address", workflow.secretariat.email)] {
            if let bad = TerminalText.firstUnsafe(in: name) {
                return "has \(what) with the control or direction character U+\(String(format: "%04X", bad.value))"
            }
        }
        return nil
    }

    /// The first document of `documents:` DraftFlow cannot take: a name `document add` would
    /// refuse or given twice, a file outside `Drafts/` or another document's, a version twice.
    private static func invalidDocuments(_ workflow: Workflow) -> String? {
        guard let documents = workflow.documents else { return nil }
        var names: Set<String> = [workflow.firstDocumentName]
        var files: Set<String> = [workflow.document]
        for (index, entry) in documents.enumerated() {
            let place = "documents[\(index + 1)]"
            do {
                try SafeName.documentName(entry.name)
            } catch let error as DraftFlowError {
                return "lists a document it cannot take (\(place)): \(error.message)"
            } catch {
                return "lists a document it cannot take (\(place))"
            }
            if !names.insert(entry.name).inserted { return "lists document \(entry.name) twice (the second is \(place))" }
            if entry.file != "Drafts/\(entry.name).md" {
                return "lists document \(entry.name) with the file '\(TerminalText.escaped(entry.file))'; it must be Drafts/\(entry.name).md"
            }
            if !files.insert(entry.file).inserted { return "lists the file \(entry.file) for two documents" }
            if let bad = TerminalText.firstUnsafe(in: entry.title) {
                return "has a title for document \(entry.name) with the control or direction character U+\(String(format: "%04X", bad.value))"
            }
            if let problem = duplicate(entry.versions.map(\.label), what: "version of \(entry.name)") { return problem }
        }
        return nil
    }

    private static func duplicate(_ names: [String], what: String) -> String? {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted { return "lists \(what) \(TerminalText.escaped(name)) twice" }
        return nil
    }
}
