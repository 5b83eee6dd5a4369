import CFuzzerDriver
import DraftFlow
import Foundation

/// What every fuzz target shares: libFuzzer's driver, the input as `Data`, and the one rule for
/// what a reader may throw. A `DraftFlowError` is a refusal the user sees, so it is a pass; any
/// other error escaping a reader is a bug (the command line would print it raw), so it stops the
/// run like a crash.
public enum FuzzInput {
    /// Runs libFuzzer with the process's arguments and exits with its status. `test` is called with
    /// every input; it must not capture anything (it is a C function pointer).
    public static func main(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }

    /// Copies libFuzzer's bytes into `Data`.
    public static func data(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        guard let start, count > 0 else { return Data() }
        return Data(bytes: start, count: count)
    }

    /// Runs `body`; a `DraftFlowError` passes, anything else traps with the error's description.
    public static func run(_ body: () throws -> Void) {
        do {
            try body()
        } catch is DraftFlowError {
            return
        } catch {
            fatalError("not a DraftFlowError: \(String(reflecting: error))")
        }
    }
}
