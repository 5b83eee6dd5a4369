import ArgumentParser
import DraftFlow
import DraftFlowPortal
import Foundation
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the member portal on the workspace: members comment in a browser, the secretariat follows the round.",
        discussion: """
        Members sign in with the personal link `draftflow member invite CODE` prints; the secretariat \
        with `draftflow member invite --secretariat`. Writes go through the same rules and store as the \
        command line, which can run on the workspace at the same time. Logs go to standard error, one \
        line per request and per write. Example: draftflow serve --port 8080
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "ADDRESS"))
    var bind = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Flag(help: "Mark the session cookie Secure (when the portal is reached over HTTPS through a proxy).")
    var secureCookies = false

    func run() async throws {
        try await withErrorHandling {
            let store = try options.open()
            let scoped = try options.scoped(store)
            let title = try DraftingContext(store: scoped, now: try Clock.now()).workflow().title
            guard let folder = store.repository.workTree else {
                throw DraftFlowError(.workspace, "the workspace has no work tree", fix: "run `draftflow serve` on a workspace made by `draftflow init`")
            }
            guard (0...65535).contains(port) else {
                throw DraftFlowError(.invalidInput, "--port \(port) is not a port", fix: "give a number from 1 to 65535, e.g. --port 8080")
            }
            var configuration = PortalConfiguration(workspace: folder, host: bind, port: port, secureCookies: secureCookies,
                                                    now: { try Clock.now() })
            configuration.document = (scoped as? DocumentScopedStore)?.document
            var logger = Logger(label: "draftflow.portal")
            logger.logLevel = .info
            let portal = try Portal(configuration, logger: logger)
            let bind = bind
            try await portal.run { port in
                print("Serving \(TerminalText.escaped(title)) on http://\(bind):\(port)/ (stop with Ctrl-C)")
                print("Links: `draftflow member invite CODE` for a member, `draftflow member invite --secretariat` for the secretariat")
                fflush(nil)  // print() buffers standard output when it is a pipe
            }
        }
    }
}
