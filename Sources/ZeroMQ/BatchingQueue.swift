import Synchronization

/// A queue for one consumer that takes everything waiting at once.
///
/// Producers (socket readers, timers, API calls) `push` from any task; the consumer's `next()` returns
/// all elements queued by the time it runs, suspending only when there are none. Under load the
/// consumer sees large batches (one transaction for many messages); when idle, single elements with
/// no added delay. Cancelling the consumer's task finishes the queue.
package final class BatchingQueue<Element: Sendable>: Sendable {
    private struct State {
        var elements: [Element] = []
        var waiter: CheckedContinuation<Void, Never>?
        var finished = false
    }

    private let state = Mutex(State())

    package init() {}

    package func push(_ element: Element) {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard !state.finished else { return nil }
            state.elements.append(element)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Everything queued, or nil once finished (or the task is cancelled) and drained.
    package func next() async -> [Element]? {
        while true {
            let taken: [Element]?? = state.withLock { state in
                if !state.elements.isEmpty {
                    defer { state.elements = [] }
                    return .some(state.elements)
                }
                return state.finished ? .some(nil) : nil
            }
            if let taken { return taken }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let resumeNow = state.withLock { state in
                        if !state.elements.isEmpty || state.finished { return true }
                        state.waiter = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                finish()
            }
        }
    }

    /// Ends the queue: `next()` returns what is left, then nil.
    package func finish() {
        let waiter = state.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
