import ArgumentParser
import DraftFlow
import Foundation

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the timeline read from git history: versions, rounds, submissions.",
        discussion: "Example: draftflow log --json"
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print the timeline as JSON.")
    var json = false

    func run() throws {
        try withErrorHandling {
            let events = try Reports(options.document == nil ? options.workspaceContext() : options.context()).log()
            if json {
                try printJSON(events)
            } else {
                for event in events {
                    print("\(event.at)  \(event.summary)")
                }
            }
        }
    }
}
