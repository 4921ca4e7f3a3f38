import Synchronization

/// The batches of messages a socket received, in arrival order, for one consumer.
///
/// Each element holds every message that was readable when the reactor drained the
/// socket (up to the reactor's batch limit), so a consumer can persist a whole batch in
/// one transaction. The sequence ends when the socket is closed or the reactor shuts
/// down, after every buffered batch was delivered.
///
/// Iterate it from one task only. Buffering is bounded: when the consumer falls behind by
/// the reactor's `inboundLimit` messages the reactor stops reading the socket, so libzmq's
/// high-water marks push back on the peers instead of memory growing; reading resumes
/// when the backlog is down to half the limit. No message is dropped on the way.
package struct ZMQInboundStream: AsyncSequence, Sendable {
    package typealias Element = [ZMQMessage]
    package typealias Failure = Never

    let base: AsyncStream<[ZMQMessage]>
    let gate: InboundGate

    package func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), gate: gate)
    }

    /// Messages received but not yet handed to the consumer.
    package var bufferedCount: Int { gate.bufferedCount }

    package struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<[ZMQMessage]>.Iterator
        let gate: InboundGate

        package mutating func next() async -> [ZMQMessage]? {
            let batch = await base.next()
            if let batch { gate.consumed(batch.count) }
            return batch
        }

        package mutating func next(isolation actor: isolated (any Actor)?) async -> [ZMQMessage]? {
            let batch = await base.next(isolation: actor)
            if let batch { gate.consumed(batch.count) }
            return batch
        }
    }
}

/// Counts the messages between the reactor and the consumer of one socket and tells the
/// reactor when to stop and resume reading it.
///
/// Both sides go through one `Mutex`, once per batch. The reactor re-reads the gate after
/// taking its command lock on every iteration, and the consumer wakes the reactor after
/// releasing the gate, so a resume is never missed.
final class InboundGate: Sendable {
    private struct State {
        var buffered = 0
        var paused = false
    }

    private let state = Mutex(State())
    private let limit: Int
    private let resumeAt: Int
    private let core: ReactorCore

    init(limit: Int, core: ReactorCore) {
        self.limit = max(1, limit)
        self.resumeAt = max(0, limit / 2)
        self.core = core
    }

    var bufferedCount: Int { state.withLock { $0.buffered } }

    /// Whether the reactor should not read the socket now.
    var isPaused: Bool { state.withLock { $0.paused } }

    /// Reactor side: `count` messages were yielded. Returns `true` when the reactor must
    /// stop reading this socket until ``isPaused`` turns false.
    func produced(_ count: Int) -> Bool {
        state.withLock { state in
            state.buffered += count
            if state.buffered >= limit { state.paused = true }
            return state.paused
        }
    }

    /// Consumer side: `count` messages were handed out.
    func consumed(_ count: Int) {
        let resume = state.withLock { state -> Bool in
            state.buffered -= count
            guard state.paused, state.buffered <= resumeAt else { return false }
            state.paused = false
            return true
        }
        if resume { core.wakeIfSleeping() }
    }
}
