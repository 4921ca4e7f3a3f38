import Foundation
import Synchronization

/// One-shot answers keyed by something (a request id): register with `expect` before asking, so an
/// answer that comes back at once is not missed; then `wait`.
final class Waiters<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private enum Slot {
        case expecting
        case waiting(CheckedContinuation<Value?, Never>)
        case answered(Value)
    }

    private let state = Mutex<[Key: Slot]>([:])

    func expect(_ key: Key) {
        state.withLock { $0[key] = .expecting }
    }

    func isExpecting(_ key: Key) -> Bool { state.withLock { $0[key] != nil } }

    /// The answer, or nil after `timeout`. The key is forgotten either way.
    func wait(for key: Key, timeout: Duration) async -> Value? {
        await withTaskGroup(of: Value?.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let answered: Value?? = self.state.withLock { state in
                        switch state[key] {
                        case .answered(let value):
                            state[key] = nil
                            return .some(value)
                        case .expecting, .waiting:
                            state[key] = .waiting(continuation)
                            return nil
                        case nil:
                            return .some(nil)
                        }
                    }
                    if let answered { continuation.resume(returning: answered) }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                self.resume(key, with: nil)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Answers a waiter; ignored when nobody expects `key`.
    func resume(_ key: Key, with value: Value?) {
        let continuation: CheckedContinuation<Value?, Never>? = state.withLock { state in
            switch state[key] {
            case .expecting:
                if let value { state[key] = .answered(value) } else { state[key] = nil }
                return nil
            case .waiting(let continuation):
                state[key] = nil
                return continuation
            case .answered, nil:
                return nil
            }
        }
        continuation?.resume(returning: value)
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
