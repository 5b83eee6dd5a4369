import ArgumentParser
import Testing
@testable import draftflow

/// Every command names itself. A command without `commandName` is named by ArgumentParser from
/// its type's name with `String(describing:)`, which searches every protocol conformance of the
/// executable at each start of any command listed after it (a seventh of `draftflow --help`'s
/// instructions for the one command that had none).
@Suite struct CommandNameTests {
    @Test func everyCommandHasACommandName() {
        var unnamed: [String] = []
        var named = 0
        func visit(_ command: any ParsableCommand.Type) {
            if command.configuration.commandName == nil { unnamed.append(String(reflecting: command)) } else { named += 1 }
            for subcommand in command.configuration.subcommands { visit(subcommand) }
        }
        visit(Draftflow.self)
        #expect(unnamed == [])
        #expect(named == 50)
    }
}
