import Foundation
import Synchronization
import XianjieMessages

/// Between the engine and the web server: the newest snapshot, and the live stream of flow events and
/// snapshots each dashboard receives over server-sent events. The engine writes; browsers read.
package final class ConsoleHub: Sendable {
    private struct State {
        var snapshot: Data?
        /// The snapshot's workflow figures, kept apart so statistics need not decode the snapshot.
        var figures: ConsoleSnapshot.WorkflowFigures?
        var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
        var lastRequest: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let listenerCount = Atomic<Int>(0)

    package init() {}

    /// Whether anyone is watching (or asked within the last 10 s): the engine builds snapshots only then.
    package var isWanted: Bool {
        if listenerCount.load(ordering: .relaxed) > 0 { return true }
        return state.withLock { $0.lastRequest.map { .now - $0 < .seconds(10) } ?? false }
    }

    package var hasListeners: Bool { listenerCount.load(ordering: .relaxed) > 0 }

    /// The newest snapshot as JSON (nil before the engine made one); marks the console as wanted.
    package func latest() -> Data? {
        state.withLock {
            $0.lastRequest = .now
            return $0.snapshot
        }
    }

    /// The newest snapshot's workflow figures (nil before the first snapshot).
    package func latestFigures() -> ConsoleSnapshot.WorkflowFigures? { state.withLock { $0.figures } }

    /// A new snapshot: kept, and sent to every dashboard when it differs from the last one.
    package func update(_ snapshot: ConsoleSnapshot) {
        guard let data = try? XianjieJSON.encode(snapshot) else { return }
        // Compare without the time it was made, or every snapshot would differ.
        let changed = state.withLock { state -> Bool in
            defer {
                state.snapshot = data
                state.figures = snapshot.workflow
            }
            guard let old = state.snapshot else { return true }
            return Self.withoutTime(old) != Self.withoutTime(data)
        }
        if changed { broadcast("event: snapshot\ndata: \(String(decoding: data, as: UTF8.self))\n\n") }
    }

    /// One flow event (accepted, delivered, rejected …) to every dashboard.
    package func flow(_ event: FlowEvent) {
        guard hasListeners, let data = try? XianjieJSON.encode(event) else { return }
        broadcast("event: flow\ndata: \(String(decoding: data, as: UTF8.self))\n\n")
    }

    /// A comment line every few seconds keeps proxies from closing the stream and finds dead clients.
    package func keepAlive() { if hasListeners { broadcast(": keep-alive\n\n") } }

    /// A dashboard's stream; it starts with the newest snapshot. A dashboard more than 256 chunks behind
    /// (a stalled connection, a sleeping laptop) is cut off rather than growing the coordinator's
    /// memory; its browser reconnects and starts again from the newest snapshot.
    package func subscribe() -> (id: UUID, events: AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(256))
        let first = state.withLock { state -> Data? in
            state.listeners[id] = continuation
            state.lastRequest = .now
            return state.snapshot
        }
        listenerCount.add(1, ordering: .relaxed)
        if let first { continuation.yield("event: snapshot\ndata: \(String(decoding: first, as: UTF8.self))\n\n") }
        return (id, stream)
    }

    package func unsubscribe(_ id: UUID) {
        let removed = state.withLock { $0.listeners.removeValue(forKey: id) }
        if let removed {
            removed.finish()
            listenerCount.subtract(1, ordering: .relaxed)
        }
    }

    /// Ends every stream (shutdown).
    package func finishAll() {
        let all = state.withLock { state in
            defer { state.listeners = [:] }
            return Array(state.listeners.values)
        }
        for continuation in all { continuation.finish() }
        listenerCount.store(0, ordering: .relaxed)
    }

    private func broadcast(_ chunk: String) {
        let listeners = state.withLock { Array($0.listeners) }
        for (id, listener) in listeners {
            if case .dropped = listener.yield(chunk) { unsubscribe(id) }
        }
    }

    private static func withoutTime(_ data: Data) -> Data {
        guard var text = String(data: data, encoding: .utf8),
            let range = text.range(of: #""generatedAt":"[^"]*","#, options: .regularExpression)
        else { return data }
        text.removeSubrange(range)
        return Data(text.utf8)
    }
}
