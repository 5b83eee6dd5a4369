import Foundation

/// The command line: which scales, which task, which executable.
let usage = """
USAGE: draftflow-bench [--scale S[,S...]] [--paragraphs N] [--only TASK] [--draftflow PATH] [--keep] [--collisions PCT] [--dispose-limit N]

  --scale S        size factor: paragraphs = 1000*S, members = 193*S (e.g. 0.25, 1, 4; a comma list runs each)
  --only TASK      intake | merge | redline | status | whole | memory | mail | word-intake | portal | remote |
                   compile-docx | extras (intake, merge and redline run one round; mail: intake --mail of one mbox
                   with a message per member, beside python's email module; word-intake: one Word copy with ~100
                   tracked changes per member, beside pandoc per file; portal: scripts/portal-load.py with the
                   members of the scale; remote: push and collect against git daemon on loopback, beside git push
                   and git fetch; compile-docx: compile --format docx beside pandoc on the compilation Markdown;
                   extras: the five of them)
  --peers-up-to S  run the git peer of the negotiation only at scales up to S (above it: "skipped")
  --draftflow PATH the draftflow executable (default: beside this program, i.e. .build/release/draftflow)
  --collisions PCT share of paragraphs that several members edit at the same words differently (default 0.5):
                   one collision each per round, and one `draftflow resolve` each
  --keep           keep the temporary folder (workspace, git peer, generated files)
  --paragraphs N   the draft's paragraphs whatever the scale (members still 193*S): with --scale 0.5,1,2,4 and
                   --paragraphs 1000, the growth table reads as growth in members alone
  --dispose-limit N  without `dispose --all-undecided`, dispose one by one only up to N comments (default 300)
"""

struct Options {
    var scales: [Double] = [1]
    var only: String?
    var draftflow: String?
    var keep = false
    var disposeLimit = 300
    var collisions = 0.5
    var paragraphs: Int?
    var peersUpTo: Double?

    static let tasks = ["intake", "merge", "redline", "status", "whole", "memory", "mail", "word-intake", "portal", "remote",
                        "compile-docx", "extras"]
    /// The workloads measured on their own (not the negotiation), in the order `extras` runs them.
    static let extraTasks = ["compile-docx", "mail", "remote", "portal", "word-intake"]

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw BenchError("\(name) needs a value\n\(usage)") }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--scale":
                let scales = try value(argument).split(separator: ",").map { Double($0) }
                guard !scales.isEmpty, scales.allSatisfy({ ($0 ?? 0) > 0 }) else { throw BenchError("--scale takes positive numbers") }
                options.scales = scales.compactMap { $0 }
            case "--only":
                let task = try value(argument)
                guard tasks.contains(task) else {
                    throw BenchError("--only takes one of \(tasks.joined(separator: ", "))\n\(usage)")
                }
                options.only = task
            case "--peers-up-to":
                guard let scale = Double(try value(argument)), scale > 0 else { throw BenchError("--peers-up-to takes a positive scale") }
                options.peersUpTo = scale
            case "--draftflow": options.draftflow = try value(argument)
            case "--keep": options.keep = true
            case "--collisions":
                guard let share = Double(try value(argument)), share >= 0, share <= 50 else { throw BenchError("--collisions takes a percentage, 0 to 50") }
                options.collisions = share
            case "--paragraphs":
                guard let count = Int(try value(argument)), count >= 20 else { throw BenchError("--paragraphs takes a number, at least 20") }
                options.paragraphs = count
            case "--dispose-limit":
                guard let limit = Int(try value(argument)) else { throw BenchError("--dispose-limit takes a number") }
                options.disposeLimit = limit
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                throw BenchError("unknown argument \(argument)\n\(usage)")
            }
        }
        return options
    }
}

/// Progress goes to standard error; the results go to standard output.
