import Dispatch
import Foundation

/// Results computed on several threads (`DispatchQueue.concurrentPerform`), each written once to
/// its own slot and read after all are done.
public final class ConcurrentSlots<Value>: @unchecked Sendable {
    // Guarded by `lock`: every access goes through it.
    private let lock = NSLock()
    private var slots: [Value?]

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The value of slot `index`, which is emptied: what only one task needs is let go when it is done.
    public func take(_ index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        let value = slots[index]
        slots[index] = nil
        return value
    }

    /// Every slot; call once all the work has finished.
    public var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// `items.map(transform)`, computed on every core; the first error thrown (in item order) is rethrown.
public func concurrentMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) throws -> Result) throws -> [Result] {
    let slots = ConcurrentSlots<Swift.Result<Result, any Error>>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots.set(index, Swift.Result { try transform(items[index]) })
    }
    return try slots.values.map { try $0!.get() }
}
