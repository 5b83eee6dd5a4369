import ArgumentParser
import DraftFlow

extension Language: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--lang ar|zh|en|fr|ru|es`: the language of what a command writes for people (the packet, the
/// disposition table, a receipt, a report, the circulation note). English is the default.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"),
            help: ArgumentHelp("The language of the document's own words and dates: ar, zh, en, fr, ru or es (default: en).", valueName: "LANG"))
    var language: Language = .en
}
