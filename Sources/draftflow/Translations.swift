import ArgumentParser
import DraftFlow
import Foundation

struct Translations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "List the document's language versions and the paragraphs each needs re-translated.",
        discussion: """
        A language version is Drafts/<name>.<lang>.md beside Drafts/<name>.md (ar, zh, en, fr, ru, es), \
        its paragraphs numbered as the original's. It is published with the version, like the original. \
        A paragraph needs re-translation when the original's has changed since the language version's \
        was last written (a merge's candidate counts as a change).
        Example: draftflow translations --json
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        try withErrorHandling {
            let context = try options.context()
            let versions = try LanguageVersions(context).status()
            if json {
                try printJSON(versions)
                return
            }
            let document = try context.workflow().document
            guard !versions.isEmpty else {
                print("\(document) has no language version: add one as \(LanguageVersions.path(of: document, language: "fr")) (ar, zh, en, fr, ru, es), then publish")
                return
            }
            print("Language versions of \(document):")
            for version in versions {
                print("  " + Self.summary(version))
                for stale in version.stale {
                    print("    \(stale.paragraph): the original has changed since it was translated")
                    print("      was: \(stale.translatedFrom)")
                    print("      now: \(stale.original)")
                }
                if !version.missing.isEmpty { print("    not in it yet: \(version.missing.joined(separator: ", "))") }
                if !version.removed.isEmpty { print("    no longer in the original: \(version.removed.joined(separator: ", "))") }
            }
        }
    }

    /// "zh  Drafts/outline.zh.md  current (9 paragraphs)", or what it needs.
    static func summary(_ version: LanguageVersions.Status) -> String {
        let head = "\(version.language)  \(version.file)  "
        if version.current { return head + "current (\(version.paragraphs) paragraph\(version.paragraphs == 1 ? "" : "s"))" }
        return head + "not current: " + needs(version)
    }

    /// "1 paragraph to re-translate (2.3), 1 to add (2.4)".
    static func needs(_ version: LanguageVersions.Status) -> String {
        var parts: [String] = []
        if !version.stale.isEmpty {
            let count = version.stale.count
            parts.append("\(count) paragraph\(count == 1 ? "" : "s") to re-translate (\(version.stale.map(\.paragraph).joined(separator: ", ")))")
        }
        if !version.missing.isEmpty { parts.append("\(version.missing.count) to add (\(version.missing.joined(separator: ", ")))") }
        if !version.removed.isEmpty { parts.append("\(version.removed.count) to remove (\(version.removed.joined(separator: ", ")))") }
        return parts.joined(separator: ", ")
    }

    /// The lines `status` and `publish` print: one per language version; none without any.
    static func lines(_ versions: [LanguageVersions.Status]) -> [String] {
        versions.map { version in
            "  \(version.language)  " + (version.current ? "current" : needs(version))
        }
    }
}
