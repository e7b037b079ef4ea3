/// Results written by concurrent workers (`DispatchQueue.concurrentPerform`), each to its own slot,
/// then read once all workers are done.
final class ConcurrentSlots<Element: Sendable>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Element>

    init(count: Int, initial: Element) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: initial)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}
