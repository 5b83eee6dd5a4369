import Foundation

/// Results computed on several threads (`DispatchQueue.concurrentPerform`), each written once to
/// its own slot and read after all are done.
final class ConcurrentSlots<Value>: @unchecked Sendable {
    // Guarded by `lock`: every access goes through it.
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot; call once all the work has finished.
    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
