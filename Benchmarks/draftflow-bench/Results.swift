import Foundation

struct ScaleResult {
    var scale: Double
    var paragraphs = 0
    var members = 0
    var collisionPercent = 0.0
    var words = 0
    var intakeMode = ""
    var rounds: [RoundResult] = []
    var status: Tally = Tally()
    var statusSeconds = 0.0
    var logSeconds = 0.0
    var logTally = Tally()
    var gitLogSeconds = 0.0
    var gitLogTally = Tally()
    var whole = Tally()          // every draftflow command of the negotiation
    var peerWhole = Tally()      // every git command and file write of the peer
    var setup = Tally()
    var publishes = Tally()
    var opens = Tally()
    var disposal = Tally()
    var disposalNote = ""
    var finalize = Tally()
    var export = Tally()
    var finalReached = false
    var peerMaxKB = 0
    var dfMaxKB = 0
    /// The git peer was not run at this scale (`--peers-up-to`).
    var peerSkipped = false
    /// `compile --format docx` of the first round, beside pandoc on the compilation Markdown.
    var compileDocx: CompileDocxResult?
    /// What the workloads beside the negotiation measured (mail, remote, portal, Word), by name.
    var extraMetrics: [(String, Double)] = []
}

struct RoundResult {
    var name: String
    var submissions = 0
    var comments = 0
    var inputBytes = 0
    var intake = Tally()
    var peerIntake = Tally()
    var merge = RunResult(status: 0, seconds: 0, maxRSSKB: 0)
    var peerMerge = Tally()
    var peerConflicts = 0
    var collisions = 0
    var changes = 0
    var edits = 0
    var resolve = Tally()
    var redlineFrom = ""
    var redlineTo = ""
    var redline = 0.0
    var redlineKB = 0
    var peerRedline = 0.0
    var peerRedlineKB = 0
}

/// One benchmark at one scale: a fresh temporary folder with the workspace and the git peer.
