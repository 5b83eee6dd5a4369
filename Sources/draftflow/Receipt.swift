import ArgumentParser
import DraftFlow
import Foundation

struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Write the receipt of a member's submission.",
        discussion: """
        SUBMISSION is a member's code (CAN: its current submission in the latest round it sent one \
        in), CODE/N (submission N in that round), ROUND/CODE or ROUND/CODE/N (draft-1/CAN/2). \
        The receipt gives the round, the received instant in the workspace's zone and in UTC, on time \
        or late, each comment's id and paragraph, the commit that recorded it and the SHA-256 of each \
        stored file. The JSON form is the receipt; the Markdown and HTML forms embed it. \
        `draftflow verify --receipt FILE` checks any of them against the workspace.
        Example: draftflow receipt draft-1/CAN/1 --format json -o receipt-CAN.json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json }

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "CODE, CODE/N, ROUND/CODE or ROUND/CODE/N.")
    var submission: String

    @Option(help: "md, html or json.")
    var format: Format = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (default: standard output).", valueName: "FILE"))
    var output: String?

    @OptionGroup var lang: LanguageOption

    func run() throws {
        try withErrorHandling {
            let receipt = try Receipts(options.context()).receipt(submission)
            switch format {
            case .md: try emit(try receipt.markdown(lang.language), to: output)
            case .html: try emit(try receipt.html(lang.language), to: output)
            case .json: try emit(String(decoding: try receipt.json(), as: UTF8.self), to: output, json: true)
            }
            if let output { print("Wrote the receipt of \(receipt.name) (\(format.rawValue)) to \(output)") }
        }
    }
}

/// The receipt block `comment` and `intake` print after "Recorded …".
func printReceipt(_ receipt: Receipt) {
    print(receipt.terminalBlock(), terminator: "")
}
