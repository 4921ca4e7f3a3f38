import Foundation
import Synchronization

/// One-shot answers keyed by something (a request id): register with `expect` before asking, so an
/// answer that comes back at once is not missed; then `wait`. Deadlines are enforced by whoever calls
/// ``expire(now:)`` (the node's engine, on every tick), so waiting costs one continuation, no extra task.
final class Waiters<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private enum Slot {
        case expecting
        case waiting(CheckedContinuation<Value?, Never>, deadline: ContinuousClock.Instant)
        case answered(Value)
    }

    private let state = Mutex<[Key: Slot]>([:])

    func expect(_ key: Key) {
        state.withLock { $0[key] = .expecting }
    }

    func isExpecting(_ key: Key) -> Bool { state.withLock { $0[key] != nil } }

    /// The answer, or nil once `timeout` has passed (checked by ``expire(now:)``). The key is forgotten either way.
    func wait(for key: Key, timeout: Duration) async -> Value? {
        let deadline = ContinuousClock.now + timeout
        return await withCheckedContinuation { continuation in
            let answered: Value?? = state.withLock { state in
                switch state[key] {
                case .answered(let value):
                    state[key] = nil
                    return .some(value)
                case .expecting, .waiting:
                    state[key] = .waiting(continuation, deadline: deadline)
                    return nil
                case nil:
                    return .some(nil)
                }
            }
            if let answered { continuation.resume(returning: answered) }
        }
    }

    /// Answers a waiter; ignored when nobody expects `key`.
    func resume(_ key: Key, with value: Value?) {
        let continuation: CheckedContinuation<Value?, Never>? = state.withLock { state in
            switch state[key] {
            case .expecting:
                if let value { state[key] = .answered(value) } else { state[key] = nil }
                return nil
            case .waiting(let continuation, _):
                state[key] = nil
                return continuation
            case .answered, nil:
                return nil
            }
        }
        continuation?.resume(returning: value)
    }

    /// Gives up on every waiter whose deadline has passed (or on all of them, at shutdown).
    func expire(now: ContinuousClock.Instant = .now, all: Bool = false) {
        let expired: [CheckedContinuation<Value?, Never>] = state.withLock { state in
            var expired: [CheckedContinuation<Value?, Never>] = []
            for (key, slot) in state {
                if case .waiting(let continuation, let deadline) = slot, all || deadline <= now {
                    expired.append(continuation)
                    state[key] = nil
                }
            }
            return expired
        }
        for continuation in expired { continuation.resume(returning: nil) }
    }
}

/// Wakes everyone waiting for "something changed" (new inbox rows).
final class ChangeSignal: Sendable {
    private let state = Mutex<(version: UInt64, waiting: [UUID: CheckedContinuation<Void, Never>])>((0, [:]))

    var version: UInt64 { state.withLock { $0.version } }

    func notify() {
        let waiting = state.withLock { state in
            state.version &+= 1
            defer { state.waiting = [:] }
            return state.waiting
        }
        for continuation in waiting.values { continuation.resume() }
    }

    /// Returns once the version differs from `seen`, or after `timeout`.
    func wait(since seen: UInt64, timeout: Duration) async {
        let token = UUID()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let ready = self.state.withLock { state in
                        if state.version != seen { return true }
                        state.waiting[token] = continuation
                        return false
                    }
                    if ready { continuation.resume() }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                let continuation = self.state.withLock { $0.waiting.removeValue(forKey: token) }
                continuation?.resume()
            }
            await group.next()
            group.cancelAll()
        }
    }
}
