import DraftFlow

/// The error `body` was refused with, when it is what a user must see for bad input: a
/// `DraftFlowError` of kind `invalidInput` with a fix. Nil when `body` returned, threw something
/// else, or gave no fix, so that an expectation on the result fails in each of those cases.
public func refusal<T>(_ body: () throws -> T) -> DraftFlowError? {
    do {
        _ = try body()
        return nil
    } catch let error as DraftFlowError where error.kind == .invalidInput && error.fix?.isEmpty == false {
        return error
    } catch {
        return nil
    }
}
